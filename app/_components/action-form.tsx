"use client";

import { useActionState, type ReactNode } from "react";
import type { FormState } from "./action-result";

/**
 * A form posting to a server action, with the action's answer read out in a
 * live region next to it: the confirmation, or the failure with its
 * per-field messages. The fields come from the (server) caller.
 */
export function ActionForm({
  action,
  submitLabel,
  children,
  className,
  label,
  submitName,
}: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  submitLabel: string;
  children: ReactNode;
  className?: string;
  label: string;
  /** the button's accessible name when its visible label is not enough ("Revoke" → "Revoke CMS script") */
  submitName?: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className={className ?? "inline-form"} aria-label={label}>
      {children}
      <button type="submit" disabled={pending} aria-label={submitName}>
        {submitLabel}
      </button>
      <span role="status" className={state && !state.ok ? "form-error" : "form-ok"}>
        {state?.message}
        {state && !state.ok && state.fields
          ? Object.entries(state.fields).map(([key, message]) => (
              <span key={key} className="field-error">
                {" "}
                {message}
              </span>
            ))
          : null}
      </span>
    </form>
  );
}
