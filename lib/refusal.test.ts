import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DomainError, conflict, notFound, type ErrorTranslator } from "@/lib/errors";
import { formatRefusal } from "@/lib/refusal";
import { parseInput, reason } from "@/lib/validation";
import { readMessages } from "@/lib/i18n/load-messages";

// A refusal is a catalogue key with its listed items: its English message is the English entry, and
// a page formats the same refusal in French from the French catalogue (ADR 0018).
const french = createTranslator({ locale: "fr", messages: readMessages("fr"), namespace: "errors", timeZone: "UTC" }) as unknown as ErrorTranslator;
const frenchLabel = (field: string) => (readMessages("fr").errors as { fields: Record<string, string> }).fields[field] ?? field;

function refusalOf(work: () => unknown): DomainError {
  try {
    work();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("not refused");
}

describe("refusals from the catalogue", () => {
  it("gives a keyed refusal its English message and the same refusal in French", () => {
    const error = conflict({ key: "claimChangedMeanwhile", params: { version: 4 } });
    expect(error.message).toBe("Someone else saved this claim after you opened it (now version 4). Nothing of yours was saved: look at their changes, then edit again.");
    expect(formatRefusal(french, error.messageKey!)).toBe(
      "Quelqu’un d’autre a enregistré cette affirmation après que vous l’avez ouverte (version 4 désormais). Rien de votre part n’a été enregistré : consultez ses modifications, puis modifiez de nouveau.",
    );
    expect(notFound("claim").message).toBe("The claim was not found.");
    expect(formatRefusal(french, notFound("claim").messageKey!)).toBe("L’affirmation est introuvable.");
  });

  it("names each refused field and its reason: the schema's own reason, or one for the kind of check", () => {
    const schema = z.object({ claimant: z.string().trim().min(1, reason("sayWhoClaimed")), statement: z.string().max(5), tags: z.array(z.string()).max(1) });
    const error = refusalOf(() => parseInput(schema, { claimant: " ", statement: "too long", tags: ["a", "b"] }));
    expect(error.message).toMatch(/^Nothing was saved\. claimant: say who made the claim; statement: /);
    expect(error.issues).toEqual([
      { field: "claimant", reason: "sayWhoClaimed" },
      { field: "statement", reason: "tooLong", params: { maximum: 5 } },
      { field: "tags", reason: "tooMany", params: { maximum: 1 } },
    ]);
    expect(formatRefusal(french, error.messageKey!, error.issues, frenchLabel)).toBe(
      "Rien n’a été enregistré. auteur de l’affirmation : dites qui a fait l’affirmation ; affirmation : doit compter au plus 5 caractères ; mots-clés : au plus 1",
    );
  });
});
