import type { Metadata } from "next";
import Link from "next/link";
import { listUsers } from "@/lib/users/list-users";
import { can } from "@/lib/auth/permissions";
import { requireSignedIn } from "../require-signed-in";
import { RoleForm, StatusForm } from "./user-row-forms";
import { InviteForm, ResetLinkForm } from "./account-link-forms";
import { listPendingInvitations } from "@/lib/users/list-pending-invitations";

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
  const [users, invitations] = await Promise.all([listUsers(actor), listPendingInvitations(actor)]);
  return (
    <>
      <p className="kicker">Admin</p>
      <h1>Users and roles</h1>
      <p className="meta">
        A change of role or status takes effect on that person&apos;s next request. Someone who forgot their password gets a reset link
        from you (the old one keeps working until the link is used).
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">Password</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <td>{user.name}</td>
              <td>{user.email}</td>
              <td>{user.id === actor.id ? user.role : <RoleForm userId={user.id} role={user.role} name={user.name} />}</td>
              <td>{user.id === actor.id ? user.status : <StatusForm userId={user.id} status={user.status} name={user.name} />}</td>
              <td>
                {user.id === actor.id ? (
                  <Link href="/workbench/account">Change yours</Link>
                ) : user.status === "active" ? (
                  <ResetLinkForm userId={user.id} name={user.name} />
                ) : (
                  "–"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <section aria-labelledby="invite-heading">
        <h2 id="invite-heading">Invite a person</h2>
        <p className="meta">
          Their account starts when they open the link and choose a password; no one else ever knows it. No mail is sent: you pass the
          link on.
        </p>
        <InviteForm />
        {invitations.length > 0 && (
          <>
            <h3>Invitations not used yet</h3>
            <table>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Email</th>
                  <th scope="col">Role</th>
                  <th scope="col">Expires</th>
                </tr>
              </thead>
              <tbody>
                {invitations.map((invitation) => (
                  <tr key={invitation.id}>
                    <td>{invitation.name}</td>
                    <td>{invitation.email}</td>
                    <td>{invitation.role}</td>
                    <td>{invitation.expiresAt.toUTCString()}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>
    </>
  );
}
