import type { Metadata } from "next";
import Link from "next/link";
import { can } from "@/lib/auth/permissions";
import { requireSignedIn } from "../../require-signed-in";
import { ImportPanel } from "./import-panel";
import "../articles.css";

export const metadata: Metadata = { title: "Import articles" };

export default async function ImportPage() {
  const actor = await requireSignedIn("/workbench/articles/import");
  return (
    <>
      <p className="kicker">
        <Link href="/workbench/articles">Articles</Link>
      </p>
      <h1>Import articles</h1>
      {can(actor, "articles.write") ? (
        <>
          <p className="meta">
            Claimwork proposes a title, outlet, date and language from each text, and from an HTML page also its
            address and authors; correct them before importing, or later on the article’s page. The same text
            imported twice is recognised and not stored twice.
          </p>
          <ImportPanel />
        </>
      ) : (
        <p className="form-error">Your role cannot import articles.</p>
      )}
    </>
  );
}
