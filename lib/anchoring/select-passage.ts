// For the tests: the selector a browser selection of a passage would store.
import { createSelectors } from "./create-selectors";
import type { AnchorSelector } from "./reanchor";

/** The selector of the `occurrence`-th appearance of `exact` in `text`. */
export function selectPassage(text: string, exact: string, occurrence = 0): AnchorSelector {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(exact, start + 1);
  if (start === -1) throw new Error(`"${exact}" is not in the text`);
  const made = createSelectors(text, start, start + exact.length);
  if (!made.ok) throw new Error(made.reason);
  return { ...made.selectors.quote, ...made.selectors.position };
}
