"use server";

import { createAction } from "@/lib/actions/create-action";
import { markNotificationsRead, markNotificationsReadSchema } from "@/lib/notifications/mark-notifications-read";

// A public endpoint: the use case marks only the signed-in person's own notifications, with an audit row.
export const markNotificationsReadAction = createAction(markNotificationsReadSchema, markNotificationsRead);
