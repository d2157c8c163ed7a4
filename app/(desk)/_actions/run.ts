import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import type { ActorRef } from "@/lib/auth/actor";
import { actorOf, currentUser, type SessionUser } from "@/lib/auth/session";
import type { DomainError, Result } from "@/lib/result";
import { zodFields } from "@/lib/validation/fields";
import type { ActionFailure, ActionResult } from "@/app/_components/action-result";

const SIGNED_OUT: ActionFailure = { ok: false, code: "unauthenticated", message: "Your session has ended. Sign in again." };

/**
 * Every server action is a public endpoint: the session is checked here on
 * each call; the role is checked inside lib/, in the write's transaction.
 */
export async function asSignedIn<T>(
  run: (actor: ActorRef, user: SessionUser) => ActionResult<T> | Promise<ActionResult<T>>,
): Promise<ActionResult<T>> {
  const user = await currentUser();
  if (!user) return SIGNED_OUT;
  return run(actorOf(user), user);
}

/** A domain failure as the form shows it; the conflict state travels along for the re-apply. */
export function failureOf(error: DomainError): ActionFailure {
  return {
    ok: false,
    code: error.code,
    message: error.message,
    ...(error.fields ? { fields: error.fields } : {}),
    ...(error.current ? { current: error.current } : {}),
    ...(error.duplicate ? { duplicate: error.duplicate } : {}),
  };
}

/** A lib/ Result as an action answers it. */
export function actionResultOf<T>(result: Result<T>): ActionResult<T> {
  return result.ok ? { ok: true, value: result.value } : failureOf(result.error);
}

export const invalidInput = (fields: Record<string, string>): ActionFailure => ({
  ok: false,
  code: "invalid",
  message: "Some values are not valid.",
  fields,
});

type After<T, V> = {
  /** what the caller gets back (default: nothing) */
  value?: (result: T) => V;
  /** the sentence a form shows on success */
  message?: (result: T) => string;
  /** pages whose data the write changed; "layout" refreshes everything under the path */
  revalidate?: string | { path: string; type: "layout" | "page" };
  /** where to go after a success */
  redirectTo?: (result: T) => string;
};

/**
 * The one adapter from a lib/ door to a server action: the session checked,
 * the door called with the actor, its Result turned into the form's state,
 * the pages it changed refreshed. A new action is three lines of glue.
 */
export async function runAction<T, V = null>(
  write: (actor: ActorRef, user: SessionUser) => Result<T> | Promise<Result<T>>,
  after: After<T, V> = {},
): Promise<ActionResult<V>> {
  return asSignedIn(async (actor, user) => {
    const result = await write(actor, user);
    if (!result.ok) return failureOf(result.error);
    const { revalidate } = after;
    if (typeof revalidate === "string") revalidatePath(revalidate);
    else if (revalidate) revalidatePath(revalidate.path, revalidate.type);
    if (after.redirectTo) redirect(after.redirectTo(result.value));
    return {
      ok: true,
      value: after.value ? after.value(result.value) : (null as V),
      ...(after.message ? { message: after.message(result.value) } : {}),
    };
  });
}

/** A read for a signed-in user (a search, a preview): the input parsed with its schema, then the read's Result. */
export async function readAction<S extends z.ZodType, V>(
  schema: S,
  input: unknown,
  read: (data: z.output<S>, user: SessionUser) => Result<V> | Promise<Result<V>>,
): Promise<ActionResult<V>> {
  return asSignedIn(async (_actor, user) => {
    const parsed = schema.safeParse(input);
    if (!parsed.success) return invalidInput(zodFields(parsed.error));
    return actionResultOf(await read(parsed.data, user));
  });
}

/** A form field as text ("" when missing), and as a number (NaN when missing: the door's schema refuses it). */
export const formText = (form: FormData, key: string) => {
  const value = form.get(key);
  return typeof value === "string" ? value : "";
};
export const formNumber = (form: FormData, key: string) => Number(formText(form, key) || Number.NaN);
