import { RATING_SCALE } from "@/lib/verdicts/rating-scale";

/** A plain GET form: works without JavaScript, and every search is a link a reader can share. */
export function ReaderSearchForm({ values = {} }: { values?: { q?: string; rating?: string; language?: string; claimant?: string } }) {
  return (
    <form action="/search" method="get" className="reader-search" role="search" aria-label="Search fact-checks">
      <div className="field">
        <label htmlFor="search-q">Search fact-checks</label>
        <input id="search-q" name="q" type="search" defaultValue={values.q} maxLength={200} />
      </div>
      <div className="field">
        <label htmlFor="search-rating">Rating</label>
        <select id="search-rating" name="rating" defaultValue={values.rating ?? ""}>
          <option value="">Any rating</option>
          {RATING_SCALE.map((entry) => (
            <option key={entry.rating} value={entry.rating}>
              {entry.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="search-language">Language</label>
        <select id="search-language" name="language" defaultValue={values.language ?? ""}>
          <option value="">Any language</option>
          <option value="en">English</option>
          <option value="fr">French</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="search-claimant">Claimant</label>
        <input id="search-claimant" name="claimant" defaultValue={values.claimant} maxLength={200} />
      </div>
      <button type="submit">Search</button>
    </form>
  );
}
