"use server";

import { z } from "zod";
import { createAction } from "@/lib/actions/create-action";
import { changeUserRole } from "@/lib/users/change-user-role";
import { setUserStatus } from "@/lib/users/set-user-status";

// Server actions are public endpoints: each goes through createAction (session -> zod -> use case,
// where the permission is checked on the record).
export const changeUserRoleAction = createAction(
  z.object({ userId: z.uuid(), role: z.enum(["editor", "reviewer", "admin"]) }),
  changeUserRole,
);

export const setUserStatusAction = createAction(
  z.object({ userId: z.uuid(), status: z.enum(["active", "disabled"]) }),
  setUserStatus,
);
