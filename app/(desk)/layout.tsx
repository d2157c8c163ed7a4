import Link from "next/link";
import { currentUser } from "@/lib/auth/session";
import { HeaderSearch } from "@/app/_components/header-search";
import { SignOutButton } from "@/app/_components/sign-out-button";
import { signOutAction } from "./_actions/session";

/** The desk's frame. Each page still checks the session itself: layouts do not guard RSC requests. */
export default async function DeskLayout({ children }: { children: React.ReactNode }) {
  const user = await currentUser();
  return (
    <>
      <header className="site-header">
        <Link href="/" className="brand">
          Claimdesk
        </Link>
        {user ? (
          <>
            <nav aria-label="Main">
              <Link href="/">Dashboard</Link>
              <Link href="/sources">Sources</Link>
              {user.role !== "viewer" ? <Link href="/sources/new">Add source</Link> : null}
              <Link href="/claims">Claims</Link>
              <Link href="/speakers">Speakers</Link>
              <Link href="/reports">Reports</Link>
              {user.role === "admin" ? <Link href="/admin/users">Users</Link> : null}
              <Link href="/settings">Settings</Link>
            </nav>
            <HeaderSearch />
            <div className="who">
              <span>
                {user.name} <span className="muted">({user.role})</span>
              </span>
              <SignOutButton signOutAction={signOutAction} />
            </div>
          </>
        ) : null}
      </header>
      <main id="main">{children}</main>
    </>
  );
}
