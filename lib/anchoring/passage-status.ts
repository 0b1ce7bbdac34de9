import type { AnchorStatus } from "@/lib/generated/prisma/enums";
import type { ReanchorStatus } from "./reanchor";

/**
 * Re-anchoring says kept, moved, changed or lost; the stored enum, older, says anchored, moved,
 * fuzzy and orphaned for the same four. The one place that maps them.
 */
export const STORED_STATUS = { kept: "anchored", moved: "moved", changed: "fuzzy", lost: "orphaned" } as const satisfies Record<ReanchorStatus, AnchorStatus>;
