import type { Metadata } from "next";
import Link from "next/link";
import { listAuditEvents, type AuditPage } from "@/lib/audit/list-audit-events";
import { listAuditPeople } from "@/lib/audit/list-audit-people";
import { AUDIT_ACTIONS, AUDITED_RECORD_KINDS } from "@/lib/audit/record-audit-event";
import { can } from "@/lib/auth/permissions";
import { requireSignedIn } from "../require-signed-in";
import { listOrExplain, readFilterParams } from "../read-filter-params";
import { FilterSelect } from "../_components/filter-select";
import { ListPager } from "../_components/list-pager";

export const metadata: Metadata = { title: "Audit log" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** URL parameters: the filters live in the URL, so that a filtered log is a link (and its CSV export). */
const PARAMS = ["person", "action", "kind", "from", "to", "cursor"] as const;

const timeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

export default async function AuditLogPage({ searchParams }: Props) {
  const values = readFilterParams(await searchParams, PARAMS);
  const filters = new URLSearchParams(Object.entries(values).filter(([name]) => name !== "cursor"));
  const actor = await requireSignedIn(`/workbench/audit${filters.size ? `?${filters}` : ""}`);
  if (!can(actor, "audit.read")) {
    return (
      <>
        <h1>Audit log</h1>
        <p className="form-error">Only an admin can read the audit log.</p>
      </>
    );
  }

  const people = await listAuditPeople(actor);
  const { result: page, problem } = await listOrExplain<AuditPage>(() => listAuditEvents(actor, values), { rows: [], nextCursor: null });
  const nextHref = page.nextCursor ? `/workbench/audit?${new URLSearchParams([...filters, ["cursor", page.nextCursor]])}` : null;

  return (
    <>
      <p className="kicker">Admin</p>
      <h1>Audit log</h1>
      <p className="meta">Every change anyone made, newest first. Rows are never changed or removed. Times are UTC.</p>
      <form className="cl-filters" method="get" action="/workbench/audit" aria-label="Filter the audit log">
        <FilterSelect
          id="audit-person"
          name="person"
          label="Person"
          anyLabel="Anyone"
          value={values.person}
          options={people.map((person) => ({ value: person.id, label: `${person.name} (${person.email})` }))}
        />
        <FilterSelect
          id="audit-action"
          name="action"
          label="Action"
          anyLabel="Any action"
          value={values.action}
          options={AUDIT_ACTIONS.map((action) => ({ value: action, label: action }))}
        />
        <FilterSelect
          id="audit-kind"
          name="kind"
          label="Kind of record"
          anyLabel="Any kind"
          value={values.kind}
          options={Object.entries(AUDITED_RECORD_KINDS).map(([kind, label]) => ({ value: kind, label }))}
        />
        <div className="cl-field">
          <label htmlFor="audit-from">From (day)</label>
          <input id="audit-from" name="from" type="date" defaultValue={values.from ?? ""} />
        </div>
        <div className="cl-field">
          <label htmlFor="audit-to">To (day, included)</label>
          <input id="audit-to" name="to" type="date" defaultValue={values.to ?? ""} />
        </div>
        <div className="cl-filter-actions">
          <button type="submit">Filter</button>
          {filters.size > 0 && <Link href="/workbench/audit">Clear</Link>}
          <a href={`/workbench/audit/export${filters.size ? `?${filters}` : ""}`} download>
            Download these rows as CSV
          </a>
        </div>
      </form>

      {problem && (
        <p className="vr-notice vr-notice-warn" role="alert">
          {problem}
        </p>
      )}
      {!problem && page.rows.length === 0 ? (
        <p className="empty">No audit row matches these filters.</p>
      ) : (
        page.rows.length > 0 && (
          <table className="wb-table audit-table">
            <caption className="visually-hidden">Audit rows, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">Record</th>
                <th scope="col">Before and after</th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((row) => (
                <tr key={row.id}>
                  <td>
                    <time dateTime={row.at.toISOString()}>{timeFormat.format(row.at)}</time>
                  </td>
                  <td>{row.person?.name ?? "The system"}</td>
                  <td>
                    <code>{row.action}</code>
                  </td>
                  <td>
                    {row.link ? (
                      <Link href={row.link}>
                        {row.kindLabel}
                        <span className="visually-hidden"> {row.recordId}</span>
                      </Link>
                    ) : (
                      row.kindLabel
                    )}
                    <div className="meta audit-record-id">{row.recordId}</div>
                  </td>
                  <td>
                    {row.changes.length === 0 ? (
                      <span className="meta">No fields recorded</span>
                    ) : (
                      <dl className="audit-changes">
                        {row.changes.map((change) => (
                          <div key={change.field}>
                            <dt>{change.field}</dt>
                            <dd>
                              {change.before !== null && (
                                <del>
                                  <span className="visually-hidden">before: </span>
                                  {change.before}
                                </del>
                              )}
                              {change.before !== null && change.after !== null && " → "}
                              {change.after !== null && (
                                <ins>
                                  <span className="visually-hidden">after: </span>
                                  {change.after}
                                </ins>
                              )}
                            </dd>
                          </div>
                        ))}
                      </dl>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      )}

      <ListPager firstHref={values.cursor ? `/workbench/audit${filters.size ? `?${filters}` : ""}` : null} nextHref={nextHref} nextLabel="Older rows" />
    </>
  );
}
