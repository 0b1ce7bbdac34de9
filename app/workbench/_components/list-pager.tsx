import Link from "next/link";

/** Keyset pages of a list: back to the first page once past it, and on to the next while there is one. */
export function ListPager(props: { firstHref: string | null; nextHref: string | null; nextLabel: string }) {
  if (!props.firstHref && !props.nextHref) return null;
  return (
    <nav className="cl-pager" aria-label="Pages">
      {props.firstHref && <Link href={props.firstHref}>First page</Link>}
      {props.nextHref && (
        <Link className="button" href={props.nextHref} rel="next">
          {props.nextLabel}
        </Link>
      )}
    </nav>
  );
}
