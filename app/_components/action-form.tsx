"use client";

import { useActionState, type ReactNode } from "react";

export type ActionState = { ok: boolean; message: string; fields?: Record<string, string> } | null;

/**
 * A form posting to a server action, with the action's answer read out in a
 * live region next to it. The fields come from the (server) caller.
 */
export function ActionForm({
  action,
  submitLabel,
  children,
  className,
  label,
}: {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  submitLabel: string;
  children: ReactNode;
  className?: string;
  label: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className={className ?? "inline-form"} aria-label={label}>
      {children}
      <button type="submit" disabled={pending}>
        {submitLabel}
      </button>
      <span role="status" className={state && !state.ok ? "form-error" : "form-ok"}>
        {state?.message}
        {state?.fields
          ? Object.values(state.fields).map((m) => (
              <span key={m} className="field-error">
                {" "}
                {m}
              </span>
            ))
          : null}
      </span>
    </form>
  );
}
