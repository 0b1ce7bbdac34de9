import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { listUsers } from "@/lib/users/list-users";
import { can } from "@/lib/auth/permissions";
import { requireSignedIn } from "../require-signed-in";
import { RoleForm, StatusForm } from "./user-row-forms";
import { InviteForm, ResetLinkForm } from "./account-link-forms";
import { listPendingInvitations } from "@/lib/users/list-pending-invitations";
import { DATE_TIME } from "../_components/date-format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("workbenchUsers");
  return { title: t("title") };
}

export default async function UsersPage() {
  const actor = await requireSignedIn("/workbench/users");
  const t = await getTranslations("workbenchUsers");
  const nav = await getTranslations("workbenchNav");
  const format = await getFormatter();
  if (!can(actor, "users.manage")) {
    return (
      <>
        <h1>{t("title")}</h1>
        <p className="form-error">{t("adminOnly")}</p>
      </>
    );
  }
  const [users, invitations] = await Promise.all([listUsers(actor), listPendingInvitations(actor)]);
  return (
    <>
      <p className="kicker">{t("kicker")}</p>
      <h1>{t("heading")}</h1>
      <p className="meta">{t("intro")}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("table.name")}</th>
            <th scope="col">{t("table.email")}</th>
            <th scope="col">{t("table.role")}</th>
            <th scope="col">{t("table.status")}</th>
            <th scope="col">{t("table.password")}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <td>{user.name}</td>
              <td>{user.email}</td>
              <td>{user.id === actor.id ? nav(`roles.${user.role}`) : <RoleForm userId={user.id} role={user.role} name={user.name} />}</td>
              <td>{user.id === actor.id ? t(`statuses.${user.status}`) : <StatusForm userId={user.id} status={user.status} name={user.name} />}</td>
              <td>
                {user.id === actor.id ? (
                  <Link href="/workbench/account">{t("changeYours")}</Link>
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
        <h2 id="invite-heading">{t("invite.title")}</h2>
        <p className="meta">{t("invite.intro")}</p>
        <InviteForm />
        {invitations.length > 0 && (
          <>
            <h3>{t("invite.pending")}</h3>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("table.name")}</th>
                  <th scope="col">{t("table.email")}</th>
                  <th scope="col">{t("table.role")}</th>
                  <th scope="col">{t("table.expires")}</th>
                </tr>
              </thead>
              <tbody>
                {invitations.map((invitation) => (
                  <tr key={invitation.id}>
                    <td>{invitation.name}</td>
                    <td>{invitation.email}</td>
                    <td>{nav(`roles.${invitation.role}`)}</td>
                    <td>{format.dateTime(invitation.expiresAt, DATE_TIME)}</td>
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
