import type { Metadata } from "next";
import { requireSignedIn } from "../require-signed-in";
import { ChangePasswordForm } from "./change-password-form";
import { PASSWORD_MIN_LENGTH } from "@/lib/users/password-policy";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const actor = await requireSignedIn("/workbench/account");
  return (
    <>
      <h1>Your account</h1>
      <dl className="meta">
        <dt>Name</dt>
        <dd>{actor.name}</dd>
        <dt>Email</dt>
        <dd>{actor.email}</dd>
        <dt>Role</dt>
        <dd>{actor.role}</dd>
      </dl>
      <section aria-labelledby="change-password">
        <h2 id="change-password">Change your password</h2>
        <p className="meta">
          At least {PASSWORD_MIN_LENGTH} characters; a few unrelated words make a good one. Changing it signs you out everywhere, here
          too: you then sign in with the new password.
        </p>
        <ChangePasswordForm />
      </section>
    </>
  );
}
