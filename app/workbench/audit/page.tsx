import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { listAuditEvents, type AuditPage } from "@/lib/audit/list-audit-events";
import { listAuditPeople } from "@/lib/audit/list-audit-people";
import { AUDIT_ACTIONS, AUDITED_RECORD_KINDS } from "@/lib/audit/record-audit-event";
import { can } from "@/lib/auth/permissions";
import { requireSignedIn } from "../require-signed-in";
import { listOrExplain, readFilterParams } from "../read-filter-params";
import { FilterSelect } from "../_components/filter-select";
import { ListPager } from "../_components/list-pager";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("workbenchAudit");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** URL parameters: the filters live in the URL, so that a filtered log is a link (and its CSV export). */
const PARAMS = ["person", "action", "kind", "from", "to", "cursor"] as const;

const TIME = { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" } as const;

export default async function AuditLogPage({ searchParams }: Props) {
  const values = readFilterParams(await searchParams, PARAMS);
  const filters = new URLSearchParams(Object.entries(values).filter(([name]) => name !== "cursor"));
  const actor = await requireSignedIn(`/workbench/audit${filters.size ? `?${filters}` : ""}`);
  const t = await getTranslations("workbenchAudit");
  const format = await getFormatter();
  if (!can(actor, "audit.read")) {
    return (
      <>
        <h1>{t("title")}</h1>
        <p className="form-error">{t("adminOnly")}</p>
      </>
    );
  }

  const people = await listAuditPeople(actor);
  const { result: page, problem } = await listOrExplain<AuditPage>(() => listAuditEvents(actor, values), { rows: [], nextCursor: null });
  // Rows keep the code an action had when it was written; a code this version does not name shows as is.
  const actionName = (action: string) => {
    const [area, verb] = action.split(".");
    return area && verb && t.has(`actions.${area}.${verb}`) ? t(`actions.${area}.${verb}`) : action;
  };
  const kindLabel = (kind: string, fallback: string) => (kind in AUDITED_RECORD_KINDS ? t(`kinds.${kind}`) : fallback);
  const nextHref = page.nextCursor ? `/workbench/audit?${new URLSearchParams([...filters, ["cursor", page.nextCursor]])}` : null;

  return (
    <>
      <p className="kicker">{t("kicker")}</p>
      <h1>{t("title")}</h1>
      <p className="meta">{t("intro")}</p>
      <form className="cl-filters" method="get" action="/workbench/audit" aria-label={t("filter")}>
        <FilterSelect
          id="audit-person"
          name="person"
          label={t("person")}
          anyLabel={t("anyone")}
          value={values.person}
          options={people.map((person) => ({ value: person.id, label: `${person.name} (${person.email})` }))}
        />
        <FilterSelect
          id="audit-action"
          name="action"
          label={t("action")}
          anyLabel={t("anyAction")}
          value={values.action}
          options={AUDIT_ACTIONS.map((action) => ({ value: action, label: actionName(action) }))}
        />
        <FilterSelect
          id="audit-kind"
          name="kind"
          label={t("kind")}
          anyLabel={t("anyKind")}
          value={values.kind}
          options={Object.keys(AUDITED_RECORD_KINDS).map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
        />
        <div className="cl-field">
          <label htmlFor="audit-from">{t("from")}</label>
          <input id="audit-from" name="from" type="date" defaultValue={values.from ?? ""} />
        </div>
        <div className="cl-field">
          <label htmlFor="audit-to">{t("to")}</label>
          <input id="audit-to" name="to" type="date" defaultValue={values.to ?? ""} />
        </div>
        <div className="cl-filter-actions">
          <button type="submit">{t("submit")}</button>
          {filters.size > 0 && <Link href="/workbench/audit">{t("clear")}</Link>}
          <a href={`/workbench/audit/export${filters.size ? `?${filters}` : ""}`} download>
            {t("download")}
          </a>
        </div>
      </form>

      {problem && (
        <p className="vr-notice vr-notice-warn" role="alert">
          {problem}
        </p>
      )}
      {!problem && page.rows.length === 0 ? (
        <p className="empty">{t("empty")}</p>
      ) : (
        page.rows.length > 0 && (
          <table className="wb-table audit-table">
            <caption className="visually-hidden">{t("table.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("table.when")}</th>
                <th scope="col">{t("table.who")}</th>
                <th scope="col">{t("table.what")}</th>
                <th scope="col">{t("table.record")}</th>
                <th scope="col">{t("table.changes")}</th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((row) => (
                <tr key={row.id}>
                  <td>
                    <time dateTime={row.at.toISOString()}>{format.dateTime(row.at, TIME)}</time>
                  </td>
                  <td>{row.person?.name ?? t("system")}</td>
                  <td>
                    {actionName(row.action)} <code className="meta">{row.action}</code>
                  </td>
                  <td>
                    {row.link ? (
                      <Link href={row.link}>
                        {kindLabel(row.kind, row.kindLabel)}
                        <span className="visually-hidden"> {row.recordId}</span>
                      </Link>
                    ) : (
                      kindLabel(row.kind, row.kindLabel)
                    )}
                    <div className="meta audit-record-id">{row.recordId}</div>
                  </td>
                  <td>
                    {row.changes.length === 0 ? (
                      <span className="meta">{t("noFields")}</span>
                    ) : (
                      <dl className="audit-changes">
                        {row.changes.map((change) => (
                          <div key={change.field}>
                            <dt>{change.field}</dt>
                            <dd>
                              {change.before !== null && (
                                <del>
                                  <span className="visually-hidden">{t("before")} </span>
                                  {change.before}
                                </del>
                              )}
                              {change.before !== null && change.after !== null && " → "}
                              {change.after !== null && (
                                <ins>
                                  <span className="visually-hidden">{t("after")} </span>
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

      <ListPager firstHref={values.cursor ? `/workbench/audit${filters.size ? `?${filters}` : ""}` : null} nextHref={nextHref} nextLabel={t("older")} />
    </>
  );
}
