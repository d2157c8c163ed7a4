/**
 * The people and organisations an article names, in order, so that a pronoun,
 * a title ("the mayor") or a surname ("Lim said") can point back to the last
 * fitting one, and names can be matched to the desk's existing speakers by
 * their names and aliases (nameKey: case, hyphens, spacing, diacritics ignored).
 */
import { nameKey } from "@/lib/text/name-key";
import { ORG_WORDS, TITLE_ABBREVIATIONS, TITLE_WORDS } from "./lexicon";
import { type EntityKind, classifyName, isNameToken, isPhraseWord, isTitleWord, isWord, lower, nameRuns, splitTitle, text } from "./names";
import { isCapitalised, isPossessive, stripPossessive, type Token } from "./sentences";

export type KnownSpeaker = { id: number; name: string; aliases: string[]; description?: string | null };

export type Entity = {
  key: string;
  name: string;
  kind: EntityKind;
  description: string | null;
  /** lower-case words of its titles and descriptions, for "the mayor", "the Russian president" */
  roles: Set<string>;
  /** lower-case words of its name, for "Lim said", "Fernández told" */
  parts: Set<string>;
  known?: KnownSpeaker;
  /** from an honorific ("Ms.") or the first he/she that resolved to it */
  gender?: "m" | "f";
};

export type Mention = { entity: Entity; start: number; end: number; subject: boolean };

export const SPOKES_WORDS = ["spokesperson", "spokesman", "spokeswoman"];
/** Capitalised nouns for a member of a party or movement: "the Kansas Republican" is a person already named. */
export const EPITHETS = new Set("republican democrat conservative liberal socialist tory independent progressive nationalist libertarian centrist".split(" "));
const HONORIFICS: Record<string, "m" | "f"> = { "mr.": "m", mr: "m", "mrs.": "f", mrs: "f", "ms.": "f", ms: "f", miss: "f", sir: "m", dame: "f", lord: "m", lady: "f" };
const DETERMINER_LIKE = new Set(["the", "a", "an", "former", "new", "then"]);
const PREPOSITIONS = new Set("by with to from for against of about at on in under than as into over between among behind via".split(" "));
const roleWords = (s: string | null | undefined): string[] => (s ? s.toLowerCase().match(/[\p{L}-]+/gu) ?? [] : []);

/**
 * The desk's speakers by the lookup key of every name and alias. Building it
 * keys every alias of every speaker (thousands on a large desk): a caller that
 * suggests claims for many articles builds it once and passes it along.
 */
export class SpeakerDirectory {
  readonly known = new Map<string, KnownSpeaker>();
  constructor(readonly speakers: readonly KnownSpeaker[]) {
    for (const s of speakers) {
      for (const alias of [s.name, ...s.aliases]) {
        const key = nameKey(alias);
        if (key && !this.known.has(key)) this.known.set(key, s);
      }
    }
  }
}

export class SpeakerBook {
  private readonly known: Map<string, KnownSpeaker>;
  private readonly speakers: readonly KnownSpeaker[];
  private readonly entities = new Map<string, Entity>();
  readonly mentions: Mention[] = [];

  constructor(directory: SpeakerDirectory | readonly KnownSpeaker[]) {
    const built = directory instanceof SpeakerDirectory ? directory : new SpeakerDirectory(directory);
    this.known = built.known;
    this.speakers = built.speakers;
  }

  private readonly keys = new Map<string, string>();

  /** nameKey, remembered: the same few names are looked up again and again */
  key(name: string): string {
    let key = this.keys.get(name);
    if (key === undefined) {
      key = nameKey(name);
      if (this.keys.size < 10_000) this.keys.set(name, key);
    }
    return key;
  }

  matchKnown(name: string): KnownSpeaker | undefined {
    if (this.known.size === 0) return undefined;
    const key = this.key(name);
    return key ? this.known.get(key) : undefined;
  }

  /** The entity for a name (an existing speaker when the name or an alias matches), created on first sight. */
  entity(name: string, kind: EntityKind, description: string | null = null, roles: string[] = []): Entity {
    const known = this.matchKnown(name);
    const canonical = known ? known.name : name;
    const key = this.key(canonical);
    let entity = this.entities.get(key);
    if (!entity) {
      const knownKind = known ? classifyName(known.name.split(/\s+/), roleWords(known.description).some((w) => TITLE_WORDS.has(w))) : kind;
      entity = { key, name: canonical, kind: knownKind === "unknown" ? kind : knownKind, description: known?.description ?? null, roles: new Set(roleWords(known?.description)), parts: new Set(), known };
      for (const alias of known ? [known.name, ...known.aliases] : [name]) for (const w of roleWords(alias)) entity.parts.add(w);
      this.entities.set(key, entity);
    }
    if (description && !entity.description) entity.description = description;
    for (const w of [...roles, ...roleWords(description)]) {
      entity.roles.add(w);
      const full = TITLE_ABBREVIATIONS[w] ?? TITLE_ABBREVIATIONS[`${w}.`];
      if (full) entity.roles.add(full);
    }
    if (entity.kind === "unknown" && kind !== "unknown") entity.kind = kind;
    return entity;
  }

  /** "the Environment Agency (EA)": the short name answers for the entity from now on. */
  alias(entity: Entity, name: string): void {
    const key = this.key(name);
    if (!key || this.entities.has(key) || this.matchKnown(name)) return;
    this.entities.set(key, entity);
    for (const w of roleWords(name)) entity.parts.add(w);
  }

  /**
   * "the spokesperson": the last body (or person) introduced as a spokesperson's,
   * by "a spokesperson for X", "an X spokesman", "X said in a statement"; else
   * the last organisation named. Never a person who was not introduced as one.
   */
  lastSpokesBody(pos: number): Mention | undefined {
    let org: Mention | undefined;
    for (const m of this.before(pos)) {
      if (SPOKES_WORDS.some((w) => m.entity.roles.has(w))) return m;
      if (!org && m.entity.kind === "org") org = m;
    }
    return org;
  }

  mention(entity: Entity, start: number, end: number, subject: boolean): void {
    const m = { entity, start, end, subject };
    // mentions stay sorted by position; they almost always arrive in order
    let i = this.mentions.length;
    while (i > 0 && this.mentions[i - 1]!.start > start) i--;
    if (this.mentions[i - 1]?.start === start) return;
    this.mentions.splice(i, 0, m);
  }

  /** Mentions before pos, nearest first; at most the last 300 (a pronoun or title never reaches further back, and it keeps hostile text linear). */
  *before(pos: number): Generator<Mention> {
    let lo = 0;
    let hi = this.mentions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.mentions[mid]!.start < pos) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo - 1; i >= Math.max(0, lo - 300); i--) yield this.mentions[i]!;
  }

  /** The last person named before pos (as a subject if any), of a compatible gender when one is known. */
  lastPerson(pos: number, gender?: "m" | "f", subjectOnly = true): Mention | undefined {
    for (const m of this.before(pos)) {
      if (m.entity.kind !== "person" || (subjectOnly && !m.subject)) continue;
      if (gender && m.entity.gender && m.entity.gender !== gender) continue;
      return m;
    }
    return subjectOnly ? this.lastPerson(pos, gender, false) : undefined;
  }

  /** "the Russian president": the last person with that role, preferring one whose roles share a modifier. */
  lastWithRole(pos: number, role: string, modifiers: string[]): Mention | undefined {
    let fallback: Mention | undefined;
    for (const m of this.before(pos)) {
      if (!m.entity.roles.has(role)) continue;
      const roles = [...m.entity.roles];
      if (modifiers.length === 0 || modifiers.some((mod) => roles.some((r) => r.slice(0, 5) === mod.slice(0, 5)))) return m;
      fallback ??= m;
    }
    return fallback;
  }

  /**
   * "the Russian president" when the article never names him: the one existing
   * speaker whose description holds the title (and the modifier, if given).
   */
  knownWithRole(role: string, modifiers: string[]): KnownSpeaker | undefined {
    const fits = this.speakers.filter((s) => {
      const words = roleWords(s.description);
      return words.includes(role) && modifiers.every((m) => DETERMINER_LIKE.has(m) || words.some((w) => w.slice(0, 5) === m.slice(0, 5)));
    });
    return fits.length === 1 ? fits[0] : undefined;
  }

  /** "the company", "the ministry": the last organisation, preferring one with that word in its name or description. */
  lastOrg(pos: number, head: string): Mention | undefined {
    let fallback: Mention | undefined;
    for (const m of this.before(pos)) {
      if (m.entity.kind !== "org") continue;
      if (m.entity.parts.has(head) || m.entity.roles.has(head)) return m;
      fallback ??= m;
    }
    return fallback;
  }

  /** "Lim", "Fernández": the last person whose name has that word. */
  bySurname(word: string, pos: number): Mention | undefined {
    const w = stripPossessive(word).toLowerCase();
    for (const m of this.before(pos)) if (m.entity.kind === "person" && m.entity.parts.has(w)) return m;
    return undefined;
  }
}

/** Lower-case title words just before a name ("manager Gareth Lowe", "floor leader Park Chan-dae"), with their own modifiers. */
function titleBefore(tokens: Token[], start: number): number {
  let k = start - 1;
  let found = -1;
  while (k >= 0 && start - k <= 3 && isPhraseWord(tokens[k]) && !isCapitalised(tokens[k]!.text)) {
    if (isTitleWord(tokens[k]!.text)) found = k;
    k--;
  }
  if (found === -1) return start;
  // "Kettering boss", "Democratic Party floor leader": a name right before the title belongs to the description
  let first = k + 1;
  while (first > 0 && isNameToken(tokens[first - 1]) && start - first < 6) first--;
  return first;
}

/** ", a professor at Kyungnam University's Institute…," after a name: tokens up to the next comma or the end. */
export function appositionAfter(tokens: Token[], end: number, limit = tokens.length): Token[] | null {
  if (tokens[end]?.text !== ",") return null;
  const first = tokens[end + 1];
  if (!isWord(first) || /^\d/.test(first.text)) return null;
  const w = lower(first);
  if (w === "who" || w === "which" || w === "whose" || w === "where" || w === "and" || w === "but") return null;
  if (isCapitalised(first.text) && !isTitleWord(stripPossessive(first.text)) && !["a", "an", "the"].includes(w)) return null;
  const out: Token[] = [];
  for (let i = end + 1; i < limit && out.length < 30; i++) {
    const t = tokens[i]!;
    if (!t.word && /[,.;:!?“”"‘()—–]/.test(t.text)) break;
    if (t.word && APPOSITION_ENDS.has(lower(t))) break;
    out.push(t);
  }
  // an apposition names a role or a body ("a professor at …", "an industry group", "a retired shrimper"), not a time ("a day after …")
  return out.length > 0 && out.some((t) => t.word && isRoleWord(lower(t))) ? out : null;
}

const APPOSITION_ENDS = new Set("who which that whose where when while after before because since as if said says told".split(" "));

function isRoleWord(w: string): boolean {
  return TITLE_WORDS.has(w) || ORG_WORDS.has(w) || (w.length > 4 && /(?:er|or|ist|ian|ant|ent)s?$/.test(w) && !APPOSITION_ENDS.has(w));
}

/** "Mexico's economy minister, Lucía Fernández Ibarra": a description ending in a title, then a comma, then the name. */
export function descriptionBefore(tokens: Token[], start: number): Token[] | null {
  if (tokens[start - 1]?.text !== ",") return null;
  let k = start - 2;
  if (!isWord(tokens[k]) || !isTitleWord(tokens[k]!.text)) return null;
  const out: Token[] = [];
  while (k >= 0 && out.length < 8 && isWord(tokens[k]) && !PREPOSITIONS.has(lower(tokens[k]!)) && !["that", "and", "but", "said", "told"].includes(lower(tokens[k]!))) {
    out.unshift(tokens[k]!);
    k--;
  }
  return out;
}

/**
 * Registers every person and organisation named in a sentence (outside its
 * quotations), with titles and appositions, in text order.
 */
export function scanMentions(book: SpeakerBook, body: string, tokens: Token[], quoted: (t: Token) => boolean): void {
  for (const run of nameRuns(tokens)) {
    if (quoted(tokens[run.start]!)) continue;
    const runTokens = tokens.slice(run.start, run.end);
    // "The Kansas Republican said", "the Labour MP": a description of someone already named, not a new name
    const lastWord = lower(runTokens[runTokens.length - 1]!).replace(/['’]s$/, "");
    const prior = tokens[run.start - 1];
    if (isWord(prior) && lower(prior) === "the" && (EPITHETS.has(lastWord) || (runTokens.length > 1 && TITLE_WORDS.has(lastWord)))) {
      const modifiers = runTokens.slice(0, -1).map((x) => lower(x));
      const found = book.lastWithRole(prior.start, lastWord, modifiers) ?? book.lastPerson(prior.start);
      if (found) book.mention(found.entity, prior.start, runTokens[runTokens.length - 1]!.end, !PREPOSITIONS.has(lower(tokens[run.start - 2] ?? prior)));
      continue;
    }
    const split = splitTitle(runTokens);
    const preStart = titleBefore(tokens, run.start);
    const pre = tokens.slice(preStart, run.start);
    const name = split.name;
    if (name.length === 0) continue;
    const nameText = stripPossessive(text(name, body));
    const lastToken = runTokens[runTokens.length - 1]!;
    const before = tokens[preStart - 1];
    const subject = !isPossessive(lastToken.text) && !(isWord(before) && PREPOSITIONS.has(lower(before)));
    const titled = split.title.length > 0 || pre.length > 0;
    const known = book.matchKnown(text([...pre, ...runTokens], body)) ?? book.matchKnown(stripPossessive(text(runTokens, body))) ?? book.matchKnown(nameText);
    if (name.length === 1 && !titled && !known) {
      const prior = book.bySurname(name[0]!.text, name[0]!.start);
      if (prior) book.mention(prior.entity, name[0]!.start, name[0]!.end, subject);
      continue;
    }
    const apposition = appositionAfter(tokens, run.end);
    const reverse = descriptionBefore(tokens, run.start);
    const descriptionTokens = reverse ?? apposition ?? (titled ? [...pre, ...split.title] : null);
    const description = descriptionTokens ? text(descriptionTokens, body) : null;
    const roles = [...pre, ...split.title].map((t) => lower(t).replace(/['’]s$/, ""));
    let kind = classifyName(name.map((t) => t.text), titled || roles.some((r) => TITLE_WORDS.has(r)));
    const descWords = roleWords(description);
    if (kind !== "org" && descWords.some((w) => TITLE_WORDS.has(w))) kind = "person";
    const entity = book.entity(known ? known.name : nameText, kind, description, roles);
    const honorific = [...pre, ...split.title].map((x) => lower(x)).find((w) => HONORIFICS[w]);
    if (honorific) entity.gender ??= HONORIFICS[honorific];
    book.mention(entity, name[0]!.start, name[name.length - 1]!.end, subject);
    // "the Environment Agency (EA)": the acronym in brackets is the body's short name
    const acronym = tokens[run.end + 1];
    if (tokens[run.end]?.text === "(" && tokens[run.end + 2]?.text === ")" && isWord(acronym) && /^\p{Lu}[\p{L}&]{1,7}$/u.test(acronym.text) && kind === "org") book.alias(entity, acronym.text);
    if (entity.kind === "org" && speaksAsBody(tokens, run.start, run.end)) for (const w of SPOKES_WORDS) entity.roles.add(w);
  }
  scanTitles(book, tokens, quoted);
}

/** "a spokesperson for X", "an X spokeswoman", "X said in a statement": X speaks through a spokesperson. */
function speaksAsBody(tokens: Token[], start: number, end: number): boolean {
  let k = start - 1;
  if (isWord(tokens[k]) && lower(tokens[k]!) === "the") k--;
  if (isWord(tokens[k]) && ["for", "of", "at"].includes(lower(tokens[k]!)) && isWord(tokens[k - 1]) && SPOKES_WORDS.includes(lower(tokens[k - 1]!))) return true;
  if (isWord(tokens[end]) && SPOKES_WORDS.includes(lower(tokens[end]!))) return true;
  const after = tokens.slice(end, end + 8).map((t) => lower(t)).join(" ");
  return /^(?:\S+ )?(?:said|says|announced|confirmed|added) in (?:a|an|its) (?:written )?statement\b/.test(after);
}

/** "The mayor disagreed.", "the Harbourside manager was careful": a title standing for the last person who holds it. */
function scanTitles(book: SpeakerBook, tokens: Token[], quoted: (t: Token) => boolean): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!isWord(t) || lower(t) !== "the" || quoted(t)) continue;
    let j = i + 1;
    while (j < tokens.length && j - i <= 3 && isPhraseWord(tokens[j]) && !isTitleWord(tokens[j]!.text)) j++;
    const head = tokens[j];
    if (!head || !isTitleWord(head.text) || isNameToken(tokens[j + 1]) || !/^\p{Ll}/u.test(head.text)) continue;
    const modifiers = tokens.slice(i + 1, j).map((x) => lower(x));
    const found = book.lastWithRole(t.start, lower(head), modifiers);
    if (found) book.mention(found.entity, t.start, head.end, !PREPOSITIONS.has(lower(tokens[i - 1] ?? t)));
    i = j;
  }
}
