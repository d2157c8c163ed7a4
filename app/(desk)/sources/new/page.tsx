import type { Metadata } from "next";
import Link from "next/link";
import { can, requirePageUser } from "@/lib/auth/session";
import { ImportWorkbench } from "@/app/_components/import-workbench";

export const metadata: Metadata = { title: "Add source" };

/** Bringing articles in: reviewers and admins. A viewer sees why there is no form. */
export default async function NewSourcePage() {
  const user = await requirePageUser("/sources/new");
  if (!can(user, "reviewer")) {
    return (
      <>
        <h1>Add source</h1>
        <p role="alert" aria-label="Not allowed">
          Adding sources needs the reviewer role; your account is a {user.role}. <Link href="/sources">Back to the sources</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Add source</h1>
      <p className="muted">
        Paste an article, upload files or give an address. The desk takes out the page furniture (menus, share bars,
        captions, footers), reads the title, outlet, byline and date, and warns you when it has the article already.
        Check what it found, correct it, then save: the claims it suggests appear beside the article.
      </p>
      <ImportWorkbench />
    </>
  );
}
