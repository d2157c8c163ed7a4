import "server-only";
import type { ActorRef } from "@/lib/auth/actor";
import { actorOf, currentUser } from "@/lib/auth/session";
import type { DomainError } from "@/lib/result";
import type { ActionFailure, ActionResult } from "@/app/_components/action-result";

const SIGNED_OUT: ActionFailure = { ok: false, code: "unauthenticated", message: "Your session has ended. Sign in again." };

/**
 * Every server action is a public endpoint: the session is checked here on
 * each call; the role is checked inside lib/, in the write's transaction.
 */
export async function asSignedIn<T>(run: (actor: ActorRef) => ActionResult<T> | Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  const user = await currentUser();
  if (!user) return SIGNED_OUT;
  return run(actorOf(user));
}

/** A domain failure as the form shows it; the conflict state travels along for the re-apply. */
export function failureOf(error: DomainError): ActionFailure {
  return {
    ok: false,
    code: error.code,
    message: error.message,
    ...(error.fields ? { fields: error.fields } : {}),
    ...(error.current ? { current: error.current } : {}),
  };
}

export const invalidInput = (fields: Record<string, string>): ActionFailure => ({
  ok: false,
  code: "invalid",
  message: "Some values are not valid.",
  fields,
});
