import { NextRequest } from "next/server";
import { handlers } from "@/lib/auth";
import { MAX_BODY_BYTES, readBounded, tooLarge } from "@/lib/http/bounded-body";

/**
 * Auth.js's endpoints, behind a size limit: a sign-in post is a few hundred
 * bytes, so a body over 64 KB is refused (413) before Auth.js reads any of it,
 * whether it declares its length or comes in chunks.
 */
export async function GET(request: NextRequest) {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return tooLarge();
  return handlers.GET(request);
}

export async function POST(request: NextRequest) {
  const body = await readBounded(request);
  if (body instanceof Response) return body;
  // the same request, its body now read and bounded; the framing headers described the old stream
  const headers = new Headers(request.headers);
  headers.delete("content-length");
  headers.delete("transfer-encoding");
  return handlers.POST(new NextRequest(request.url, { method: "POST", headers, body }));
}
