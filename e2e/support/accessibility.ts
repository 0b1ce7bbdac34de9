import { expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

/**
 * Checks the page as it is now with axe-core: no violation of any rule. Legacy mode runs axe.run in
 * the page itself; the default mode runs axe in each frame and then again in a blank page of its own
 * to merge the frames' results (for cross-origin iframes, which Claimwork has none of), which about
 * doubles the time of a scan without finding anything more here.
 */
export async function expectNoAxeViolations(page: Page, options: { soft?: boolean; label?: string } = {}): Promise<void> {
  const result = await new AxeBuilder({ page }).setLegacyMode().analyze();
  const violations = result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
  // Soft: a walk over many pages reports every page's violations, not only the first page's.
  (options.soft ? expect.soft : expect)(violations, options.label).toEqual([]);
}
