import type { Metadata } from "next";
import Link from "next/link";
import { readAccountLink } from "@/lib/users/read-account-link";
import { PASSWORD_MIN_LENGTH } from "@/lib/users/password-policy";
import { UNUSABLE_LINK } from "@/lib/users/account-link-token";
import { SetPasswordForm } from "./set-password-form";

// The token is in the address: never send it on to another site in a Referer header.
export const metadata: Metadata = { title: "Choose your password", referrer: "no-referrer", robots: { index: false } };

type Props = { params: Promise<{ token: string }> };

export default async function AccountLinkPage({ params }: Props) {
  const { token } = await params;
  const link = await readAccountLink(token);
  return (
    <main id="content">
      <div className="auth-card">
        <p className="kicker">Claimwork workbench</p>
        {link ? (
          <>
            <h1>{link.kind === "invitation" ? "Welcome to Claimwork" : "Choose a new password"}</h1>
            <p>
              {link.kind === "invitation" ? "Choose the password of your new account" : "Choose a new password for your account"},{" "}
              <strong>{link.name}</strong> ({link.email}). At least {PASSWORD_MIN_LENGTH} characters; a few unrelated words make a good one.
              This link works once, until {link.expiresAt.toUTCString()}.
            </p>
            <SetPasswordForm token={token} email={link.email} />
          </>
        ) : (
          <>
            <h1>This link cannot be used</h1>
            <p className="form-error">{UNUSABLE_LINK}</p>
            <p>
              <Link href="/signin">Go to sign in</Link>
            </p>
          </>
        )}
      </div>
    </main>
  );
}
