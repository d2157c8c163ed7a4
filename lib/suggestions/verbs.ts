/**
 * A small verb detector: does a quoted phrase contain a finite verb, i.e. is it
 * words someone said rather than a term held at arm's length ("strategic
 * dialogue", "fare-free")? No tagger: a lexicon of common verbs, auxiliaries,
 * and subject pronouns is enough to tell a clause from a noun phrase.
 */

const AUXILIARIES = new Set(
  `is are was were am be been being has have had do does did will would can could shall should may might must
   isn't aren't wasn't weren't hasn't haven't hadn't don't doesn't didn't won't wouldn't can't cannot couldn't
   shouldn't mustn't ain't`.split(/\s+/),
);

const CONTRACTION = /^(i|you|we|they|he|she|it|that|there|what|who|here|this)['’](m|re|ve|ll|d|s)$/i;

const PRONOUN_SUBJECTS = new Set(["i", "we", "you", "they", "he", "she", "it"]);

/** Words after a pronoun that do not make it a clause ("for it", "and they"). */
const NOT_VERBS = new Set(
  `and or but of to in on at for with from by as than that which who the a an all both too also not never
   just only really still even very so more most much many own self`.split(/\s+/),
);

const LEMMAS = `accept accuse achieve act add admit affect agree aim allow announce answer anticipate appear apply
  approve argue arrive ask assess assume attack attempt attend avoid back ban base become begin believe belong
  benefit blame block boost borrow break bring build buy call cancel care carry cause change charge check
  choose claim close collapse come commit compare complain complete concern conclude confirm consider contain
  continue contribute control cope cost count cover create criticise criticize cross cut deal debate decide
  declare decline defend delay deliver demand deny depend deploy describe deserve destroy determine develop die
  disagree discover discuss dismiss doubt drop drive earn ease eat elect eliminate encourage end ensure enter
  escape establish estimate expand expect explain face fail fall fear feel fight file fill find finish fire
  fix focus follow force forget form gain get give go grow guarantee handle happen hate hear help hide hire
  hit hold hope hurt identify ignore imagine impose improve include increase indicate insist intend introduce
  invest investigate invite involve join judge jump keep kill know lack launch lead learn leave lend let lie
  like limit link listen live look lose love maintain make manage matter mean measure meet mention miss move
  need negotiate notice obtain occur offer open operate oppose order overstate owe own pass pay perform plan
  play prefer prepare present press prevent produce promise propose protect prove provide publish pull push
  put question raise reach read realise realize receive recognise recognize recover reduce refuse reject
  release rely remain remember remove repay replace report represent require resign resolve respond rest
  result return reveal rise risk rule run save say score see seek seem sell send serve set share show shut
  sign sit slow solve speak spend stand start stay steal stop strengthen struggle submit succeed suffer suggest
  supply support suppose survive suspect take talk teach tell tend test thank think threaten throw trade
  train travel treat trust try turn understand undermine urge use vote wait walk want warn watch weaken
  welcome win wish wonder work worry write`.split(/\s+/);

const IRREGULAR_FINITE = `said told made took came went got gave knew thought saw found left felt kept held brought began
  ran won lost paid met sent built spent stood understood sold fell led meant put set cut hit let read bought
  caught taught fought sought wrote spoke broke chose drove rose grew drew threw flew wore swore hid shot struck
  stuck hung sat lay laid became forgot forgave withdrew sank rang sang swam shook woke froze stole bore tore
  beat fled quit shut hurt cost cast burst upheld withheld overcame misled`.split(/\s+/);

function inflections(lemma: string): string[] {
  const forms = [lemma];
  const consonantY = /[^aeiou]y$/.test(lemma);
  if (consonantY) forms.push(lemma.slice(0, -1) + "ies", lemma.slice(0, -1) + "ied");
  else if (/(s|sh|ch|x|z|o)$/.test(lemma)) forms.push(lemma + "es");
  else forms.push(lemma + "s");
  if (!consonantY) forms.push(lemma.endsWith("e") ? lemma + "d" : lemma + "ed");
  // doubled final consonant: "stop" -> "stopped", "admit" -> "admitted"
  if (/[^aeiou][aeiou][bdgmnprt]$/.test(lemma)) forms.push(lemma + lemma.slice(-1) + "ed");
  return forms;
}

const FINITE_FORMS = new Set<string>(IRREGULAR_FINITE);
const BASE_FORMS = new Set<string>(LEMMAS);
for (const lemma of LEMMAS) for (const form of inflections(lemma).slice(1)) FINITE_FORMS.add(form);

const DETERMINERS = new Set(
  "a an the this that these those its their our his her my your every each no any some".split(" "),
);
const INFINITIVE_MARKERS = new Set(["to"]);
const MODALS = new Set(["will", "would", "can", "could", "shall", "should", "may", "might", "must", "won't", "'ll", "’ll"]);

const WORD = /[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu;

export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

/**
 * True when the words read as a clause or a verb phrase. `before` is the word
 * just outside the opening quote mark: a modal there ("will “discuss …”")
 * makes a bare verb at the start finite.
 */
export function hasFiniteVerb(text: string, before = ""): boolean {
  const list = words(text.toLowerCase());
  for (let i = 0; i < list.length; i++) {
    const word = list[i]!;
    const prev = i > 0 ? list[i - 1]! : before.toLowerCase();
    if (AUXILIARIES.has(word) || CONTRACTION.test(word)) return true;
    if (PRONOUN_SUBJECTS.has(word) && i + 1 < list.length && !NOT_VERBS.has(list[i + 1]!)) return true;
    if (FINITE_FORMS.has(word) && !DETERMINERS.has(prev) && !INFINITIVE_MARKERS.has(prev)) return true;
    if (BASE_FORMS.has(word) && (MODALS.has(prev) || (i > 0 && !DETERMINERS.has(prev) && !INFINITIVE_MARKERS.has(prev) && isPluralNoun(prev)))) {
      return true;
    }
  }
  return false;
}

/** "people walk", "analyses tend": a plural subject before a bare verb. */
function isPluralNoun(word: string): boolean {
  return word === "people" || word === "they" || word === "we" || (word.length > 3 && word.endsWith("s") && !word.endsWith("ss"));
}

// irregular pasts that are also present forms ("they cut", "costs hit") do not mark the past
const AMBIGUOUS_PAST = new Set("put set cut let hit read cost hurt shut quit beat cast burst".split(" "));
const IRREGULAR_PAST = new Set(IRREGULAR_FINITE.filter((w) => !AMBIGUOUS_PAST.has(w)));
const NOT_PAST_ED = new Set("need speed proceed exceed succeed indeed hundred embed seed feed breed greed shed bred red bed".split(" "));

/** Past-tense forms: used to tell a past-tense sentence from a present one. */
export function isPastTense(word: string): boolean {
  const w = word.toLowerCase();
  if (w === "was" || w === "were" || w === "had" || w === "did") return true;
  if (IRREGULAR_PAST.has(w)) return true;
  return /^[a-z]{3,}ed$/.test(w) && !NOT_PAST_ED.has(w);
}
