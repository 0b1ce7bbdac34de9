import { parseArgs, type ParseArgsConfig } from "node:util";
import { z } from "zod";

export type Parsed = { values: Record<string, unknown>; positionals: string[] };

/**
 * node's parseArgs (strict: unknown options are errors), then the zod schema; any refusal becomes one
 * line ending with the usage. `--help` is answered by throwing the usage itself, as a HelpRequested.
 */
export function parseCommandLine<T>(
  argv: string[],
  options: NonNullable<ParseArgsConfig["options"]>,
  schema: z.ZodType<T>,
  usage: string,
): T {
  let parsed: Parsed;
  try {
    parsed = parseArgs({ args: argv, options: { ...options, help: { type: "boolean", short: "h" } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message.split("\n")[0] : String(error)} (${usage})`);
  }
  if (parsed.values.help) throw new HelpRequested(usage);
  const result = schema.safeParse(parsed);
  if (!result.success) throw new Error(`${result.error.issues[0]?.message ?? "invalid arguments"} (${usage})`);
  return result.data;
}

export class HelpRequested extends Error {}

/** Runs a command's main: one line on stderr and exit code 1 for any refusal or failure. */
export async function runCommand(main: () => Promise<void>): Promise<number> {
  try {
    await main();
    return 0;
  } catch (error) {
    if (error instanceof HelpRequested) {
      console.log(error.message);
      return 0;
    }
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  }
}
