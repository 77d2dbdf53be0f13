import { type ReactNode, useId } from "react";
import { useMessages } from "~/utils/locale";

/**
 * One chart as a figure: a heading and a one-sentence summary in the caption, the drawing, and the same
 * numbers as a real table in a "Visa som tabell" expander. The drawing is hidden from assistive
 * technology and holds nothing focusable (recharts' accessibility layer is off): the summary and the
 * table are the accessible form, and they are in the server HTML. recharts draws only after hydration,
 * so the drawing's box has a fixed height from the start (no layout shift).
 */
export function ChartFigure(props: {
  title: string;
  summary: string;
  height: number;
  chart: ReactNode;
  table: (captionId: string) => ReactNode;
  className?: string;
}) {
  const t = useMessages().charts;
  const id = useId();
  const titleId = `${id}-rubrik`;
  const captionId = `${id}-tabell`;
  return (
    <figure className={`chart${props.className ? ` ${props.className}` : ""}`} aria-labelledby={titleId}>
      <figcaption className="chart__caption">
        <h3 className="chart__title" id={titleId}>{props.title}</h3>
        <p className="chart__summary">{props.summary}</p>
      </figcaption>
      <div className="chart__canvas" style={{ height: props.height }} aria-hidden="true" data-chart-height={props.height}>
        {props.chart}
      </div>
      <details className="chart__table">
        <summary>
          {t.showTable}<span className="visually-hidden">{t.showTableContext(props.title)}</span>
        </summary>
        <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
          {props.table(captionId)}
        </div>
      </details>
    </figure>
  );
}
