import { claimUrl, describeEvidence, describeFilters, STATUS_WORD, type ReportContext, type Writer } from "../context";
import { grouped } from "../group";

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const esc = (text: string) => text.replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
const safeHref = (url: string) => (/^https?:\/\//i.test(url) ? esc(url) : "#");

const STYLE = `
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans KR",sans-serif;color:#1d232b;max-width:60rem;margin:2rem auto;padding:0 1.5rem}
h1{font-size:1.6rem;margin:0}h2{font-size:1.25rem;margin-top:2rem;border-bottom:2px solid #1d232b}h3{font-size:1.05rem;margin:1.25rem 0 .5rem}
.meta{color:#5b6672}table{border-collapse:collapse;margin:.5rem 0 1rem}th,td{text-align:left;padding:.25rem .75rem .25rem 0;border-bottom:1px solid #d7dce2;vertical-align:top}
td.n{text-align:right}.claim{border-left:4px solid #d7dce2;padding:.25rem 0 .25rem .9rem;margin:.75rem 0}
.claim.corroborated{border-color:#17602c}.claim.contradicted{border-color:#9b1c13}.claim.pending{border-color:#b58900}
blockquote{margin:0;font-family:Georgia,"Noto Serif",serif;font-size:1.05rem}.claim p{margin:.2rem 0}.claim ul{margin:.2rem 0;padding-left:1.2rem}
.summary{display:flex;flex-wrap:wrap;align-items:flex-start;gap:0 2.5rem}
@page{margin:18mm 16mm}
@media print{body{margin:0;max-width:none;font-size:11pt}a{color:inherit;text-decoration:none}h2{break-after:avoid}h3{break-after:avoid}
.claim{break-inside:avoid}table{break-inside:avoid}.source{break-before:page}.source:first-of-type{break-before:auto}}`;

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
export const writeHtml: Writer = function* (chunks, ctx) {
  yield `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<title>Claimdesk verdict report</title><style>${STYLE}</style></head><body><main>` +
    `<h1>Claimdesk verdict report</h1><p class="meta">Generated ${esc(ctx.generatedAt)} · ${esc(describeFilters(ctx))}</p>${summary(ctx)}`;
  let open = { source: false, status: false, any: false };
  for (const events of grouped(chunks)) {
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
