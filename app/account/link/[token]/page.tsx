import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { readAccountLink } from "@/lib/users/read-account-link";
import { PASSWORD_MIN_LENGTH } from "@/lib/users/password-policy";
import { SetPasswordForm } from "./set-password-form";
import { DATE_TIME } from "@/app/workbench/_components/date-format";

// The token is in the address: never send it on to another site in a Referer header.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account.link");
  return { title: t("title"), referrer: "no-referrer", robots: { index: false } };
}

type Props = { params: Promise<{ token: string }> };

export default async function AccountLinkPage({ params }: Props) {
  const { token } = await params;
  const link = await readAccountLink(token);
  const t = await getTranslations("account.link");
  const format = await getFormatter();
  return (
    <main id="content">
      <div className="auth-card">
        <p className="kicker">{t("kicker")}</p>
        {link ? (
          <>
            <h1>{link.kind === "invitation" ? t("welcome") : t("chooseNew")}</h1>
            <p>
              {t.rich("intro", {
                kind: link.kind === "invitation" ? "invitation" : "reset",
                name: link.name,
                email: link.email,
                min: PASSWORD_MIN_LENGTH,
                until: format.dateTime(link.expiresAt, DATE_TIME),
                strong: (chunks) => <strong>{chunks}</strong>,
              })}
            </p>
            <SetPasswordForm token={token} email={link.email} />
          </>
        ) : (
          <>
            <h1>{t("unusableTitle")}</h1>
            <p className="form-error">{t("unusable")}</p>
            <p>
              <Link href="/signin">{t("goToSignIn")}</Link>
            </p>
          </>
        )}
      </div>
    </main>
  );
}
