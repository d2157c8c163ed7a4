import type { ImportFormat } from "./types";
import { binaryProblem, decodeArticleBytes } from "./decode";

/** The formats an uploaded file may have, by its name's ending. */
const BY_EXTENSION: Record<string, ImportFormat> = {
  txt: "text",
  text: "text",
  md: "markdown",
  markdown: "markdown",
  html: "html",
  htm: "html",
  xhtml: "html",
};

export const UPLOAD_EXTENSIONS = Object.keys(BY_EXTENSION).map((e) => `.${e}`);

export type UploadedArticle = { ok: true; raw: string; format: ImportFormat; charset: string } | { ok: false; message: string };

/**
 * A file a reviewer uploaded (or the bulk import read), as article text: its
 * format from its name, refused when it is empty, too large or binary, and
 * decoded by its byte-order mark or <meta charset>, else as UTF-8.
 */
export function articleFromFile(name: string, bytes: Uint8Array, maxBytes: number): UploadedArticle {
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? "";
  const format = BY_EXTENSION[extension];
  if (!format) return { ok: false, message: `${name}: only ${UPLOAD_EXTENSIONS.join(", ")} files can be imported.` };
  if (bytes.byteLength === 0) return { ok: false, message: `${name} is empty.` };
  if (bytes.byteLength > maxBytes) {
    return { ok: false, message: `${name} is ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB; an article is at most ${maxBytes / 1024 / 1024} MB.` };
  }
  const binary = binaryProblem(bytes);
  if (binary) return { ok: false, message: `${name}: ${binary}` };
  const { text, charset } = decodeArticleBytes(bytes, { format });
  if (!text.trim()) return { ok: false, message: `${name} has no text in it.` };
  return { ok: true, raw: text, format, charset };
}
