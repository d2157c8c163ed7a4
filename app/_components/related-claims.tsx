"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { RelatedClaimView } from "@/lib/claims/related";
import type { Reason } from "@/lib/related";
import { linkRelatedAction } from "@/app/(desk)/_actions/claims";
import { callAction } from "./action-result";
import { StatusBadge } from "./status";

type Stance = "supports" | "refutes" | "context";

const REASON_LABEL: Record<Reason["kind"], string> = {
  text: "Wording",
  speaker: "Speaker",
  entities: "Names",
  date: "Date",
  numbers: "Figures",
};

const STANCE_WORD: Record<Stance, string> = { supports: "supporting", refutes: "refuting", context: "context" };

/**
 * "Possibly the same claim": claims of other sources that may assert the same
 * thing, each with why it matched and, for reviewers, one click to cite it as
 * supporting or refuting evidence of this claim (through the evidence door).
 */
export function RelatedClaims({
  claimId,
  items,
  linked,
  canLink,
}: {
  claimId: number;
  items: RelatedClaimView[];
  /** the related claims this claim already cites, with the stance they were cited with */
  linked: Record<number, Stance>;
  canLink: boolean;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [done, setDone] = useState<Record<number, Stance>>({});
  const [errors, setErrors] = useState<Record<number, string>>({});

  function link(targetClaimId: number, stance: "supports" | "refutes") {
    startTransition(async () => {
      const result = await callAction(() => linkRelatedAction({ claimId, targetClaimId, stance }));
      if (result.ok) {
        setDone((d) => ({ ...d, [targetClaimId]: stance }));
        setErrors(({ [targetClaimId]: _gone, ...rest }) => rest);
        router.refresh();
      } else {
        setErrors((e) => ({ ...e, [targetClaimId]: result.message }));
      }
    });
  }

  if (items.length === 0) return <p className="muted">No claim in another source looks like this one.</p>;

  return (
    <ol className="related">
      {items.map(({ claim, score, reasons }) => {
        const already = done[claim.id] ?? linked[claim.id];
        const error = errors[claim.id];
        return (
          <li key={claim.id} aria-label={`Related claim by ${claim.speaker.name} in ${claim.source.outlet}`}>
            <p>
              <Link href={`/claims/${claim.id}`}>“{claim.quote}”</Link> <StatusBadge status={claim.status} />
            </p>
            <p className="muted">
              {claim.speaker.name} in <Link href={`/sources/${claim.source.id}`}>{claim.source.title}</Link> ({claim.source.outlet},{" "}
              <time dateTime={claim.source.publishedAt}>{claim.source.publishedAt.slice(0, 10)}</time>) · match {Math.round(score * 100)}%
            </p>
            <ul className="related-reasons" aria-label="Why it matched">
              {reasons.map((r, i) => (
                <li key={`${r.kind}-${i}`}>
                  <strong>{REASON_LABEL[r.kind]}</strong>: {r.detail}
                </li>
              ))}
            </ul>
            {canLink ? (
              <div className="related-actions">
                {already ? null : (
                  <>
                    <button type="button" disabled={pending} onClick={() => link(claim.id, "supports")}>
                      Link as supporting evidence
                    </button>{" "}
                    <button type="button" disabled={pending} onClick={() => link(claim.id, "refutes")}>
                      Link as refuting evidence
                    </button>{" "}
                  </>
                )}
                <span role="status" aria-label={`Link status for the claim by ${claim.speaker.name}`} className={error ? "form-error" : "form-ok"}>
                  {error ??
                    (done[claim.id]
                      ? `Linked as ${STANCE_WORD[done[claim.id]!]} evidence.`
                      : already
                        ? `Already cited as ${STANCE_WORD[already]} evidence.`
                        : "")}
                </span>
              </div>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
