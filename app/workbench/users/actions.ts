"use server";

import { createAction } from "@/lib/actions/create-action";
import { changeUserRole, changeUserRoleSchema } from "@/lib/users/change-user-role";
import { setUserStatus, setUserStatusSchema } from "@/lib/users/set-user-status";
import { inviteUser, inviteUserSchema } from "@/lib/users/invite-user";
import { createResetLink, createResetLinkSchema } from "@/lib/users/create-reset-link";

// Server actions are public endpoints: each goes through createAction (session -> zod -> use case,
// where the permission is checked on the record).
export const changeUserRoleAction = createAction(changeUserRoleSchema, changeUserRole);

export const setUserStatusAction = createAction(setUserStatusSchema, setUserStatus);

export const inviteUserAction = createAction(inviteUserSchema, inviteUser);

export const createResetLinkAction = createAction(createResetLinkSchema, createResetLink);
