import { claimUrl, describeEvidence, describeFilters, STATUS_WORD, type ReportContext, type Writer } from "../context";
import { grouped } from "../group";
import { REPORT_STYLE } from "./html-style";

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const esc = (text: string) => text.replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
const safeHref = (url: string) => (/^https?:\/\//i.test(url) ? esc(url) : "#");

function countTable(caption: string, rows: Array<{ label: string; corroborated: number; contradicted: number; pending: number; total: number }>) {
  const body = rows
    .map((r) => `<tr><th scope="row">${esc(r.label)}</th><td class="n">${r.corroborated}</td><td class="n">${r.contradicted}</td><td class="n">${r.pending}</td><td class="n">${r.total}</td></tr>`)
    .join("");
  return `<table><caption>${esc(caption)}</caption><thead><tr><th scope="col"></th><th scope="col">Corroborated</th><th scope="col">Contradicted</th><th scope="col">Pending</th><th scope="col">Total</th></tr></thead><tbody>${body}</tbody></table>`;
}

function summary(ctx: ReportContext): string {
  const s = ctx.summary;
  if (!s) return "";
  return `<section aria-labelledby="summary"><h2 id="summary">Summary</h2><div class="summary">${countTable("By status", [
    { label: "All claims", ...s.byStatus, total: s.total },
  ])}${countTable("By source", s.bySource)}${countTable("By speaker", s.bySpeaker)}</div></section>`;
}

/** A standalone, printable HTML report: summary tables, then claims by source and status. */
export const writeHtml: Writer = async function* (chunks, ctx) {
  yield `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<title>Claimdesk verdict report</title><style>${REPORT_STYLE}</style></head><body><main>` +
    `<h1>Claimdesk verdict report</h1><p class="meta">Generated ${esc(ctx.generatedAt)} · ${esc(describeFilters(ctx))}</p>${summary(ctx)}`;
  let open = { source: false, status: false, any: false };
  for await (const events of grouped(chunks)) {
    let out = "";
    for (const { kind, claim: c } of events) {
      open.any = true;
      if (kind === "source") {
        if (open.status) out += "</section>";
        if (open.source) out += "</section>";
        out += `<section class="source"><h2>${esc(c.source.title)}</h2><p class="meta">${esc(c.source.outlet)} · ${esc(c.source.publishedAt.slice(0, 10))}${
          c.source.url ? ` · <a href="${safeHref(c.source.url)}">${esc(c.source.url)}</a>` : ""
        }</p>`;
        open = { ...open, source: true, status: false };
      } else if (kind === "status") {
        if (open.status) out += "</section>";
        out += `<section><h3>${STATUS_WORD[c.status]}</h3>`;
        open.status = true;
      } else {
        const v = c.latestVerdict;
        out += `<article class="claim ${c.status}"><blockquote>“${esc(c.quote)}”</blockquote>` +
          `<p>— ${esc(c.speaker.name)} · ${c.type} · <a href="${esc(claimUrl(ctx, c.id))}">claim ${c.id}</a></p>` +
          (c.proposition ? `<p>Proposition: ${esc(c.proposition)}</p>` : "") +
          (v ? `<p>Verdict: <strong>${STATUS_WORD[v.status]}</strong> by ${esc(v.reviewer.name)}, ${esc(v.createdAt)}</p>` : "<p>Verdict: none yet</p>") +
          (v?.rationale ? `<p>Rationale: ${esc(v.rationale)}</p>` : "") +
          (c.evidence.length ? `<ul>${c.evidence.map((e) => `<li>${esc(describeEvidence(e, ctx))}</li>`).join("")}</ul>` : "") +
          `</article>`;
      }
    }
    yield out;
  }
  yield `${open.status ? "</section>" : ""}${open.source ? "</section>" : ""}${open.any ? "" : "<p>No claims match these filters.</p>"}</main></body></html>\n`;
};
