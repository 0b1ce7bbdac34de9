import type { Metadata } from "next";
import Link from "next/link";
import { can } from "@/lib/auth/permissions";
import { listRatingMappings } from "@/lib/exchange/list-rating-mappings";
import { RATING_SCALE, ratingInfo } from "@/lib/verdicts/rating-scale";
import { RatingBadge } from "@/app/_components/rating-badge";
import { formatDate } from "@/app/_components/format-date";
import { requireSignedIn } from "../../require-signed-in";
import { RatingMappingForm } from "./rating-mapping-form";
import "../exchange.css";

export const metadata: Metadata = { title: "Their ratings on our scale" };

export default async function RatingMappingsPage() {
  const actor = await requireSignedIn("/workbench/exchange/ratings");
  const rows = await listRatingMappings(actor);
  const canEdit = can(actor, "exchange.map_ratings");
  const unmapped = rows.filter((row) => row.rating === null).length;
  return (
    <>
      <p className="kicker">
        <Link href="/workbench/exchange">Other fact-checkers</Link>
      </p>
      <h1>Their ratings on our scale</h1>
      <p className="meta ex-intro">
        Each rating text other fact-checkers use (case and a final “!” do not matter), and the rating of{" "}
        <Link href="/methodology">our scale</Link> it counts as. A change applies at once to every imported fact-check with that text.
        {canEdit ? "" : " Reviewers and admins change them."}
      </p>
      {unmapped > 0 && (
        <p className="vr-notice vr-notice-warn">
          {unmapped} rating text{unmapped === 1 ? " is" : "s are"} not mapped yet; {unmapped === 1 ? "it is" : "they are"} listed first.
        </p>
      )}
      <table className="wb-table ex-mappings">
        <caption className="visually-hidden">Rating texts and our ratings</caption>
        <thead>
          <tr>
            <th scope="col">Their rating</th>
            <th scope="col">Used by</th>
            <th scope="col">Our rating</th>
            <th scope="col">Last change</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.ratingKey}>
              <td>“{row.ratingText}”</td>
              <td>
                {row.uses.toLocaleString("en")} fact-check{row.uses === 1 ? "" : "s"}
              </td>
              <td>
                {canEdit ? (
                  <RatingMappingForm ratingText={row.ratingText} rating={row.rating} version={row.version} scale={RATING_SCALE} />
                ) : row.rating ? (
                  <RatingBadge rating={ratingInfo(row.rating)} />
                ) : (
                  <span className="ex-unmapped">not mapped</span>
                )}
              </td>
              <td className="meta">{row.updatedAt ? `${formatDate(row.updatedAt)}${row.updatedBy ? ` by ${row.updatedBy}` : " (default)"}` : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
