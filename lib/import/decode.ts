/**
 * Bytes of an article (an upload, a fetched page) as text: the encoding from
 * a byte-order mark, then the Content-Type, then a <meta> in the first 2 KB,
 * then UTF-8, as browsers order them. And the check that the bytes are text
 * at all, before anything tries to clean them.
 */

export type DecodedArticle = { text: string; charset: string };

function charsetFrom(contentType: string | null | undefined): string | null {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? "");
  return match?.[1] ?? null;
}

function decoderFor(label: string | null): TextDecoder | null {
  if (!label) return null;
  try {
    const decoder = new TextDecoder(label.toLowerCase());
    // as browsers do: a page that claims UTF-16 in ASCII bytes is not UTF-16
    return decoder.encoding.startsWith("utf-16") ? new TextDecoder("utf-8") : decoder;
  } catch {
    return null;
  }
}

export function decodeArticleBytes(
  body: Uint8Array,
  options: { contentType?: string | null; format: "html" | "text" | "markdown" },
): DecodedArticle {
  let decoder: TextDecoder | null = null;
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) decoder = new TextDecoder("utf-8");
  else if (body[0] === 0xff && body[1] === 0xfe) decoder = new TextDecoder("utf-16le");
  else if (body[0] === 0xfe && body[1] === 0xff) decoder = new TextDecoder("utf-16be");
  decoder ??= decoderFor(charsetFrom(options.contentType));
  if (!decoder && options.format === "html") {
    const head = Buffer.from(body.subarray(0, 2048)).toString("latin1");
    // covers <meta charset="x"> and <meta http-equiv="Content-Type" content="text/html; charset=x">
    const meta = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
    decoder = decoderFor(meta?.[1] ?? null);
  }
  decoder ??= new TextDecoder("utf-8");
  if (decoder.encoding === "windows-1252") return { text: decodeWindows1252(body), charset: "windows-1252" };
  // a BOM read by the decoder is not part of the text
  return { text: decoder.decode(body).replace(/^\uFEFF/, ""), charset: decoder.encoding };
}

// 0x80-0x9F of windows-1252 (undefined slots stay as the C1 control, as WHATWG says)
const CP1252_HIGH = "€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ";

/**
 * Node 20's TextDecoder("windows-1252") decodes as ISO-8859-1, turning curly
 * quotes and dashes into C1 controls; and "iso-8859-1" pages are windows-1252
 * by the WHATWG rules, so this is the common Western case.
 */
function decodeWindows1252(body: Uint8Array): string {
  return Buffer.from(body).toString("latin1").replace(/[\x80-\x9f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
}

/** File signatures of the binary formats people most often mistake for an article. */
const SIGNATURES: Array<[string, number[]]> = [
  ["a PDF", [0x25, 0x50, 0x44, 0x46]],
  ["a ZIP archive (or a Word/OpenDocument file)", [0x50, 0x4b, 0x03, 0x04]],
  ["a PNG image", [0x89, 0x50, 0x4e, 0x47]],
  ["a JPEG image", [0xff, 0xd8, 0xff]],
  ["a GIF image", [0x47, 0x49, 0x46, 0x38]],
  ["a gzip file", [0x1f, 0x8b]],
  ["an old Word/Excel file", [0xd0, 0xcf, 0x11, 0xe0]],
];

/**
 * Why these bytes are not text (a PDF, an image, any file with NUL bytes or
 * mostly control characters), or null. Only the first 8 KB are looked at.
 */
export function binaryProblem(bytes: Uint8Array): string | null {
  const head = bytes.subarray(0, 8192);
  for (const [what, signature] of SIGNATURES) {
    if (signature.every((b, i) => head[i] === b)) return `This is ${what}, not text, HTML or Markdown.`;
  }
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  let controls = 0;
  for (const b of head) {
    if (b === 0 && !utf16) return "This file has NUL bytes: it is a binary file, not text, HTML or Markdown.";
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) controls++;
  }
  return head.length > 0 && controls / head.length > 0.1 ? "This file is mostly control characters: it is not text, HTML or Markdown." : null;
}

/** The same check on text already decoded (what the JSON API receives). */
export function binaryTextProblem(text: string): string | null {
  const head = text.slice(0, 8192);
  let controls = 0;
  let replaced = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c === 0) return "The text has NUL characters: it is a binary file, not text, HTML or Markdown.";
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) controls++;
    else if (c === 0xfffd) replaced++;
  }
  if (head.length === 0) return null;
  if (controls / head.length > 0.1) return "The text is mostly control characters: it is not text, HTML or Markdown.";
  if (replaced / head.length > 0.1) return "The text is mostly undecodable characters (U+FFFD): it looks like a binary file read as text.";
  return null;
}
