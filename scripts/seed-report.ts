import type { SeedReport } from "@/seeds/seed-demo";

/** Prints what the seed did; a generated password is shown here once and never again. */
export function printSeedReport(report: SeedReport): void {
  const { imported, alreadyThere } = report.articles;
  console.log(`Seed: ${imported} article(s) imported, ${alreadyThere} already there; ${report.claimsCreated} claim(s) created${report.verdictPublished ? "; demo fact-check published" : ""}.`);
  if (report.createdAccounts.length === 0) return;
  console.log("Demo accounts created:");
  for (const account of report.createdAccounts) {
    const password = account.password ?? "(the DEMO_PASSWORD you set)";
    console.log(`  ${account.role.padEnd(8)} ${account.email}  password: ${password}`);
  }
  if (report.createdAccounts.some((account) => account.password)) {
    console.log("These generated passwords are printed only this once: note them now.");
  }
}
