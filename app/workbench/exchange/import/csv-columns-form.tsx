"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { CSV_FIELDS, type CsvColumns, type CsvField } from "@/lib/exchange/csv-fields";

/** Which column of the CSV fills each field; "Check again" previews the file with these columns. */
export function CsvColumnsForm({ headers, columns, onCheck }: { headers: string[]; columns: CsvColumns; onCheck: (columns: CsvColumns) => void }) {
  const t = useTranslations("workbenchExchangeImport");
  const [chosen, setChosen] = useState<CsvColumns>(columns);
  return (
    <form
      className="ex-columns"
      aria-labelledby="columns-title"
      onSubmit={(event) => {
        event.preventDefault();
        onCheck(chosen);
      }}
    >
      <h3 id="columns-title">{t("columns")}</h3>
      <p className="meta">{t("columnsIntro")}</p>
      <div className="details-grid">
        {(Object.keys(CSV_FIELDS) as CsvField[]).map((field) => (
          <div key={field} className="field">
            <label htmlFor={`column-${field}`}>{t(`field.${field}`)}</label>
            <select
              id={`column-${field}`}
              value={chosen[field] ?? ""}
              onChange={(event) => {
                const next = { ...chosen };
                if (event.target.value) next[field] = event.target.value;
                else delete next[field];
                setChosen(next);
              }}
            >
              <option value="">{t("noColumn")}</option>
              {headers.map((header) => (
                <option key={header} value={header}>
                  {header}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
      <button type="submit" className="secondary">
        {t("checkAgain")}
      </button>
    </form>
  );
}
