"use server";

import { signOut } from "@/lib/auth";
import { endAllSessions } from "@/lib/users";
import type { ActionResult } from "@/app/_components/action-result";
import { runAction } from "./run";

/** Sign out of this browser: Auth.js clears the cookie, and its signOut event ends the session row. */
export async function signOutAction(): Promise<void> {
  await signOut({ redirect: false });
}

/** Ends every session of the signed-in account, this one included, then clears this browser's cookie. */
export async function signOutEverywhereAction(): Promise<ActionResult<{ sessionsEnded: number }>> {
  const result = await runAction((actor, user) => endAllSessions(actor, { userId: user.id }), { value: (w) => ({ sessionsEnded: w.sessionsEnded }) });
  if (result.ok) await signOut({ redirect: false });
  return result;
}
