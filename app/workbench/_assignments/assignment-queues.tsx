import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/auth/actor";
import { getAssignmentQueues, type AssignedItem } from "@/lib/assignments/get-assignment-queues";
import { VerdictStatusBadge } from "@/app/_components/verdict-status";
import { QueueSection } from "../_components/queue-section";

/** The workbench home's "Waiting for me" and "Assigned to me" queues. */
export async function AssignmentQueues({ actor }: { actor: Actor }) {
  const queues = await getAssignmentQueues(actor);
  const t = await getTranslations("workbenchHome");
  return (
    <>
      <AssignedQueue title={t("queues.waitingForMe")} items={queues.waitingForMe} empty={t("queues.waitingForMeEmpty")} />
      <AssignedQueue title={t("queues.assignedToMe")} items={queues.assignedToMe} empty={t("queues.assignedToMeEmpty")} />
    </>
  );
}

async function AssignedQueue({ title, items, empty }: { title: string; items: AssignedItem[]; empty: string }) {
  const t = await getTranslations("workbenchHome");
  return (
    <QueueSection title={title} count={items.length} empty={empty}>
      {items.map((item) => (
        <li key={`${item.as} ${item.claimId}`}>
          <Link href={item.href}>{item.statement}</Link>
          <div className="meta">
            <VerdictStatusBadge status={item.verdictStatus} /> · {item.as === "editor" ? t("queues.youEdit") : t("queues.youReview")}
          </div>
        </li>
      ))}
    </QueueSection>
  );
}
