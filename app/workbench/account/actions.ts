"use server";

import { createAction } from "@/lib/actions/create-action";
import { changePassword, changePasswordSchema } from "@/lib/users/change-password";

export const changePasswordAction = createAction(changePasswordSchema, changePassword);
