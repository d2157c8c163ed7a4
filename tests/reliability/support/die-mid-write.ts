/**
 * Child process of rollback.test.ts: records a verdict through the real
 * recordVerdict door and kills itself with SIGKILL from inside the
 * transaction, after the verdict, the evidence, the claim's new version and
 * the audit row are written but before COMMIT. Run with tsx and
 * --conditions=react-server, DATABASE_URL set; argv: claimId reviewerId baseVersion.
 */
import { transaction } from "@/db/client";
import { recordVerdict } from "@/lib/verdicts";

const [claimId, reviewerId, baseVersion] = process.argv.slice(2).map(Number);

async function main() {
  // the connection writes go through (db/client.ts reads on another)
  const sqlite = await transaction((tx) => tx.$client);
  sqlite.function("die_now", () => {
    process.kill(process.pid, "SIGKILL");
    return null;
  });
  // a temporary trigger lives in this connection only: the database file is not changed by it
  sqlite.exec("CREATE TEMP TRIGGER die_after_audit AFTER INSERT ON main.audit_log BEGIN SELECT die_now(); END");
  await recordVerdict(
    { type: "user", userId: reviewerId! },
    {
      claimId,
      status: "contradicted",
      rationale: "never committed",
      baseVersion,
      evidence: [{ target: { kind: "url", url: "https://example.org/never" }, stance: "refutes" }],
    },
  );
  console.log("the transaction committed: the kill did not happen");
}

void main();
