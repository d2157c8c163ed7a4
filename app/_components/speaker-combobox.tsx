"use client";

import { useId, useState, type KeyboardEvent, type RefObject } from "react";
import type { SpeakerKind } from "@/db/schema";
import { findSpeakersAction } from "@/app/(desk)/_actions/speakers";
import { callAction } from "./action-result";
import { NewSpeaker } from "./new-speaker";
import { useComboboxSearch } from "./use-combobox-search";

export type SpeakerOption = { id: number; name: string; description: string | null; kind: SpeakerKind };

type Option = { kind: "speaker"; speaker: SpeakerOption } | { kind: "create"; name: string };

/** Names and aliases matching the text (none when the search fails: "Create" is still offered). */
async function findSpeakers(text: string): Promise<SpeakerOption[]> {
  const result = await callAction(() => findSpeakersAction({ query: text }));
  return result.ok ? result.value : [];
}

/**
 * The ARIA combobox pattern (list autocomplete): typing searches names and
 * aliases on the server, arrow keys move through the options, Enter picks
 * one, Escape closes the list. The last option makes a new speaker.
 */
export function SpeakerCombobox({
  value,
  onChange,
  error,
  inputRef,
}: {
  value: SpeakerOption | null;
  onChange: (speaker: SpeakerOption | null) => void;
  error?: string;
  inputRef: RefObject<HTMLInputElement | null>;
}) {
  const id = useId();
  const listId = `${id}-list`;
  const [query, setQuery] = useState(value?.name ?? "");
  const [open, setOpen] = useState(false);
  const [creating, setCreating] = useState<string | null>(null);

  const text = query.trim();
  const { found, active, setActive } = useComboboxSearch(open, text, findSpeakers);

  const options: Option[] = text
    ? [
        ...found.items.map((speaker) => ({ kind: "speaker" as const, speaker })),
        ...(found.text === text ? [{ kind: "create" as const, name: text }] : []),
      ]
    : [];
  const expanded = open && options.length > 0;
  const optionId = (i: number) => `${id}-option-${i}`;

  const choose = (option: Option) => {
    setOpen(false);
    setActive(-1);
    if (option.kind === "create") {
      setCreating(option.name);
      return;
    }
    setQuery(option.speaker.name);
    onChange(option.speaker);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!expanded) {
        setOpen(true);
        setActive(options.length ? (event.key === "ArrowDown" ? 0 : options.length - 1) : -1);
        return;
      }
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((a) => (a + step + options.length) % options.length);
    } else if (event.key === "Enter" && expanded) {
      // Enter in an open list picks; it never submits the claim half-filled
      event.preventDefault();
      const option = options[active];
      if (option) choose(option);
    } else if (event.key === "Escape" && expanded) {
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  };

  return (
    <div className="field combobox">
      <label htmlFor={`${id}-input`}>Speaker</label>
      <input
        id={`${id}-input`}
        ref={inputRef}
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : `${id}-hint`}
        autoComplete="off"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setOpen(true);
          setActive(-1);
          if (value) onChange(null);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      <ul role="listbox" id={listId} aria-label="Speakers" className="listbox" hidden={!expanded}>
        {options.map((option, i) => (
          <li
            key={option.kind === "speaker" ? option.speaker.id : "create"}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            className={i === active ? "active" : undefined}
            // keep focus in the input, so the pick does not blur and close the list first
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(option)}
          >
            {option.kind === "speaker" ? (
              <>
                {option.speaker.name}
                {option.speaker.description ? <span className="muted"> · {option.speaker.description}</span> : null}
              </>
            ) : (
              `Create speaker "${option.name}"`
            )}
          </li>
        ))}
      </ul>
      <span className="visually-hidden" aria-live="polite">
        {expanded && found.text === text ? `${found.items.length} speaker${found.items.length === 1 ? "" : "s"} found.` : ""}
      </span>
      {error ? (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      ) : (
        <span id={`${id}-hint`} className="hint">
          {value ? `${value.name} (${value.kind})` : "Type a name or an alias, then pick from the list."}
        </span>
      )}
      {creating !== null ? (
        <NewSpeaker
          initialName={creating}
          onCancel={() => {
            setCreating(null);
            inputRef.current?.focus();
          }}
          onCreated={(speaker) => {
            setCreating(null);
            setQuery(speaker.name);
            onChange(speaker);
            inputRef.current?.focus();
          }}
        />
      ) : null}
    </div>
  );
}
