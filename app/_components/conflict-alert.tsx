import type { ClaimStatus } from "@/db/schema";
import type { ConflictState } from "@/lib/result";
import { formatTimestamp } from "./format";
import { STATUS_LABEL } from "./status";

const statusLabel = (status: string) => (status in STATUS_LABEL ? STATUS_LABEL[status as ClaimStatus] : status);

/**
 * Someone changed the claim after this reviewer opened it. Says who, what and
 * what the claim is now; the reviewer's own verdict stays in the form, and one
 * button puts it on top of the new version.
 */
export function ConflictAlert({ current, onReapply, pending }: { current: ConflictState; onReapply: () => void; pending: boolean }) {
  return (
    <div className="conflict">
      <p role="alert" aria-label="Conflict" className="form-error">
        {current.changedBy ?? "Someone"} {current.action}
        {current.changedAt ? ` at ${formatTimestamp(current.changedAt)}` : ""} since you opened this claim: it is now{" "}
        <strong>{statusLabel(current.status)}</strong> (version {current.version}). Your verdict and rationale are still below.
      </p>
      <button type="button" onClick={onReapply} disabled={pending}>
        Re-apply my verdict
      </button>
    </div>
  );
}
