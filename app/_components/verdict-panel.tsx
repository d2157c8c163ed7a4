"use client";

import { useId, useImperativeHandle, useRef, useState, useTransition, type FormEvent, type Ref } from "react";
import type { ClaimStatus } from "@/db/schema";
import { recordVerdictAction } from "@/app/(desk)/_actions/verdicts";
import { callAction, type ActionFailure } from "./action-result";
import { ConflictAlert } from "./conflict-alert";
import { EvidencePicker, evidenceInput, type EvidenceDraft } from "./evidence-picker";
import { FieldErrors } from "./field-errors";
import { STATUS_LABEL } from "./status";
import { useHydrated } from "./use-hydrated";
import { LIMITS } from "@/lib/validation/common";

export type VerdictPanelHandle = { choose: (status: ClaimStatus) => void };

const STATUSES = Object.keys(STATUS_LABEL) as ClaimStatus[];
const SHORTCUT: Record<ClaimStatus, string> = { pending: "p", corroborated: "c", contradicted: "x" };

type Outcome = { kind: "saved"; status: ClaimStatus } | { kind: "failed"; failure: ActionFailure };

/** Server messages for evidence items ("evidence.2.target.url") by item index. */
function evidenceErrors(fields: Record<string, string>): Record<number, string[]> {
  const out: Record<number, string[]> = {};
  for (const [key, message] of Object.entries(fields)) {
    const m = /^evidence\.(\d+)\./.exec(key);
    if (m) (out[Number(m[1])] ??= []).push(message);
  }
  return out;
}

/**
 * Records a verdict on one claim, based on the version on screen. On a
 * conflict the form keeps the reviewer's choice, rationale and evidence and
 * offers to re-apply them on top of the version that is there now.
 */
export function VerdictPanel({
  claim,
  excludeSourceId,
  shortcuts = false,
  ref,
}: {
  claim: { id: number; status: ClaimStatus; version: number };
  excludeSourceId: number;
  shortcuts?: boolean;
  ref?: Ref<VerdictPanelHandle>;
}) {
  const id = useId();
  const [status, setStatus] = useState<ClaimStatus>(claim.status);
  const [rationale, setRationale] = useState("");
  const [evidence, setEvidence] = useState<EvidenceDraft[]>([]);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [pending, startTransition] = useTransition();
  const rationaleRef = useRef<HTMLTextAreaElement>(null);
  const hydrated = useHydrated();

  useImperativeHandle(ref, () => ({
    choose: (next) => {
      setStatus(next);
      rationaleRef.current?.focus();
    },
  }));

  const save = (baseVersion: number) => {
    const input = { claimId: claim.id, status, rationale, baseVersion, evidence: evidenceInput(evidence) };
    startTransition(async () => {
      const result = await callAction(() => recordVerdictAction(input));
      if (result.ok) {
        setRationale("");
        setEvidence([]);
        setOutcome({ kind: "saved", status: result.value.status });
      } else {
        setOutcome({ kind: "failed", failure: result });
      }
    });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save(claim.version);
  };

  const failure = outcome?.kind === "failed" ? outcome.failure : null;
  const conflict = failure?.code === "conflict" ? failure.current : undefined;
  const fields = failure?.fields ?? {};
  const needsRationale = status !== "pending";

  return (
    <form className="verdict-form" aria-label="Record a verdict" onSubmit={submit} noValidate>
      {/* nothing can be typed into the form before the script that saves it runs */}
      <fieldset className="bare stack" disabled={!hydrated}>
        <fieldset className="verdict-choice">
          <legend>Verdict</legend>
          {STATUSES.map((s) => (
            <label key={s} className={`choice status-text-${s}`}>
              <input
                type="radio"
                name={`${id}-verdict`}
                value={s}
                checked={status === s}
                onChange={() => setStatus(s)}
                aria-keyshortcuts={shortcuts ? SHORTCUT[s] : undefined}
              />
              {STATUS_LABEL[s]}
            </label>
          ))}
        </fieldset>
        <label className="field">
          <span>Rationale</span>
          <textarea
            ref={rationaleRef}
            value={rationale}
            onChange={(event) => setRationale(event.target.value)}
            rows={4}
            maxLength={LIMITS.rationale}
            aria-required={needsRationale}
            aria-invalid={fields.rationale ? true : undefined}
            aria-describedby={`${id}-rationale-hint`}
          />
          <span id={`${id}-rationale-hint`} className={fields.rationale ? "field-error" : "hint"}>
            {fields.rationale ?? "Required for Corroborated and Contradicted: say why, and cite what you relied on."}
          </span>
        </label>
        <EvidencePicker items={evidence} onChange={setEvidence} excludeSourceId={excludeSourceId} errors={evidenceErrors(fields)} />
        {conflict ? (
          <ConflictAlert
            current={conflict}
            pending={pending}
            onReapply={() => save(conflict.version)}
            kept="Your verdict and rationale are still below."
            reapplyLabel="Re-apply my verdict"
          />
        ) : failure ? (
          <FieldErrors
            failure={failure}
            label="Verdict not saved"
            skip={Object.keys(fields).filter((k) => k === "rationale" || k.startsWith("evidence."))}
          />
        ) : null}
        <div className="actions">
          <button type="submit" className="primary" disabled={pending}>
            Save verdict
          </button>
          <span role="status" className="form-ok">
            {outcome?.kind === "saved" ? `Verdict saved: ${STATUS_LABEL[outcome.status]}.` : ""}
          </span>
        </div>
      </fieldset>
    </form>
  );
}
