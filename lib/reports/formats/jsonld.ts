import type { ReportClaim } from "@/db/queries/report-rows";
import { claimUrl, STATUS_WORD, type ReportContext, type Writer } from "../context";

/** schema.org ClaimReview for one ruled claim; null for a pending one. */
export function claimReview(c: ReportClaim, ctx: ReportContext) {
  if (c.status === "pending" || !c.latestVerdict) return null;
  const published = c.source.publishedAt;
  return {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    url: claimUrl(ctx, c.id),
    claimReviewed: c.quote,
    datePublished: c.latestVerdict.createdAt.slice(0, 10),
    author: { "@type": "Organization", name: ctx.orgName },
    reviewRating: {
      "@type": "Rating",
      ratingValue: c.status === "corroborated" ? 5 : 1,
      bestRating: 5,
      worstRating: 1,
      alternateName: STATUS_WORD[c.status],
    },
    itemReviewed: {
      "@type": "Claim",
      author: { "@type": c.speaker.kind === "person" ? "Person" : "Organization", name: c.speaker.name },
      datePublished: published.slice(0, 10),
      ...(c.source.url ? { appearance: { "@type": "CreativeWork", url: c.source.url, headline: c.source.title } } : {}),
    },
  };
}

/** A JSON array of ClaimReview objects, one per claim with a verdict other than pending. */
export const writeJsonLd: Writer = async function* (chunks, ctx) {
  yield "[";
  let first = true;
  for await (const chunk of chunks) {
    let out = "";
    for (const c of chunk) {
      const review = claimReview(c, ctx);
      if (!review) continue;
      out += (first ? "\n" : ",\n") + JSON.stringify(review);
      first = false;
    }
    yield out;
  }
  yield "\n]\n";
};
