"use client";

import { useEffect, useId, useRef, useState, useTransition, type FormEvent } from "react";
import type { ClaimType } from "@/db/schema";
import { createClaimAction } from "@/app/(desk)/_actions/claims";
import { callAction, type ActionFailure } from "./action-result";
import { FieldErrors } from "./field-errors";
import { SpeakerCombobox, type SpeakerOption } from "./speaker-combobox";
import type { TextCapture } from "./text-selection";

const TYPE_LABEL: Record<ClaimType, string> = {
  statement: "Statement",
  prediction: "Prediction",
  statistic: "Statistic",
  attribution: "Attribution",
};
const TYPES = Object.keys(TYPE_LABEL) as ClaimType[];

/** Per-field messages shown next to their field; the rest go in the alert. */
const FIELD_KEYS = ["quote", "speakerId", "proposition", "resolvesOn"];

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
}: {
  sourceId: number;
  capture: TextCapture;
  onClose: () => void;
  onSaved: (claimId: number) => void;
}) {
  const id = useId();
  const [speaker, setSpeaker] = useState<SpeakerOption | null>(null);
  const [type, setType] = useState<ClaimType>("statement");
  const [proposition, setProposition] = useState("");
  const [resolvesOn, setResolvesOn] = useState("");
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [pending, startTransition] = useTransition();
  const speakerRef = useRef<HTMLInputElement>(null);

  // a new selection taken into an open form starts again at the speaker
  useEffect(() => speakerRef.current?.focus(), [capture.start, capture.end]);

  const fields = failure?.fields ?? {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!speaker) {
      setFailure({
        ok: false,
        code: "invalid",
        message: "Some values are not valid.",
        fields: { speakerId: "Pick a speaker from the list, or create one." },
      });
      speakerRef.current?.focus();
      return;
    }
    const input = {
      sourceId,
      speakerId: speaker.id,
      start: capture.start,
      end: capture.end,
      quote: capture.quote,
      type,
      proposition,
      resolvesOn: type === "prediction" && resolvesOn ? resolvesOn : null,
    };
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
        {fields.quote ? <span className="field-error">{fields.quote}</span> : null}
      </div>
      <SpeakerCombobox value={speaker} onChange={setSpeaker} error={fields.speakerId} inputRef={speakerRef} />
      <label className="field">
        <span>Claim type</span>
        <select value={type} onChange={(event) => setType(event.target.value as ClaimType)}>
          {TYPES.map((t) => (
            <option key={t} value={t}>
              {TYPE_LABEL[t]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Proposition</span>
        <textarea
          value={proposition}
          onChange={(event) => setProposition(event.target.value)}
          rows={3}
          maxLength={2000}
          aria-invalid={fields.proposition ? true : undefined}
          aria-describedby={`${id}-proposition-hint`}
        />
        <span id={`${id}-proposition-hint`} className={fields.proposition ? "field-error" : "hint"}>
          {fields.proposition ?? "What the claim asserts, in words that can be checked. Optional."}
        </span>
      </label>
      {type === "prediction" ? (
        <label className="field">
          <span>Resolves on</span>
          <input
            type="date"
            value={resolvesOn}
            onChange={(event) => setResolvesOn(event.target.value)}
            aria-invalid={fields.resolvesOn ? true : undefined}
            aria-describedby={fields.resolvesOn ? `${id}-resolves-error` : undefined}
          />
          {fields.resolvesOn ? (
            <span id={`${id}-resolves-error`} className="field-error">
              {fields.resolvesOn}
            </span>
          ) : null}
        </label>
      ) : null}
      {failure ? <FieldErrors failure={failure} label="Claim not saved" skip={FIELD_KEYS} /> : null}
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
