import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/auth/session";
import { SignOutButton } from "@/app/_components/sign-out-button";
import { signOutEverywhereAction } from "../_actions/session";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requirePageUser("/settings");
  return (
    <>
      <h1>Settings</h1>
      <dl className="facts">
        <dt>Account</dt>
        <dd>
          {user.name} ({user.email})
        </dd>
        <dt>Role</dt>
        <dd>{user.role}</dd>
      </dl>
      <section className="card" aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">Sessions</h2>
        <p className="muted">
          Signed in on a shared or lost computer? This ends every session of your account, on every device, this one
          included. Your access tokens keep working; revoke them on <Link href="/settings/tokens">Access tokens</Link>.
        </p>
        <SignOutButton signOutAction={signOutEverywhereAction} label="Sign out everywhere" className="danger" />
      </section>
      <p>
        <Link href="/settings/tokens">Personal access tokens</Link> for scripts.
      </p>
    </>
  );
}
