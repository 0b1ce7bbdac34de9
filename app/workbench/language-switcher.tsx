"use client";

import { useId } from "react";
import "./language-switcher.css";
import { useTranslations } from "next-intl";
import { setInterfaceLanguageAction } from "./account/actions";
import { ActionOutcome, useActionRunner } from "./_components/use-action-runner";

type Choice = "en" | "fr" | "";

/**
 * The workbench language, in the navigation: the person's own setting, kept on their account. A
 * select and a button (not a select that submits on change), so that going through the options
 * with the keyboard changes nothing until the person confirms.
 */
export function LanguageSwitcher({ current }: { current: Choice }) {
  const t = useTranslations("workbenchNav");
  const id = useId();
  const { run, pending, message } = useActionRunner();
  return (
    <form
      className="language-switcher"
      onSubmit={(event) => {
        event.preventDefault();
        const language = new FormData(event.currentTarget).get("language");
        void run(() => setInterfaceLanguageAction({ language: typeof language === "string" ? language : "" }));
      }}
    >
      <label htmlFor={id}>{t("language.label")}</label>
      <select id={id} name="language" defaultValue={current} key={current}>
        <option value="">{t("language.browser")}</option>
        <option value="en" lang="en">
          English
        </option>
        <option value="fr" lang="fr">
          Français
        </option>
      </select>
      <button type="submit" className="secondary" disabled={pending}>
        {t("language.apply")}
      </button>
      {message?.kind === "error" && <ActionOutcome message={message} />}
    </form>
  );
}
