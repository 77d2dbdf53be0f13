import { Link } from "@remix-run/react";
import { useFormat } from "~/components/idea/format";
import type { DeviationStatus } from "~/domain/vocabulary";
import { useMessages } from "~/utils/locale";
import { DeviationStatusBadge } from "./idea-deviations";

export interface DeviationListRowView {
  id: string;
  ideaId: string;
  ideaReference: string | null;
  ideaTitle: string;
  unitName: string;
  standard: string;
  status: DeviationStatus;
  requestedAt: Date | string;
  requestedByName: string;
  validUntil: string | null;
}

/** The city-wide list of deviation requests; each row links to the idea's avsteg page. */
export function DeviationTable({ rows }: { rows: DeviationListRowView[] }) {
  const t = useMessages().security;
  const fmt = useFormat();
  const c = t.list.columns;
  return (
    <div className="table-scroll" role="region" aria-labelledby="avsteg-tabell" tabIndex={0}>
      <table className="data-table">
        <caption id="avsteg-tabell" className="visually-hidden">{t.list.caption}</caption>
        <thead>
          <tr>
            {[c.standard, c.idea, c.unit, c.status, c.requested, c.validUntil].map((label) => <th key={label} scope="col">{label}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row" className="break">
                <Link to={`/ideas/${row.ideaId}/avsteg#avsteg-${row.id}`}>{row.standard}</Link>
              </th>
              <td className="break">
                <span className="nowrap">{row.ideaReference}</span>
                <span className="cell-context">{row.ideaTitle}</span>
              </td>
              <td>{row.unitName}</td>
              <td><DeviationStatusBadge status={row.status} /></td>
              <td className="nowrap">
                <time dateTime={fmt.iso(row.requestedAt)}>{fmt.date(row.requestedAt)}</time>
                <span className="cell-context">{row.requestedByName}</span>
              </td>
              <td className="nowrap">{row.validUntil ? fmt.date(row.validUntil) : t.deviations.untilFurtherNotice}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
