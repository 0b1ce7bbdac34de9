"use server";

import { createPublicAction } from "@/lib/actions/create-public-action";
import { redeemAccountLink, redeemAccountLinkSchema } from "@/lib/users/redeem-account-link";

// Public: the link's token is the proof (the use case checks it); no session is needed or used.
export const redeemAccountLinkAction = createPublicAction(redeemAccountLinkSchema, redeemAccountLink);
