"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { callAction, type ActionResult } from "./action-result";

/**
 * Signs out (here, or everywhere), then asks for /login in a request of its
 * own: a redirect rendered in the action's own response would still see the
 * old session cookie. The refresh drops desk pages the router had cached.
 */
export function SignOutButton({
  signOutAction,
  label = "Sign out",
  className = "link-button",
}: {
  signOutAction: () => Promise<void | ActionResult<unknown>>;
  label?: string;
  className?: string;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        className={className}
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await callAction(async () => (await signOutAction()) ?? { ok: true, value: null });
            if (!result.ok) {
              setProblem(result.message);
              return;
            }
            router.replace("/login");
            router.refresh();
          })
        }
      >
        {label}
      </button>
      {problem ? (
        <span role="alert" aria-label="Sign-out problem" className="form-error">
          {problem}
        </span>
      ) : null}
    </>
  );
}
