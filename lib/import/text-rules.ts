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

/** "#Putin #Visit #North": every word a hashtag. "#1 seed Alcaraz…" is a story line. */
export function isHashtagLine(line: string): boolean {
  if (line.length > 2000 || !line.startsWith("#")) return false;
  const tokens = line.split(/\s+/).filter(Boolean);
  const tag = (t: string) => t.length >= 2 && t[0] === "#" && t[1] !== "#";
  if (!tokens.every(tag)) return false;
  return tokens.length >= 2 || /^#\p{L}/u.test(tokens[0]!);
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
  /^(?:related(?: (?:stories|articles|news|coverage|content|links|posts|topics))?|more from [^:]{1,60}|more (?:stories|news|articles)|most (?:read|popular|viewed|shared)(?: (?:stories|articles|news))?|you (?:may|might) also like|recommended(?: (?:stories|articles|for you|reading))?|trending(?: now| stories)?|latest (?:news|stories|headlines)|top stories|what to read next|editor'?s picks|관련\s?기사|많이 본\s?뉴스|인기\s?기사)\s?:?$/i;
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

export function isWireEnd(line: string): boolean {
  if (line.length > 320) return false;
  return WIRE_MARK.test(line) || WIRE_CREDIT.test(line) || WIRE_CREDIT_BARE.test(line);
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
