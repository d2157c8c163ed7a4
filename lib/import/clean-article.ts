/**
 * Turns a crawled article (page furniture and all) into a clean body plus
 * metadata. Rules are about kinds of line, not about particular files, so the
 * same cleaner serves later imports:
 * - breadcrumbs ("Home » today » …") and a repeated headline go;
 * - lines mostly in Hangul are interface strings of Korean portals and go;
 * - a copyright line ends the story: related headlines and comment widgets follow it;
 * - hashtag lines and comment widgets ("Leave a Comment", Akismet) go;
 * - byline, dateline and translation-note lines move into metadata;
 * - photo captions (a line ending in a photo credit) move into metadata.
 */
export type CleanedArticle = {
  title: string;
  body: string;
  byline: string | null;
  /** local wall-clock time as written, "YYYY-MM-DDTHH:MM", when the text gives one */
  publishedLocal: string | null;
  translationNote: string | null;
  caption: string | null;
  /** every line taken out of the body, with why */
  removed: Array<{ line: string; reason: RemovalReason }>;
};

export type RemovalReason =
  | "breadcrumb"
  | "headline"
  | "interface"
  | "copyright"
  | "after-story"
  | "hashtags"
  | "comments"
  | "byline"
  | "dateline"
  | "translation-note"
  | "caption";

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/gu;
const LETTER = /\p{L}/gu;

function mostlyHangul(line: string): boolean {
  const letters = line.match(LETTER)?.length ?? 0;
  const hangul = line.match(HANGUL)?.length ?? 0;
  return letters > 0 && hangul / letters > 0.3;
}

const pad = (n: string) => n.padStart(2, "0");

const PATTERNS = {
  breadcrumb: /^home\s*»/i,
  copyright: /^(copyright\s*)?©|^copyright\b.{0,80}(©|\(c\)|all rights reserved|\d{4})/i,
  hashtags: /^#[^\s#]+(\s*#[^\s#]+)+\s*$/u,
  comments: /^(leave a (comment|reply)|this site uses akismet|\d+\s+comments?$|comments?$)/i,
  // "BY MICHAEL LEE [lee.junhyuk@joongang.co.kr]"
  byline: /^by\s+([\p{L}.'’\- ]{2,60}?)\s*(\[[^\]]*@[^\]]*\])?\s*$/iu,
  // "Kwak Hee-yang 2024. 11. 4. 18:35"
  bylineDated: /^([\p{L}.'’\- ]{2,60}?)\s+(\d{4})\.\s*(\d{1,2})\.\s*(\d{1,2})\.?\s+(\d{1,2}):(\d{2})\s*$/u,
  // "2024-01-21 15:00:00"
  dateline: /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(:\d{2})?\s*$/,
  translationNote: /^※\s*/,
  // a credit closing the line: "… Courtesy of the Joint Chiefs of Staff" (no full stop), "[모스크바=AP/뉴시스]"
  caption: /(courtesy of [^.]{2,80}|\[[^\]]*=[^\]]*\/[^\]]*\])\s*$/iu,
};

/** "Michael Lee", "MICHAEL LEE", "Kwak Hee-yang": up to five words, each capitalised. */
function isPersonName(candidate: string): boolean {
  const words = candidate.trim().split(/\s+/);
  return words.length <= 5 && words.every((w) => /^\p{Lu}/u.test(w));
}

function titleCase(name: string): string {
  return name
    .toLowerCase()
    .replace(/(^|[\s\-'’])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

export function cleanArticle(raw: string): CleanedArticle {
  const lines = raw.normalize("NFC").replace(/\r\n?/g, "\n").split("\n").map((l) => l.trim());
  const removed: CleanedArticle["removed"] = [];
  const paragraphs: string[] = [];
  let title = "";
  let byline: string | null = null;
  let publishedLocal: string | null = null;
  let translationNote: string | null = null;
  const captions: string[] = [];
  let ended = false;

  for (const line of lines) {
    if (!line) continue;
    const drop = (reason: RemovalReason) => removed.push({ line, reason });

    if (!title) {
      if (PATTERNS.breadcrumb.test(line)) {
        title = line.split("»").at(-1)!.trim();
        drop("breadcrumb");
      } else {
        title = line;
        drop("headline");
      }
      continue;
    }
    if (ended) { drop("after-story"); continue; }
    if (line === title) { drop("headline"); continue; }
    if (PATTERNS.copyright.test(line)) { ended = true; drop("copyright"); continue; }
    if (PATTERNS.comments.test(line)) { ended = true; drop("comments"); continue; }
    if (PATTERNS.hashtags.test(line)) { drop("hashtags"); continue; }
    if (mostlyHangul(line)) { drop("interface"); continue; }

    const dated = PATTERNS.bylineDated.exec(line);
    if (dated) {
      byline = dated[1]!.trim();
      publishedLocal = `${dated[2]}-${pad(dated[3]!)}-${pad(dated[4]!)}T${pad(dated[5]!)}:${dated[6]}`;
      drop("byline");
      continue;
    }
    const by = line.length <= 100 ? PATTERNS.byline.exec(line) : null;
    if (by && isPersonName(by[1]!)) {
      byline = titleCase(by[1]!.trim());
      drop("byline");
      continue;
    }
    const dateline = PATTERNS.dateline.exec(line);
    if (dateline) {
      publishedLocal = `${dateline[1]}-${dateline[2]}-${dateline[3]}T${dateline[4]}:${dateline[5]}`;
      drop("dateline");
      continue;
    }
    if (PATTERNS.translationNote.test(line)) {
      translationNote = line.replace(PATTERNS.translationNote, "").trim();
      drop("translation-note");
      continue;
    }
    if (PATTERNS.caption.test(line)) {
      captions.push(line);
      drop("caption");
      continue;
    }
    paragraphs.push(line);
  }

  return {
    title,
    body: paragraphs.join("\n\n"),
    byline,
    publishedLocal,
    translationNote,
    caption: captions.length ? captions.join("\n") : null,
    removed,
  };
}
