/**
 * Markdown to plain paragraphs: headings become the title (the first) or a
 * paragraph, emphasis and code marks go, links become their text, images leave
 * the body and offer their alt text as a caption, front matter becomes
 * metadata. Soft-wrapped lines join into one paragraph, as Markdown renders them.
 */
import type { Block } from "./clean-text";
import { isStoryLike, normaliseSpaces } from "./line-shape";
import type { RemovedLine } from "./types";

export type FrontMatter = Partial<Record<"title" | "author" | "date" | "outlet" | "url" | "language", string>>;

export type MarkdownDocument = {
  blocks: Block[];
  removed: RemovedLine[];
  title: string | null;
  captions: string[];
  frontMatter: FrontMatter;
};

const FRONT_MATTER_KEYS: Record<string, keyof FrontMatter> = {
  title: "title", headline: "title", author: "author", authors: "author", byline: "author",
  date: "date", published: "date", publishedat: "date", pubdate: "date", published_at: "date",
  outlet: "outlet", publication: "outlet", publisher: "outlet", source: "outlet", site: "outlet",
  url: "url", canonical: "url", link: "url", lang: "language", language: "language", locale: "language",
};

// Escaped characters are parked in the Private Use Area so no rule below reads them as markup.
const ESCAPE = /\\([\\`*_{}[\]()#+\-.!>~|])/g;
const PARK = 0xe000;

// Link text and targets exclude the brackets that open the next link, so the
// scans from successive openings never overlap and the patterns stay linear.
const LINK_TARGET = String.raw`\((?:[^()[\]\s]{0,500})(?:\s{1,3}"[^"\n]{0,200}")?\)`;
const IMAGE = new RegExp(String.raw`!\[([^[\]\n]{0,300})\]` + LINK_TARGET, "g");
const LINK = new RegExp(String.raw`\[([^[\]\n]{0,300})\]` + LINK_TARGET, "g");
const REFERENCE_LINK = /\[([^[\]\n]{1,300})\]\[[^[\]\n]{0,100}\]/g;

/** HTML comments out, by search rather than a lazy pattern (which rescans from every "<!--"). */
function withoutComments(text: string): string {
  let out = "";
  let from = 0;
  for (;;) {
    const open = text.indexOf("<!--", from);
    if (open < 0) return out + text.slice(from);
    const close = text.indexOf("-->", open + 4);
    if (close < 0) return out + text.slice(from);
    out += text.slice(from, open);
    from = close + 3;
  }
}

function inline(text: string, captions: string[]): string {
  return withoutComments(text)
    .replace(ESCAPE, (_m, ch: string) => String.fromCharCode(PARK + ch.charCodeAt(0)))
    .replace(IMAGE, (_m, alt: string) => {
      if (alt.trim()) captions.push(alt.trim());
      return "";
    })
    .replace(LINK, "$1")
    .replace(REFERENCE_LINK, "$1")
    .replace(/<(https?:[^<>\s]{1,500})>/g, "$1")
    .replace(/<\/?[a-z][^<>\n]{0,200}>/gi, "")
    .replace(/`([^`\n]{1,500})`/g, "$1")
    .replace(/\*\*([^*\n]{1,2000})\*\*/g, "$1")
    .replace(/__([^_\n]{1,2000})__/g, "$1")
    .replace(/~~([^~\n]{1,2000})~~/g, "$1")
    .replace(/\*([^*\n]{1,2000})\*/g, "$1")
    // single underscores only around words, so snake_case and URLs survive
    .replace(/(^|[\s("“])_([^_\n]{1,2000})_(?=$|[\s).,;:!?"”])/g, "$1$2")
    .replace(/[\ue000-\ue0ff]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - PARK));
}

function stripClosingHashes(text: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === "#") end--;
  return end < text.length && (end === 0 || text[end - 1] === " ") ? text.slice(0, end).trim() : text.trim();
}

function readFrontMatter(lines: string[]): { data: FrontMatter; length: number } {
  if (lines[0]?.trim() !== "---") return { data: {}, length: 0 };
  const close = lines.findIndex((l, i) => i > 0 && i < 80 && (l.trim() === "---" || l.trim() === "..."));
  if (close < 0) return { data: {}, length: 0 };
  const data: FrontMatter = {};
  for (const line of lines.slice(1, close)) {
    const m = /^([A-Za-z_]{1,30})\s?:\s?(.{1,500})$/.exec(line.trim());
    const key = m && FRONT_MATTER_KEYS[m[1]!.toLowerCase()];
    if (key) data[key] ??= m[2]!.trim().replace(/^(["'])(.*)\1$/, "$2");
  }
  return { data, length: close + 1 };
}

const IMAGE_ONLY = new RegExp(String.raw`^\[?!\[([^[\]\n]{0,300})\]` + LINK_TARGET + String.raw`(?:\]` + LINK_TARGET + ")?$");
const EMPHASISED_LINE = /^(?:\*[^*\n]{1,600}\*|_[^_\n]{1,600}_)$/;

export function readMarkdown(raw: string): MarkdownDocument {
  const lines = raw.split("\n");
  const front = readFrontMatter(lines);
  const removed: RemovedLine[] = [];
  if (front.length) removed.push({ line: lines.slice(0, front.length).join("\n"), reason: "markup" });
  const blocks: Block[] = [];
  const captions: string[] = [];
  let title: string | null = null;
  let paragraph: string[] = [];
  let hardBreaks: boolean[] = [];
  let inFence = false;
  let inComment = false;
  let afterImage = false;

  const flush = () => {
    if (!paragraph.length) return;
    let text = "";
    paragraph.forEach((line, i) => (text += i === 0 ? line : (hardBreaks[i - 1] ? "\n" : " ") + line));
    paragraph = [];
    hardBreaks = [];
    // an emphasised line right under an image is that image's caption
    if (afterImage && EMPHASISED_LINE.test(text)) {
      const caption = normaliseSpaces(inline(text, captions));
      captions.unshift(caption);
      removed.push({ line: caption, reason: "caption" });
      afterImage = false;
      return;
    }
    afterImage = false;
    const block = inline(text, captions).split("\n").map(normaliseSpaces).filter(Boolean);
    if (block.length) blocks.push(block);
  };

  for (const rawLine of lines.slice(front.length)) {
    const line = rawLine.replace(/\s+$/, "");
    if (inComment) {
      if (line.includes("-->")) inComment = false;
      continue;
    }
    if (/^\s{0,3}(?:```|~~~)/.test(line)) {
      flush();
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      if (line.trim()) blocks.push([normaliseSpaces(line)]);
      continue;
    }
    const content = line.replace(/^\s{0,3}(?:>\s?){1,6}/, "");
    const trimmed = content.trim();
    if (!trimmed) {
      flush();
      continue;
    }
    if (trimmed.startsWith("<!--")) {
      flush();
      inComment = !trimmed.includes("-->");
      removed.push({ line: trimmed, reason: "markup" });
      continue;
    }
    const heading = /^(#{1,6})\s(.*)$/.exec(trimmed);
    const setext = paragraph.length === 1 && /^(?:=+|-+)$/.test(trimmed);
    if (heading || setext) {
      let text: string;
      if (heading) {
        flush();
        text = stripClosingHashes(heading[2]!);
      } else {
        text = paragraph[0]!;
        paragraph = [];
        hardBreaks = [];
      }
      const plain = normaliseSpaces(inline(text, captions));
      // The first heading before any text is the title. So is the first top-level heading
      // ("# …", or "===" underlined) after a few short lines that are not story — a newsletter's
      // "View this post on the web" link over its headline; the text rules then judge those lines.
      const topLevel = heading ? heading[1] === "#" : trimmed.startsWith("=");
      const onlyHeaderAbove = blocks.length <= 3 && blocks.every((b) => !isStoryLike(b.join(" ")));
      if (title === null && plain && (!blocks.length || (topLevel && onlyHeaderAbove))) {
        title = plain;
        removed.push({ line: plain, reason: "headline" });
      } else if (plain) blocks.push([plain]);
      continue;
    }
    if (/^(?:\*{3,}|-{3,}|_{3,})$/.test(trimmed.replace(/\s/g, ""))) {
      flush();
      removed.push({ line: trimmed, reason: "markup" });
      continue;
    }
    if (/^\[[^\]]{1,200}\]:\s?\S/.test(trimmed)) {
      flush();
      removed.push({ line: trimmed, reason: "markup" });
      continue;
    }
    const image = IMAGE_ONLY.exec(trimmed);
    if (image) {
      flush();
      const alt = normaliseSpaces(image[1]!);
      if (alt) captions.push(alt);
      removed.push({ line: trimmed, reason: "image" });
      afterImage = true;
      continue;
    }
    const bullet = /^([-*+])\s(.*)$/.exec(trimmed) ?? /^(\d{1,3}[.)])\s(.*)$/.exec(trimmed);
    if (bullet) {
      flush();
      paragraph = [`${/\d/.test(bullet[1]!) ? bullet[1] : "-"} ${bullet[2]}`];
      hardBreaks = [false];
      continue;
    }
    paragraph.push(trimmed.replace(/\\$/, ""));
    hardBreaks.push(/ {2}$/.test(rawLine) || /\\$/.test(trimmed));
  }
  flush();
  return { blocks, removed, title, captions, frontMatter: front.data };
}
