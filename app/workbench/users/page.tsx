import type { Metadata } from "next";
import { listUsers } from "@/lib/users/list-users";
import { can } from "@/lib/auth/permissions";
import { requireSignedIn } from "../require-signed-in";
import { RoleForm, StatusForm } from "./user-row-forms";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const actor = await requireSignedIn("/workbench/users");
  if (!can(actor, "users.manage")) {
    return (
      <>
        <h1>Users</h1>
        <p className="form-error">Only an admin can manage users and roles.</p>
      </>
    );
  }
  const users = await listUsers(actor);
  return (
    <>
      <p className="kicker">Admin</p>
      <h1>Users and roles</h1>
      <p className="meta">A change of role or status takes effect on that person&apos;s next request.</p>
      <table>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <td>{user.name}</td>
              <td>{user.email}</td>
              <td>{user.id === actor.id ? user.role : <RoleForm userId={user.id} role={user.role} name={user.name} />}</td>
              <td>{user.id === actor.id ? user.status : <StatusForm userId={user.id} status={user.status} name={user.name} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
