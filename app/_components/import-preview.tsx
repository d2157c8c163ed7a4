"use client";

import Link from "next/link";
import type { ImportPreview } from "@/lib/sources/import";

const REASON_LABEL: Record<string, string> = {
  breadcrumb: "breadcrumb",
  headline: "headline (now the title)",
  interface: "portal interface text",
  navigation: "navigation",
  copyright: "copyright line",
  "after-story": "after the story",
  hashtags: "hashtags",
  comments: "comment widget",
  ad: "advertisement",
  share: "share bar",
  newsletter: "newsletter sign-up",
  "read-more": "“read more” link",
  related: "related headlines",
  "wire-end": "wire end mark",
  email: "reporter's e-mail",
  byline: "byline (now in the metadata)",
  dateline: "date line (now in the metadata)",
  "translation-note": "translation note (now in the metadata)",
  caption: "photo caption (now in the metadata)",
  image: "image",
  markup: "markup",
  "cookie-banner": "cookie banner",
  footer: "footer",
  header: "page header",
  script: "script",
  "not-article": "not part of the article",
};

export const reasonLabel = (reason: string) => REASON_LABEL[reason] ?? reason;

/**
 * The article as received beside the body the desk will keep: every removed
 * line struck through, with why. For a web page the markup itself is not
 * shown line by line: the blocks taken out are listed instead.
 */
export function ImportPreviewPanel({ preview }: { preview: ImportPreview }) {
  const removedCount = preview.removed.length;
  return (
    <div className="import-columns">
      <section aria-labelledby="as-received">
        <h3 id="as-received">As received</h3>
        <p className="hint">
          {removedCount === 0 ? "Nothing was taken out." : `${removedCount} line${removedCount === 1 ? "" : "s"} taken out, struck through with the reason.`}
        </p>
        {preview.input.lines.length > 0 ? (
          <ol className="input-lines" aria-label="Lines as received">
            {preview.input.lines.map((line, i) =>
              line.reason ? (
                <li key={i} className="removed">
                  <del>{line.text}</del> <span className="reason">{reasonLabel(line.reason)}</span>
                </li>
              ) : (
                <li key={i}>{line.text}</li>
              ),
            )}
          </ol>
        ) : (
          <ul className="input-lines" aria-label="Blocks taken out of the page">
            {preview.removed.map((r, i) => (
              <li key={i} className="removed">
                <del>{r.line}</del> <span className="reason">{reasonLabel(r.reason)}</span>
              </li>
            ))}
          </ul>
        )}
        {preview.input.truncated ? <p className="hint">The first 2,000 lines are shown.</p> : null}
      </section>
      <section aria-labelledby="clean-text">
        <h3 id="clean-text">Clean text</h3>
        <p className="hint">
          {preview.body.split("\n\n").length} paragraphs.{" "}
          {Object.keys(preview.missing).length > 0
            ? "Suggested claims are made when it is saved, once its details are complete."
            : `${preview.suggestions} suggested claim${preview.suggestions === 1 ? "" : "s"} will be shown beside the article once it is saved.`}
        </p>
        <div className="clean-body" aria-label="Clean text of the article">
          {preview.body.split("\n\n").map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </div>
      </section>
    </div>
  );
}

/** The desk has this article already, or one almost the same: said before saving, with a link. */
export function DuplicateNotice({ duplicate }: { duplicate: NonNullable<ImportPreview["duplicate"]> }) {
  const how = duplicate.kind === "same" ? "the same article" : `an article ${Math.round(duplicate.jaccard * 100)}% the same (wire copy under another name?)`;
  return (
    <div role="alert" aria-label="Possible duplicate" className="form-error duplicate">
      <p>
        The desk has {how} already:{" "}
        <Link href={`/sources/${duplicate.source.id}`}>
          {duplicate.source.title}
        </Link>{" "}
        ({duplicate.source.outlet}). Open it instead, or save this one anyway.
      </p>
    </div>
  );
}
