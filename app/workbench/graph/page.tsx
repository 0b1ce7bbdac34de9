import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getClaimGraph, MAX_GRAPH_NODES, type ClaimGraph } from "@/lib/relations/get-claim-graph";
import { listClaimFilterOptions } from "@/lib/claims/list-claim-filter-options";
import { isDomainError } from "@/lib/errors";
import { requireSignedIn } from "../require-signed-in";
import { ClaimGraphCanvas, type GraphLabels } from "./_components/claim-graph-canvas";
import { ratingName } from "../_components/localized-scale";
import type { RatingInfo } from "@/lib/verdicts/rating-scale";
import { EDGE_COLOURS, RATING_COLOURS } from "./_components/graph-colours";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("workbenchGraph");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() || undefined;


export default async function GraphPage({ searchParams }: Props) {
  const params = await searchParams;
  const articleId = first(params.article);
  const claimant = first(params.claimant);
  const query = new URLSearchParams();
  if (articleId) query.set("article", articleId);
  if (claimant) query.set("claimant", claimant);
  const actor = await requireSignedIn(`/workbench/graph${query.size ? `?${query}` : ""}`);

  const options = await listClaimFilterOptions(actor);
  const t = await getTranslations("workbenchGraph");
  const labels = await graphLabels();
  let graph: ClaimGraph = { nodes: [], edges: [], truncated: false };
  let problem: string | null = null;
  try {
    graph = await getClaimGraph(actor, { articleId, claimant });
  } catch (error) {
    if (!isDomainError(error) || error.code !== "invalid") throw error;
    problem = t("invalidFilters");
  }
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const filtered = Boolean(articleId || claimant);
  const warnings = graph.edges.filter((edge) => edge.warning);

  return (
    <>
      <p className="kicker">{t("kicker")}</p>
      <h1>{t("title")}</h1>
      <p className="meta narrow">{t("intro")}</p>

      <form className="cl-filters" method="get" action="/workbench/graph" aria-label={t("filter")}>
        <div className="cl-field">
          <label htmlFor="graph-article">{t("article")}</label>
          <select id="graph-article" name="article" defaultValue={articleId ?? ""}>
            <option value="">{t("allArticles")}</option>
            {options.articles.map((article) => (
              <option key={article.id} value={article.id}>
                {article.title.length > 80 ? `${article.title.slice(0, 79)}…` : article.title}
              </option>
            ))}
          </select>
        </div>
        <div className="cl-field">
          <label htmlFor="graph-claimant">{t("claimant")}</label>
          <select id="graph-claimant" name="claimant" defaultValue={claimant ?? ""}>
            <option value="">{t("allClaimants")}</option>
            {claimant && !options.claimants.some((name) => name.toLowerCase() === claimant.toLowerCase()) && (
              <option value={claimant}>{claimant}</option>
            )}
            {options.claimants.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div className="cl-filter-actions">
          <button type="submit">{t("show")}</button>
          {filtered && <Link href="/workbench/graph">{t("clear")}</Link>}
        </div>
      </form>

      {problem && <p className="vr-notice vr-notice-warn">{problem}</p>}

      <Legend />

      {graph.nodes.length === 0 ? (
        <p className="empty">{filtered ? t("emptyFiltered") : t("empty")}</p>
      ) : (
        <>
          {graph.truncated && (
            <p className="vr-notice vr-notice-info">
              {t("truncated", { max: MAX_GRAPH_NODES })}
            </p>
          )}
          {filtered && graph.nodes.some((node) => node.context) && (
            <p className="meta">{t("faded")}</p>
          )}
          <ClaimGraphCanvas nodes={graph.nodes} edges={graph.edges} labels={labels} />

          {warnings.length > 0 && (
            <p className="vr-notice vr-notice-warn">
              {t("warnings", { count: warnings.length })}
            </p>
          )}

          <section aria-labelledby="graph-claims">
            <h2 id="graph-claims">
              {t("claimsTitle")} <span className="meta">({graph.nodes.length})</span>
            </h2>
            <table className="wb-table cl-table cl-nodes-table">
              <thead>
                <tr>
                  <th scope="col">{t("table.claim")}</th>
                  <th scope="col">{t("table.claimant")}</th>
                  <th scope="col">{t("table.rating")}</th>
                  <th scope="col">{t("table.links")}</th>
                </tr>
              </thead>
              <tbody>
                {graph.nodes.map((node) => {
                  const links = graph.edges.filter((edge) => edge.source === node.id || edge.target === node.id).length;
                  return (
                    <tr key={node.id}>
                      <td>
                        <Link href={`/workbench/claims/${node.id}`} lang={node.language !== "und" ? node.language : undefined}>
                          {node.statement}
                        </Link>
                        {node.context && <span className="meta"> {t("outside")}</span>}
                      </td>
                      <td>{node.claimant}</td>
                      <td>
                        <span className="cl-swatch" style={{ background: RATING_COLOURS[node.rating ?? "none"]?.fill, borderColor: RATING_COLOURS[node.rating ?? "none"]?.border }} aria-hidden="true" />{" "}
                        {labels.ratings[node.rating ?? "none"]}
                      </td>
                      <td>{links}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>

          <section aria-labelledby="graph-links">
            <h2 id="graph-links">
              {t("linksTitle")} <span className="meta">({graph.edges.length})</span>
            </h2>
            {graph.edges.length === 0 ? (
              <p className="meta">{t("noLinks")}</p>
            ) : (
              <table className="wb-table cl-table cl-links-table">
                <thead>
                  <tr>
                    <th scope="col">{t("table.claim")}</th>
                    <th scope="col">{t("table.link")}</th>
                    <th scope="col">{t("table.otherClaim")}</th>
                    <th scope="col">{t("table.rationale")}</th>
                  </tr>
                </thead>
                <tbody>
                  {graph.edges.map((edge) => {
                    const source = byId.get(edge.source);
                    const target = byId.get(edge.target);
                    if (!source || !target) return null;
                    return (
                      <tr key={edge.id}>
                        <td>
                          <Link href={`/workbench/claims/${source.id}`}>{source.claimant}</Link>
                          <div className="meta">{source.statement}</div>
                        </td>
                        <td>
                          <span className={`cl-relation-tag cl-relation-${edge.type}`}>{t(`relation.${edge.type}`)}</span>
                        </td>
                        <td>
                          <Link href={`/workbench/claims/${target.id}`}>{target.claimant}</Link>
                          <div className="meta">{target.statement}</div>
                        </td>
                        <td>
                          {edge.rationale}
                          {edge.warning && (
                            <p className="cl-inline-warning">
                              <span aria-hidden="true">⚠ </span>
                              {edge.warning}
                            </p>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
          </section>
        </>
      )}
    </>
  );
}

/** Each rating's name ("none": no verdict yet) and each kind of link, in the workbench's language. */
async function graphLabels(): Promise<GraphLabels> {
  const t = await getTranslations("workbenchGraph");
  const locale = await getLocale();
  const ratings = Object.fromEntries(
    Object.keys(RATING_COLOURS).map((key) => [key, key === "none" ? t("noVerdict") : ratingName(key as RatingInfo["rating"], locale)]),
  );
  return { ratings, edges: { supports: t("edge.supports"), contradicts: t("edge.contradicts"), same_claim: t("edge.same_claim") } };
}

async function Legend() {
  const t = await getTranslations("workbenchGraph.legend");
  const labels = await graphLabels();
  return (
    <div className="cl-legend" aria-label={t("label")} role="group">
      <div className="cl-legend-group">
        <span className="cl-legend-title">{t("rating")}</span>
        {Object.entries(RATING_COLOURS).map(([key, colours]) => (
          <span key={key} className="cl-legend-item">
            <span
              className={`cl-swatch${key === "none" ? " cl-swatch-none" : ""}`}
              style={{ background: colours.fill, borderColor: colours.border }}
              aria-hidden="true"
            />
            {labels.ratings[key]}
          </span>
        ))}
      </div>
      <div className="cl-legend-group">
        <span className="cl-legend-title">{t("links")}</span>
        <span className="cl-legend-item">
          <svg width="44" height="12" aria-hidden="true" focusable="false">
            <line x1="2" y1="6" x2="34" y2="6" stroke={EDGE_COLOURS.supports} strokeWidth="2.5" />
            <path d="M33 1 L42 6 L33 11 Z" fill={EDGE_COLOURS.supports} />
          </svg>
          {t("supports")}
        </span>
        <span className="cl-legend-item">
          <svg width="44" height="12" aria-hidden="true" focusable="false">
            <line x1="4" y1="6" x2="40" y2="6" stroke={EDGE_COLOURS.contradicts} strokeWidth="2.5" />
            <line x1="4" y1="1" x2="4" y2="11" stroke={EDGE_COLOURS.contradicts} strokeWidth="2.5" />
            <line x1="40" y1="1" x2="40" y2="11" stroke={EDGE_COLOURS.contradicts} strokeWidth="2.5" />
          </svg>
          {t("contradicts")}
        </span>
        <span className="cl-legend-item">
          <svg width="44" height="12" aria-hidden="true" focusable="false">
            <line x1="2" y1="6" x2="42" y2="6" stroke={EDGE_COLOURS.same_claim} strokeWidth="2.5" strokeDasharray="7 5" />
          </svg>
          {t("sameClaim")}
        </span>
        <span className="cl-legend-item">
          <span className="cl-legend-warning" aria-hidden="true" />
          {t("disagree")}
        </span>
      </div>
    </div>
  );
}
