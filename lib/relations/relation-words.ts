/** How a link between two claims reads from one of them: "Supports …" or, from the other end, "Supported by …". */
export const RELATION_WORDS = {
  supports: { from: "Supports", to: "Supported by" },
  contradicts: { from: "Contradicts", to: "Contradicted by" },
  same_claim: { from: "Same claim as", to: "Same claim as" },
} as const;
