"use client";

import { useEffect, useId, useRef, useState, useTransition, type FormEvent } from "react";
import { createClaimAction } from "@/app/(desk)/_actions/claims";
import { callAction, type ActionFailure } from "./action-result";
import { CLAIM_FIELD_KEYS, ClaimFields, claimFieldInput, type ClaimFieldValues } from "./claim-fields";
import { FieldErrors } from "./field-errors";
import type { TextCapture } from "./text-selection";

/**
 * The "New claim" panel: the selected quote, its speaker and type, a
 * proposition. The fields are controlled, so a refused save (422, 403, a
 * network failure) leaves everything the reviewer typed where it was.
 */
export function ClaimForm({
  sourceId,
  capture,
  onClose,
  onSaved,
  initial,
}: {
  sourceId: number;
  capture: TextCapture;
  onClose: () => void;
  onSaved: (claimId: number) => void;
  /** values to start from (a suggestion taken into the form) */
  initial?: Partial<ClaimFieldValues>;
}) {
  const id = useId();
  const [values, setValues] = useState<ClaimFieldValues>({ speaker: null, type: "statement", proposition: "", resolvesOn: "", ...initial });
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [pending, startTransition] = useTransition();
  const speakerRef = useRef<HTMLInputElement>(null);

  // a new selection taken into an open form starts again at the speaker
  useEffect(() => speakerRef.current?.focus(), [capture.start, capture.end]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!values.speaker) {
      setFailure({
        ok: false,
        code: "invalid",
        message: "Some values are not valid.",
        fields: { speakerId: "Pick a speaker from the list, or create one." },
      });
      speakerRef.current?.focus();
      return;
    }
    const input = { sourceId, speakerId: values.speaker.id, start: capture.start, end: capture.end, quote: capture.quote, ...claimFieldInput(values) };
    startTransition(async () => {
      const result = await callAction(() => createClaimAction(input));
      if (result.ok) onSaved(result.value.id);
      else setFailure(result);
    });
  };

  return (
    <form className="claim-form stack" aria-labelledby={`${id}-title`} onSubmit={submit} noValidate>
      <h2 id={`${id}-title`}>New claim</h2>
      <div className="field">
        <span id={`${id}-quote`}>Quote</span>
        <blockquote className="quote-preview" aria-labelledby={`${id}-quote`}>
          {capture.quote}
        </blockquote>
        {failure?.fields?.quote ? <span className="field-error">{failure.fields.quote}</span> : null}
      </div>
      <ClaimFields values={values} onChange={(next) => setValues((v) => ({ ...v, ...next }))} fields={failure?.fields ?? {}} speakerRef={speakerRef} />
      {failure ? <FieldErrors failure={failure} label="Claim not saved" skip={["quote", ...CLAIM_FIELD_KEYS]} /> : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={pending}>
          Save claim
        </button>
        <button type="button" onClick={onClose} aria-keyshortcuts="Escape">
          Cancel
        </button>
      </div>
    </form>
  );
}
