import { apiError } from "./api";

/** The most any request body may carry: the JSON API's writes and Auth.js's sign-in posts alike. */
export const MAX_BODY_BYTES = 64 * 1024;

export const tooLarge = (max = MAX_BODY_BYTES) =>
  apiError(413, "payload_too_large", `A request body is at most ${max / 1024} KB.`);

/**
 * A request's body, read with a hard limit: refused at once when its
 * Content-Length says it is too large, and cut off as it passes the limit when
 * it comes in chunks without one. Nothing beyond the limit is ever held, so
 * the server's memory does not grow with what a client sends.
 */
export async function readBounded(request: Request, max = MAX_BODY_BYTES): Promise<Buffer<ArrayBuffer> | Response> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > max) return tooLarge(max);
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (reader) {
    for (let part = await reader.read(); !part.done; part = await reader.read()) {
      size += part.value.byteLength;
      if (size > max) {
        await reader.cancel();
        return tooLarge(max);
      }
      chunks.push(part.value);
    }
  }
  return Buffer.concat(chunks) as Buffer<ArrayBuffer>;
}
