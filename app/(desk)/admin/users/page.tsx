import type { Metadata } from "next";
import { listUsers } from "@/db/queries/users";
import { ROLES } from "@/db/schema";
import { can, requirePageUser } from "@/lib/auth/session";
import { ActionForm } from "@/app/_components/action-form";
import { addUserAction, changeRoleAction, resetPasswordAction, setDisabledAction } from "./actions";

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
  const users = listUsers();
  return (
    <>
      <h1>Users</h1>
      <section aria-labelledby="add-heading" className="card">
        <h2 id="add-heading">Add a user</h2>
        <ActionForm action={addUserAction} submitLabel="Add user" label="Add a user" className="stack">
          <label className="field">
            <span>Email</span>
            <input name="email" type="email" required />
          </label>
          <label className="field">
            <span>Name</span>
            <input name="name" required maxLength={200} />
          </label>
          <RoleSelect label="Role" />
          <label className="field">
            <span>Password</span>
            <input name="password" type="password" required minLength={12} autoComplete="new-password" />
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
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
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
              </td>
              <td>
                <ActionForm action={resetPasswordAction} submitLabel="Reset password" label={`Reset password of ${u.email}`}>
                  <input type="hidden" name="userId" value={u.id} />
                  <label className="field">
                    <span className="visually-hidden">New password for {u.email}</span>
                    <input name="password" type="password" required minLength={12} autoComplete="new-password" placeholder="New password" />
                  </label>
                </ActionForm>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
