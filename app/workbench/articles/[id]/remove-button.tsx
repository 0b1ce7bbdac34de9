"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";

/** A destructive button that asks once more, inline, before it acts. */
export function RemoveButton({ label, pending, onConfirm }: { label: string; pending: boolean; onConfirm: () => void }) {
  const t = useTranslations("workbenchArticles.annotator");
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="link-button danger" onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <span className="confirm-inline">
      <button type="button" className="danger-button" disabled={pending} onClick={onConfirm}>
        {t("confirmRemove", { action: label.toLowerCase() })}
      </button>
      <button type="button" className="link-button" onClick={() => setAsking(false)}>
        {t("keep")}
      </button>
    </span>
  );
}
