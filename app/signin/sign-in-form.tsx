"use client";

import { signIn } from "next-auth/react";
import { useState, useSyncExternalStore, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { ErrorMessage } from "@/app/_components/error-message";

const subscribeToNothing = () => () => {};

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("signin");
  const [error, setError] = useState<{ refused: unknown } | "wrong" | null>(null);
  const [pending, setPending] = useState(false);
  // False in the server's HTML, true once this script runs: until then the button stays disabled,
  // since a click would submit the form natively.
  const hydrated = useSyncExternalStore(subscribeToNothing, () => true, () => false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const form = new FormData(event.currentTarget);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    if (result?.ok && !result.error) {
      // A full navigation, so that every server component reads the new session cookie.
      window.location.assign(callbackUrl);
      return;
    }
    setPending(false);
    setError(result?.error && result.error !== "CredentialsSignin" ? { refused: refusalOf(result.error) } : "wrong");
  }

  return (
    // POST, so that even a native submission never puts the password in a URL or a log.
    <form method="post" onSubmit={onSubmit} noValidate>
      <label htmlFor="email">{t("email")}</label>
      <input id="email" name="email" type="email" autoComplete="username" required />
      <label htmlFor="password">{t("password")}</label>
      <input id="password" name="password" type="password" autoComplete="current-password" required />
      {error && (
        <p className="form-error" role="alert">
          {error === "wrong" ? t("wrong") : <ErrorMessage error={error.refused} />}
        </p>
      )}
      <p>
        <button type="submit" disabled={pending || !hydrated}>
          {pending ? t("signingIn") : t("submit")}
        </button>
      </p>
    </form>
  );
}

/** The refusal the server sent through next-auth (lib/auth/auth-options.ts): its code, English text and catalogue key. */
function refusalOf(sent: string): unknown {
  try {
    return JSON.parse(sent) as unknown;
  } catch {
    return { code: "unknown", message: sent };
  }
}
