import type { Actor } from "@/lib/auth/actor";
import { getClaimAssignments } from "@/lib/assignments/get-claim-assignments";
import { AssignForm } from "./assign-form";
import "../working-together.css";

/** Who works on this claim and who reviews its verdict; those allowed may change either. */
export async function AssignmentPanel({ actor, claimId }: { actor: Actor; claimId: string }) {
  const assignments = await getClaimAssignments(actor, claimId);
  return (
    <section className="vr-panel as-panel" aria-labelledby="assignments-title">
      <h2 id="assignments-title" className="vr-panel-title">
        Assignments
      </h2>
      <dl>
        <dt>Editor</dt>
        <dd>{assignments.editor?.name ?? <span className="meta">Nobody yet</span>}</dd>
        {assignments.canAssign && (
          <dd>
            <AssignForm target={{ claimId }} current={assignments.editor} candidates={assignments.editorCandidates} label="editor of this claim" />
          </dd>
        )}
        <dt>Reviewer of the verdict</dt>
        {assignments.verdict ? (
          <>
            <dd>{assignments.verdict.reviewer?.name ?? <span className="meta">Any reviewer</span>}</dd>
            {assignments.canAssign && (
              <dd>
                <AssignForm
                  target={{ verdictId: assignments.verdict.id }}
                  current={assignments.verdict.reviewer}
                  candidates={assignments.verdict.reviewerCandidates}
                  label="reviewer of this verdict"
                />
                <p className="meta">Authors of the verdict are not offered: another reviewer must review it.</p>
              </dd>
            )}
          </>
        ) : (
          <dd className="meta">Once a verdict is drafted.</dd>
        )}
      </dl>
    </section>
  );
}
