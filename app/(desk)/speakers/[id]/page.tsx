import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getSpeaker, listSpeakerOptions } from "@/db/queries/speakers";
import { can, requirePageUser, signedInTitle } from "@/lib/auth/session";
import { parseId } from "@/lib/validation/parse-id";
import { ActionForm } from "@/app/_components/action-form";
import { Tally } from "@/app/_components/status";
import { addAliasAction, mergeSpeakersAction, removeAliasAction } from "./actions";
import { LIMITS } from "@/lib/validation/common";

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const id = parseId((await params).id);
  return signedInTitle("Speaker", () => (id ? getSpeaker(id)?.name : null));
}

export default async function SpeakerPage({ params }: { params: Params }) {
  const { id: raw } = await params;
  const user = await requirePageUser(`/speakers/${raw}`);
  const id = parseId(raw);
  const speaker = id ? getSpeaker(id) : null;
  if (!speaker) notFound();
  const canWrite = can(user, "reviewer");
  const others = listSpeakerOptions().filter((s) => s.id !== speaker.id);

  return (
    <>
      <h1>{speaker.name}</h1>
      <p className="muted">
        {speaker.kind}
        {speaker.description ? ` · ${speaker.description}` : ""}
      </p>
      <p>
        <Link href={`/claims?speakerId=${speaker.id}`}>Claims</Link>: <Tally {...speaker.tally} />
      </p>

      <section aria-labelledby="aliases-heading">
        <h2 id="aliases-heading">Also known as</h2>
        {speaker.aliases.length === 0 ? <p className="muted">No aliases.</p> : null}
        <ul className="aliases">
          {speaker.aliases.map((a) => (
            <li key={a.id}>
              {canWrite ? (
                <ActionForm action={removeAliasAction} submitLabel={`Remove ${a.alias}`} label={`Alias ${a.alias}`}>
                  <span>{a.alias}</span>
                  <input type="hidden" name="speakerId" value={speaker.id} />
                  <input type="hidden" name="aliasId" value={a.id} />
                </ActionForm>
              ) : (
                a.alias
              )}
            </li>
          ))}
        </ul>
        {canWrite ? (
          <ActionForm action={addAliasAction} submitLabel="Add alias" label="Add an alias">
            <input type="hidden" name="speakerId" value={speaker.id} />
            <label className="field">
              <span>New alias</span>
              <input name="alias" required maxLength={LIMITS.name} />
            </label>
          </ActionForm>
        ) : null}
      </section>

      {canWrite && others.length > 0 ? (
        <section aria-labelledby="merge-heading" className="card">
          <h2 id="merge-heading">Merge another speaker into this one</h2>
          <p className="muted">
            Their claims and aliases move to {speaker.name}; their name becomes an alias. The merge is in the audit log.
          </p>
          <ActionForm action={mergeSpeakersAction} submitLabel="Merge" label="Merge speakers">
            <input type="hidden" name="keepId" value={speaker.id} />
            <label className="field">
              <span>Speaker to merge</span>
              <select name="mergeId" required defaultValue="">
                <option value="" disabled>
                  Choose a speaker
                </option>
                {others.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </label>
          </ActionForm>
        </section>
      ) : null}
    </>
  );
}
