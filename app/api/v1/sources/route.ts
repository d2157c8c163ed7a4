import { listSources } from "@/db/queries/sources";
import { json } from "@/lib/http/api";
import { created, readRoute, writeRoute } from "@/lib/http/write-route";
import type { Source } from "@/db/schema";
import { mapResult, type Result } from "@/lib/result";
import { importSource, previewImport } from "@/lib/sources/import";

export const GET = readRoute({ run: () => ({ items: listSources() }) });

/** A saved source as the API shows it: its fingerprint and owner stay inside. */
const publicSource = ({ contentHash: _hash, rawHash: _raw, createdBy: _by, ...source }: Source) => source;

/** JSON escaping can double an article's size; the article itself is still held to 5 MB (422 beyond). */
const IMPORT_BODY_MAX = 12 * 1024 * 1024;

/**
 * POST /api/v1/sources: `{ raw, format, metadata?, fileName?, allowDuplicate? }`
 * or `{ url, metadata?, allowDuplicate? }`. Cleans, reads the metadata,
 * checks for duplicates (409 with the existing source), saves with its
 * suggested claims: 201 `{ source, suggestions }`. With `?dryRun=1` nothing is
 * saved: 200 with the clean body, the removed lines and why, the metadata.
 */
export const POST = writeRoute({
  body: true,
  maxBytes: IMPORT_BODY_MAX,
  run: async ({ actor, body, query }): Promise<Result<{ status: number; body: unknown }>> => {
    if (query.get("dryRun") === "1") return mapResult(await previewImport(actor, body), (preview) => ({ status: 200, body: preview }));
    return mapResult(await importSource(actor, body, { via: "api" }), ({ source, suggestions }) => ({
      status: 201,
      body: { source: publicSource(source), suggestions },
    }));
  },
  respond: ({ status, body }) => (status === 201 ? created(body) : json(body)),
});
