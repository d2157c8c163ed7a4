"use client";

import { useTransition } from "react";

/**
 * Signs out, then loads /login afresh: a redirect rendered in the same
 * response would still see the old session cookie in the request headers.
 */
export function SignOutButton({ signOutAction }: { signOutAction: () => Promise<void> }) {
  const [pending, startTransition] = useTransition();
  return (
    <button
      type="button"
      className="link-button"
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          await signOutAction();
          window.location.assign("/login");
        })
      }
    >
      Sign out
    </button>
  );
}
