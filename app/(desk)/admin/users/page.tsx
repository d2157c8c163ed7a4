import type { Metadata } from "next";
import { listLiveTokensByUser } from "@/db/queries/tokens";
import { listUsers } from "@/db/queries/users";
import { ROLES } from "@/db/schema";
import { limitedAccounts } from "@/lib/auth/limiter";
import { can, requirePageUser } from "@/lib/auth/session";
import { LIMITS } from "@/lib/validation/common";
import { ActionForm } from "@/app/_components/action-form";
import { formatTimestamp } from "@/app/_components/format";
import {
  addUserAction,
  changeRoleAction,
  endSessionsAction,
  resetPasswordAction,
  revokeUserTokenAction,
  setDisabledAction,
  unlockAction,
} from "./actions";

export const metadata: Metadata = { title: "Users" };

function RoleSelect({ defaultValue, label }: { defaultValue?: string; label: string }) {
  return (
    <label className="field">
      <span>{label}</span>
      <select name="role" defaultValue={defaultValue ?? "reviewer"}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
    </label>
  );
}

const time = (ms: number) => formatTimestamp(new Date(ms).toISOString());

export default async function UsersPage() {
  const me = await requirePageUser("/admin/users");
  if (!can(me, "admin")) {
    return (
      <>
        <h1>Users</h1>
        <p role="alert" aria-label="Not allowed">
          Managing accounts needs the admin role.
        </p>
      </>
    );
  }
  const users = await listUsers();
  const limits = await limitedAccounts(users.map((u) => u.email));
  const tokens = await listLiveTokensByUser();
  return (
    <>
      <h1>Users</h1>
      <section aria-labelledby="add-heading" className="card">
        <h2 id="add-heading">Add a user</h2>
        <ActionForm action={addUserAction} submitLabel="Add user" label="Add a user" className="stack">
          <label className="field">
            <span>Email</span>
            <input name="email" type="email" required maxLength={LIMITS.email} />
          </label>
          <label className="field">
            <span>Name</span>
            <input name="name" required maxLength={LIMITS.name} />
          </label>
          <RoleSelect label="Role" />
          <label className="field">
            <span>Password</span>
            <input name="password" type="password" required minLength={LIMITS.password.min} maxLength={LIMITS.password.max} autoComplete="new-password" />
          </label>
        </ActionForm>
      </section>
      <table className="data">
        <thead>
          <tr>
            <th scope="col">Account</th>
            <th scope="col">Role</th>
            <th scope="col">State</th>
            <th scope="col">Password</th>
            <th scope="col">Sign-in</th>
            <th scope="col">Access tokens</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => {
            const limit = limits.get(u.email.toLowerCase());
            const locks = limit?.lockedAddresses ?? [];
            const slowed = limit?.slowedUntil ?? null;
            const live = tokens.get(u.id) ?? [];
            return (
              <tr key={u.id}>
                <th scope="row">
                  {u.name}
                  <div className="muted">{u.email}</div>
                </th>
                <td>
                  <ActionForm action={changeRoleAction} submitLabel="Change role" label={`Role of ${u.email}`}>
                    <input type="hidden" name="userId" value={u.id} />
                    <RoleSelect defaultValue={u.role} label={`Role for ${u.email}`} />
                  </ActionForm>
                </td>
                <td>
                  <ActionForm
                    action={setDisabledAction}
                    submitLabel={u.disabled ? "Enable" : "Disable"}
                    label={`${u.disabled ? "Enable" : "Disable"} ${u.email}`}
                  >
                    <span>{u.disabled ? "Disabled" : "Active"}</span>
                    <input type="hidden" name="userId" value={u.id} />
                    <input type="hidden" name="disabled" value={u.disabled ? "false" : "true"} />
                  </ActionForm>
                  <ActionForm action={endSessionsAction} submitLabel="Sign out everywhere" label={`Sessions of ${u.email}`}>
                    <input type="hidden" name="userId" value={u.id} />
                  </ActionForm>
                </td>
                <td>
                  <ActionForm action={resetPasswordAction} submitLabel="Reset password" label={`Reset password of ${u.email}`}>
                    <input type="hidden" name="userId" value={u.id} />
                    <label className="field">
                      <span className="visually-hidden">New password for {u.email}</span>
                      <input
                        name="password"
                        type="password"
                        required
                        minLength={LIMITS.password.min}
                        maxLength={LIMITS.password.max}
                        autoComplete="new-password"
                        placeholder="New password"
                      />
                    </label>
                  </ActionForm>
                </td>
                <td>
                  {limit ? (
                    <>
                      <p>
                        {locks.length > 0
                          ? `Locked at ${locks.length} address${locks.length === 1 ? "" : "es"}`
                          : slowed
                            ? "Slowed down"
                            : "Recent failures"}
                        : {limit.failures} failed sign-in{limit.failures === 1 ? "" : "s"} in the last 15 minutes.
                      </p>
                      {locks.length > 0 ? (
                        <ul className="muted">
                          {locks.map((l) => (
                            <li key={l.address}>
                              {l.address} until {time(l.until)}
                            </li>
                          ))}
                        </ul>
                      ) : null}
                      {slowed ? <p className="muted">Next try allowed at {time(slowed)}.</p> : null}
                      <ActionForm action={unlockAction} submitLabel="Unlock" submitName={`Unlock ${u.email}`} label={`Sign-in locks of ${u.email}`}>
                        <input type="hidden" name="userId" value={u.id} />
                      </ActionForm>
                    </>
                  ) : (
                    <span className="muted">No failed sign-ins</span>
                  )}
                </td>
                <td>
                  {live.length === 0 ? <span className="muted">None</span> : null}
                  <ul className="plain">
                    {live.map((t) => (
                      <li key={t.id}>
                        <ActionForm action={revokeUserTokenAction} submitLabel="Revoke" submitName={`Revoke ${t.name} of ${u.email}`} label={`Token ${t.name} of ${u.email}`}>
                          <span>
                            {t.name} <code>{t.prefix}…</code>
                            <span className="muted"> {t.lastUsedAt ? `used ${formatTimestamp(t.lastUsedAt)}` : "never used"}</span>
                          </span>
                          <input type="hidden" name="tokenId" value={t.id} />
                        </ActionForm>
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
