"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import type { ImportFormat } from "@/db/schema";
import type { ImportPreview } from "@/lib/sources/import";
import { IMPORT_MAX_BYTES, IMPORT_MAX_MB } from "@/lib/validation/imports";
import { previewImportAction, saveImportAction } from "@/app/(desk)/sources/new/actions";
import { callAction, type ActionFailure } from "./action-result";
import { FieldErrors } from "./field-errors";
import { ImportMetadataFields, type MetadataDraft } from "./import-metadata";
import { DuplicateNotice, ImportPreviewPanel } from "./import-preview";
import { joinPublished, splitPublished } from "./published-fields";

type Draft = {
  key: string;
  label: string;
  origin: "paste" | "file" | "url";
  format: ImportFormat;
  raw?: string;
  file?: File;
  url?: string;
  preview?: ImportPreview;
  metadata?: MetadataDraft;
  failure?: ActionFailure;
  saved?: { id: number; suggestions: number };
  busy?: boolean;
};

const FORMATS: Array<[ImportFormat, string]> = [
  ["text", "Plain text"],
  ["markdown", "Markdown"],
  ["html", "HTML"],
];

function metadataOf(preview: ImportPreview): MetadataDraft {
  const m = preview.metadata;
  return {
    title: m.title ?? "",
    outlet: m.outlet ?? "",
    byline: m.byline ?? "",
    url: m.url ?? "",
    published: splitPublished(m.publishedAt, m.publishedPrecision),
    language: m.language ?? "",
    translationNote: m.translationNote ?? "",
    caption: m.caption ?? "",
  };
}

/** The draft as the import actions read it: its text, file or address, and on saving its metadata. */
function formOf(draft: Draft, options: { save: boolean; allowDuplicate?: boolean }): FormData {
  const form = new FormData();
  if (draft.origin === "file" && draft.file) form.set("file", draft.file);
  else if (draft.origin === "paste") {
    form.set("raw", draft.raw ?? "");
    form.set("format", draft.format);
  } else if (draft.preview?.fetched) {
    // save what was shown: the page as fetched for the preview, not a second fetch
    form.set("raw", draft.preview.fetched.raw);
    form.set("format", draft.preview.format);
    form.set("fetchedUrl", draft.preview.fetched.url);
  } else form.set("url", draft.url ?? "");
  if (options.save && draft.metadata) {
    const m = draft.metadata;
    const published = joinPublished(m.published);
    const values = { ...m, ...published };
    for (const key of ["title", "outlet", "byline", "url", "publishedAt", "publishedPrecision", "language", "translationNote", "caption"] as const) {
      form.set(`metadata.${key}`, values[key]);
    }
  }
  if (options.allowDuplicate) form.set("allowDuplicate", "true");
  return form;
}

/**
 * /sources/new: articles come in pasted, uploaded (several files at once) or
 * by their address. Each becomes a draft: cleaned on the server, shown beside
 * what was received with the removed lines struck through, its metadata in
 * fields to correct, a warning when the desk has it already; then saved.
 */
export function ImportWorkbench() {
  const id = useId();
  const router = useRouter();
  const [drafts, setDrafts] = useState<Draft[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [paste, setPaste] = useState("");
  const [pasteFormat, setPasteFormat] = useState<ImportFormat>("text");
  const [address, setAddress] = useState("");
  const [inputProblem, setInputProblem] = useState<string | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const counter = useRef(0);

  const update = (key: string, change: Partial<Draft>) => setDrafts((all) => all.map((d) => (d.key === key ? { ...d, ...change } : d)));

  const preview = async (draft: Draft) => {
    update(draft.key, { busy: true, failure: undefined });
    const result = await callAction(() => previewImportAction(formOf(draft, { save: false })));
    if (result.ok) update(draft.key, { busy: false, preview: result.value, metadata: metadataOf(result.value) });
    else update(draft.key, { busy: false, failure: result, preview: undefined });
  };

  const add = (made: Array<Omit<Draft, "key">>) => {
    const keyed = made.map((d) => ({ ...d, key: `${id}-${counter.current++}` }));
    setDrafts((all) => [...all, ...keyed]);
    setSelected(keyed[0]?.key ?? null);
    setInputProblem(null);
    // one at a time: each is a server round of cleaning and suggesting
    void keyed.reduce((chain, d) => chain.then(() => preview(d)), Promise.resolve());
  };

  const addPaste = () => {
    if (!paste.trim()) return setInputProblem("Paste the article's text first.");
    add([{ label: "Pasted text", origin: "paste", format: pasteFormat, raw: paste }]);
  };
  const addFiles = (files: FileList | null) => {
    if (!files || files.length === 0) return;
    const made: Array<Omit<Draft, "key">> = [];
    const refused: string[] = [];
    for (const file of Array.from(files)) {
      if (file.size > IMPORT_MAX_BYTES) refused.push(`${file.name} is over ${IMPORT_MAX_MB} MB.`);
      else made.push({ label: file.name, origin: "file", format: "text", file });
    }
    setInputProblem(refused.length ? refused.join(" ") : null);
    if (made.length) add(made);
    if (fileRef.current) fileRef.current.value = "";
  };
  const addUrl = () => {
    if (!address.trim()) return setInputProblem("Give the article's address first.");
    add([{ label: address.trim(), origin: "url", format: "html", url: address.trim() }]);
  };

  const save = async (draft: Draft, options: { open: boolean }) => {
    const allowDuplicate = Boolean(draft.preview?.duplicate);
    update(draft.key, { busy: true, failure: undefined });
    const result = await callAction(() => saveImportAction(formOf(draft, { save: true, allowDuplicate })));
    if (!result.ok) {
      // a duplicate that appeared since the preview: show it, and let the reviewer decide again
      const duplicate = result.duplicate ?? draft.preview?.duplicate ?? null;
      update(draft.key, { busy: false, failure: result, preview: draft.preview ? { ...draft.preview, duplicate } : undefined });
      return false;
    }
    update(draft.key, { busy: false, saved: result.value });
    if (options.open) router.push(`/sources/${result.value.id}`);
    return true;
  };

  const saveAll = async () => {
    for (const draft of drafts) if (draft.preview && !draft.saved && !draft.preview.duplicate) await save(draft, { open: false });
  };

  const current = drafts.find((d) => d.key === selected) ?? null;
  const ready = drafts.filter((d) => d.preview && !d.saved && !d.preview.duplicate);

  return (
    <div className="import">
      <section className="card import-inputs" aria-labelledby={`${id}-in`}>
        <h2 id={`${id}-in`}>Bring an article in</h2>
        <div className="import-ways">
          <div className="stack">
            <label className="field">
              <span>Paste an article</span>
              <textarea value={paste} onChange={(e) => setPaste(e.target.value)} rows={8} placeholder="The whole page is fine: menus, captions and footers are taken out." />
            </label>
            <div className="actions">
              <label className="field inline">
                <span>Format</span>
                <select value={pasteFormat} onChange={(e) => setPasteFormat(e.target.value as ImportFormat)}>
                  {FORMATS.map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </select>
              </label>
              <button type="button" className="primary" onClick={addPaste}>
                Clean pasted text
              </button>
            </div>
          </div>
          <div className="stack">
            <label className="field">
              <span>Upload files</span>
              <input ref={fileRef} type="file" multiple accept=".txt,.text,.md,.markdown,.html,.htm,.xhtml" onChange={(e) => addFiles(e.target.files)} />
              <span className="hint">.txt, .md or .html, several at once, {IMPORT_MAX_MB} MB each at most.</span>
            </label>
            <label className="field">
              <span>Article address</span>
              <input type="url" value={address} onChange={(e) => setAddress(e.target.value)} placeholder="https://…" />
            </label>
            <div className="actions">
              <button type="button" onClick={addUrl}>
                Fetch and clean
              </button>
            </div>
          </div>
        </div>
        {inputProblem ? (
          <p role="alert" aria-label="Import problem" className="form-error">
            {inputProblem}
          </p>
        ) : null}
      </section>

      {drafts.length > 1 ? (
        <section aria-labelledby={`${id}-drafts`}>
          <h2 id={`${id}-drafts`}>Articles to import ({drafts.length})</h2>
          <ul className="draft-list">
            {drafts.map((d) => (
              <li key={d.key}>
                <button type="button" aria-pressed={d.key === selected} onClick={() => setSelected(d.key)}>
                  {d.label}
                </button>{" "}
                <span className="muted">
                  {d.busy
                    ? "working…"
                    : d.saved
                      ? "saved"
                      : d.failure
                        ? "not imported"
                        : d.preview?.duplicate
                          ? "duplicate"
                          : d.preview
                            ? "ready"
                            : "waiting"}
                </span>
                {d.saved ? (
                  <>
                    {" "}
                    <a href={`/sources/${d.saved.id}`}>open</a>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => void saveAll()} disabled={ready.length === 0}>
            Save all ready ({ready.length})
          </button>
        </section>
      ) : null}

      {current ? (
        <section className="import-draft" aria-labelledby={`${id}-draft`}>
          <h2 id={`${id}-draft`}>{current.label}</h2>
          {current.busy ? (
            <p role="status" aria-label="Import progress">
              Cleaning and reading the article…
            </p>
          ) : null}
          {current.failure && !current.failure.duplicate ? (
            <FieldErrors failure={current.failure} label="Import problem" skip={current.preview ? ["title", "outlet", "publishedAt", "byline", "url", "language"] : []} />
          ) : null}
          {current.saved ? (
            <p role="status" className="form-ok">
              Saved with {current.saved.suggestions} suggested claim{current.saved.suggestions === 1 ? "" : "s"}.{" "}
              <a href={`/sources/${current.saved.id}`}>Open it</a>
            </p>
          ) : null}
          {current.preview && !current.saved ? (
            <>
              {current.preview.duplicate ? <DuplicateNotice duplicate={current.preview.duplicate} /> : null}
              <ImportPreviewPanel preview={current.preview} />
              <ImportMetadataFields
                value={current.metadata!}
                onChange={(metadata) => update(current.key, { metadata })}
                fields={{ ...current.preview.missing, ...(current.failure?.fields ?? {}) }}
              />
              <div className="actions">
                <button type="button" className="primary" disabled={current.busy} onClick={() => void save(current, { open: true })}>
                  {current.preview.duplicate ? "Save anyway" : "Save source"}
                </button>
              </div>
            </>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
