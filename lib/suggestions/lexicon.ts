/**
 * Closed word lists the rules lean on. They describe English news prose in
 * general (speech verbs, titles, organisation nouns), never particular articles.
 */

const set = (words: string) => new Set(words.trim().split(/\s+/));

/** Verbs that introduce reported or quoted speech, in the forms that carry a subject. */
export const SPEECH_VERBS = set(`
  say said says tell told tells add added adds argue argued argues warn warned warns
  note noted notes stress stressed stresses explain explained explains claim claimed claims
  insist insisted insists write wrote writes ask asked asks state stated states
  announce announced announces confirm confirmed confirms report reported reports
  declare declared declares acknowledge acknowledged acknowledges admit admitted admits
  predict predicted predicts recall recalled recalls reply replied replies respond responded
  tweet tweeted tweets testify testified testifies conclude concluded concludes
  emphasize emphasized emphasizes emphasise emphasised emphasises observe observed observes
  comment commented comments urge urged urges vow vowed vows pledge pledged pledges
  promise promised promises allege alleged alleges assert asserted asserts contend contended contends
  suggest suggested suggests joke joked jokes quip quipped quips complain complained complains
  caution cautioned cautions counter countered counters remark remarked remarks
  continue continued continues accuse accused accuses express expressed expresses
  describe described describes call called calls believe believes believed think thinks
  estimate estimated estimates forecast forecasts expect expects found finds
  maintain maintained maintains deny denied denies told recount recounted shout shouted
  agree agreed agrees mention mentioned mentions reveal revealed reveals
`);

/**
 * A base form ("say", "respond") is a speech cue only after a plural subject
 * ("officials say", "they warn"); elsewhere it is an infinitive ("to respond").
 * "forecast" is its own past tense.
 */
export function isBaseSpeechForm(word: string): boolean {
  if (word === "forecast") return false;
  return SPEECH_VERBS.has(word) && (SPEECH_VERBS.has(word + "s") || SPEECH_VERBS.has(word + "es"));
}

/** Verbs that name or characterise rather than report a claim ("what X called a “treaty”"): cues for a quote beside them only. */
export const NAMING_VERBS = new Set("call called calls describe described describes express expressed expresses mention mentioned mentions accuse accused accuses".split(" "));

/** Speech verbs in -ing form: their subject is the subject of the clause they hang off. */
export const PARTICIPLE_CUES = set(`
  saying adding noting arguing warning stressing explaining claiming insisting writing asking
  telling stating announcing confirming declaring acknowledging admitting predicting calling
  describing accusing urging vowing pledging promising suggesting expressing cautioning
`);

/** Abbreviated titles and the title words they stand for ("Gov. Santos" is "the governor"). */
export const TITLE_ABBREVIATIONS: Record<string, string> = {
  "gov.": "governor", "sen.": "senator", "rep.": "representative", "lt.": "lieutenant", "gen.": "general",
  "dr.": "doctor", "prof.": "professor", "capt.": "captain", "sgt.": "sergeant", "col.": "colonel", "supt.": "superintendent",
};

/** Words that can sit between a subject and its speech verb ("she later said"). */
export const SPEECH_ADVERBS = set(`
  also later earlier then again previously recently repeatedly separately further once
  simply flatly bluntly firmly openly publicly privately quietly angrily has have had
  would will could may might
`);

/** Auxiliaries that make a speech verb passive ("it was said"): nobody in particular is speaking. */
export const PASSIVE_AUXILIARIES = new Set(["was", "were", "is", "are", "been", "be", "being"]);

/** Person titles and roles, lower-cased; a title word before a name or in an apposition. */
export const TITLE_WORDS = set(`
  president vice minister secretary chief executive director mayor judge justice prosecutor
  councilmember councilman councilwoman councillor councilor senator sen. rep. representative
  gov. governor dr. mr. mrs. ms. miss prof. professor general gen. chairman chairwoman chair
  chairperson leader commissioner ambassador deputy prime premier chancellor king queen prince
  princess pope sheriff detective officer sergeant sgt. captain capt. coach manager boss
  spokesman spokeswoman spokesperson attorney lawyer barrister solicitor inspector superintendent
  lt. col. colonel lieutenant rev. reverend father sister sir dame lord lady ceo cfo coo cto
  founder co-founder head trustee pastor rabbi imam bishop cardinal archbishop economist analyst
  researcher scientist epidemiologist physician doctor nurse author editor columnist
  correspondent official aide adviser advisor strategist consultant partner owner resident
  lawmaker legislator congressman congresswoman speaker whip striker winger goalkeeper defender
  midfielder forward guard quarterback pitcher player skipper referee umpire envoy diplomat
  general admiral marshal commander secretary-general vice-president deputy-director
  chairman-elect president-elect candidate nominee activist campaigner organiser organizer
  teacher principal student worker driver farmer owner victim witness survivor mother father
  son daughter wife husband widow spokesperson representative commander-in-chief member specialist
  expert forecaster rookie freshman sophomore veteran teenager youngster
`);

/** Nouns that head an organisation's name or stand for one ("the ministry said"). */
export const ORG_WORDS = set(`
  ministry department agency institute institution university college school association
  council committee commission court bank company corp corp. corporation inc inc. ltd ltd. llc plc
  group party embassy office service administration authority board bureau center centre
  foundation fund organization organisation union federation league club society police army
  navy force forces government kremlin parliament assembly senate congress times post news
  daily journal herald sinmun shinmun media press radio television tv network securities capital
  partners holdings energy motors airlines systems technologies labs hospital church trust
  alliance coalition campaign cabinet directorate division unit team united rovers fc afc city
  county state district firm maker manufacturer producer operator retailer carrier lender
  insurer charity newspaper broadcaster outlet website platform regime side sides industry
  nations ministries agencies companies airline broadcasting exchange chamber guard command
`);

/** Nouns for documents that "say" something for whoever issued them. */
export const DOCUMENT_WORDS = set(`
  statement report study survey letter filing complaint ruling release announcement memo
  document note paper analysis article order indictment lawsuit judgment verdict decision
  review audit assessment communique communiqué declaration readout transcript email notice
  editorial bulletin
`);

/** Nouns for figures that belong to whoever compiled them ("WHO estimates", "the authority’s own figures"). */
export const DATA_WORDS = new Set("estimates figures data numbers statistics records calculations projections poll polls count tally".split(" "));

/** Plural or collective subjects that speak as one ("the two sides", "officials"). */
export const GROUP_WORDS = set(`
  sides countries officials analysts experts researchers critics residents parties leaders
  ministers prosecutors lawmakers authorities investigators scientists economists observers
  sources diplomats negotiators organisers organizers executives police doctors pair both
  governments nations allies members players fans voters
`);

/** Words that start a place name rather than a person's ("North Korea", "New York"). */
export const PLACE_PREFIXES = set(`North South East West Northern Southern Eastern Western Central New Upper Lower Greater Saint St. Mount Lake Port Fort San Santa Los Las El`);

/** Words that end a place or facility name ("Elm Street", "City Hall"). */
export const PLACE_HEADS = set(`
  street avenue road square lane boulevard drive highway bridge stadium airport station
  port hall arena park river sea ocean island islands mountains valley region province
  republic kingdom empire peninsula gulf bay coast strait tower building plaza
`);

/** Capitalised words that begin sentences or headings but are not names. */
export const CAPITAL_STOPWORDS = set(`
  the a an in on at for but and or nor so yet he she it they we i you his her its their our my your
  this that these those there here as if when while after before during since although though
  still not only every some all both many most much few several each either neither no none
  asked according sentencing maybe meanwhile however instead also even just then now today
  tomorrow yesterday last next earlier later despite because unless until what who whom whose
  which where why how with without from to of by about against among between into onto over
  under above below across along around behind beyond near off out through toward towards upon
  within mr mrs ms dr sir yes considering including regarding following given in particular
  once whether such another other than where's it's that's there's he's she's i'm we're they're
  one two three four five six seven eight nine ten is are was were will would could should may might
  must can do does did has have had be been not nobody somebody everyone anyone someone nothing
`);

/** Pronouns that can be the subject of a speech verb. */
export const SUBJECT_PRONOUNS = new Set(["he", "she", "they", "it", "we", "i"]);

export const MONTHS = [
  "january", "february", "march", "april", "may", "june",
  "july", "august", "september", "october", "november", "december",
];
export const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

/** Capitalised date words are not names. */
export const DATE_WORDS = new Set([
  ...MONTHS.map((m) => m[0]!.toUpperCase() + m.slice(1)),
  ...WEEKDAYS.map((d) => d[0]!.toUpperCase() + d.slice(1)),
  "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.",
]);
