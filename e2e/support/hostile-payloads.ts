// The one corpus of hostile text (DESIGN.md section 8) that the end-to-end tests push through every
// field a user can write. Each payload starts with a marker unique to the payload and the run, so a
// test finds the rendered text without confusing it with another payload or an earlier run.

export type HostilePayload = {
  name: string;
  /** Unique to this payload and run; the first characters of `text`. */
  marker: string;
  text: string;
  /** Why the database cannot store it as sent (NUL, lone surrogate): every field must refuse it. */
  unstorable?: string;
};

const BODIES: { name: string; body: string; unstorable?: string }[] = [
  { name: "script element", body: "<script>alert(1)</script>" },
  { name: "script end tag", body: "</script><script>alert(1)</script>" },
  { name: "image onerror", body: "<img src=x onerror=alert(1)>" },
  { name: "svg onload", body: "<svg onload=alert(1)>" },
  { name: "javascript link", body: "JaVaScRiPt:alert(1)" },
  { name: "data link", body: "DaTa:text/html,<script>alert(1)</script>" },
  { name: "entity-encoded markup", body: "&lt;script&gt;alert(1)&lt;/script&gt; &amp;lt;b&amp;gt;" },
  { name: "quotes and backticks", body: `' " \` '"><q onmouseover=alert(1)>\${alert(1)} {{alert(1)}}` },
  { name: "right-to-left override", body: "\u202Etxt.exe\u202C then <b>bold</b>" },
  { name: "NUL byte", body: "before\u0000after", unstorable: "NUL" },
  { name: "lone surrogate", body: "broken \uD800 half", unstorable: "surrogate" },
  { name: "100 KB", body: `<script>alert(1)</script>${"A long hostile text. ".repeat(5000)}` },
];

/** The corpus for one run: `token` (a few letters or digits) makes the markers unique to the run. */
export function hostilePayloads(token: string): HostilePayload[] {
  return BODIES.map(({ name, body, unstorable }, index) => {
    const marker = `hx${token}${String(index).padStart(2, "0")}`;
    return { name, marker, text: `${marker} ${body}`, ...(unstorable ? { unstorable } : {}) };
  });
}

/** Whether a field taking at most `maxLength` characters (after trimming) must accept the payload. */
export function fits(payload: HostilePayload, maxLength: number): boolean {
  return !payload.unstorable && payload.text.trim().length <= maxLength;
}

/**
 * An init script for Playwright's page.addInitScript: counts every call of alert, confirm, prompt
 * and print, and every CSP violation, in
 * window.__hostile.
 */
export function recordExecutions(): void {
  type Hostile = { calls: string[]; violations: string[] };
  const record: Hostile = { calls: [], violations: [] };
  Object.defineProperty(window, "__hostile", { value: record });
  for (const name of ["alert", "confirm", "prompt", "print"] as const) {
    const original = window[name] as (...args: unknown[]) => unknown;
    window[name] = ((...args: unknown[]) => {
      record.calls.push(`${name}(${args.map(String).join(", ")})`);
      return name === "print" ? undefined : original.apply(window, args);
    }) as never;
  }
  document.addEventListener("securitypolicyviolation", (event) => record.violations.push(`${event.violatedDirective} ${event.blockedURI}`));
}
