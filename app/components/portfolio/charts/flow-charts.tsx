import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_COLOURS } from "~/components/charts/business-case-charts";
import { ChartFigure } from "~/components/charts/chart-figure";
import { useChartFormat } from "~/components/charts/format";
import type { FunnelStage, StageTime } from "~/domain/portfolio-charts";
import type { FocusArea } from "~/domain/vocabulary";
import { useMessages } from "~/utils/locale";

// The flow charts of /portfolio/diagram: ideas per stage, per förvaltning, per focus area, and time in
// stage. Horizontal bars, one per row, so long names stay readable; the height follows the number of
// rows, which the server knows (no layout shift).

const common = { isAnimationActive: false } as const;
const axisTick = { fill: CHART_COLOURS.axis, fontSize: 13 };
export const barsHeight = (rows: number) => Math.max(160, 60 + 40 * rows);

function EmptyFigure({ title, text }: { title: string; text: string }) {
  return (
    <figure className="chart">
      <figcaption className="chart__caption"><h3 className="chart__title">{title}</h3></figcaption>
      <p className="chart__summary">{text}</p>
    </figure>
  );
}

function CountBars(props: {
  title: string; summary: string; caption: string; labelHeader: string; countHeader: string;
  rows: { key: string; label: string; count: number }[]; labelWidth: number;
}) {
  const fmt = useChartFormat();
  const height = barsHeight(props.rows.length);
  return (
    <ChartFigure
      title={props.title}
      summary={props.summary}
      height={height}
      chart={(
        <ResponsiveContainer width="100%" height={height}>
          <BarChart data={props.rows} layout="vertical" accessibilityLayer={false} margin={{ top: 8, right: 32, bottom: 8, left: 8 }}>
            <CartesianGrid horizontal={false} stroke={CHART_COLOURS.grid} />
            <XAxis type="number" allowDecimals={false} tick={axisTick} stroke={CHART_COLOURS.axis} />
            <YAxis type="category" dataKey="label" width={props.labelWidth} tick={axisTick} stroke={CHART_COLOURS.axis} />
            <Tooltip formatter={(value) => [fmt.number(Number(value)), props.countHeader]} />
            <Bar {...common} dataKey="count" name={props.countHeader} fill={CHART_COLOURS.line}
              label={{ position: "right", fill: "#1c1f24", fontSize: 13 }} />
          </BarChart>
        </ResponsiveContainer>
      )}
      table={(captionId) => (
        <table className="data-table chart-table">
          <caption id={captionId}>{props.caption}</caption>
          <thead>
            <tr><th scope="col">{props.labelHeader}</th><th scope="col" className="numeric">{props.countHeader}</th></tr>
          </thead>
          <tbody>
            {props.rows.map((row) => (
              <tr key={row.key}><th scope="row">{row.label}</th><td className="numeric">{fmt.number(row.count)}</td></tr>
            ))}
          </tbody>
        </table>
      )}
    />
  );
}

export function FunnelChart({ rows }: { rows: { stage: FunnelStage; count: number }[] }) {
  const messages = useMessages();
  const t = messages.portfolioCharts.funnel;
  const label = (stage: FunnelStage) => (stage === "inford" ? t.inford : messages.stages[stage].name);
  const total = rows.reduce((s, r) => s + r.count, 0);
  const largest = rows.reduce((a, b) => (b.count > a.count ? b : a), rows[0]!);
  const inford = rows.find((r) => r.stage === "inford")?.count ?? 0;
  return (
    <CountBars
      title={t.heading} summary={t.summary(total, label(largest.stage).toLowerCase(), largest.count, inford)} caption={t.caption}
      labelHeader={t.stage} countHeader={t.count} labelWidth={160}
      rows={rows.map((r) => ({ key: r.stage, label: label(r.stage), count: r.count }))}
    />
  );
}

export function UnitsChart({ rows, restGroups }: { rows: { id: string | null; name: string; count: number }[]; restGroups: number }) {
  const t = useMessages().portfolioCharts.byUnit;
  if (rows.length === 0) return <EmptyFigure title={t.heading} text={t.none} />;
  const total = rows.reduce((s, r) => s + r.count, 0);
  const named = rows.filter((r) => r.id !== null).length;
  const summary = t.summary(rows[0]!.name, rows[0]!.count, total, named + restGroups) + (restGroups > 0 ? t.summaryRest(named, restGroups) : "");
  return (
    <CountBars
      title={t.heading} summary={summary} caption={t.caption} labelHeader={t.unit} countHeader={t.count} labelWidth={240}
      rows={rows.map((r) => ({ key: r.id ?? "ovriga", label: r.id === null ? t.rest : r.name, count: r.count }))}
    />
  );
}

export function FocusChart({ rows, ideas, withoutArea }: { rows: { area: FocusArea; count: number }[]; ideas: number; withoutArea: number }) {
  const messages = useMessages();
  const t = messages.portfolioCharts.byFocus;
  if (ideas === 0) return <EmptyFigure title={t.heading} text={t.none} />;
  const top = rows.reduce((a, b) => (b.count > a.count ? b : a), rows[0]!);
  return (
    <CountBars
      title={t.heading} summary={t.summary(messages.vocabulary.focusAreas[top.area], top.count, ideas, withoutArea)} caption={t.caption}
      labelHeader={t.area} countHeader={t.count} labelWidth={260}
      rows={rows.map((r) => ({ key: r.area, label: messages.vocabulary.focusAreas[r.area], count: r.count }))}
    />
  );
}

export function StageTimeChart({ rows }: { rows: StageTime[] }) {
  const messages = useMessages();
  const t = messages.portfolioCharts.stageTimes;
  const fmt = useChartFormat();
  const measured = rows.filter((r) => r.medianDays !== null);
  if (measured.length === 0) return <EmptyFigure title={t.heading} text={t.none} />;
  const longest = measured.reduce((a, b) => (b.medianDays! > a.medianDays! ? b : a));
  const data = rows.map((r) => ({ ...r, label: messages.stages[r.stage].name }));
  const height = barsHeight(rows.length * 2);
  const days = (value: number | null) => (value === null ? "–" : fmt.number(value));
  return (
    <ChartFigure
      title={t.heading}
      summary={t.summary(messages.stages[longest.stage].name.toLowerCase(), fmt.number(longest.medianDays!), longest.stays)}
      height={height}
      chart={(
        <ResponsiveContainer width="100%" height={height}>
          <BarChart data={data} layout="vertical" accessibilityLayer={false} margin={{ top: 8, right: 40, bottom: 8, left: 8 }} barGap={2}>
            <defs>
              <pattern id="pc-hatch-p90" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                <rect width="8" height="8" fill="#ffffff" />
                <rect width="4" height="8" fill={CHART_COLOURS.runningCost} />
              </pattern>
            </defs>
            <CartesianGrid horizontal={false} stroke={CHART_COLOURS.grid} />
            <XAxis type="number" tick={axisTick} stroke={CHART_COLOURS.axis} />
            <YAxis type="category" dataKey="label" width={140} tick={axisTick} stroke={CHART_COLOURS.axis} />
            <Tooltip formatter={(value, name) => [t.days(fmt.number(Number(value))), String(name)]} />
            <Legend itemSorter={null} wrapperStyle={{ color: "#1c1f24", fontSize: 14 }} />
            <Bar {...common} dataKey="medianDays" name={t.median} fill={CHART_COLOURS.line} />
            <Bar {...common} dataKey="p90Days" name={t.p90} fill="url(#pc-hatch-p90)" stroke={CHART_COLOURS.runningCost} />
          </BarChart>
        </ResponsiveContainer>
      )}
      table={(captionId) => (
        <table className="data-table chart-table">
          <caption id={captionId}>{t.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.stage}</th>
              <th scope="col" className="numeric">{t.stays}</th>
              <th scope="col" className="numeric">{t.median}</th>
              <th scope="col" className="numeric">{t.p90}</th>
            </tr>
          </thead>
          <tbody>
            {data.map((r) => (
              <tr key={r.stage}>
                <th scope="row">{r.label}</th>
                <td className="numeric">{fmt.number(r.stays)}</td>
                <td className="numeric">{days(r.medianDays)}</td>
                <td className="numeric">{days(r.p90Days)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    />
  );
}
