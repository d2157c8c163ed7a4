import { INVALID_CREDENTIALS_MESSAGE, lockedMessage, slowedMessage } from "./credentials";

/** The message for Auth.js's `code` (from the thrown error, or from ?code= on /login). */
export function messageForSignInCode(code: string | null | undefined): string {
  const locked = /^locked-(\d{1,4})$/.exec(code ?? "");
  if (locked) return lockedMessage(Number(locked[1]) * 60_000);
  const slowed = /^slowed-(\d{1,4})$/.exec(code ?? "");
  if (slowed) return slowedMessage(Number(slowed[1]) * 1000);
  return INVALID_CREDENTIALS_MESSAGE;
}
