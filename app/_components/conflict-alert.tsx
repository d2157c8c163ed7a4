import type { ClaimStatus } from "@/db/schema";
import type { ConflictState } from "@/lib/result";
import { formatTimestamp } from "./format";
import { STATUS_LABEL } from "./status";

const statusLabel = (status: string) => (status in STATUS_LABEL ? STATUS_LABEL[status as ClaimStatus] : status);

/**
 * Someone changed the claim after this reviewer opened it. Says who, what and
 * what the claim is now; what the reviewer typed stays in the form (`kept`
 * says where), and one button puts it on top of the new version.
 */
export function ConflictAlert({
  current,
  onReapply,
  pending,
  kept,
  reapplyLabel,
}: {
  current: ConflictState;
  onReapply: () => void;
  pending: boolean;
  kept: string;
  reapplyLabel: string;
}) {
  return (
    <div role="alert" aria-label="Conflict" className="conflict form-error">
      <p>
        {current.changedBy ?? "Someone"} {current.action}
        {current.changedAt ? ` at ${formatTimestamp(current.changedAt)}` : ""} since you opened this claim: it is now{" "}
        <strong>{statusLabel(current.status)}</strong> (version {current.version}). {kept}
      </p>
      <button type="button" onClick={onReapply} disabled={pending}>
        {reapplyLabel}
      </button>
    </div>
  );
}
