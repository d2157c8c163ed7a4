import type { ConflictState, DomainError, ErrorCode } from "@/lib/result";

/** What a server action called from a client component answers: a value, or a failure to show in the form. */
export type ActionFailure = {
  ok: false;
  code: ErrorCode;
  message: string;
  fields?: Record<string, string>;
  current?: ConflictState;
  /** an import the desk has already: the source it has */
  duplicate?: DomainError["duplicate"];
};

/**
 * The one state every server action answers with, whether a client component
 * calls it or a form posts to it (`useActionState`): a value and, for a form,
 * the sentence that confirms it, or a failure with its per-field messages.
 */
export type ActionResult<T = null> = { ok: true; value: T; message?: string } | ActionFailure;

/** The state of a form posting to an action, before its first answer. */
export type FormState<T = unknown> = ActionResult<T> | null;

/** For a call that did not come back at all (network, server error): the form keeps its input. */
export const UNREACHABLE: ActionFailure = {
  ok: false,
  code: "invalid",
  message: "That did not reach the desk. Nothing was saved; try again.",
};

/** Calls a server action; a thrown error becomes a failure the form can show. */
export async function callAction<T>(call: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  try {
    return await call();
  } catch {
    return UNREACHABLE;
  }
}
