"use client";

import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { CLAIM_TYPES, type ClaimType } from "@/db/schema";
import { deleteClaimAction, updateClaimAction } from "@/app/(desk)/_actions/claim-edits";
import { callAction, type ActionFailure } from "./action-result";
import { formatTimestamp } from "./format";
import { SpeakerCombobox, type SpeakerOption } from "./speaker-combobox";

export type EditableClaim = {
  id: number;
  sourceId: number;
  version: number;
  type: ClaimType;
  proposition: string | null;
  resolvesOn: string | null;
  speaker: SpeakerOption;
};

/**
 * Edits a claim on top of the version the reviewer opened. A stale version is
 * refused by the server; the form then says who changed what, keeps every
 * field as typed, and offers to apply the same edit to the new version.
 */
export function ClaimEdit({ claim, canDelete }: { claim: EditableClaim; canDelete: boolean }) {
  const router = useRouter();
  const speakerInput = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const [speaker, setSpeaker] = useState<SpeakerOption | null>(claim.speaker);
  const [type, setType] = useState<ClaimType>(claim.type);
  const [proposition, setProposition] = useState(claim.proposition ?? "");
  const [resolvesOn, setResolvesOn] = useState(claim.resolvesOn ?? "");
  const [baseVersion, setBaseVersion] = useState(claim.version);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const save = async (version: number) => {
    setPending(true);
    setSaved(null);
    const result = await callAction(() =>
      updateClaimAction({
        claimId: claim.id,
        baseVersion: version,
        speakerId: speaker?.id ?? claim.speaker.id,
        type,
        proposition,
        resolvesOn: type === "prediction" && resolvesOn ? resolvesOn : null,
      }),
    );
    setPending(false);
    if (!result.ok) {
      setFailure(result);
      return;
    }
    setFailure(null);
    setBaseVersion(result.value.version);
    setSaved("Changes saved.");
    router.refresh();
  };

  const [confirming, setConfirming] = useState(false);
  const remove = async () => {
    const result = await callAction(() => deleteClaimAction({ claimId: claim.id, baseVersion }));
    if (!result.ok) {
      setFailure(result);
      return;
    }
    router.push(`/sources/${claim.sourceId}`);
  };

  if (!open) {
    return (
      <p className="actions">
        <button type="button" onClick={() => setOpen(true)}>
          Edit claim
        </button>
        {canDelete && !confirming ? (
          <button type="button" className="danger" onClick={() => setConfirming(true)}>
            Delete claim
          </button>
        ) : null}
        {confirming ? (
          <>
            <span>Delete this claim? Its history stays in the audit log.</span>
            <button type="button" className="danger" onClick={() => void remove()}>
              Yes, delete it
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </>
        ) : null}
        {failure ? <span role="alert" aria-label="Claim problem" className="form-error">{failure.message}</span> : null}
      </p>
    );
  }

  return (
    <form
      className="stack card"
      aria-label="Edit claim"
      onSubmit={(event) => {
        event.preventDefault();
        void save(baseVersion);
      }}
    >
      <SpeakerCombobox value={speaker} onChange={setSpeaker} inputRef={speakerInput} error={failure?.fields?.speakerId} />
      <label className="field">
        <span>Claim type</span>
        <select value={type} onChange={(e) => setType(e.target.value as ClaimType)}>
          {CLAIM_TYPES.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Proposition</span>
        <textarea value={proposition} onChange={(e) => setProposition(e.target.value)} rows={3} maxLength={2000} />
      </label>
      {type === "prediction" ? (
        <label className="field">
          <span>Resolves on</span>
          <input type="date" value={resolvesOn} onChange={(e) => setResolvesOn(e.target.value)} />
        </label>
      ) : null}
      {failure ? (
        <div role="alert" aria-label={failure.code === "conflict" ? "Conflict" : "Claim problem"} className="form-error">
          <p>{failure.message}</p>
          {failure.current ? (
            <>
              <p>
                {failure.current.changedBy ?? "Someone"} {failure.current.action}
                {failure.current.changedAt ? ` at ${formatTimestamp(failure.current.changedAt)}` : ""}. Your changes are
                still in the form.
              </p>
              <button type="button" onClick={() => void save(failure.current!.version)} disabled={pending}>
                Re-apply my changes
              </button>
            </>
          ) : null}
          {failure.fields
            ? Object.entries(failure.fields).map(([field, message]) => <p key={field}>{message}</p>)
            : null}
        </div>
      ) : null}
      <p className="actions">
        <button type="submit" className="primary" disabled={pending}>
          Save changes
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          Close
        </button>
        <span role="status">{saved}</span>
      </p>
    </form>
  );
}
