import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/get-actor";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signin");
  return { title: t("title") };
}

type Props = { searchParams: Promise<{ callbackUrl?: string; error?: string; changed?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const { callbackUrl, changed } = await searchParams;
  const target = safeCallbackUrl(callbackUrl);
  if (await getActor()) redirect(target);
  const t = await getTranslations("signin");
  return (
    <main id="content">
      <div className="auth-card">
        <p className="kicker">{t("kicker")}</p>
        <h1>{t("title")}</h1>
        {changed === "1" && (
          <p className="form-ok" role="status">
            {t("passwordChanged")}
          </p>
        )}
        <SignInForm callbackUrl={target} />
      </div>
    </main>
  );
}
