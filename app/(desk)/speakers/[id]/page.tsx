import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getSpeaker } from "@/db/queries/speakers";
import { getSpeakerRecord, listSpeakerClaims, listSpeakerVerdictMonths, SPEAKER_CLAIMS_CAP } from "@/db/queries/speaker-record";
import { can, requirePageUser, signedInTitle } from "@/lib/auth/session";
import { parseId } from "@/lib/validation/parse-id";
import { ActionForm } from "@/app/_components/action-form";
import { SpeakerPicker } from "@/app/_components/filter-combobox-speakers";
import { formatDate, formatPublished } from "@/app/_components/format";
import { SpeakerRecord } from "@/app/_components/speaker-record";
import { StatusBadge, Tally } from "@/app/_components/status";
import { StatusPatterns } from "@/app/_components/status-bar";
import { VerdictChart } from "@/app/_components/verdict-chart";
import { addAliasAction, mergeSpeakersAction, removeAliasAction } from "./actions";
import { LIMITS } from "@/lib/validation/common";

type Params = Promise<{ id: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const id = parseId((await params).id);
  return signedInTitle("Speaker", async () => (id ? (await getSpeaker(id))?.name : null));
}

export default async function SpeakerPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { id: raw } = await params;
  const showAll = (await searchParams).claims === "all";
  const user = await requirePageUser(`/speakers/${raw}${showAll ? "?claims=all" : ""}`);
  const id = parseId(raw);
  const speaker = id ? await getSpeaker(id) : null;
  if (!speaker) notFound();
  const canWrite = can(user, "reviewer");
  const record = await getSpeakerRecord({ speakerId: speaker.id });
  const { months, earlier } = await listSpeakerVerdictMonths({ speakerId: speaker.id });
  const claimList = await listSpeakerClaims({ speakerId: speaker.id, all: showAll });

  return (
    <>
      <StatusPatterns />
      <h1>{speaker.name}</h1>
      <p className="muted">
        {speaker.kind}
        {speaker.description ? ` · ${speaker.description}` : ""}
      </p>
      <p>
        <Link href={`/claims?speakerId=${speaker.id}`}>Claims</Link>: <Tally {...speaker.tally} />
      </p>

      <section aria-labelledby="record-heading">
        <h2 id="record-heading">Track record</h2>
        <SpeakerRecord record={record} />
      </section>

      <section aria-labelledby="verdicts-heading">
        <h2 id="verdicts-heading">Verdicts over time</h2>
        {months.length === 0 ? (
          <p className="muted">No verdicts have been recorded on {speaker.name}’s claims yet.</p>
        ) : (
          <VerdictChart id="verdict-chart" title={`Verdicts by month on claims by ${speaker.name}`} months={months} earlier={earlier} />
        )}
      </section>

      <section aria-labelledby="claims-heading">
        <h2 id="claims-heading">Claims</h2>
        {claimList.items.length === 0 ? (
          <p className="muted">No claims yet.</p>
        ) : (
          <table className="data">
            <caption className="visually-hidden">Claims by {speaker.name}, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Quote</th>
                <th scope="col">Type</th>
                <th scope="col">Status</th>
                <th scope="col">Source</th>
                <th scope="col">Published</th>
              </tr>
            </thead>
            <tbody>
              {claimList.items.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link href={`/claims/${c.id}`}>“{c.quote}”</Link>
                  </td>
                  <td>
                    {c.type}
                    {c.resolvesOn ? <span className="muted"> · resolves on {formatDate(c.resolvesOn)}</span> : null}
                  </td>
                  <td>
                    <StatusBadge status={c.status} />
                  </td>
                  <td>
                    <Link href={`/sources/${c.sourceId}`}>{c.sourceTitle}</Link>
                    <span className="muted"> · {c.outlet}</span>
                  </td>
                  <td>{formatPublished(c.publishedAt, c.publishedPrecision)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {claimList.more ? (
          <p>
            The newest {SPEAKER_CLAIMS_CAP} of {record.total} claims.{" "}
            <Link href={`/speakers/${speaker.id}?claims=all`}>Show all {record.total} claims</Link>
          </p>
        ) : null}
      </section>

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

      {canWrite ? (
        <section aria-labelledby="merge-heading" className="card">
          <h2 id="merge-heading">Merge another speaker into this one</h2>
          <p className="muted">
            Their claims and aliases move to {speaker.name}; their name becomes an alias. The merge is in the audit log.
          </p>
          <ActionForm action={mergeSpeakersAction} submitLabel="Merge" label="Merge speakers">
            <input type="hidden" name="keepId" value={speaker.id} />
            <SpeakerPicker name="mergeId" initial={null} label="Speaker to merge" hint="Type a name or an alias, then pick." excludeId={speaker.id} />
          </ActionForm>
        </section>
      ) : null}
    </>
  );
}
