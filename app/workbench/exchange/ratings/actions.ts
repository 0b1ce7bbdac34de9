"use server";

import { createAction } from "@/lib/actions/create-action";
import { saveRatingMapping, saveRatingMappingSchema } from "@/lib/exchange/save-rating-mapping";

// A public endpoint like every server action: createAction re-reads the session and checks the
// input; the use case checks the permission (exchange.map_ratings) and the version.
// Mappings only change how the workbench shows other fact-checkers' ratings: no reader page reads them.
export const saveRatingMappingAction = createAction(saveRatingMappingSchema, saveRatingMapping);
