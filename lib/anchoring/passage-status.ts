import type { AnchorStatus } from "@/lib/generated/prisma/enums";
import type { ReanchorStatus } from "./reanchor";

/**
 * Re-anchoring says kept, moved, changed or lost; the stored enum, older, says anchored, moved,
 * fuzzy and orphaned for the same four. The one place that maps them.
 */
export const STORED_STATUS = { kept: "anchored", moved: "moved", changed: "fuzzy", lost: "orphaned" } as const satisfies Record<ReanchorStatus, AnchorStatus>;

/**
 * What editors read for a passage's status, everywhere it is shown (annotator, claim page, source
 * changes, the revision summary): what happened to it in the last revision. "Changed": its words
 * were edited, and the editor confirms the new wording.
 */
export const PASSAGE_STATUS_LABELS: Record<AnchorStatus, string> = { anchored: "Kept", moved: "Moved", fuzzy: "Changed", orphaned: "Lost" };
