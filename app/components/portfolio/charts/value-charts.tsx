import { Link } from "@remix-run/react";
import {
  CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis,
} from "recharts";
import { CHART_COLOURS } from "~/components/charts/business-case-charts";
import { ChartFigure } from "~/components/charts/chart-figure";
import { useChartFormat } from "~/components/charts/format";
import type { BubblePoint, CumulativeRow, NotPlottedReason } from "~/domain/portfolio-charts";
import { useMessages } from "~/utils/locale";

// The portfolio's value/effort bubbles and its cumulative costs and savings, planned against actual.

const common = { isAnimationActive: false } as const;
const axisTick = { fill: CHART_COLOURS.axis, fontSize: 13 };
export const BUBBLE_HEIGHT = 420;
export const CUMULATIVE_HEIGHT = 360;
const MIN_R = 6;
const MAX_R = 30;

/** Self-financing = diamond, otherwise circle; a negative NPV is hollow. Shape carries the meaning, not colour. */
function Marker({ cx, cy, r, selfFinancing, negative }: { cx: number; cy: number; r: number; selfFinancing: boolean; negative: boolean }) {
  const colour = selfFinancing ? CHART_COLOURS.saving : CHART_COLOURS.line;
  const paint = negative
    ? { fill: "#ffffff", fillOpacity: 0.6, stroke: colour, strokeWidth: 2.5 }
    : { fill: colour, fillOpacity: 0.55, stroke: colour, strokeWidth: 1.5 };
  if (selfFinancing) {
    const d = r * 1.25;
    return <path d={`M${cx},${cy - d} L${cx + d},${cy} L${cx},${cy + d} L${cx - d},${cy} Z`} {...paint} />;
  }
  return <circle cx={cx} cy={cy} r={r} {...paint} />;
}

function LegendItem({ selfFinancing, negative, label }: { selfFinancing: boolean; negative: boolean; label: string }) {
  return (
    <li>
      <svg width="22" height="22" viewBox="0 0 22 22" aria-hidden="true" focusable="false">
        <Marker cx={11} cy={11} r={7} selfFinancing={selfFinancing} negative={negative} />
      </svg>
      {label}
    </li>
  );
}

export function BubbleChart({ points, notPlotted, total }: {
  points: BubblePoint[]; notPlotted: { id: string; reference: string; title: string; reason: NotPlottedReason }[]; total: number;
}) {
  const t = useMessages().portfolioCharts.bubbles;
  const money = useChartFormat();
  const maxSize = Math.max(1, ...points.map((p) => p.size));
  const data = points.map((p) => ({ ...p, r: MIN_R + (MAX_R - MIN_R) * Math.sqrt(p.size / maxSize) }));
  const self = points.filter((p) => p.selfFinancing).length;
  const negative = points.filter((p) => p.negative).length;
  const chartHeight = BUBBLE_HEIGHT - 44;
  const notPlottedList = notPlotted.length > 0 && (
    <div className="pc-not-plotted">
      <h4>{t.notPlottedHeading}</h4>
      <ul>
        {notPlotted.map((n) => (
          <li key={n.id}><Link to={`/ideas/${n.id}`}>{n.reference} {n.title}</Link> – {t.notPlottedReason[n.reason]}</li>
        ))}
      </ul>
    </div>
  );
  if (points.length === 0) {
    return (
      <figure className="chart">
        <figcaption className="chart__caption"><h3 className="chart__title">{t.heading}</h3></figcaption>
        <p className="chart__summary">{t.none}</p>
        {notPlottedList}
      </figure>
    );
  }
  return (
    <div className="pc-bubbles">
      <ChartFigure
        title={t.heading}
        summary={t.summary(points.length, total, self, negative)}
        height={BUBBLE_HEIGHT}
        chart={(
          <>
            <ul className="pc-legend">
              <LegendItem selfFinancing negative={false} label={t.legendSelf} />
              <LegendItem selfFinancing={false} negative={false} label={t.legendNotSelf} />
              <LegendItem selfFinancing={false} negative label={t.legendNegative} />
            </ul>
            <ResponsiveContainer width="100%" height={chartHeight}>
              <ScatterChart accessibilityLayer={false} margin={{ top: 16, right: 40, bottom: 24, left: 8 }}>
                <CartesianGrid stroke={CHART_COLOURS.grid} />
                <XAxis type="number" dataKey="score" name={t.xAxis} domain={[0, 5]} tick={axisTick} stroke={CHART_COLOURS.axis}
                  label={{ value: t.xAxis, position: "insideBottom", offset: -16, fill: CHART_COLOURS.axis }} />
                <YAxis type="number" dataKey="cost" name={t.yAxis} tickFormatter={money.compactKronor} tick={axisTick} stroke={CHART_COLOURS.axis} width={100} />
                <Tooltip
                  cursor={false}
                  content={({ payload }) => {
                    const p = payload?.[0]?.payload as (BubblePoint & { r: number }) | undefined;
                    if (!p) return null;
                    return (
                      <div className="pc-tooltip">
                        <strong>{p.reference} {p.title}</strong>
                        <div>{t.score}: {money.number(p.score)}</div>
                        <div>{t.cost}: {money.kronor(p.cost)}</div>
                        <div>{t.npv}: {money.kronor(p.npv)}</div>
                        <div>{t.selfFinancing}: {p.selfFinancing ? t.yes : t.no}</div>
                      </div>
                    );
                  }}
                />
                <Scatter
                  {...common} data={data} name={t.heading}
                  shape={(props: { cx?: number; cy?: number; payload?: unknown }) => {
                    const p = props.payload as BubblePoint & { r: number };
                    return <Marker cx={props.cx ?? 0} cy={props.cy ?? 0} r={p.r} selfFinancing={p.selfFinancing} negative={p.negative} />;
                  }}
                />
              </ScatterChart>
            </ResponsiveContainer>
          </>
        )}
        table={(captionId) => (
          <table className="data-table chart-table">
            <caption id={captionId}>{t.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.idea}</th>
                <th scope="col" className="numeric">{t.score}</th>
                <th scope="col" className="numeric">{t.cost}</th>
                <th scope="col" className="numeric">{t.npv}</th>
                <th scope="col">{t.selfFinancing}</th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{p.reference} {p.title}</th>
                  <td className="numeric">{money.number(p.score)}</td>
                  <td className="numeric">{money.kronor(p.cost)}</td>
                  <td className="numeric">{money.kronor(p.npv)}</td>
                  <td>{p.selfFinancing ? t.yes : t.no}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      />
      {notPlottedList}
    </div>
  );
}

export function CumulativeChart({ rows, ideas, ideasWithActuals }: { rows: CumulativeRow[]; ideas: number; ideasWithActuals: number }) {
  const t = useMessages().portfolioCharts.cumulative;
  const money = useChartFormat();
  if (rows.length === 0) {
    return (
      <figure className="chart">
        <figcaption className="chart__caption"><h3 className="chart__title">{t.heading}</h3></figcaption>
        <p className="chart__summary">{t.none}</p>
      </figure>
    );
  }
  const last = rows[rows.length - 1]!;
  const lastActual = [...rows].reverse().find((r) => r.realisedCosts !== null);
  const summary = t.summary(ideas, rows[0]!.year, last.year, money.kronor(last.plannedCosts), money.kronor(last.plannedSavings)) + (lastActual
    ? t.summaryActuals(ideasWithActuals, lastActual.year, money.kronor(lastActual.plannedCosts), money.kronor(lastActual.realisedCosts!),
      money.kronor(lastActual.plannedSavings), money.kronor(lastActual.realisedSavings!))
    : t.summaryNoActuals);
  const kr = (value: number | null) => (value === null ? t.noActual : money.kronor(value));
  return (
    <ChartFigure
      title={t.heading}
      summary={summary}
      height={CUMULATIVE_HEIGHT}
      chart={(
        <ResponsiveContainer width="100%" height={CUMULATIVE_HEIGHT}>
          <LineChart data={rows} accessibilityLayer={false} margin={{ top: 16, right: 24, bottom: 8, left: 8 }}>
            <CartesianGrid vertical={false} stroke={CHART_COLOURS.grid} />
            <XAxis dataKey="year" tick={axisTick} stroke={CHART_COLOURS.axis} />
            <YAxis tickFormatter={money.compactKronor} tick={axisTick} stroke={CHART_COLOURS.axis} width={100} />
            <Tooltip formatter={(value, name) => [money.kronor(Number(value)), String(name)]} />
            <Legend itemSorter={null} wrapperStyle={{ color: "#1c1f24", fontSize: 14 }} />
            <Line {...common} dataKey="plannedCosts" name={t.plannedCosts} stroke={CHART_COLOURS.oneOffCost} strokeWidth={2.5}
              dot={{ r: 4, fill: CHART_COLOURS.oneOffCost }} />
            <Line {...common} dataKey="plannedSavings" name={t.plannedSavings} stroke={CHART_COLOURS.saving} strokeWidth={2.5}
              dot={{ r: 4, fill: CHART_COLOURS.saving }} />
            <Line {...common} dataKey="realisedCosts" name={t.realisedCosts} stroke={CHART_COLOURS.oneOffCost} strokeWidth={2.5}
              strokeDasharray="8 4" dot={{ r: 5, fill: "#ffffff", stroke: CHART_COLOURS.oneOffCost, strokeWidth: 2 }} connectNulls={false} />
            <Line {...common} dataKey="realisedSavings" name={t.realisedSavings} stroke={CHART_COLOURS.saving} strokeWidth={2.5}
              strokeDasharray="8 4" dot={{ r: 5, fill: "#ffffff", stroke: CHART_COLOURS.saving, strokeWidth: 2 }} connectNulls={false} />
          </LineChart>
        </ResponsiveContainer>
      )}
      table={(captionId) => (
        <table className="data-table chart-table">
          <caption id={captionId}>{t.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.year}</th>
              <th scope="col" className="numeric">{t.plannedCosts}</th>
              <th scope="col" className="numeric">{t.realisedCosts}</th>
              <th scope="col" className="numeric">{t.plannedSavings}</th>
              <th scope="col" className="numeric">{t.realisedSavings}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.year}>
                <th scope="row">{r.year}</th>
                <td className="numeric">{kr(r.plannedCosts)}</td>
                <td className="numeric">{kr(r.realisedCosts)}</td>
                <td className="numeric">{kr(r.plannedSavings)}</td>
                <td className="numeric">{kr(r.realisedSavings)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    />
  );
}
