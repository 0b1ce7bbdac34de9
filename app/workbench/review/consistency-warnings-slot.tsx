import { cache } from "react";
import { getActor } from "@/lib/auth/get-actor";
import { can } from "@/lib/auth/permissions";
import { findConsistencyWarnings } from "@/lib/relations/find-consistency-warnings";
import { warningsForVerdict } from "@/lib/relations/consistency-rules";
import { ConsistencyWarnings } from "@/app/_components/consistency-warnings";

// The whole graph is checked once per request, however many queue rows ask (React's cache lives for
// one server render).
const warningsOfThisRequest = cache(async () => {
  const actor = await getActor();
  if (!actor || !can(actor, "claims.read")) return [];
  return findConsistencyWarnings(actor);
});

/**
 * Where the consistency warnings of a verdict appear: in the review queue (compact), on the review
 * page, and before publishing. Contradicting claims both rated true, a true claim supported by a
 * false one, same-claim links with diverging ratings. They warn and never block.
 */
export async function ConsistencyWarningsSlot(props: { verdictId: string; placement?: "queue" | "review" | "publish" }) {
  const warnings = warningsForVerdict(await warningsOfThisRequest(), props.verdictId);
  return <ConsistencyWarnings warnings={warnings} placement={props.placement ?? "queue"} />;
}
