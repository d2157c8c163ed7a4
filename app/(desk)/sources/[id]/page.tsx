import type { Metadata } from "next";
import { cache } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getSource } from "@/db/queries/sources";
import { listOpenSuggestions } from "@/db/queries/suggestions";
import { listVerdictsOfSource } from "@/db/queries/verdict-history";
import { segmentBody } from "@/lib/anchoring/segments";
import { can, requirePageUser, signedInTitle } from "@/lib/auth/session";
import { formatPublished } from "@/app/_components/format";
import { Reader } from "@/app/_components/reader";
import { StatusLegend } from "@/app/_components/status";
import { parseId } from "@/lib/validation/parse-id";

type Params = Promise<{ id: string }>;

// the metadata and the page need the same source (its body and every claim): read it once per request
const loadSource = cache(getSource);

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const id = parseId((await params).id);
  return signedInTitle("Source", async () => (id ? (await loadSource(id))?.title : null));
}

export default async function SourcePage({ params }: { params: Params }) {
  const { id: raw } = await params;
  const user = await requirePageUser(`/sources/${raw}`);
  const id = parseId(raw);
  const source = id ? await loadSource(id) : null;
  if (!source) notFound();

  const canWrite = can(user, "reviewer");
  // suggestions are for those who can act on them
  const suggestions = canWrite ? await listOpenSuggestions(source.id) : [];
  const verdicts = await listVerdictsOfSource(source.id);
  // an orphaned claim's offsets no longer point at its quote: it is listed, not highlighted
  const paragraphs = segmentBody(
    source.body,
    source.claims.filter((c) => !c.orphaned).map((c) => ({ id: c.id, start: c.start, end: c.end })),
    suggestions.map((s) => ({ id: s.id, start: s.start, end: s.end })),
  );
  return (
    <>
      <header className="source-head">
        <h1>{source.title}</h1>
        <p className="meta">
          <span>{source.outlet}</span>
          {source.byline ? <span>By {source.byline}</span> : null}
          <span>
            <time dateTime={source.publishedAt}>{formatPublished(source.publishedAt, source.publishedPrecision)}</time>
          </span>
          {source.url ? (
            <a href={source.url} rel="noopener noreferrer nofollow" target="_blank">
              Original
            </a>
          ) : null}
          {can(user, "admin") ? <Link href={`/sources/${source.id}/edit`}>Edit text</Link> : null}
        </p>
        {source.translationNote ? <p className="note">Translation: {source.translationNote}</p> : null}
        <StatusLegend />
      </header>
      <Reader
        sourceId={source.id}
        body={source.body}
        paragraphs={paragraphs}
        canWrite={canWrite}
        suggestions={suggestions.map((s) => ({
          id: s.id,
          quote: s.quote,
          start: s.start,
          end: s.end,
          kind: s.kind,
          type: s.type,
          speakerName: s.speakerName,
          ...(s.speakerId !== undefined ? { speakerId: s.speakerId } : {}),
          speakerDescription: s.speakerDescription,
          ...(s.resolvesOn ? { resolvesOn: s.resolvesOn } : {}),
          ...(s.resolvesRange ? { resolvesRange: s.resolvesRange } : {}),
          ...(s.cue ? { cue: s.cue } : {}),
          confidence: s.confidence,
          why: s.why,
        }))}
        claims={source.claims.map((c) => ({
          id: c.id,
          quote: c.quote,
          type: c.type,
          status: c.status,
          version: c.version,
          orphaned: c.orphaned,
          proposition: c.proposition,
          resolvesOn: c.resolvesOn,
          speaker: c.speaker,
        }))}
        verdicts={verdicts}
      />
      {source.caption ? (
        <details className="furniture">
          <summary>Photo caption (kept out of the text)</summary>
          <p>{source.caption}</p>
        </details>
      ) : null}
    </>
  );
}
