import { createHash } from "node:crypto";

/**
 * The printable report's stylesheet, inline so that a downloaded report is one
 * self-contained file. /reports/print is served under the site's
 * Content-Security-Policy, which allows no inline style but this one, by hash.
 */
export const REPORT_STYLE = `
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

/** The CSP source that allows exactly REPORT_STYLE in a <style> element. */
export const REPORT_STYLE_SOURCE = `'sha256-${createHash("sha256").update(REPORT_STYLE, "utf8").digest("base64")}'`;
