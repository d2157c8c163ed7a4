import { z } from "zod";
import { SOURCE_SORTS, decodeSourceCursor, encodeSourceCursor, listSources, listSourcesPage } from "@/db/queries/sources";
import { LIMITS, text } from "@/lib/validation/common";
import { cappedLimit } from "@/lib/validation/claim-filters";
import { json } from "@/lib/http/api";
import { created, readRoute, writeRoute } from "@/lib/http/write-route";
import type { Source } from "@/db/schema";
import { mapResult, type Result } from "@/lib/result";
import { importSource, previewImport } from "@/lib/sources/import";

/** ?limit=&cursor=&sort=&q=; values above the cap are capped, not refused. */
const sourcesQuery = z.object({
  limit: cappedLimit,
  cursor: z
    .string()
    .transform((v, ctx) => {
      const cursor = decodeSourceCursor(v);
      if (!cursor) {
        ctx.addIssue({ code: "custom", message: "This cursor was not issued by this API." });
        return z.NEVER;
      }
      return cursor;
    })
    .optional(),
  sort: z.enum(SOURCE_SORTS, { message: `Sort is one of ${SOURCE_SORTS.join(", ")}.` }).optional(),
  q: text("Search")
    .transform((s) => s.normalize("NFC").trim())
    .pipe(z.string().max(LIMITS.name, `Search for at most ${LIMITS.name} characters.`))
    .optional(),
});

/**
 * GET /api/v1/sources: `{ items, nextCursor }`, each source with its claim
 * counts by status. With none of limit, cursor, sort or q: every source,
 * newest first, as scripts have always had it (nextCursor null). With any:
 * one page by published date (default 50, newest first), keyset on the cursor;
 * `q` keeps the sources whose title or outlet contains it (a picker's search).
 */
export const GET = readRoute({
  query: sourcesQuery,
  run: async ({ query }) => {
    const { limit, cursor, sort, q } = query;
    if (limit === undefined && cursor === undefined && sort === undefined && q === undefined) {
      return { items: await listSources(), nextCursor: null };
    }
    const page = await listSourcesPage({ limit: limit ?? 50, after: cursor ?? null, sort, q });
    return { items: page.items, nextCursor: page.nextCursor ? encodeSourceCursor(page.nextCursor) : null };
  },
});

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
