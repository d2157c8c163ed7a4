/**
 * Turns a speaker phrase into a speaker: a known speaker (by name or alias),
 * the person a pronoun, title or surname points back to, the organisation that
 * issued "the statement", or a new speaker with the description its apposition
 * gives.
 */
import { DATA_WORDS } from "./lexicon";
import { type EntityKind, DETERMINERS, classifyName, headKind, isConnector, isNameToken, isPronoun, isTitleWord, isWord, lower, splitTitle, text } from "./names";
import type { Phrase } from "./attribution";
import { isPossessive, stripPossessive, type Span, type Token } from "./sentences";
import { EPITHETS, SPOKES_WORDS, type Entity, type SpeakerBook } from "./speakers";

export type ResolvedSpeaker = {
  name: string;
  id?: number;
  description: string | null;
  span: Span;
  kind: EntityKind;
  /** how the phrase led to the speaker, for the suggestion's "why" */
  how: string;
  /** named as more than one ("Sen. Oduya and Sen. Raman", "the two sides"): what a later "they" points to */
  plural?: boolean;
};

export type SpeakerMemory = {
  last: ResolvedSpeaker | null;
  lastParagraph: number;
  lastCollective: ResolvedSpeaker | null;
  lastPlural: { speaker: ResolvedSpeaker; paragraph: number } | null;
};

const POSSESSIVE_PRONOUNS: Record<string, string> = { his: "he", her: "she", their: "they", its: "it" };
const spanOf = (tokens: Token[]): Span => ({ start: tokens[0]!.start, end: tokens[tokens.length - 1]!.end });

function fromEntity(entity: Entity, span: Span, how: string): ResolvedSpeaker {
  return {
    name: entity.name,
    id: entity.known?.id,
    description: entity.known ? null : entity.description,
    span,
    kind: entity.kind,
    how,
  };
}

/** "The two sides" -> "the two sides": a common-noun speaker reads as a phrase, not a name. */
function commonName(tokens: Token[], body: string): string {
  const s = text(tokens, body);
  return tokens[0] && DETERMINERS.has(lower(tokens[0])) ? s[0]!.toLowerCase() + s.slice(1) : s;
}

function withoutDeterminer(tokens: Token[]): Token[] {
  return tokens[0] && DETERMINERS.has(lower(tokens[0])) && tokens.length > 1 ? tokens.slice(1) : tokens;
}

/** The proper name at the end of a phrase, with its connectors: "South Korea’s Unification Ministry". */
function trailingName(tokens: Token[]): number {
  let i = tokens.length;
  while (i > 0 && (isNameToken(tokens[i - 1]) || (isConnector(tokens[i - 1]) && (isNameToken(tokens[i - 2]) || (isConnector(tokens[i - 2]) && isNameToken(tokens[i - 3])))))) i--;
  return i;
}

/** Coordinated names, or a plural head: "Mark Oduya and Priya Raman", "the two sides", "Two Republicans on the committee". */
function isPlural(phrase: Phrase): boolean {
  const words = [...phrase.tokens, ...(phrase.description ?? [])].filter((t) => isWord(t)).map((t) => lower(t));
  return words.includes("and") || words.includes("both") || /^(?:two|three|four|several|many)$/.test(words[0] ?? "") || headKind(words[words.length - 1] ?? "") === "group";
}

/** The last run of capitalised words in a phrase, if it names an organisation (its owner's possessive dropped). */
function orgIn(tokens: Token[]): Token[] | null {
  let end = tokens.length;
  while (end > 0 && !isNameToken(tokens[end - 1])) end--;
  let start = end;
  while (start > 0 && (isNameToken(tokens[start - 1]) || isConnector(tokens[start - 1])) && !isPossessive(tokens[start - 1]!.text)) start--;
  if (start === end) return null;
  const run = tokens.slice(start, end);
  return classifyName(run.map((t) => t.text), false) === "org" ? run : null;
}

export function resolvePhrase(book: SpeakerBook, body: string, phrase: Phrase, memory: SpeakerMemory): ResolvedSpeaker | null {
  const resolved = resolveOne(book, body, phrase, memory);
  return resolved && isPlural(phrase) ? { ...resolved, plural: true } : resolved;
}

function resolveOne(book: SpeakerBook, body: string, phrase: Phrase, memory: SpeakerMemory): ResolvedSpeaker | null {
  const tokens = phrase.tokens;
  if (tokens.length === 0) return null;
  const span = spanOf(tokens);
  const quoted = `'${text(tokens, body)}'`;
  const description = phrase.description && phrase.description.length > 0 ? text(phrase.description, body) : null;

  const possessive = tokens.length === 1 && isWord(tokens[0]) ? POSSESSIVE_PRONOUNS[lower(tokens[0])] : undefined;
  if (tokens.length === 1 && (isPronoun(tokens[0]) || possessive)) {
    // "Her advice was simple:" — a possessive pronoun points back as its subject form does
    const p = possessive ?? lower(tokens[0]!);
    if (p === "he" || p === "she") {
      const gender = p === "he" ? "m" : "f";
      const m = book.lastPerson(span.start, gender);
      if (!m) return null;
      m.entity.gender ??= gender; // the first pronoun that fits fixes it for later ones
      return fromEntity(m.entity, span, `${quoted} resolved to ${m.entity.name}`);
    }
    if (p === "they" && memory.lastPlural && memory.lastPlural.paragraph >= memory.lastParagraph - 1) {
      const plural = memory.lastPlural.speaker;
      return { ...plural, span, how: `${quoted} resolved to ${plural.name}` };
    }
    if (p === "they" || p === "it") {
      const collective = memory.lastCollective;
      if (collective) return { ...collective, span, how: `${quoted} resolved to ${collective.name}` };
      const m = book.lastOrg(span.start, "");
      return m ? fromEntity(m.entity, span, `${quoted} resolved to ${m.entity.name}`) : null;
    }
    return null; // "I", "we": the writer or an unnamed group
  }

  const bare = withoutDeterminer(tokens);
  // "WHO estimates", "the authority’s own figures": the figures speak for whoever compiled them
  const last = tokens[tokens.length - 1]!;
  if (tokens.length > 1 && DATA_WORDS.has(lower(last))) {
    let k = tokens.length - 1;
    while (k > 0 && ["own", "latest", "official", "new", "preliminary"].includes(lower(tokens[k - 1]!))) k--;
    const owner = tokens.slice(0, k);
    if (owner.length > 0 && !(owner.length === 1 && DETERMINERS.has(lower(owner[0]!)))) {
      const ownerPhrase = { tokens: owner.map((t, i) => (i === owner.length - 1 ? { ...t, text: stripPossessive(t.text), end: t.end - (t.text.length - stripPossessive(t.text).length) } : t)), description: null };
      const resolved = resolvePhrase(book, body, ownerPhrase, memory);
      if (resolved) return resolved;
    }
  }
  const known = book.matchKnown(text(tokens, body)) ?? book.matchKnown(text(bare, body));
  if (known) return fromEntity(book.entity(known.name, "unknown"), span, `named as ${known.name}`);

  // "The Kansas Republican", "the Labour MP": a capitalised description of someone already named, not a new name
  const lastWord = lower(last).replace(/['’]s$/, "");
  const epithet = lower(tokens[0]!) === "the" && tokens.length > 1 && isNameToken(last) && (EPITHETS.has(lastWord) || (tokens.length > 2 && isTitleWord(lastWord)));
  if (epithet) {
    const modifiers = bare.slice(0, -1).map((t) => lower(t));
    const found = book.lastWithRole(span.start, lastWord, modifiers) ?? book.lastPerson(span.start);
    return found ? fromEntity(found.entity, span, `${quoted} resolved to ${found.entity.name}`) : null;
  }

  const nameStart = trailingName(tokens);
  if (nameStart < tokens.length) {
    const run = tokens.slice(nameStart);
    const pre = tokens.slice(0, nameStart);
    const split = splitTitle(run);
    const name = split.name;
    const nameText = stripPossessive(text(name, body));
    const titled = split.title.length > 0 || pre.some((t) => headKind(t.text) === "title");
    const alias = book.matchKnown(nameText) ?? book.matchKnown(text(run, body));
    if (alias) return fromEntity(book.entity(alias.name, "unknown"), span, `named as ${alias.name}`);
    if (name.length === 1 && !titled) {
      const prior = book.bySurname(name[0]!.text, span.start);
      if (prior) return fromEntity(prior.entity, span, `${quoted} taken as ${prior.entity.name}`);
    }
    // "South Korea’s Unification Ministry": the owner is description, the organisation is the speaker
    const owner = run.findIndex((t, i) => i < run.length - 1 && isPossessive(t.text));
    const own = owner >= 0 ? run.slice(owner + 1) : name;
    const ownText = owner >= 0 ? text(own, body) : nameText;
    const kind = classifyName(own.map((t) => t.text), titled);
    const desc = description ?? (pre.length > 0 || split.title.length > 0 || owner >= 0 ? text(tokens, body) : null);
    const roles = [...pre, ...split.title].filter((t) => isWord(t)).map((t) => lower(t));
    const entity = book.entity(ownText, kind === "unknown" && name.length === 1 ? "unknown" : kind, desc, roles);
    book.mention(entity, span.start, span.end, true);
    return fromEntity(entity, span, `named as ${entity.name}`);
  }

  const head = lower(tokens[tokens.length - 1]!);
  const modifiers = bare.slice(0, -1).map((t) => lower(t));
  switch (headKind(head)) {
    case "document": {
      const indefinite = ["a", "an"].includes(lower(tokens[0]!));
      const issuer = memory.lastCollective ?? memory.last;
      if (issuer && !indefinite) return { ...issuer, span, how: `${quoted} issued by ${issuer.name}` };
      if (!indefinite) return null; // "the statement" with nobody to have issued it
      const entity = book.entity(commonName(tokens, body), "org", description); // "according to a study"
      return fromEntity(entity, span, `named as ${entity.name}`);
    }
    case "group": {
      const entity = book.entity(commonName(tokens, body), "group", description);
      return fromEntity(entity, span, `named as ${entity.name}`);
    }
    case "title": {
      // "South Korea's Unification Ministry official", "a Kremlin spokesman": an unnamed voice of a named body speaks for it
      const body_ = orgIn(tokens);
      if (body_) {
        const entity = book.entity(stripPossessive(text(body_, body)), "org", description ?? text(tokens, body));
        return fromEntity(entity, span, `an unnamed source, ${quoted}`);
      }
      // "the spokesperson said": the body an earlier "a spokesperson for X" / "X said in a statement" named,
      // or one introduced as a spokesperson; never merely the last person named
      if (SPOKES_WORDS.includes(head)) {
        const spokes = book.lastSpokesBody(span.start);
        if (spokes) return fromEntity(spokes.entity, span, `${quoted} speaks for ${spokes.entity.name}`);
        if (!["a", "an"].includes(lower(tokens[0]!))) return null;
      }
      const byRole = book.lastWithRole(span.start, head, modifiers);
      if (byRole) return fromEntity(byRole.entity, span, `${quoted} resolved to ${byRole.entity.name}`);
      const desk = book.knownWithRole(head, modifiers);
      if (desk) return fromEntity(book.entity(desk.name, "person"), span, `${quoted} resolved to ${desk.name}`);
      const indefinite = tokens[0] && ["a", "an"].includes(lower(tokens[0]));
      if (indefinite) {
        // an unnamed source ("a senior U.S. official") is remembered, so "the official" can point back to it
        const entity = book.entity(commonName(bare, body), "person", description ?? text(tokens, body), [head, ...modifiers]);
        book.mention(entity, span.start, span.end, true);
        return fromEntity(entity, span, `an unnamed source, ${quoted}`);
      }
      const person = book.lastPerson(span.start);
      return person ? fromEntity(person.entity, span, `${quoted} taken as ${person.entity.name}, the last person named`) : null;
    }
    case "org": {
      const org = book.lastOrg(span.start, head);
      const definite = tokens[0] !== undefined && lower(tokens[0]) === "the" && modifiers.length === 0;
      if (org && definite) return fromEntity(org.entity, span, `${quoted} resolved to ${org.entity.name}`);
      if (definite) return null; // "the company" with no company named before
      const entity = book.entity(commonName(bare.length < tokens.length && bare.length > 1 ? bare : tokens, body), "org", description);
      return fromEntity(entity, span, `named as ${entity.name}`);
    }
    default: {
      if (!isWord(tokens[tokens.length - 1])) return null;
      return { name: commonName(tokens, body), description, span, kind: "group", how: `named as ${commonName(tokens, body)}` };
    }
  }
}
