"use client";

import { useActionState } from "react";
import type { CreateTokenState } from "@/app/(desk)/settings/tokens/actions";

export function CreateTokenForm({ action }: { action: (state: CreateTokenState, form: FormData) => Promise<CreateTokenState> }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="stack" aria-label="Create a token">
      <label className="field">
        <span>Token name</span>
        <input name="name" required maxLength={200} placeholder="e.g. CMS import script" />
      </label>
      <button type="submit" className="primary" disabled={pending}>
        Create token
      </button>
      {state ? (
        <div role="status" className={state.ok ? "form-ok" : "form-error"}>
          <p>{state.message}</p>
          {state.token ? (
            <label className="field">
              <span>New token</span>
              <input readOnly value={state.token} onFocus={(e) => e.currentTarget.select()} className="token" />
            </label>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
