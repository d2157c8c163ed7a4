"use client";

import { useId } from "react";
import { LIMITS } from "@/lib/validation/common";
import { COMMON_ZONES, type PublishedParts } from "./published-fields";

export type MetadataDraft = {
  title: string;
  outlet: string;
  byline: string;
  url: string;
  published: PublishedParts;
  language: string;
  translationNote: string;
  caption: string;
};

/** The metadata the cleaner found, in fields a reviewer corrects before saving. */
export function ImportMetadataFields({
  value,
  onChange,
  fields,
}: {
  value: MetadataDraft;
  onChange: (next: MetadataDraft) => void;
  fields: Record<string, string>;
}) {
  const id = useId();
  const set = <K extends keyof MetadataDraft>(key: K, v: MetadataDraft[K]) => onChange({ ...value, [key]: v });
  const setPublished = (next: Partial<PublishedParts>) => set("published", { ...value.published, ...next });
  const error = (key: string) =>
    fields[key] ?? fields[`metadata.${key}`] ? (
      <span id={`${id}-${key}-error`} className="field-error">
        {fields[key] ?? fields[`metadata.${key}`]}
      </span>
    ) : null;
  const described = (key: string) => (fields[key] ?? fields[`metadata.${key}`] ? { "aria-invalid": true, "aria-describedby": `${id}-${key}-error` } : {});
  const text = (key: "title" | "outlet" | "byline" | "url" | "language", label: string, max: number, hint?: string) => (
    <label className="field">
      <span>{label}</span>
      <input value={value[key]} onChange={(e) => set(key, e.target.value)} maxLength={max} {...described(key)} />
      {error(key) ?? (hint ? <span className="hint">{hint}</span> : null)}
    </label>
  );

  return (
    <fieldset className="import-metadata">
      <legend>Metadata</legend>
      {text("title", "Title", LIMITS.title)}
      {text("outlet", "Outlet", LIMITS.name)}
      {text("byline", "Byline", LIMITS.name)}
      {text("url", "URL", LIMITS.url)}
      <fieldset className="published">
        <legend>Published</legend>
        <label className="field">
          <span>Date</span>
          <input type="date" value={value.published.date} onChange={(e) => setPublished({ date: e.target.value })} {...described("publishedAt")} />
        </label>
        <label className="field">
          <span>Time</span>
          <input
            type="time"
            value={value.published.time}
            disabled={value.published.dateOnly}
            onChange={(e) => setPublished({ time: e.target.value })}
          />
        </label>
        <label className="field">
          <span>Zone (UTC offset)</span>
          <input
            value={value.published.zone}
            onChange={(e) => setPublished({ zone: e.target.value })}
            list={`${id}-zones`}
            placeholder="+09:00"
            pattern="[+\-]\d{2}:\d{2}"
            size={7}
          />
          <datalist id={`${id}-zones`}>
            {COMMON_ZONES.map(([offset, name]) => (
              <option key={offset} value={offset}>
                {name}
              </option>
            ))}
          </datalist>
        </label>
        <label className="choice">
          <input type="checkbox" checked={value.published.dateOnly} onChange={(e) => setPublished({ dateOnly: e.target.checked })} />
          Only the day is known
        </label>
        {error("publishedAt")}
      </fieldset>
      {text("language", "Language", 35, "A language tag: en, ko, fr…")}
      <label className="field">
        <span>Translation note</span>
        <textarea value={value.translationNote} onChange={(e) => set("translationNote", e.target.value)} rows={2} maxLength={LIMITS.note} />
      </label>
      <label className="field">
        <span>Caption</span>
        <textarea value={value.caption} onChange={(e) => set("caption", e.target.value)} rows={2} maxLength={LIMITS.note} />
      </label>
    </fieldset>
  );
}
