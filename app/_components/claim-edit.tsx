"use client";

import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import type { ClaimType } from "@/db/schema";
import { deleteClaimAction, updateClaimAction } from "@/app/(desk)/_actions/claim-edits";
import { callAction, type ActionFailure } from "./action-result";
import { CLAIM_FIELD_KEYS, ClaimFields, claimFieldInput, type ClaimFieldValues } from "./claim-fields";
import { ConflictAlert } from "./conflict-alert";
import { FieldErrors } from "./field-errors";
import type { SpeakerOption } from "./speaker-combobox";

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
  const speakerRef = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<ClaimFieldValues>({
    speaker: claim.speaker,
    type: claim.type,
    proposition: claim.proposition ?? "",
    resolvesOn: claim.resolvesOn ?? "",
  });
  const [baseVersion, setBaseVersion] = useState(claim.version);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [confirming, setConfirming] = useState(false);

  const save = async (version: number) => {
    setPending(true);
    setSaved(null);
    const result = await callAction(() =>
      updateClaimAction({ claimId: claim.id, baseVersion: version, speakerId: values.speaker?.id ?? claim.speaker.id, ...claimFieldInput(values) }),
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
        {failure ? (
          <span role="alert" aria-label="Claim problem" className="form-error">
            {failure.message}
          </span>
        ) : null}
      </p>
    );
  }

  const conflict = failure?.code === "conflict" ? failure.current : undefined;
  return (
    <form
      className="stack card"
      aria-label="Edit claim"
      onSubmit={(event) => {
        event.preventDefault();
        void save(baseVersion);
      }}
    >
      <ClaimFields values={values} onChange={(next) => setValues((v) => ({ ...v, ...next }))} fields={failure?.fields ?? {}} speakerRef={speakerRef} />
      {conflict ? (
        <ConflictAlert
          current={conflict}
          pending={pending}
          onReapply={() => void save(conflict.version)}
          kept="Your changes are still in the form."
          reapplyLabel="Re-apply my changes"
        />
      ) : failure ? (
        <FieldErrors failure={failure} label="Claim problem" skip={CLAIM_FIELD_KEYS} />
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
