"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";

/**
 * Signs out, then asks for /login in a request of its own: a redirect rendered
 * in the action's own response would still see the old session cookie. The
 * refresh drops desk pages the router had cached.
 */
export function SignOutButton({ signOutAction }: { signOutAction: () => Promise<void> }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <button
      type="button"
      className="link-button"
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          await signOutAction();
          router.replace("/login");
          router.refresh();
        })
      }
    >
      Sign out
    </button>
  );
}
