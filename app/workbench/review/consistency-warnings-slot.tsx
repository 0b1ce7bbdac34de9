/**
 * Where the consistency warnings of a verdict appear (issue 4, part 3: contradicting claims both
 * rated true, a true claim supported by a false one, same-claim links with diverging ratings).
 * They are built separately; until then this renders nothing. They warn and never block.
 */
export function ConsistencyWarningsSlot(props: { verdictId: string; placement?: "queue" | "review" | "publish" }) {
  void props;
  return null;
}
