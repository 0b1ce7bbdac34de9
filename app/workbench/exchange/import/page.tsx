import type { Metadata } from "next";
import Link from "next/link";
import { can } from "@/lib/auth/permissions";
import { requireSignedIn } from "../../require-signed-in";
import { ImportPanel } from "./import-panel";
import "../../articles/articles.css";
import "../exchange.css";

export const metadata: Metadata = { title: "Import other fact-checkers’ work" };

export default async function ExchangeImportPage() {
  const actor = await requireSignedIn("/workbench/exchange/import");
  return (
    <>
      <p className="kicker">
        <Link href="/workbench/exchange">Other fact-checkers</Link>
      </p>
      <h1>Import other fact-checkers’ work</h1>
      {can(actor, "exchange.import") ? (
        <>
          <p className="meta">
            Claimwork checks every item first and lists each problem with its line or item; nothing is imported until you confirm.
            A review already imported (same publisher, address and claim) is skipped.
          </p>
          <ImportPanel canImportArchive={can(actor, "verdicts.publish")} />
        </>
      ) : (
        <p className="form-error">Your role cannot import fact-checks.</p>
      )}
    </>
  );
}
