import { getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/auth/actor";
import { getClaimAssignments } from "@/lib/assignments/get-claim-assignments";
import { AssignForm } from "./assign-form";
import "../working-together.css";

/** Who works on this claim and who reviews its verdict; those allowed may change either. */
export async function AssignmentPanel({ actor, claimId }: { actor: Actor; claimId: string }) {
  const assignments = await getClaimAssignments(actor, claimId);
  const t = await getTranslations("workbenchAssignments");
  return (
    <section className="vr-panel as-panel" aria-labelledby="assignments-title">
      <h2 id="assignments-title" className="vr-panel-title">
        {t("title")}
      </h2>
      <dl>
        <dt>{t("editor")}</dt>
        <dd>{assignments.editor?.name ?? <span className="meta">{t("nobodyYet")}</span>}</dd>
        {assignments.canAssign && (
          <dd>
            <AssignForm target={{ claimId }} current={assignments.editor} candidates={assignments.editorCandidates} label={t("editorLabel")} />
          </dd>
        )}
        <dt>{t("reviewer")}</dt>
        {assignments.verdict ? (
          <>
            <dd>{assignments.verdict.reviewer?.name ?? <span className="meta">{t("anyReviewer")}</span>}</dd>
            {assignments.canAssign && (
              <dd>
                <AssignForm
                  target={{ verdictId: assignments.verdict.id }}
                  current={assignments.verdict.reviewer}
                  candidates={assignments.verdict.reviewerCandidates}
                  label={t("reviewerLabel")}
                />
                <p className="meta">{t("authorsNotOffered")}</p>
              </dd>
            )}
          </>
        ) : (
          <dd className="meta">{t("onceDrafted")}</dd>
        )}
      </dl>
    </section>
  );
}
