"use client";

import { useId, type RefObject } from "react";
import { CLAIM_TYPES, type ClaimType } from "@/db/enums";
import { LIMITS } from "@/lib/validation/common";
import { SpeakerCombobox, type SpeakerOption } from "./speaker-combobox";

export const TYPE_LABEL: Record<ClaimType, string> = {
  statement: "Statement",
  prediction: "Prediction",
  statistic: "Statistic",
  attribution: "Attribution",
};

export type ClaimFieldValues = {
  speaker: SpeakerOption | null;
  type: ClaimType;
  proposition: string;
  resolvesOn: string;
};

/** The keys these fields show their own messages for; a form's alert shows the rest. */
export const CLAIM_FIELD_KEYS = ["speakerId", "type", "proposition", "resolvesOn"];

/**
 * Speaker, type, proposition and (for predictions) resolves-on: the fields a
 * reviewer fills when capturing a claim and when editing one. Controlled, so a
 * refused save leaves everything as typed.
 */
export function ClaimFields({
  values,
  onChange,
  fields,
  speakerRef,
}: {
  values: ClaimFieldValues;
  onChange: (next: Partial<ClaimFieldValues>) => void;
  fields: Record<string, string>;
  speakerRef: RefObject<HTMLInputElement | null>;
}) {
  const id = useId();
  return (
    <>
      <SpeakerCombobox value={values.speaker} onChange={(speaker) => onChange({ speaker })} error={fields.speakerId} inputRef={speakerRef} />
      <label className="field">
        <span>Claim type</span>
        <select value={values.type} onChange={(event) => onChange({ type: event.target.value as ClaimType })}>
          {CLAIM_TYPES.map((t) => (
            <option key={t} value={t}>
              {TYPE_LABEL[t]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Proposition</span>
        <textarea
          value={values.proposition}
          onChange={(event) => onChange({ proposition: event.target.value })}
          rows={3}
          maxLength={LIMITS.proposition}
          aria-invalid={fields.proposition ? true : undefined}
          aria-describedby={`${id}-proposition-hint`}
        />
        <span id={`${id}-proposition-hint`} className={fields.proposition ? "field-error" : "hint"}>
          {fields.proposition ?? "What the claim asserts, in words that can be checked. Optional."}
        </span>
      </label>
      {values.type === "prediction" ? (
        <label className="field">
          <span>Resolves on</span>
          <input
            type="date"
            value={values.resolvesOn}
            onChange={(event) => onChange({ resolvesOn: event.target.value })}
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
    </>
  );
}

/** What the fields send: resolves-on only for a prediction. */
export function claimFieldInput(values: ClaimFieldValues) {
  return {
    type: values.type,
    proposition: values.proposition,
    resolvesOn: values.type === "prediction" && values.resolvesOn ? values.resolvesOn : null,
  };
}
