"use client";

import { useCallback } from "react";
import { findSpeakersAction } from "@/app/(desk)/_actions/speakers";
import { callAction } from "./action-result";
import { FilterCombobox, type PickerOption } from "./filter-combobox";

/**
 * A speaker picker over names and aliases (the server action the claim form's
 * combobox uses too), for filters and the merge form. `excludeId` leaves one
 * speaker out of the options (the one a merge keeps).
 */
export function SpeakerPicker({
  name,
  initial,
  label = "Speaker",
  hint = "Type a name or an alias, then pick one. Empty: any speaker.",
  placeholder,
  excludeId,
}: {
  name: string;
  initial: PickerOption | null;
  label?: string;
  hint?: string;
  placeholder?: string;
  excludeId?: number;
}) {
  const search = useCallback(
    async (text: string): Promise<PickerOption[] | null> => {
      const result = await callAction(() => findSpeakersAction({ query: text }));
      if (!result.ok) return null;
      return result.value.filter((s) => s.id !== excludeId).map((s) => ({ id: s.id, label: s.name, detail: s.description }));
    },
    [excludeId],
  );
  return (
    <FilterCombobox
      label={label}
      name={name}
      initial={initial}
      search={search}
      listLabel="Speakers"
      noun={{ one: "speaker", many: "speakers" }}
      hint={hint}
      placeholder={placeholder}
    />
  );
}
