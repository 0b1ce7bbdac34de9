import { useTranslations } from "next-intl";

/** One labelled filter of a list page's GET form: "any" first, then the choices. */
export function FilterSelect(props: {
  id: string;
  name: string;
  label: string;
  anyLabel: string;
  value: string | undefined;
  options: readonly { value: string; label: string }[];
  className?: string;
}) {
  return (
    <div className="cl-field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} name={props.name} defaultValue={props.value ?? ""} className={props.className}>
        <option value="">{props.anyLabel}</option>
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The article filter: every article claims are quoted from, long titles shortened. */
export function ArticleFilterSelect(props: { id: string; value: string | undefined; articles: readonly { id: string; title: string }[] }) {
  const t = useTranslations("workbenchShared");
  return (
    <FilterSelect
      id={props.id}
      name="article"
      label={t("article")}
      anyLabel={t("anyArticle")}
      value={props.value}
      className="cl-select-article"
      options={props.articles.map((article) => ({ value: article.id, label: article.title.length > 70 ? `${article.title.slice(0, 69)}…` : article.title }))}
    />
  );
}
