import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireSignedIn } from "../require-signed-in";
import { ChangePasswordForm } from "./change-password-form";
import { PASSWORD_MIN_LENGTH } from "@/lib/users/password-policy";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account");
  return { title: t("title") };
}

export default async function AccountPage() {
  const actor = await requireSignedIn("/workbench/account");
  const t = await getTranslations("account");
  const nav = await getTranslations("workbenchNav");
  return (
    <>
      <h1>{t("title")}</h1>
      <dl className="meta">
        <dt>{t("name")}</dt>
        <dd>{actor.name}</dd>
        <dt>{t("email")}</dt>
        <dd>{actor.email}</dd>
        <dt>{t("role")}</dt>
        <dd>{nav(`roles.${actor.role}`)}</dd>
        <dt>{t("language")}</dt>
        <dd>{actor.interfaceLanguage ? t(`languages.${actor.interfaceLanguage}`) : t("languages.browser")}</dd>
      </dl>
      <section aria-labelledby="change-password">
        <h2 id="change-password">{t("changePassword.title")}</h2>
        <p className="meta">{t("changePassword.intro", { min: PASSWORD_MIN_LENGTH })}</p>
        <ChangePasswordForm />
      </section>
    </>
  );
}
