import { z } from "zod";

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/** A new password: long enough to resist guessing, short enough to hash cheaply. Any characters. */
export const newPassword = z
  .string({ error: "Choose a new password." })
  .min(PASSWORD_MIN_LENGTH, `Choose a password of at least ${PASSWORD_MIN_LENGTH} characters (a few words make a good one).`)
  .max(PASSWORD_MAX_LENGTH, `A password can be at most ${PASSWORD_MAX_LENGTH} characters long.`)
  .refine((value) => value.trim().length >= PASSWORD_MIN_LENGTH, `Choose a password of at least ${PASSWORD_MIN_LENGTH} characters, not counting spaces around it.`);

/** The new password and the same typed again; refused when they differ. */
export function withConfirmation<Shape extends z.ZodRawShape>(shape: Shape) {
  return z
    .object({ ...shape, newPassword, confirmation: z.string({ error: "Type the new password again." }).max(PASSWORD_MAX_LENGTH) })
    .refine((value) => {
      const { newPassword: first, confirmation } = value as { newPassword: string; confirmation: string };
      return first === confirmation;
    }, { path: ["confirmation"], message: "The two new passwords are not the same." });
}
