"use client";

import Link from "next/link";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { AddRelationForm, type PassageChoice } from "./add-relation-form";
import { removeRelationAction } from "../actions";

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

/** Direction-aware wording: "this claim <label> the other one". */
export function relationLabel(type: RelationItem["type"], direction: RelationItem["direction"]): string {
  if (type === "supports") return direction === "outgoing" ? "Supports" : "Supported by";
  if (type === "contradicts") return "Contradicts";
  return "Same claim as";
}

const SENTENCE: Record<string, string> = {
  "supports-outgoing": "This claim supports",
  "supports-incoming": "This claim is supported by",
  "contradicts-outgoing": "This claim contradicts",
  "contradicts-incoming": "This claim contradicts",
  "same_claim-outgoing": "This is the same claim as",
  "same_claim-incoming": "This is the same claim as",
};

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
  const router = useRouter();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [pending, setPending] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const [adding, setAdding] = useState(false);

  async function remove(relation: RelationItem) {
    setPending(relation.id);
    setMessage(null);
    const result = await removeRelationAction({ relationId: relation.id });
    setPending(null);
    setConfirming(null);
    if (!result.ok) {
      setMessage({ kind: "error", text: result.error.message });
      return;
    }
    setMessage({ kind: "ok", text: `Link removed: ${relationLabel(relation.type, relation.direction).toLowerCase()} ${relation.other.claimant}’s claim.` });
    router.refresh();
  }

  return (
    <>
      <p className={message?.kind === "error" ? "form-error" : "form-ok"} role="status">
        {message?.text}
      </p>
      {relations.length === 0 ? (
        <p className="meta">No link to another claim yet.</p>
      ) : (
        <ul className="cl-relations" aria-label="Linked claims">
          {relations.map((relation) => (
            <li key={relation.id} className={`cl-relation cl-relation-item-${relation.type}`}>
              <div className="cl-relation-head">
                <span className={`cl-relation-tag cl-relation-${relation.type}`}>
                  <span className="visually-hidden">{SENTENCE[`${relation.type}-${relation.direction}`]}: </span>
                  <span aria-hidden="true">{relationLabel(relation.type, relation.direction)}</span>
                </span>
                {relation.other.ratingLabel ? (
                  <span className={`cl-mini-rating rating-${relation.other.rating}`}>{relation.other.ratingLabel}</span>
                ) : (
                  <span className="cl-mini-rating cl-mini-none">No verdict yet</span>
                )}
              </div>
              <p className="cl-relation-claim">
                <Link href={`/workbench/claims/${relation.other.id}`} lang={relation.other.language !== "und" ? relation.other.language : undefined}>
                  {relation.other.statement}
                </Link>{" "}
                <span className="meta">— {relation.other.claimant}</span>
              </p>
              <p className="cl-rationale">
                <span className="cl-rationale-label">Rationale:</span> {relation.rationale}
              </p>
              {relation.passages.length > 0 && (
                <div className="cl-justifying">
                  <span className="cl-rationale-label">Justified by:</span>
                  <ul>
                    {relation.passages.map((passage) => (
                      <li key={passage.id}>
                        <q>{passage.exact}</q>{" "}
                        <span className="meta">
                          ({passage.ofThisClaim ? "this claim" : "the other claim"}, <Link href={passage.href}>{passage.articleTitle}</Link>)
                        </span>
                      </li>
                    ))}
                  </ul>
                </div>
              )}
              <div className="cl-relation-foot">
                <span className="meta">
                  Linked by {relation.createdBy}, {relation.createdOn}
                </span>
                {canRelate &&
                  (confirming === relation.id ? (
                    <span className="cl-confirm" role="group" aria-label="Confirm removal">
                      <span>Remove this link?</span>
                      <button type="button" className="cl-small vr-danger secondary" onClick={() => remove(relation)} disabled={pending !== null}>
                        {pending === relation.id ? "Removing…" : "Remove"}
                      </button>
                      <button type="button" className="cl-small secondary" onClick={() => setConfirming(null)} disabled={pending !== null}>
                        Keep
                      </button>
                    </span>
                  ) : (
                    <button type="button" className="cl-link-button cl-danger-link" onClick={() => setConfirming(relation.id)}>
                      Remove link<span className="visually-hidden"> to {relation.other.claimant}’s claim “{relation.other.statement}”</span>
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
              Link to another claim
            </button>
          </p>
        ))}
    </>
  );
}
