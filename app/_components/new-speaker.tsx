"use client";

import { useEffect, useId, useRef, useState, useTransition, type KeyboardEvent } from "react";
import type { SpeakerKind } from "@/db/schema";
import { createSpeakerAction } from "@/app/(desk)/_actions/speakers";
import { callAction, type ActionFailure } from "./action-result";
import { FieldErrors } from "./field-errors";
import type { SpeakerOption } from "./speaker-combobox";
import { LIMITS } from "@/lib/validation/common";

const KIND_LABEL: Record<SpeakerKind, string> = { person: "Person", organization: "Organization" };
const KINDS = Object.keys(KIND_LABEL) as SpeakerKind[];

/**
 * Makes a speaker from inside the claim form. It is a group, not a form of
 * its own (forms do not nest), so Enter is caught here rather than submitting
 * the claim.
 */
export function NewSpeaker({
  initialName,
  onCreated,
  onCancel,
}: {
  initialName: string;
  onCreated: (speaker: SpeakerOption) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [name, setName] = useState(initialName);
  const [kind, setKind] = useState<SpeakerKind>("person");
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [pending, startTransition] = useTransition();
  const kindRef = useRef<HTMLSelectElement>(null);

  useEffect(() => kindRef.current?.focus(), []);

  const create = () =>
    startTransition(async () => {
      const result = await callAction(() => createSpeakerAction({ name, kind }));
      if (result.ok) onCreated(result.value);
      else setFailure(result);
    });

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Enter" && event.target instanceof HTMLInputElement) {
      event.preventDefault();
      create();
    } else if (event.key === "Escape") {
      event.preventDefault();
      onCancel();
    }
  };

  return (
    <div role="group" aria-labelledby={`${id}-title`} className="new-speaker" onKeyDown={onKeyDown}>
      <p id={`${id}-title`} className="group-title">
        New speaker
      </p>
      <label className="field">
        <span>Name</span>
        <input value={name} onChange={(event) => setName(event.target.value)} maxLength={LIMITS.name} />
      </label>
      <label className="field">
        <span>Kind</span>
        <select ref={kindRef} value={kind} onChange={(event) => setKind(event.target.value as SpeakerKind)}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABEL[k]}
            </option>
          ))}
        </select>
      </label>
      <div className="actions">
        <button type="button" onClick={create} disabled={pending}>
          Create speaker
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {failure ? <FieldErrors failure={failure} label="Speaker not created" /> : null}
    </div>
  );
}
