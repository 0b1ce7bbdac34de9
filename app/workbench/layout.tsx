import Link from "next/link";
import type { ComponentProps, ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/get-actor";
import { can } from "@/lib/auth/permissions";
import { countSourceChanges } from "@/lib/sources/count-source-changes";
import { SignOutButton } from "./sign-out-button";
import { InboxLink } from "./inbox/inbox-link";
import { LanguageSwitcher } from "./language-switcher";

/**
 * The bar's links are not prefetched: each workbench page is rendered for its request from a database
 * that may hold a million claims, and prefetching the dozen in the bar on every page view had the
 * server render them all while the page the editor opened waited (ADR 0019).
 */
function NavLink(props: ComponentProps<typeof Link>) {
  return <Link prefetch={false} {...props} />;
}

// The bar only shows who is signed in; each page still checks the session itself.
export default async function WorkbenchLayout({ children }: { children: ReactNode }) {
  const actor = await getActor();
  const t = await getTranslations("workbenchNav");
  const sourceChanges = actor && can(actor, "verdicts.draft") ? await countSourceChanges(actor) : null;
  return (
    <>
      <header className="wb-bar">
        <nav className="wb-bar-inner" aria-label={t("label")}>
          <NavLink href="/workbench" className="brand-small">
            Claimwork
          </NavLink>
          <NavLink href="/workbench">{t("queues")}</NavLink>
          <InboxLink actor={actor} />
          <NavLink href="/workbench/articles">{t("articles")}</NavLink>
          <NavLink href="/workbench/to-check">{t("toCheck")}</NavLink>
          <NavLink href="/workbench/claims">{t("claims")}</NavLink>
          {actor && can(actor, "claims.read") && <NavLink href="/workbench/board">{t("board")}</NavLink>}
          {actor && can(actor, "verdicts.submit") && <NavLink href="/workbench/review">{t("review")}</NavLink>}
          {sourceChanges !== null && (
            <NavLink href="/workbench/sources">
              {t("sourceChanges")}
              {sourceChanges > 0 && (
                <span className="nav-count">
                  {sourceChanges}
                  <span className="visually-hidden"> {t("open")}</span>
                </span>
              )}
            </NavLink>
          )}
          <NavLink href="/workbench/graph">{t("graph")}</NavLink>
          <NavLink href="/workbench/exchange">{t("exchange")}</NavLink>
          {actor && can(actor, "users.manage") && <NavLink href="/workbench/users">{t("users")}</NavLink>}
          {actor && can(actor, "audit.read") && <NavLink href="/workbench/audit">{t("audit")}</NavLink>}
          <NavLink href="/">{t("publicSite")}</NavLink>
          <span className="spacer" />
          {actor && (
            <>
              <LanguageSwitcher current={actor.interfaceLanguage ?? ""} />
              {/* Who is signed in, and the way to their account page (password). */}
              <NavLink href="/workbench/account" className="who" aria-label={t("yourAccount", { name: actor.name, role: t(`roles.${actor.role}`) })}>
                {actor.name} <span className="role-badge">{t(`roles.${actor.role}`)}</span>
              </NavLink>
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
