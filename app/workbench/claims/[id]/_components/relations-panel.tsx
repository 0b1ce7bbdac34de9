"use client";

import Link from "next/link";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { AddRelationForm, type PassageChoice } from "./add-relation-form";
import { removeRelationAction } from "../actions";
import { ErrorMessage } from "@/app/_components/error-message";
import type { ActionError } from "@/lib/actions/create-action";

export type RelationItem = {
  id: string;
  type: "supports" | "contradicts" | "same_claim";
  direction: "outgoing" | "incoming";
  other: { id: string; statement: string; claimant: string; language: string; ratingLabel: string | null; rating: string | null };
  rationale: string;
  createdBy: string;
  createdOn: string;
  passages: { id: string; exact: string; articleTitle: string; href: string; ofThisClaim: boolean }[];
};

/** Direction-aware wording, "this claim <label> the other one": the key of its words in workbenchClaim.relations. */
export function relationKey(type: RelationItem["type"], direction: RelationItem["direction"]): "supports" | "supportedBy" | "contradicts" | "sameClaim" {
  if (type === "supports") return direction === "outgoing" ? "supports" : "supportedBy";
  if (type === "contradicts") return "contradicts";
  return "sameClaim";
}

/** The claim's links to other claims: listed with their rationale and passages, removable, and a form to add one. */
export function RelationsPanel({
  claimId,
  relations,
  canRelate,
  ownPassages,
}: {
  claimId: string;
  relations: RelationItem[];
  canRelate: boolean;
  ownPassages: PassageChoice[];
}) {
  const t = useTranslations("workbenchClaim.relations");
  const router = useRouter();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [pending, setPending] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: "ok"; text: string } | { kind: "error"; error: ActionError } | null>(null);
  const [adding, setAdding] = useState(false);

  async function remove(relation: RelationItem) {
    setPending(relation.id);
    setMessage(null);
    const result = await removeRelationAction({ relationId: relation.id });
    setPending(null);
    setConfirming(null);
    if (!result.ok) {
      setMessage({ kind: "error", error: result.error });
      return;
    }
    setMessage({ kind: "ok", text: t("removed", { link: t(`label.${relationKey(relation.type, relation.direction)}`).toLowerCase(), claimant: relation.other.claimant }) });
    router.refresh();
  }

  return (
    <>
      <p className={message?.kind === "error" ? "form-error" : "form-ok"} role="status">
        {message?.kind === "error" ? <ErrorMessage error={message.error} /> : message?.text}
      </p>
      {relations.length === 0 ? (
        <p className="meta">{t("empty")}</p>
      ) : (
        <ul className="cl-relations" aria-label={t("listLabel")}>
          {relations.map((relation) => (
            <li key={relation.id} className={`cl-relation cl-relation-item-${relation.type}`}>
              <div className="cl-relation-head">
                <span className={`cl-relation-tag cl-relation-${relation.type}`}>
                  <span className="visually-hidden">{t(`sentence.${relationKey(relation.type, relation.direction)}`)} </span>
                  <span aria-hidden="true">{t(`label.${relationKey(relation.type, relation.direction)}`)}</span>
                </span>
                {relation.other.ratingLabel ? (
                  <span className={`cl-mini-rating rating-${relation.other.rating}`}>{relation.other.ratingLabel}</span>
                ) : (
                  <span className="cl-mini-rating cl-mini-none">{t("noVerdict")}</span>
                )}
              </div>
              <p className="cl-relation-claim">
                <Link href={`/workbench/claims/${relation.other.id}`} lang={relation.other.language !== "und" ? relation.other.language : undefined}>
                  {relation.other.statement}
                </Link>{" "}
                <span className="meta">— {relation.other.claimant}</span>
              </p>
              <p className="cl-rationale">
                <span className="cl-rationale-label">{t("rationale")}</span> {relation.rationale}
              </p>
              {relation.passages.length > 0 && (
                <div className="cl-justifying">
                  <span className="cl-rationale-label">{t("justifiedBy")}</span>
                  <ul>
                    {relation.passages.map((passage) => (
                      <li key={passage.id}>
                        <q>{passage.exact}</q>{" "}
                        <span className="meta">
                          ({passage.ofThisClaim ? t("thisClaim") : t("otherClaim")}, <Link href={passage.href}>{passage.articleTitle}</Link>)
                        </span>
                      </li>
                    ))}
                  </ul>
                </div>
              )}
              <div className="cl-relation-foot">
                <span className="meta">
                  {t("linkedBy", { name: relation.createdBy, date: relation.createdOn })}
                </span>
                {canRelate &&
                  (confirming === relation.id ? (
                    <span className="cl-confirm" role="group" aria-label={t("confirmLabel")}>
                      <span>{t("confirm")}</span>
                      <button type="button" className="cl-small vr-danger secondary" onClick={() => remove(relation)} disabled={pending !== null}>
                        {pending === relation.id ? t("removing") : t("remove")}
                      </button>
                      <button type="button" className="cl-small secondary" onClick={() => setConfirming(null)} disabled={pending !== null}>
                        {t("keep")}
                      </button>
                    </span>
                  ) : (
                    <button type="button" className="cl-link-button cl-danger-link" onClick={() => setConfirming(relation.id)}>
                      {t("removeLink")}
                      <span className="visually-hidden"> {t("removeLinkHidden", { claimant: relation.other.claimant, statement: relation.other.statement })}</span>
                    </button>
                  ))}
              </div>
            </li>
          ))}
        </ul>
      )}
      {canRelate &&
        (adding ? (
          <AddRelationForm
            claimId={claimId}
            ownPassages={ownPassages}
            onDone={(text) => {
              setAdding(false);
              setMessage({ kind: "ok", text });
              router.refresh();
            }}
            onCancel={() => setAdding(false)}
          />
        ) : (
          <p>
            <button type="button" className="secondary cl-small" onClick={() => setAdding(true)}>
              {t("add")}
            </button>
          </p>
        ))}
    </>
  );
}
