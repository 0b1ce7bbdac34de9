import Link from "next/link";
import type { Actor } from "@/lib/auth/actor";
import { getAssignmentQueues, type AssignedItem } from "@/lib/assignments/get-assignment-queues";
import { VerdictStatusBadge } from "@/app/_components/verdict-status";
import { QueueSection } from "../_components/queue-section";

/** The workbench home's "Waiting for me" and "Assigned to me" queues. */
export async function AssignmentQueues({ actor }: { actor: Actor }) {
  const queues = await getAssignmentQueues(actor);
  return (
    <>
      <AssignedQueue title="Waiting for me" items={queues.waitingForMe} empty="Nothing assigned to you waits for your next step." />
      <AssignedQueue title="Assigned to me" items={queues.assignedToMe} empty="Nothing is assigned to you." />
    </>
  );
}

function AssignedQueue({ title, items, empty }: { title: string; items: AssignedItem[]; empty: string }) {
  return (
    <QueueSection title={title} count={items.length} empty={empty}>
      {items.map((item) => (
        <li key={`${item.as} ${item.claimId}`}>
          <Link href={item.href}>{item.statement}</Link>
          <div className="meta">
            <VerdictStatusBadge status={item.verdictStatus} /> · {item.as === "editor" ? "you edit it" : "you review it"}
          </div>
        </li>
      ))}
    </QueueSection>
  );
}
