import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getSource } from "@/db/queries/sources";
import { can, requirePageUser } from "@/lib/auth/session";
import { parseId } from "@/lib/validation/parse-id";
import { ActionForm } from "@/app/_components/action-form";
import { updateSourceAction } from "./actions";
import { LIMITS } from "@/lib/validation/common";

export const metadata: Metadata = { title: "Edit source text" };

export default async function EditSourcePage({ params }: { params: Promise<{ id: string }> }) {
  const { id: raw } = await params;
  const user = await requirePageUser(`/sources/${raw}/edit`);
  const id = parseId(raw);
  const source = id ? await getSource(id) : null;
  if (!source) notFound();
  if (!can(user, "admin")) {
    return (
      <>
        <h1>Edit source text</h1>
        <p role="alert" aria-label="Not allowed">
          Correcting a source&apos;s text needs the admin role.
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Edit source text</h1>
      <p className="muted">
        Fix a typo or paste a revised version. Every claim is found again in the new text; a claim whose quote is gone
        is listed as orphaned on the source page, never dropped. <Link href={`/sources/${source.id}`}>Back to the source</Link>
      </p>
      <ActionForm action={updateSourceAction} submitLabel="Save text" label="Source text" className="stack">
        <input type="hidden" name="sourceId" value={source.id} />
        <input type="hidden" name="baseUpdatedAt" value={source.updatedAt} />
        <label className="field">
          <span>Title</span>
          <input name="title" defaultValue={source.title} required maxLength={LIMITS.title} />
        </label>
        <label className="field">
          <span>Body</span>
          <textarea name="body" defaultValue={source.body} required maxLength={LIMITS.body} rows={24} className="body-editor" />
        </label>
      </ActionForm>
    </>
  );
}
