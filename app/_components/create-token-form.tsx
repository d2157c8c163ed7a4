"use client";

import { useActionState } from "react";
import { LIMITS } from "@/lib/validation/common";
import type { FormState } from "./action-result";

type Created = { token: string };

export function CreateTokenForm({ action }: { action: (state: FormState<Created>, form: FormData) => Promise<FormState<Created>> }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="stack" aria-label="Create a token">
      <label className="field">
        <span>Token name</span>
        <input name="name" required maxLength={LIMITS.name} placeholder="e.g. CMS import script" />
      </label>
      <button type="submit" className="primary" disabled={pending}>
        Create token
      </button>
      {state ? (
        <div role="status" className={state.ok ? "form-ok" : "form-error"}>
          <p>{state.ok ? state.message : Object.values(state.fields ?? {})[0] ?? state.message}</p>
          {state.ok ? (
            <label className="field">
              <span>New token</span>
              <input readOnly value={state.value.token} onFocus={(e) => e.currentTarget.select()} className="token" />
            </label>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
