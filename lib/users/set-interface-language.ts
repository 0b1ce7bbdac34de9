import { z } from "zod";
import { getDb } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { notFound } from "@/lib/errors";
import { parseInput, blankToUndefined } from "@/lib/validation";
import { LOCALES } from "@/lib/i18n/locales";

// An empty choice ("follow my browser") stores null: the browser's Accept-Language decides.
export const setInterfaceLanguageSchema = z.object({
  language: z.preprocess(blankToUndefined, z.enum(LOCALES, "choose English, French or your browser's language").optional()),
});

/**
 * Every signed-in person sets the language of their own workbench; nobody sets another's. The
 * choice follows them from browser to browser (it is stored on their user row).
 */
export async function setInterfaceLanguage(actor: Actor, rawInput: z.input<typeof setInterfaceLanguageSchema>) {
  requirePermission(actor, "account.update");
  const input = parseInput(setInterfaceLanguageSchema, rawInput);
  const language = input.language ?? null;
  return getDb().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: actor.id }, select: { id: true, interfaceLanguage: true } });
    if (!user) throw notFound("account");
    if (user.interfaceLanguage === language) return { language };
    await tx.user.update({ where: { id: user.id }, data: { interfaceLanguage: language } });
    await recordAuditEvent(tx, actor, {
      action: "user.interface_language_set",
      entityType: "user",
      entityId: user.id,
      before: { interfaceLanguage: user.interfaceLanguage },
      after: { interfaceLanguage: language },
    });
    return { language };
  });
}
