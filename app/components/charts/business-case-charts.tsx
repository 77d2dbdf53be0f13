import {
  Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ReferenceDot, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis,
} from "recharts";
import type { BusinessCaseInput, BusinessCaseResult } from "~/domain/business-case";
import { costsSavingsSeries, cumulativeSeries, unitSeries } from "~/domain/business-case-charts";
import { useMessages } from "~/utils/locale";
import { ChartFigure } from "./chart-figure";
import { useChartFormat } from "./format";

/**
 * Chart colours, each at least 4.5:1 against white (WCAG 1.4.11 needs 3:1). Colour is never the only
 * carrier: every series is named in a text legend, running costs and valued time savings are hatched,
 * and the same numbers are in the tables.
 */
export const CHART_COLOURS = {
  line: "#0b4f8a",
  breakEven: "#1e6b3a",
  axis: "#4a5260",
  oneOffCost: "#a4161a",
  runningCost: "#9a4a00",
  saving: "#1e6b3a",
  timeSaving: "#0b4f8a",
  grid: "#c9cfd8",
};

export const CUMULATIVE_HEIGHT = 320;
export const COSTS_SAVINGS_HEIGHT = 340;
/** The unit chart grows with the number of units, but is known on the server. */
export const unitsChartHeight = (units: number) => Math.max(180, 90 + 52 * units);

const common = { isAnimationActive: false } as const;
const axisTick = { fill: CHART_COLOURS.axis, fontSize: 13 };

export interface BusinessCaseChartsProps {
  input: BusinessCaseInput;
  result: BusinessCaseResult;
  startYear: number;
  unitNames: Record<string, string>;
}

/** The business case's three charts: cumulative net with break-even, costs against savings per year, and per unit. */
export function BusinessCaseCharts(props: BusinessCaseChartsProps) {
  return (
    <div className="charts">
      <CumulativeChart result={props.result} startYear={props.startYear} />
      <CostsSavingsChart input={props.input} startYear={props.startYear} />
      <UnitsChart result={props.result} unitNames={props.unitNames} />
    </div>
  );
}

function Hatch({ id, colour }: { id: string; colour: string }) {
  return (
    <pattern id={id} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
      <rect width="8" height="8" fill="#ffffff" />
      <rect width="4" height="8" fill={colour} />
    </pattern>
  );
}

export function CumulativeChart({ result, startYear }: { result: BusinessCaseResult; startYear: number }) {
  const t = useMessages().charts;
  const c = t.cumulative;
  const money = useChartFormat();
  const series = cumulativeSeries(result, startYear);
  const H = series.horizonYears;
  const be = series.breakEven;
  const summary = be === null ? c.summaryNever(H)
    : be.months === 0 ? c.summaryAtOnce
    : c.summaryBreakEven(t.duration(be.wholeYears, be.remainderMonths), be.year);
  // Year labels sit mid-year; the line's points are the year ends, so year boundaries get a faint line.
  const midYears = series.rows.map((r) => r.year + 0.5);
  const boundaries = Array.from({ length: H + 1 }, (_, i) => startYear + i);
  const labelRight = be !== null && be.x - startYear > H / 2;
  return (
    <ChartFigure
      className="chart--cumulative"
      title={c.heading}
      summary={summary}
      height={CUMULATIVE_HEIGHT}
      chart={(
        <ResponsiveContainer width="100%" height={CUMULATIVE_HEIGHT}>
          <LineChart data={series.points} accessibilityLayer={false} margin={{ top: 28, right: 24, bottom: 8, left: 8 }}>
            <CartesianGrid vertical={false} stroke={CHART_COLOURS.grid} />
            {boundaries.map((x) => <ReferenceLine key={x} x={x} stroke={CHART_COLOURS.grid} strokeDasharray="2 4" />)}
            <XAxis
              dataKey="x" type="number" domain={[startYear, startYear + H]} ticks={midYears} allowDecimals
              tickFormatter={(x: number) => String(Math.floor(x))} tick={axisTick} stroke={CHART_COLOURS.axis}
            />
            <YAxis tickFormatter={money.compactKronor} tick={axisTick} stroke={CHART_COLOURS.axis} width={100} />
            <ReferenceLine y={0} stroke={CHART_COLOURS.axis} strokeWidth={1.5} />
            <Tooltip
              formatter={(value) => [money.kronor(Number(value)), c.line]}
              labelFormatter={(x) => (Number(x) === startYear ? c.tooltipStart : c.tooltipEndOf(Number(x) - 1))}
            />
            <Line
              {...common} type="linear" dataKey="cumulative" name={c.line} stroke={CHART_COLOURS.line} strokeWidth={3}
              dot={{ r: 4, fill: CHART_COLOURS.line }}
            />
            {be && (
              <ReferenceLine
                x={be.x} stroke={CHART_COLOURS.breakEven} strokeWidth={2} strokeDasharray="6 4"
                label={{ value: c.breakEvenLabel(be.year), position: labelRight ? "insideTopRight" : "insideTopLeft", fill: CHART_COLOURS.breakEven, fontWeight: 600, fontSize: 14 }}
              />
            )}
            {be && <ReferenceDot x={be.x} y={0} r={7} fill={CHART_COLOURS.breakEven} stroke="#ffffff" strokeWidth={2} />}
          </LineChart>
        </ResponsiveContainer>
      )}
      table={(captionId) => (
        <table className="data-table chart-table">
          <caption id={captionId}>{c.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.year}</th>
              <th scope="col" className="numeric">{c.net}</th>
              <th scope="col" className="numeric">{c.cumulative}</th>
            </tr>
          </thead>
          <tbody>
            {series.rows.map((row) => (
              <tr key={row.t}>
                <th scope="row">{row.year}{be && be.months > 0 && be.year === row.year ? ` – ${c.breakEvenRow}` : ""}</th>
                <td className="numeric">{money.kronor(row.net)}</td>
                <td className="numeric">{money.kronor(row.cumulative)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    />
  );
}

export function CostsSavingsChart({ input, startYear }: { input: BusinessCaseInput; startYear: number }) {
  const t = useMessages().charts;
  const c = t.costsSavings;
  const money = useChartFormat();
  const rows = costsSavingsSeries(input, startYear);
  const total = (key: "costs" | "savings") => rows.reduce((sum, r) => sum + r[key], 0);
  const names = { oneOffCost: c.oneOffCost, runningCost: c.runningCost, saving: c.saving, timeSaving: c.timeSaving };
  return (
    <ChartFigure
      className="chart--costs-savings"
      title={c.heading}
      summary={c.summary(money.kronor(total("costs")), money.kronor(total("savings")), input.horizonYears)}
      height={COSTS_SAVINGS_HEIGHT}
      chart={(
        <ResponsiveContainer width="100%" height={COSTS_SAVINGS_HEIGHT}>
          <BarChart data={rows} accessibilityLayer={false} margin={{ top: 8, right: 24, bottom: 8, left: 8 }} barGap={4}>
            <defs>
              <Hatch id="chart-hatch-running" colour={CHART_COLOURS.runningCost} />
              <Hatch id="chart-hatch-time" colour={CHART_COLOURS.timeSaving} />
            </defs>
            <CartesianGrid vertical={false} stroke={CHART_COLOURS.grid} />
            <XAxis dataKey="year" tick={axisTick} stroke={CHART_COLOURS.axis} />
            <YAxis tickFormatter={money.compactKronor} tick={axisTick} stroke={CHART_COLOURS.axis} width={100} />
            <Tooltip formatter={(value, name) => [money.kronor(Number(value)), String(name)]} />
            <Legend itemSorter={null} wrapperStyle={{ color: "#1c1f24", fontSize: 14 }} />
            <Bar {...common} dataKey="oneOffCost" name={names.oneOffCost} stackId="costs" fill={CHART_COLOURS.oneOffCost} stroke="#ffffff" />
            <Bar {...common} dataKey="runningCost" name={names.runningCost} stackId="costs" fill="url(#chart-hatch-running)" stroke={CHART_COLOURS.runningCost} />
            <Bar {...common} dataKey="saving" name={names.saving} stackId="savings" fill={CHART_COLOURS.saving} stroke="#ffffff" />
            <Bar {...common} dataKey="timeSaving" name={names.timeSaving} stackId="savings" fill="url(#chart-hatch-time)" stroke={CHART_COLOURS.timeSaving} />
          </BarChart>
        </ResponsiveContainer>
      )}
      table={(captionId) => (
        <table className="data-table chart-table">
          <caption id={captionId}>{c.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.year}</th>
              <th scope="col" className="numeric">{c.oneOffCost}</th>
              <th scope="col" className="numeric">{c.runningCost}</th>
              <th scope="col" className="numeric">{c.costs}</th>
              <th scope="col" className="numeric">{c.saving}</th>
              <th scope="col" className="numeric">{c.timeSaving}</th>
              <th scope="col" className="numeric">{c.savings}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.t}>
                <th scope="row">{row.year}</th>
                <td className="numeric">{money.kronor(row.oneOffCost)}</td>
                <td className="numeric">{money.kronor(row.runningCost)}</td>
                <td className="numeric">{money.kronor(row.costs)}</td>
                <td className="numeric">{money.kronor(row.saving)}</td>
                <td className="numeric">
                  {money.kronor(row.timeSaving)}
                  {row.timeSavingHours > 0 && <span className="chart-table__hours"> {c.hours(money.number(row.timeSavingHours))}</span>}
                </td>
                <td className="numeric">{money.kronor(row.savings)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    />
  );
}

export function UnitsChart({ result, unitNames }: { result: BusinessCaseResult; unitNames: Record<string, string> }) {
  const t = useMessages().charts;
  const c = t.units;
  const money = useChartFormat();
  const rows = unitSeries(result, unitNames);
  if (rows.length === 0) {
    return (
      <figure className="chart chart--units">
        <figcaption className="chart__caption"><h3 className="chart__title">{c.heading}</h3></figcaption>
        <p className="chart__summary">{c.none}</p>
      </figure>
    );
  }
  const top = rows[0]!;
  const bottom = rows[rows.length - 1]!;
  const summary = top.net > 0 && bottom.net < 0 ? c.summaryBoth(top.name, money.kronor(top.net), bottom.name, money.kronor(-bottom.net))
    : top.net > 0 ? c.summaryGainOnly(top.name, money.kronor(top.net))
    : bottom.net < 0 ? c.summaryCostOnly(bottom.name, money.kronor(-bottom.net))
    : c.summaryEven;
  const height = unitsChartHeight(rows.length);
  return (
    <ChartFigure
      className="chart--units"
      title={c.heading}
      summary={summary}
      height={height}
      chart={(
        <ResponsiveContainer width="100%" height={height}>
          <BarChart data={rows} layout="vertical" accessibilityLayer={false} margin={{ top: 8, right: 40, bottom: 8, left: 8 }} barGap={2}>
            <defs>
              <Hatch id="chart-hatch-unit-costs" colour={CHART_COLOURS.oneOffCost} />
            </defs>
            <CartesianGrid horizontal={false} stroke={CHART_COLOURS.grid} />
            <XAxis type="number" tickFormatter={money.compactKronor} tick={axisTick} stroke={CHART_COLOURS.axis} />
            <YAxis type="category" dataKey="name" width={180} tick={axisTick} stroke={CHART_COLOURS.axis} />
            <Tooltip formatter={(value, name) => [money.kronor(Number(value)), String(name)]} />
            <Legend itemSorter={null} wrapperStyle={{ color: "#1c1f24", fontSize: 14 }} />
            <Bar {...common} dataKey="costs" name={c.costs} fill="url(#chart-hatch-unit-costs)" stroke={CHART_COLOURS.oneOffCost} />
            <Bar {...common} dataKey="savings" name={c.savings} fill={CHART_COLOURS.saving} />
          </BarChart>
        </ResponsiveContainer>
      )}
      table={(captionId) => (
        <table className="data-table chart-table">
          <caption id={captionId}>{c.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{c.unit}</th>
              <th scope="col" className="numeric">{c.costs}</th>
              <th scope="col" className="numeric">{c.savings}</th>
              <th scope="col" className="numeric">{c.net}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.unitId}>
                <th scope="row">{row.name}</th>
                <td className="numeric">{money.kronor(row.costs)}</td>
                <td className="numeric">{money.kronor(row.savings)}</td>
                <td className="numeric">{money.kronor(row.net)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    />
  );
}
