import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/permissions";
import { requireSignedIn } from "../../require-signed-in";
import { ImportPanel } from "./import-panel";
import "../../articles/articles.css";
import "../exchange.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("workbenchExchangeImport");
  return { title: t("title") };
}

export default async function ExchangeImportPage() {
  const actor = await requireSignedIn("/workbench/exchange/import");
  const t = await getTranslations("workbenchExchangeImport");
  return (
    <>
      <p className="kicker">
        <Link href="/workbench/exchange">{t("kicker")}</Link>
      </p>
      <h1>{t("title")}</h1>
      {can(actor, "exchange.import") ? (
        <>
          <p className="meta">{t("intro")}</p>
          <ImportPanel canImportArchive={can(actor, "verdicts.publish")} />
        </>
      ) : (
        <p className="form-error">{t("cannotImport")}</p>
      )}
    </>
  );
}
