import Link from "next/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/get-actor";
import { can } from "@/lib/auth/permissions";
import { countSourceChanges } from "@/lib/sources/count-source-changes";
import { SignOutButton } from "./sign-out-button";
import { InboxLink } from "./inbox/inbox-link";
import { LanguageSwitcher } from "./language-switcher";

// The bar only shows who is signed in; each page still checks the session itself.
export default async function WorkbenchLayout({ children }: { children: ReactNode }) {
  const actor = await getActor();
  const t = await getTranslations("workbenchNav");
  const sourceChanges = actor && can(actor, "verdicts.draft") ? await countSourceChanges(actor) : null;
  return (
    <>
      <header className="wb-bar">
        <nav className="wb-bar-inner" aria-label={t("label")}>
          <Link href="/workbench" className="brand-small">
            Claimwork
          </Link>
          <Link href="/workbench">{t("queues")}</Link>
          <InboxLink actor={actor} />
          <Link href="/workbench/articles">{t("articles")}</Link>
          <Link href="/workbench/to-check">{t("toCheck")}</Link>
          <Link href="/workbench/claims">{t("claims")}</Link>
          {actor && can(actor, "claims.read") && <Link href="/workbench/board">{t("board")}</Link>}
          {actor && can(actor, "verdicts.submit") && <Link href="/workbench/review">{t("review")}</Link>}
          {sourceChanges !== null && (
            <Link href="/workbench/sources">
              {t("sourceChanges")}
              {sourceChanges > 0 && (
                <span className="nav-count">
                  {sourceChanges}
                  <span className="visually-hidden"> {t("open")}</span>
                </span>
              )}
            </Link>
          )}
          <Link href="/workbench/graph">{t("graph")}</Link>
          <Link href="/workbench/exchange">{t("exchange")}</Link>
          {actor && can(actor, "users.manage") && <Link href="/workbench/users">{t("users")}</Link>}
          {actor && can(actor, "audit.read") && <Link href="/workbench/audit">{t("audit")}</Link>}
          <Link href="/">{t("publicSite")}</Link>
          <span className="spacer" />
          {actor && (
            <>
              <LanguageSwitcher current={actor.interfaceLanguage ?? ""} />
              {/* Who is signed in, and the way to their account page (password). */}
              <Link href="/workbench/account" className="who" aria-label={t("yourAccount", { name: actor.name, role: t(`roles.${actor.role}`) })}>
                {actor.name} <span className="role-badge">{t(`roles.${actor.role}`)}</span>
              </Link>
              <SignOutButton />
            </>
          )}
        </nav>
      </header>
      <main id="content" className="wb-main">
        {children}
      </main>
    </>
  );
}
