import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/permissions";
import { listRatingMappings } from "@/lib/exchange/list-rating-mappings";
import { ratingInfo } from "@/lib/verdicts/rating-scale";
import { localizedScale } from "../../_components/localized-scale";
import { RatingBadge } from "@/app/_components/rating-badge";
import { requireSignedIn } from "../../require-signed-in";
import { RatingMappingForm } from "./rating-mapping-form";
import "../exchange.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("workbenchExchange.ratings");
  return { title: t("title") };
}

export default async function RatingMappingsPage() {
  const actor = await requireSignedIn("/workbench/exchange/ratings");
  const rows = await listRatingMappings(actor);
  const canEdit = can(actor, "exchange.map_ratings");
  const unmapped = rows.filter((row) => row.rating === null).length;
  const t = await getTranslations("workbenchExchange.ratings");
  const format = await getFormatter();
  const scale = localizedScale(await getLocale());
  return (
    <>
      <p className="kicker">
        <Link href="/workbench/exchange">{t("kicker")}</Link>
      </p>
      <h1>{t("title")}</h1>
      <p className="meta ex-intro">
        {t.rich("intro", { link: (chunks) => <Link href="/methodology">{chunks}</Link> })}
        {canEdit ? "" : ` ${t("whoChanges")}`}
      </p>
      {unmapped > 0 && (
        <p className="vr-notice vr-notice-warn">
          {t("unmapped", { count: unmapped })}
        </p>
      )}
      <table className="wb-table ex-mappings">
        <caption className="visually-hidden">{t("caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("table.theirs")}</th>
            <th scope="col">{t("table.usedBy")}</th>
            <th scope="col">{t("table.ours")}</th>
            <th scope="col">{t("table.lastChange")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.ratingKey}>
              <td>{t("quoted", { text: row.ratingText })}</td>
              <td>
                {t("uses", { count: row.uses })}
              </td>
              <td>
                {canEdit ? (
                  <RatingMappingForm ratingText={row.ratingText} rating={row.rating} version={row.version} scale={scale} />
                ) : row.rating ? (
                  <RatingBadge rating={ratingInfo(row.rating)} />
                ) : (
                  <span className="ex-unmapped">{t("notMapped")}</span>
                )}
              </td>
              <td className="meta">{row.updatedAt
                  ? row.updatedBy
                    ? t("changedBy", { date: format.dateTime(row.updatedAt, "day"), name: row.updatedBy })
                    : t("changedDefault", { date: format.dateTime(row.updatedAt, "day") })
                  : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
