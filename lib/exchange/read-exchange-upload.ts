import { invalid } from "@/lib/errors";
import { readUploadForm, readUploadedFile } from "@/lib/articles/read-upload";
import { MAX_EXCHANGE_FILE_BYTES } from "./read-exchange-file";
import type { ExchangeImportInput } from "./exchange-import-input";

/**
 * The import page's upload: the file, the CSV columns as JSON (field -> header), "onlyGoodRows" and
 * the target ("external" or "archive").
 * The values are checked by the use case's schema; this only unpacks the form.
 */
export async function readExchangeUpload(request: Request): Promise<ExchangeImportInput> {
  const form = await readUploadForm(request, { maxBytes: MAX_EXCHANGE_FILE_BYTES, what: "a file of fact-checks" });
  const file = await readUploadedFile(form);
  const columns = form.get("csvColumns");
  let csvColumns: unknown;
  if (typeof columns === "string" && columns !== "") {
    try {
      csvColumns = JSON.parse(columns);
    } catch {
      throw invalid({ key: "csvColumnsNotObject" });
    }
  }
  const target = form.get("target");
  return {
    file,
    csvColumns: csvColumns as ExchangeImportInput["csvColumns"],
    onlyGoodRows: form.get("onlyGoodRows") === "true",
    ...(typeof target === "string" ? { target: target as ExchangeImportInput["target"] } : {}),
  };
}
