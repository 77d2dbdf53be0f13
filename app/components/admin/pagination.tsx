import { Link } from "@remix-run/react";
import { useMessages } from "~/utils/locale";

/** Page numbers to show: the first, the last and two either side of the current one, gaps as null. */
export function pageWindow(current: number, count: number): (number | null)[] {
  const pages = new Set([1, count, current - 2, current - 1, current, current + 1, current + 2]);
  const sorted = [...pages].filter((p) => p >= 1 && p <= count).sort((a, b) => a - b);
  const result: (number | null)[] = [];
  sorted.forEach((page, i) => {
    if (i > 0 && page - sorted[i - 1]! > 1) result.push(null);
    result.push(page);
  });
  return result;
}

/** Numbered pages plus previous/next, as links that keep the rest of the query (`param` = page). */
export function Pagination(props: { page: number; pageCount: number; search: URLSearchParams; param?: string }) {
  const t = useMessages().admin.pagination;
  const param = props.param ?? "sida";
  if (props.pageCount <= 1) return null;
  const href = (page: number) => {
    const search = new URLSearchParams(props.search);
    search.delete("meddelande");
    if (page === 1) search.delete(param);
    else search.set(param, String(page));
    const query = search.toString();
    return query ? `?${query}` : "?";
  };
  return (
    <nav aria-label={t.label} className="pagination">
      <ul>
        {props.page > 1 && (
          <li><Link to={href(props.page - 1)} rel="prev">{t.previous}</Link></li>
        )}
        {pageWindow(props.page, props.pageCount).map((page, i) =>
          page === null ? (
            <li key={`gap-${i}`} aria-hidden="true" className="pagination__gap">…</li>
          ) : (
            <li key={page}>
              <Link to={href(page)} aria-current={page === props.page ? "page" : undefined} aria-label={t.page(page)}>
                {page}
              </Link>
            </li>
          ))}
        {props.page < props.pageCount && (
          <li><Link to={href(props.page + 1)} rel="next">{t.next}</Link></li>
        )}
      </ul>
    </nav>
  );
}

/** The query string without the page number (and any `alsoDrop` parameters): "back to the first page". */
export function withoutPage(search: URLSearchParams, ...alsoDrop: string[]): string {
  const copy = new URLSearchParams(search);
  for (const name of ["sida", ...alsoDrop]) copy.delete(name);
  return copy.toString();
}
