/**
 * Rules about kinds of line that are page furniture, not story. Each rule is
 * narrow on purpose — anchored at the start or end of the line, bounded in
 * length, and keyed on a word furniture uses — because dropping a story
 * paragraph is worse than keeping a stray furniture line. The length bound is
 * checked before any pattern runs, and no pattern nests quantifiers, so a
 * hostile 100 KB line costs one comparison per rule.
 */

/** "Home » today » World » Headline", "Home > World > Asia": returns the crumbs. */
export function readBreadcrumb(line: string): string[] | null {
  if (line.length > 300) return null;
  const sep = /^home\s{0,3}(»|›|>|\/|\||→|&gt;)/i.exec(line)?.[1];
  if (!sep) return null;
  const crumbs = line.split(sep).map((c) => c.trim());
  return crumbs.length >= 2 && crumbs.every((c) => c.length <= 200) ? crumbs : null;
}

// "Copyright © 경향신문", "© 2026 The Gazette", "Copyright 2026 …": the notice opens the line.
// A sentence about copyright ("Copyright law changed…") has no ©/year right after the word.
const COPYRIGHT_OPENING = /^(?:copyright\s{0,3}(?:©|ⓒ|\(c\)|\d{4}\b)|©|ⓒ|\(c\)\s{0,2}\d{4}\b)/i;
const RIGHTS_RESERVED = /all rights reserved\.?$/i;
const KOREAN_NO_REPRINT = /무단\s?전재|재배포\s?금지/;

export function isCopyright(line: string): boolean {
  if (line.length > 300) return false;
  if (COPYRIGHT_OPENING.test(line)) return true;
  return line.length <= 200 && (RIGHTS_RESERVED.test(line) || (line.length <= 150 && KOREAN_NO_REPRINT.test(line)));
}

/** The owner named in a copyright notice: "Copyright © 2026 The Gazette. All rights…" → "The Gazette". */
export function copyrightOwner(line: string): string | null {
  const owner = line
    .replace(/^copyright\s{0,3}/i, "")
    .replace(/^(?:©|ⓒ|\(c\))\s{0,3}/i, "")
    .replace(/^\d{4}(?:\s?[-–]\s?\d{4})?,?\s{0,3}/, "")
    .replace(/^by\s/i, "")
    .split(/[.,|]|\sall rights|\s?무단/i)[0]!
    .trim();
  return owner.length >= 2 && owner.length <= 60 && /\p{L}/u.test(owner) ? owner : null;
}

// Whole-line widget labels, and the Akismet notice with its "Learn how…" tail.
const COMMENT_LABEL =
  /^(?:leave a (?:comment|reply)|post a comment|add a comment|comments are closed|join the (?:conversation|discussion)|view comments|show comments|\d{1,6} comments?|comments?(?: \(\d{1,6}\))?|you must be logged in to post a comment|cancel reply|댓글(?:\s?\d{1,6})?)\s?[:.]?$/i;
const AKISMET = /^this site uses akismet to reduce spam\b/i;

export function isCommentWidget(line: string): boolean {
  if (line.length > 200) return false;
  return COMMENT_LABEL.test(line) || (line.length <= 120 && AKISMET.test(line));
}

// "※ This article has undergone review by a professional translator…" and its Korean twin.
const TRANSLATION_LINE =
  /^(?:this (?:article|story) (?:was|has been) (?:translated|machine[- ]translated)|this article has undergone review by a professional translator|translated by\s)/i;

/** The note without its "※" mark, or null. */
export function readTranslationNote(line: string): string | null {
  if (line.length > 400) return null;
  if (line.startsWith("※")) {
    const note = line.slice(1).trim();
    return /translat|번역|\bAI\b/i.test(note) ? note : null;
  }
  return TRANSLATION_LINE.test(line) ? line : null;
}

// Korean portal buttons and counters ("글자크기 가 가 가", "기사 공유하기", "좋아요 12"): the label
// opens a short line and only counters or more labels follow, so "정말 좋아요" in a Korean story stays.
const KOREAN_UI =
  /^(?:글자\s?크기|글씨\s?크기|기사\s?공유|공유하기|스크랩|인쇄하기|구독하기|좋아요|북마크|기사\s?저장|SNS\s?보내기|다른\s?기사\s?보기|기사\s?목록|본문\s?듣기)[\s\d가-힣·|/]{0,24}$/;

export function isKoreanInterface(line: string): boolean {
  return line.length <= 40 && KOREAN_UI.test(line);
}

/**
 * "#Putin #Visit #North": every word a hashtag. "#1 seed Alcaraz…" is a story line.
 * A tag list may also hold tags of several words ("#semiconductor #tax credit #K-Chips Act"):
 * then at least two tags must start with a letter, the words outside tags may not
 * outnumber the tags, and nothing closes the line like a sentence.
 */
export function isHashtagLine(line: string): boolean {
  if (line.length > 2000 || !line.startsWith("#")) return false;
  const tokens = line.split(/\s+/).filter(Boolean);
  const tag = (t: string) => t.length >= 2 && t[0] === "#" && t[1] !== "#";
  if (tokens.every(tag)) return tokens.length >= 2 || /^#\p{L}/u.test(tokens[0]!);
  if (line.length > 300 || /[.!?:;,"“”]$/u.test(line)) return false;
  const tags = tokens.filter((t) => /^#\p{L}/u.test(t)).length;
  const words = tokens.filter((t) => !t.startsWith("#")).length;
  return tags >= 2 && words <= tags && tokens.every((t) => !t.startsWith("#") || /^#\p{L}/u.test(t));
}

// A line that quotes someone is reporting, whatever words it opens with.
const ATTRIBUTION = /\b(?:said|says|told|according to)\b/i;

// Exact whole-line labels of site chrome; an exact match cannot catch a sentence.
const NAVIGATION = new Set([
  "skip to content", "skip to main content", "skip to navigation", "menu", "main menu", "search",
  "sign in", "log in", "login", "register", "subscribe", "subscribe now", "close", "back to top",
  "go to top", "print", "print this article", "email", "email this article", "font size", "text size",
  "listen to this article", "listen", "toggle navigation", "open menu", "previous article", "next article",
  "translate", "copy link", "link copied", "newsletter", "newsletters", "sections",
  // a share tray's buttons, each alone on a line ("Share" / "Copy" / "Link copied"): an exact
  // whole-line match, so "Copy editors said…" or "Save the date, she said." stay
  "copy", "save", "saved", "save article", "save for later",
]);
const COOKIE_BANNER = /^(?:we use cookies\b|this (?:web)?site uses cookies\b|by continuing to (?:use|browse) this (?:web)?site\b|accept (?:all )?cookies$|manage cookies$|cookie (?:settings|preferences|policy)$)/i;

export function isNavigation(line: string): boolean {
  return line.length <= 40 && NAVIGATION.has(line.toLowerCase().replace(/[\s:.]+$/, ""));
}

export function isCookieBanner(line: string): boolean {
  return line.length <= 300 && COOKIE_BANNER.test(line) && !ATTRIBUTION.test(line);
}

const AD_LABEL =
  /^(?:advertisement|advertising|advertisment|ad|sponsored(?: content)?|paid content|paid post|story continues below(?: advertisement)?|article continues below(?: advertisement)?|continue reading (?:below|the main story)|scroll to continue(?: with content)?|광고)\s?[:.]?$/i;

/** "Advertisement", "Advertisement · Scroll to continue": every part an ad label. */
export function isAd(line: string): boolean {
  return line.length <= 80 && line.split(/\s[·|•]\s/).every((part) => AD_LABEL.test(part.trim()));
}

const SOCIAL = new Set([
  "facebook", "twitter", "x", "linkedin", "whatsapp", "email", "e-mail", "mail", "print", "copy", "link",
  "reddit", "telegram", "kakaotalk", "kakao", "pinterest", "messenger", "threads", "bluesky", "sms", "naver",
  "band", "line", "flipboard", "tumblr", "url",
]);

/** "Share this article", "Share on Facebook", "Facebook Twitter LinkedIn Email". */
const SHARE_OPENING =
  /^(?:share|공유|facebook|twitter|x|linkedin|whatsapp|e-?mail|mail|print|copy|reddit|telegram|kakao|pinterest|messenger|threads|bluesky|sms|naver|band|line|flipboard|tumblr|url)\b/i;

export function isShareBar(line: string): boolean {
  if (line.length > 120 || !SHARE_OPENING.test(line)) return false;
  const tokens = line.toLowerCase().replace(/[|·•/,:()]/g, " ").split(/\s+/).filter(Boolean);
  let i = 0;
  const opensWithShare = tokens[0] === "share" || tokens[0] === "공유";
  if (opensWithShare) {
    i = 1;
    if (tokens[i] === "this") i++;
    if (/^(?:article|story|page|post)$/.test(tokens[i] ?? "")) i++;
    if (tokens[i] === "on" || tokens[i] === "via" || tokens[i] === "to") i++;
  }
  const rest = tokens.slice(i);
  if (!rest.every((t) => SOCIAL.has(t))) return false;
  return opensWithShare || rest.length >= 2;
}

// The newsletter pitch names the newsletter; a story about a newsletter quotes someone.
const NEWSLETTER = /^(?:sign up|subscribe|get|register)\b[^.!?]{0,80}\bnewsletters?\b/i;

export function isNewsletterPitch(line: string): boolean {
  return line.length <= 160 && NEWSLETTER.test(line) && !ATTRIBUTION.test(line);
}

// "Read more:", "READ MORE:", "Read more »", or the bare label. A sentence such
// as "Read more about this in…" has no separator after the phrase, so it stays.
const READ_MORE =
  /^(?:read more|read also|also read|see also|read next|more on this(?: story)?|related reading|further reading|continue reading|click here to read more)(?:\s{0,3}[:»›>|]|\s[—–-]\s|\s?$)/i;

export function isReadMore(line: string): boolean {
  return line.length <= 250 && READ_MORE.test(line);
}

const RELATED_HEADING =
  /^(?:related(?: (?:stories|articles|news|coverage|content|links|posts|topics))?|more from [^:]{1,60}|more (?:stories|news|articles)|most (?:read|popular|viewed|shared)(?: (?:stories|articles|news))?|you (?:may|might) also like|recommended(?: (?:stories|articles|for you|reading))?|trending(?: now| stories)?|latest (?:news|stories|headlines)|top stories|what to read next|editor'?s picks|관련\s?(?:기사|뉴스)|많이 본\s?뉴스|인기\s?기사|keywords?|tags|topics|explore more on these topics|more on (?:this|these) (?:story|stories|topics?))\s?:?$/i;
// "Keywords", "Tags", "Topics" open the tag block at a page's foot; under the heading come tags
// and related headlines, which the related run takes while they are headline-shaped.
const RELATED_INLINE = /^related\s?:\s?\S/i;

export function isRelatedHeading(line: string): boolean {
  return line.length <= 80 && RELATED_HEADING.test(line);
}

export function isRelatedInline(line: string): boolean {
  return line.length <= 200 && RELATED_INLINE.test(line);
}

// Wire end marks: "(END)", "-30-", "###", and the Reuters credit line.
const WIRE_MARK = /^(?:\((?:end|끝)\)|-\s?30\s?-|-0-|#{3}|\/\/\/|our standards: the thomson reuters trust principles\.?)$/i;
const WIRE_CREDIT =
  /^\((?:reporting|writing|additional reporting|editing|compiled|research|graphics|translation) by [^()]{1,300}\)\.?$/i;
const WIRE_CREDIT_BARE = /^(?:additional )?reporting by [^;()]{1,200}; editing by [^;()]{1,200}$/i;

// AP's closing credit: "Associated Press writer Tom Keller in New York contributed to this report."
// It must name a newsroom role and end with the formula itself, so "The writer, who contributed
// to this report in 2019, said…" (which goes on) stays.
const CONTRIBUTED_CREDIT =
  /^[^.!?"“”]{0,120}\b(?:writers?|reporters?|correspondents?|journalists?|researchers?|photographers?|staff|videojournalists?)\b[^!?"“”]{1,160}\bcontributed(?: reporting)?(?: to (?:this|the) (?:report|story|article))?(?: from [^.!?]{1,60})?\.?$/i;
const CONTRIBUTING_LABEL = /^(?:contributing|additional reporting)\s?:\s?\p{Lu}[^.!?]{1,200}\.?$/iu;

export function isWireEnd(line: string): boolean {
  if (line.length > 320) return false;
  if (WIRE_MARK.test(line) || WIRE_CREDIT.test(line) || WIRE_CREDIT_BARE.test(line)) return true;
  if (ATTRIBUTION.test(line)) return false;
  return (/contributed/i.test(line) && CONTRIBUTED_CREDIT.test(line)) || CONTRIBUTING_LABEL.test(line);
}

/**
 * "(END)", "-30-", "###": the wire's mark that the story is over. Headline-shaped lines
 * after it are the page's foot (tags, related headlines); see clean-text.ts.
 */
export function isWireEndMark(line: string): boolean {
  return line.length <= 80 && WIRE_MARK.test(line);
}

// The reporter's address alone on a line, perhaps after "Email:" or in brackets.
const EMAIL_LINE =
  /^(?:(?:e-?mail|contact|reach (?:him|her|them|the (?:author|reporter|writer)) at|write to)\s?:?\s{0,2})?[[(<]?[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,5}[\])>]?\.?$/i;

export function isEmailLine(line: string): boolean {
  return line.length <= 140 && EMAIL_LINE.test(line);
}

// A credit closing a caption. Each needs a photo word or an agency at the very end of the line,
// and "courtesy of" must open a sentence ("…, courtesy of the mayor." stays a story line).
const CAPTION_CREDITS = [
  /(?:^|[.!?”"’)]\s{1,3}|[/|]\s{0,3})courtesy of [^.]{2,80}$/i,
  /\[[^[\]=]{1,30}=[^[\]]{1,60}\]$/,
  /\([^()=]{1,30}=[^()]{1,60}\)$/,
  /\((?:(?:ap|afp|epa|reuters|yonhap|xinhua|kyodo|pool|getty images)\s)?photo(?:\s?\/[^()]{1,80})?\)$/i,
  /(?:^|[.!?”"’)]\s{1,3}|[/|]\s{0,3})(?:photo|photograph|picture|image|file photo)s?\s?(?::|by\s)\s?[^.]{1,80}$/i,
  /\s\/\s?(?:yonhap|reuters|ap|afp|epa|getty images|newsis|news1|xinhua|kyodo|bloomberg|shutterstock|연합뉴스|뉴시스|뉴스1)\.?$/i,
  /\((?:yonhap|reuters|ap|afp|epa|xinhua|kyodo|newsis|news1|pool photo)\)\.?$/i,
  /\[[A-Z][A-Z0-9 .,&'/-]{1,40}\]$/,
];

export function isCaption(line: string): boolean {
  return line.length <= 600 && CAPTION_CREDITS.some((credit) => credit.test(line));
}

// ---- Lines added after the unseen-article review. Each is anchored, bounded in length
// and keyed on the words such furniture uses; each has a near-miss test that stays.

/** "___", "* * *", "———", "=====": a rule drawn in text between a story and its credits. */
export function isSeparator(line: string): boolean {
  return line.length <= 200 && /^[-_=*~—–•·\s]{3,}$/.test(line) && /[^\s]{3}|[^\s]\s[^\s]\s[^\s]/.test(line);
}

// "Follow AP's coverage of the FAA at https://apnews.com/hub/…": a pointer to more coverage, with
// its address. A sentence about following someone has no "coverage"/"updates" and no address.
const FOLLOW_COVERAGE = /^(?:follow|find|see|read)\s(?:more\s)?(?:of\s)?(?:[\p{L}.'’&-]{1,30}\s){0,4}(?:coverage|updates|live updates|reporting|stories)\b/iu;
const ENDS_WITH_ADDRESS = /\s(?:at|on|here:?)\s(?:https?:\/\/)?[\w-]{1,63}(?:\.[\w-]{1,63}){1,5}(?:\/\S{0,300})?\.?$/i;

export function isCoveragePointer(line: string): boolean {
  return line.length <= 400 && FOLLOW_COVERAGE.test(line) && ENDS_WITH_ADDRESS.test(line);
}

// The labels screen readers hear before a picture's credit and caption (the BBC prints them
// as "Image source, Getty Images" and "Image caption, Ferry Lane was…"). The label and its
// comma or colon open the line; "Image source data was lost" has neither.
const PICTURE_LABEL = /^(?:image|picture|photo|photograph|video|media)\s(source|caption|credit)s?\s?[,:]\s?(\S.{0,300})$/i;

/** The credit or caption text after a screen-reader label, and which it is; null for other lines. */
export function readPictureLabel(line: string): { kind: "source" | "caption"; text: string } | null {
  if (line.length > 320 || ATTRIBUTION.test(line)) return null;
  const m = PICTURE_LABEL.exec(line);
  if (!m) return null;
  return { kind: m[1]!.toLowerCase() === "caption" ? "caption" : "source", text: m[2]!.trim() };
}

// An embedded post's credit line: "— Tim Ferrand MP (@TimFerrandMP) July 15, 2025". The dash,
// a name, the @handle in brackets, and nothing after but a date (checked by the caller).
const EMBED_CREDIT = /^[—–-]{1,2}\s?[^()\n]{1,80}\s\(@[A-Za-z0-9_.]{1,30}\)\s?(.{0,60})$/;

/** The date text after an embedded post's credit ("" when there is none), or null. */
export function readEmbedCredit(line: string): string | null {
  if (line.length > 200) return null;
  const m = EMBED_CREDIT.exec(line);
  return m ? m[1]!.trim() : null;
}

// "As ever, you can get in touch at priya.nair@…": a contact line ending in the address. A story
// line that gives an address goes on after it or quotes someone, and stays.
const CONTACT_PHRASE =
  /\b(?:get in touch|contact (?:me|us|the (?:author|reporter|writer|desk|newsroom))|e-?mail (?:me|us)|reach (?:me|us)|write to (?:me|us)|send (?:me|us) (?:a |an |your )?(?:tips?|news|thoughts|questions|comments|feedback|e-?mail)|tips? (?:to|at)|drop (?:me|us) a line)\b/i;
const ENDS_WITH_EMAIL = /\s[[(<]?[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,5}[\])>]?\.?$/;

export function isContactLine(line: string): boolean {
  return line.length <= 200 && !ATTRIBUTION.test(line) && ENDS_WITH_EMAIL.test(line) && CONTACT_PHRASE.test(line);
}

// A live blog's entry time alone on a line: "16.20 BST", "9:05 a.m. ET", "14:32". It needs a
// colon, a meridiem or a zone, so a bare "16.20" (a price, a score) stays.
const TIME_ONLY = /^(?:[01]?\d|2[0-3])([:.])[0-5]\d(\s?[ap]\.?m\.?)?(\s?(?:[A-Z]{2,5}|UTC[+-]\d{1,2}))?$/;

/** The zone word of a time-only line ("BST"), "" when it has none; null for any other line. */
export function readTimeOnly(line: string): string | null {
  if (line.length > 24) return null;
  const m = TIME_ONLY.exec(line);
  if (!m || (m[1] !== ":" && !m[2] && !m[3])) return null;
  return (m[3] ?? "").trim();
}

// Calls to action that are chrome, not story. Each is a whole line and opens with its verb.
// "Watch the full report above", "See the video below".
const WATCH_CTA =
  /^(?:watch|see|view|listen to)\s(?:the\s|our\s)?(?:full\s|complete\s|extended\s|entire\s|live\s)?(?:video\s)?(?:report|video|story|interview|segment|clip|broadcast|newscast|coverage|podcast)\s(?:above|below|here)\.?$/i;
// "Download our app", "Download the WXYZ 7 News Detroit app for the latest news": "our", or a
// name in capitals between "the" and "app" — "Download speeds rose…" and "download the city's
// app, officials said" do not fit.
// Case matters for the name, so the pattern has no i flag and the small words allow both cases.
const APP_CTA =
  /^(?:[Dd]ownload|[Gg]et|[Ii]nstall|[Tt]ry)\s(?:[Oo]ur(?:\s[Ff]ree)?(?:\s[Nn]ews|\s[Mm]obile)?\s[Aa]pps?|[Tt]he\s(?:[Ff]ree\s)?(?:[\p{Lu}\d][\p{L}\d'’&.+-]{0,24}\s){1,6}(?:[Nn]ews\s|[Mm]obile\s)?[Aa]pps?|[Tt]he\s[Aa]pp)\b(?:\s(?:for|to|and|on|now|today|here)\b[^.!?]{0,100})?[.!]?$/u;
// "Report a typo", "Submit a correction", "Spot an error?"
const CORRECTION_CTA =
  /^(?:report (?:a|an) (?:typo|error|correction|mistake|problem with this (?:article|story))|(?:submit|suggest|request) a correction|(?:found|spot(?:ted)?|see) (?:a|an) (?:typo|error|mistake)\??(?: let us know\.?)?)\.?$/i;
// "View this post on the web", "View in browser", "Open in app": a newsletter's header links.
const VIEW_ELSEWHERE =
  /^(?:view|read|open)\s(?:this\s(?:post|e-?mail|newsletter|story|article|message|issue)\s)?(?:on the web|online|in (?:your |a |the )?(?:web )?browser|in (?:the )?app)\.?$/i;

/** The reason for a call-to-action line, or null. */
export function callToAction(line: string): "navigation" | "ad" | null {
  if (line.length > 200) return null;
  if (APP_CTA.test(line)) return "ad";
  return WATCH_CTA.test(line) || CORRECTION_CTA.test(line) || VIEW_ELSEWHERE.test(line) ? "navigation" : null;
}

// A newsletter's own furniture: the forward line, the sign-off pitch, the subscriber notice, and
// its tagline when a pitch rides with it. Each names the newsletter or asks the reader to
// subscribe; a story about a newsletter quotes someone and asks nothing.
const FORWARDED = /^(?:was this|forwarded this|did someone forward (?:you )?this) (?:e-?mail|newsletter|message|post)(?: to you)?\?/i;
const SIGN_OFF = /^thanks? (?:you )?(?:for reading|for subscribing to)\b\s?([^!.?]{0,60})[!.]/i;
const SUBSCRIBER_NOTICE = /^[Yy]ou(?:'|’)re (?:currently )?(?:a |an )?(?:free |paid |premium )?(?:subscriber|member) (?:to|of) (\p{Lu}[^!.?]{0,60})[.!]/u;
const TAGLINE =
  /^(\p{Lu}[^.!?]{0,60}?) is (?:a|an|the) (?:[\w-]{1,20} ){0,4}(?:newsletter|explainer|digest|briefing|roundup|round-up|column|publication|podcast|dispatch)\b/u;
const PITCH = /\b(?:subscribe|sign up|upgrade|forwarded this|support (?:my|our) work|receive new posts)\b/i;
const SUBSCRIBE_LINE = /^(?:subscribe|sign up)(?: for free| now| today| here)?(?: to (?:receive|get|support|read)\b[^.!?]{0,100}| for (?:free|more)\b[^.!?]{0,60})[.!]?$/i;

/** A newsletter furniture line, with the newsletter's name when the line gives it; null for other lines. */
export function readNewsletterLine(line: string): { name: string | null } | null {
  if (line.length > 300 || ATTRIBUTION.test(line)) return null;
  if (FORWARDED.test(line) || SUBSCRIBE_LINE.test(line)) return { name: null };
  const sign = SIGN_OFF.exec(line);
  if (sign && PITCH.test(line)) return { name: /^\p{Lu}/u.test(sign[1]!.trim()) ? sign[1]!.trim() : null };
  const notice = SUBSCRIBER_NOTICE.exec(line);
  if (notice) return { name: notice[1]!.trim() };
  const tagline = TAGLINE.exec(line);
  if (tagline && PITCH.test(line)) return { name: tagline[1]!.trim() };
  return null;
}
