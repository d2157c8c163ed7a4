"use server";

import { previewImport, importSource, type ImportPreview } from "@/lib/sources/import";
import { articleFromFile } from "@/lib/import/upload";
import { IMPORT_MAX_BYTES } from "@/lib/validation/imports";
import type { ActionResult } from "@/app/_components/action-result";
import { fail } from "@/lib/result";
import { actionResultOf, asSignedIn, formText, runAction } from "../../_actions/run";

const METADATA_FIELDS = ["title", "outlet", "byline", "url", "publishedAt", "publishedPrecision", "language", "translationNote", "caption"] as const;

/**
 * The import page's form as the import door's input: pasted text, an
 * uploaded file (decoded here, by its <meta charset> or byte-order mark) or
 * an address; and, on saving, the metadata as the reviewer left it.
 */
type FormInput = { ok: true; input: Record<string, unknown> } | { ok: false; problem: string };

async function importInput(form: FormData): Promise<FormInput> {
  const metadata: Record<string, string> = {};
  for (const key of METADATA_FIELDS) if (form.has(`metadata.${key}`)) metadata[key] = formText(form, `metadata.${key}`);
  const common = { metadata, allowDuplicate: formText(form, "allowDuplicate") === "true" };
  const file = form.get("file");
  if (file instanceof File) {
    const read = articleFromFile(file.name, new Uint8Array(await file.arrayBuffer()), IMPORT_MAX_BYTES);
    if (!read.ok) return { ok: false, problem: read.message };
    return { ok: true, input: { raw: read.raw, format: read.format, fileName: file.name, ...common } };
  }
  const raw = form.get("raw");
  if (typeof raw === "string") {
    const url = formText(form, "fetchedUrl");
    return { ok: true, input: { raw, format: formText(form, "format") || "text", ...(url ? { url } : {}), ...common } };
  }
  return { ok: true, input: { url: formText(form, "url"), ...common } };
}

/** An upload the door cannot take (too large, binary, not .txt/.md/.html), said the door's way. */
const unreadable = (problem: string) => fail("invalid", problem, { raw: problem });

/** The clean body, what was removed and why, the metadata found, and any duplicate: nothing is saved. */
export async function previewImportAction(form: FormData): Promise<ActionResult<ImportPreview>> {
  // the session first: no one signed out makes the server decode a file
  return asSignedIn(async (actor) => {
    const read = await importInput(form);
    return actionResultOf(read.ok ? await previewImport(actor, read.input) : unreadable(read.problem));
  });
}

/** Saves the article with its suggested claims; the reader then shows them. */
export async function saveImportAction(form: FormData): Promise<ActionResult<{ id: number; suggestions: number }>> {
  return runAction(
    async (actor) => {
      const read = await importInput(form);
      return read.ok ? importSource(actor, read.input, { via: "page" }) : unreadable(read.problem);
    },
    { value: ({ source, suggestions }) => ({ id: source.id, suggestions }), revalidate: { path: "/", type: "layout" } },
  );
}
