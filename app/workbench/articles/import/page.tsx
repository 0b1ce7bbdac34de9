import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/permissions";
import { requireSignedIn } from "../../require-signed-in";
import { ImportPanel } from "./import-panel";
import "../articles.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("workbenchImport.page");
  return { title: t("title") };
}

export default async function ImportPage() {
  const actor = await requireSignedIn("/workbench/articles/import");
  const t = await getTranslations("workbenchImport.page");
  return (
    <>
      <p className="kicker">
        <Link href="/workbench/articles">{t("kicker")}</Link>
      </p>
      <h1>{t("title")}</h1>
      {can(actor, "articles.write") ? (
        <>
          <p className="meta">{t("intro")}</p>
          <ImportPanel />
        </>
      ) : (
        <p className="form-error">{t("notAllowed")}</p>
      )}
    </>
  );
}
