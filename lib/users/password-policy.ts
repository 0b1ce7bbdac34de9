import { z } from "zod";
import { reason } from "@/lib/validation";

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/** A new password: long enough to resist guessing, short enough to hash cheaply. Any characters. */
export const newPassword = z
  .string({ error: reason("chooseNewPassword") })
  .min(PASSWORD_MIN_LENGTH, reason("passwordTooShort", { minimum: PASSWORD_MIN_LENGTH }))
  .max(PASSWORD_MAX_LENGTH, reason("passwordTooLong", { maximum: PASSWORD_MAX_LENGTH }))
  .refine((value) => value.trim().length >= PASSWORD_MIN_LENGTH, reason("passwordTooShortTrimmed", { minimum: PASSWORD_MIN_LENGTH }));

/** The new password and the same typed again; refused when they differ. */
export function withConfirmation<Shape extends z.ZodRawShape>(shape: Shape) {
  return z
    .object({ ...shape, newPassword, confirmation: z.string({ error: reason("typePasswordAgain") }).max(PASSWORD_MAX_LENGTH) })
    .refine((value) => {
      const { newPassword: first, confirmation } = value as { newPassword: string; confirmation: string };
      return first === confirmation;
    }, { path: ["confirmation"], message: reason("passwordsDiffer") });
}
