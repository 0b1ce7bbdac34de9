// The date of a claim, on creating and on editing it: a day from 1800-01-01 to the end of the year
// after next, anything else refused with a message naming the field, writing nothing. (An article's
// publication date: import-article.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { createClaim } from "@/lib/claims/create-claim";
import { updateClaim } from "@/lib/claims/update-claim";
import { latestDate } from "@/lib/validation";
import { expectRefusedWithoutWrites, makeClaim, makeUser, unique } from "./support";

const db = getDb();

let editor: Actor;
beforeAll(async () => {
  editor = await makeUser("editor");
});

afterAll(async () => {
  await db.$disconnect();
});

const nextYear = () => Number(latestDate().slice(0, 4)) + 1;
const outOfRange = () => `the date of the claim must be between 1800-01-01 and ${latestDate()}`;
const notADate = "use a date like 2019-05-22 for the date of the claim";

/** Every refused date, with the reason given for it. */
const REFUSED = () => [
  { claimedAt: "99999-01-01", reason: notADate },
  { claimedAt: "-100000-01-01", reason: notADate },
  { claimedAt: "+099999-01-01", reason: notADate },
  { claimedAt: "1799-12-31", reason: outOfRange() },
  { claimedAt: "0219-05-22", reason: outOfRange() },
  { claimedAt: `${nextYear()}-01-01`, reason: outOfRange() },
];

const claimInput = (claimedAt: string) => ({ statement: `The talks were approved ${unique()}`, claimant: "A minister", claimedAt, language: "en" });

describe("the date of a claim", () => {
  it("is refused on creating a claim outside 1800 to the end of the year after next, naming the field", async () => {
    for (const { claimedAt, reason } of REFUSED()) {
      const error = await expectRefusedWithoutWrites(() => createClaim(editor, claimInput(claimedAt)), "invalid");
      expect(error.message, claimedAt).toBe(`Nothing was saved. claimedAt: ${reason}`);
      expect(error.details, claimedAt).toEqual({ fields: { claimedAt: [reason] } });
    }
  });

  it("is refused on editing a claim outside the same range, naming the field", async () => {
    const claim = await makeClaim(editor);
    const edit = (claimedAt: string) =>
      updateClaim(editor, { claimId: claim.id, expectedVersion: 1, statement: claim.statement, claimant: "A test minister", claimedAt, language: "en", tags: ["test"] });
    for (const { claimedAt, reason } of REFUSED()) {
      const error = await expectRefusedWithoutWrites(() => edit(claimedAt), "invalid");
      expect(error.message, claimedAt).toBe(`Nothing was saved. claimedAt: ${reason}`);
    }
    expect(await edit("1800-01-01")).toMatchObject({ version: 2, changed: true });
  });

  it("is kept from the first day of 1800 to the last of the year after next", async () => {
    for (const claimedAt of ["1800-01-01", "2019-05-22", latestDate()]) {
      const { id } = await createClaim(editor, claimInput(claimedAt));
      const saved = await db.claim.findUniqueOrThrow({ where: { id } });
      expect(saved.claimedAt?.toISOString().slice(0, 10)).toBe(claimedAt);
    }
  });
});
