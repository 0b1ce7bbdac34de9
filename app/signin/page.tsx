import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/get-actor";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<{ callbackUrl?: string; error?: string; changed?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const { callbackUrl, changed } = await searchParams;
  const target = safeCallbackUrl(callbackUrl);
  if (await getActor()) redirect(target);
  return (
    <main id="content">
      <div className="auth-card">
        <p className="kicker">Claimwork workbench</p>
        <h1>Sign in</h1>
        {changed === "1" && (
          <p className="form-ok" role="status">
            Your password was changed and you were signed out everywhere. Sign in with the new password.
          </p>
        )}
        <SignInForm callbackUrl={target} />
      </div>
    </main>
  );
}
