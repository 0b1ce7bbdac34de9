import Link from "next/link";
import { useTranslations } from "next-intl";

/** Keyset pages of a list: back to the first page once past it, and on to the next while there is one. */
export function ListPager(props: { firstHref: string | null; nextHref: string | null; nextLabel: string }) {
  const t = useTranslations("workbenchShared");
  if (!props.firstHref && !props.nextHref) return null;
  return (
    <nav className="cl-pager" aria-label={t("pages")}>
      {props.firstHref && <Link href={props.firstHref}>{t("firstPage")}</Link>}
      {props.nextHref && (
        <Link className="button" href={props.nextHref} rel="next">
          {props.nextLabel}
        </Link>
      )}
    </nav>
  );
}
