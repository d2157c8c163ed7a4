"use client";

import { useId, useState, type KeyboardEvent } from "react";
import { useComboboxSearch } from "./use-combobox-search";

export type PickerOption = { id: number; label: string; detail?: string | null };

/** What a search answers: the options, or null when the desk could not be reached. */
export type PickerSearch = (text: string) => Promise<PickerOption[] | null>;

/**
 * A searchable picker for a form field that holds an id (a GET filter, the
 * merge form): the ARIA combobox pattern with list autocomplete. Typing
 * searches on the server; arrow keys move through the options, Enter picks
 * one (and never submits the form while the list is open), Escape closes the
 * list, or empties the field when it is closed. The chosen id travels in a
 * hidden input named `name`; an empty field means none. Text typed but not
 * picked goes back to the choice when the field loses focus.
 */
export function FilterCombobox({
  label,
  name,
  initial,
  search,
  listLabel,
  hint,
  noun,
  placeholder,
}: {
  label: string;
  name: string;
  initial: PickerOption | null;
  search: PickerSearch;
  /** the listbox's name, e.g. "Sources" */
  listLabel: string;
  hint: string;
  /** what one option is, for "3 sources found" */
  noun: { one: string; many: string };
  /** what an empty field means, e.g. "Any source" */
  placeholder?: string;
}) {
  const id = useId();
  const listId = `${id}-list`;
  const [chosen, setChosen] = useState<PickerOption | null>(initial);
  const [query, setQuery] = useState(initial?.label ?? "");
  const [open, setOpen] = useState(false);
  const text = query.trim();
  const typed = text !== "" && text !== chosen?.label;
  const { found, active, setActive } = useComboboxSearch(open, text, search);

  // while a search is under way the last answer stays up, so the list does not flicker at each keystroke
  const options = text ? found.items : [];
  const expanded = open && options.length > 0;
  const optionId = (i: number) => `${id}-option-${i}`;

  const choose = (option: PickerOption) => {
    setChosen(option);
    setQuery(option.label);
    setOpen(false);
    setActive(-1);
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
      event.preventDefault();
      const option = options[active] ?? (options.length === 1 ? options[0] : undefined);
      if (option) choose(option);
    } else if (event.key === "Escape") {
      if (expanded) {
        event.preventDefault();
        setOpen(false);
        setActive(-1);
      } else if (query) {
        event.preventDefault();
        setQuery("");
        setChosen(null);
      }
    }
  };

  let status = "";
  if (open && text && found.text === text) {
    if (found.failed) status = "The search did not reach the desk; try again.";
    else if (options.length === 0) status = `No ${noun.one} matches “${text}”.`;
    else status = `${options.length} ${options.length === 1 ? noun.one : noun.many} found.`;
  }

  return (
    <div className="field combobox filter-combobox">
      <label htmlFor={`${id}-input`}>{label}</label>
      <input
        id={`${id}-input`}
        type="text"
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        aria-describedby={`${id}-hint`}
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setOpen(true);
          setActive(-1);
          // an emptied field is a choice too: none
          if (!event.target.value.trim()) setChosen(null);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setOpen(false);
          setActive(-1);
          if (typed) setQuery(chosen?.label ?? "");
        }}
      />
      <input type="hidden" name={name} value={chosen?.id ?? ""} />
      <ul role="listbox" id={listId} aria-label={listLabel} className="listbox picker-list" hidden={!expanded}>
        {options.map((option, i) => (
          <li
            key={option.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            className={i === active ? "active" : undefined}
            // keep focus in the input, so that the pick does not blur and close the list first
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(option)}
          >
            {option.label}
            {option.detail ? <span className="muted"> · {option.detail}</span> : null}
          </li>
        ))}
      </ul>
      <span className="visually-hidden" aria-live="polite">
        {status}
      </span>
      <span id={`${id}-hint`} className="hint">
        {hint}
      </span>
      {open && typed && found.text === text && (found.failed || options.length === 0) ? (
        <span className="hint picker-empty" aria-hidden="true">
          {status}
        </span>
      ) : null}
    </div>
  );
}
