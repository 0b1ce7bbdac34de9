"use client";

import { useState } from "react";
import { CSV_FIELDS, type CsvColumns, type CsvField } from "@/lib/exchange/csv-fields";

/** Which column of the CSV fills each field; "Check again" previews the file with these columns. */
export function CsvColumnsForm({ headers, columns, onCheck }: { headers: string[]; columns: CsvColumns; onCheck: (columns: CsvColumns) => void }) {
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
      <h3 id="columns-title">Columns</h3>
      <p className="meta">Proposed from the header row; correct them, then check the file again.</p>
      <div className="details-grid">
        {(Object.entries(CSV_FIELDS) as [CsvField, string][]).map(([field, label]) => (
          <div key={field} className="field">
            <label htmlFor={`column-${field}`}>{label}</label>
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
              <option value="">(none)</option>
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
        Check again with these columns
      </button>
    </form>
  );
}
