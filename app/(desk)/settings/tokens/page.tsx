import type { Metadata } from "next";
import { listTokens } from "@/db/queries/tokens";
import { requirePageUser } from "@/lib/auth/session";
import { ActionForm } from "@/app/_components/action-form";
import { CreateTokenForm } from "@/app/_components/create-token-form";
import { formatTimestamp } from "@/app/_components/format";
import { createTokenAction, revokeTokenAction } from "./actions";

export const metadata: Metadata = { title: "Access tokens" };

export default async function TokensPage() {
  const user = await requirePageUser("/settings/tokens");
  const tokens = await listTokens(user.id);
  return (
    <>
      <h1>Personal access tokens</h1>
      <p className="muted">
        Scripts call the API with <code>Authorization: Bearer &lt;token&gt;</code>. A token acts as you, with your
        current role ({user.role}); revoke it when the script no longer needs it.
      </p>
      <section className="card" aria-labelledby="new-token-heading">
        <h2 id="new-token-heading">New token</h2>
        <CreateTokenForm action={createTokenAction} />
      </section>
      <table className="data">
        <caption className="visually-hidden">Your tokens</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Starts with</th>
            <th scope="col">Created</th>
            <th scope="col">Last used</th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((t) => (
            <tr key={t.id}>
              <th scope="row">{t.name}</th>
              <td>
                <code>{t.prefix}…</code>
              </td>
              <td>{formatTimestamp(t.createdAt)}</td>
              <td>{t.lastUsedAt ? formatTimestamp(t.lastUsedAt) : "never"}</td>
              <td>
                {t.revokedAt ? (
                  `Revoked ${formatTimestamp(t.revokedAt)}`
                ) : (
                  <ActionForm action={revokeTokenAction} submitLabel="Revoke" submitName={`Revoke ${t.name}`} label={`Token ${t.name}`}>
                    <input type="hidden" name="tokenId" value={t.id} />
                  </ActionForm>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {tokens.length === 0 ? <p className="muted">No tokens yet.</p> : null}
    </>
  );
}
