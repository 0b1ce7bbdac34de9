// Colours of the claim graph, shared by the canvas (client) and the legend (server).

/** Fill and border of a claim by its rating; claims without a submitted verdict are white, dashed. */
export const RATING_COLOURS: Record<string, { fill: string; border: string }> = {
  false: { fill: "#fbe3e1", border: "#b3261e" },
  mostly_false: { fill: "#fbe7dc", border: "#b54a14" },
  mixed: { fill: "#f7eecf", border: "#8a6500" },
  mostly_true: { fill: "#e5f1dc", border: "#3f7a1f" },
  true: { fill: "#dcefe3", border: "#1b6e3a" },
  unproven: { fill: "#ebecee", border: "#5f6368" },
  none: { fill: "#ffffff", border: "#8c877c" },
};

export const EDGE_COLOURS = { supports: "#1b7f3b", contradicts: "#c62828", same_claim: "#1f6fb2" } as const;
