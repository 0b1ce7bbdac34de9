import { useTranslations } from "next-intl";

/** One password input with its label and, when the action refused it, its error tied to it for screen readers. */
export function PasswordField(props: { name: string; label: string; autoComplete: "current-password" | "new-password"; error: string | undefined; minLength?: number }) {
  const errorId = `${props.name}-error`;
  return (
    <>
      <label htmlFor={props.name}>{props.label}</label>
      <input
        id={props.name}
        name={props.name}
        type="password"
        autoComplete={props.autoComplete}
        required
        minLength={props.minLength}
        aria-describedby={props.error ? errorId : undefined}
      />
      {props.error && (
        <p id={errorId} className="form-error">
          {props.error}
        </p>
      )}
    </>
  );
}

/** A new password typed twice (fields newPassword and confirmation), as every password form asks for it. */
export function NewPasswordFields({ fieldError }: { fieldError: (name: string) => string | undefined }) {
  const t = useTranslations("account");
  return (
    <>
      <PasswordField name="newPassword" label={t("newPassword")} autoComplete="new-password" minLength={12} error={fieldError("newPassword")} />
      <PasswordField name="confirmation" label={t("newPasswordAgain")} autoComplete="new-password" error={fieldError("confirmation")} />
    </>
  );
}
