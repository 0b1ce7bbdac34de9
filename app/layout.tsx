import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Claimwork", template: "%s · Claimwork" },
  description: "Fact-checks of public claims, with the passages they rest on.",
};

// Every page is rendered per request so that its scripts carry that response's CSP nonce (proxy.ts).
// Readers' pages are cached in front of Next instead (scripts/serve/), keyed by URL, with the nonce
// swapped per response.
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#content">
          Skip to content
        </a>
        {children}
      </body>
    </html>
  );
}
