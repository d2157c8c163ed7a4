import { claimUrl, describeEvidence, describeFilters, STATUS_WORD, type Writer } from "../context";
import { grouped } from "../group";

/**
 * Every way text can end a line: CR, LF, CRLF, NEL, vertical tab, form feed
 * and the Unicode line and paragraph separators. Renderers differ on which
 * they honour, so all are folded: a line that began after one could open a
 * heading, a list or a code block.
 */
const LINE_ENDINGS = /\r\n|[\r\n\u0085\u000b\u000c\u2028\u2029]/g;

/** Text that Markdown (and the HTML many renderers allow in it) reads as text, not markup, on one line. */
export function mdText(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+!|~&]/g, (ch) => `\\${ch}`).replace(LINE_ENDINGS, " ");
}

/** A report for editors: by source, then by status, each claim with its verdict, rationale and evidence. */
export const writeMarkdown: Writer = async function* (chunks, ctx) {
  yield `# Claimdesk verdict report\n\nGenerated ${ctx.generatedAt} · ${mdText(describeFilters(ctx))}\n`;
  let any = false;
  for await (const events of grouped(chunks)) {
    let out = "";
    for (const { kind, claim: c } of events) {
      any = true;
      if (kind === "source") {
        out += `\n## ${mdText(c.source.title)}\n\n${mdText(c.source.outlet)} · ${c.source.publishedAt.slice(0, 10)}${c.source.url ? ` · <${encodeURI(c.source.url)}>` : ""}\n`;
      } else if (kind === "status") {
        out += `\n### ${STATUS_WORD[c.status]}\n`;
      } else {
        const v = c.latestVerdict;
        out += `\n- > ${mdText(c.quote)}\n\n  — ${mdText(c.speaker.name)} · ${c.type} · [claim ${c.id}](${claimUrl(ctx, c.id)})\n`;
        if (c.proposition) out += `\n  Proposition: ${mdText(c.proposition)}\n`;
        out += v
          ? `\n  Verdict: **${STATUS_WORD[v.status]}** by ${mdText(v.reviewer.name)}, ${v.createdAt}\n`
          : `\n  Verdict: none yet\n`;
        if (v?.rationale) out += `\n  Rationale: ${mdText(v.rationale)}\n`;
        for (const e of c.evidence) out += `\n  - Evidence: ${mdText(describeEvidence(e, ctx))}\n`;
      }
    }
    yield out;
  }
  if (!any) yield "\nNo claims match these filters.\n";
};
