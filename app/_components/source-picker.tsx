"use client";

import { FilterCombobox, type PickerOption } from "./filter-combobox";
import { formatPublished } from "./format";

type SourceItem = { id: number; title: string; outlet: string; publishedAt: string; publishedPrecision: "date" | "minute" };

/** Sources whose title or outlet contains the text, through the read API (the ten newest). */
async function searchSources(text: string): Promise<PickerOption[] | null> {
  const response = await fetch(`/api/v1/sources?${new URLSearchParams({ q: text, limit: "10" })}`, {
    headers: { accept: "application/json" },
    credentials: "same-origin",
  });
  if (!response.ok) return null;
  const { items } = (await response.json()) as { items: SourceItem[] };
  return items.map((s) => ({ id: s.id, label: s.title, detail: `${s.outlet}, ${formatPublished(s.publishedAt, s.publishedPrecision)}` }));
}

/** The "Source" filter: a combobox searching titles and outlets; the chosen source's id goes in `name`. */
export function SourcePicker({ name, initial, label = "Source" }: { name: string; initial: PickerOption | null; label?: string }) {
  return (
    <FilterCombobox
      label={label}
      name={name}
      initial={initial}
      search={searchSources}
      listLabel="Sources"
      noun={{ one: "source", many: "sources" }}
      placeholder="Any source"
      hint="Type part of a title or outlet, then pick one. Empty: any source."
    />
  );
}
