"use server";

import { createAction } from "@/lib/actions/create-action";
import { changePassword, changePasswordSchema } from "@/lib/users/change-password";
import { setInterfaceLanguage, setInterfaceLanguageSchema } from "@/lib/users/set-interface-language";

export const changePasswordAction = createAction(changePasswordSchema, changePassword);
export const setInterfaceLanguageAction = createAction(setInterfaceLanguageSchema, setInterfaceLanguage);
