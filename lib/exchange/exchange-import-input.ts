// What the preview and the import receive: the file, and for a CSV the column chosen for each field.
import { z } from "zod";
import { CSV_FIELDS, type CsvField } from "./csv-fields";
import type { ExchangeFile } from "./read-exchange-file";

const header = z.string().trim().min(1).max(200);
export const csvColumnsSchema = z.partialRecord(z.enum(Object.keys(CSV_FIELDS) as [CsvField, ...CsvField[]]), header);

export const exchangeImportOptionsSchema = z.object({
  /** CSV only: field -> column header. Omitted: guessed from the header. */
  csvColumns: csvColumnsSchema.optional(),
  /** "external": other fact-checkers' work; "archive": this newsroom's own published fact-checks. */
  target: z.enum(["external", "archive"]).default("external"),
  /** The person saw the preview's problems and chose to import only the rows without one. */
  onlyGoodRows: z.boolean().default(false),
});
export type ExchangeImportOptions = z.input<typeof exchangeImportOptionsSchema>;

export type ExchangeImportInput = { file: ExchangeFile } & ExchangeImportOptions;
