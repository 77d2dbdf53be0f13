import { Link } from "@remix-run/react";
import type { ProposalItemReason } from "../../../db/schema";
import type { Stage } from "~/domain/vocabulary";
import { useMessages } from "~/utils/locale";
import { usePortfolioFormat } from "./format";

export interface ResultItem {
  ideaId: string;
  reference: string;
  title: string;
  stage?: Stage;
  selected: boolean;
  value: number;
  reason: ProposalItemReason;
  blockingYears: number[];
  /** The figure a committed idea lacks: it counts with value 0 (only on a fresh run, not stored). */
  missing?: "no_score" | "no_business_case";
}

export interface ResultSummary {
  feasible: boolean;
  optimal: boolean;
  /** null when no gap could be proven (infeasible, or the solver stopped without a bound). */
  relativeGap: number | null;
  totalValue: number;
  costByYear: number[];
  bindingYears: number[];
}

/** A value in the objective's unit: kronor for NPVs, a figure for scores. */
export function useObjectiveValue(objective: string) {
  const f = usePortfolioFormat();
  return (value: number) => (objective === "npv" || objective === "financial_npv" ? f.kr(value) : f.figure(Math.round(value * 100) / 100));
}

/**
 * A non-optimal result's distance from the best possible, in words: unknown when the solver stopped
 * without a proven bound (null/Infinity), "less than 0.01 %" when it rounds to 0 – never "0 %".
 */
export function useGapText() {
  const messages = useMessages().portfolio;
  const f = usePortfolioFormat();
  return (gap: number | null, where: "result" | "proposals") => {
    const t = messages[where];
    if (gap === null || !Number.isFinite(gap)) return t.gapUnknown;
    const percent = Math.round(Math.max(gap, 0) * 10_000) / 100;
    return percent === 0 ? t.gapBelow(f.number(0.01)) : t.gap(f.percent(gap));
  };
}

/** The optimiser's answer: feasible or not, proven optimal or the gap, cost per year against budget, chosen and left out. */
export function SelectionResultView(props: {
  objective: string; firstYear: number; budgets: number[]; result: ResultSummary; items: ResultItem[]; overBudgetYears: number[];
  headingLevel?: 2 | 3;
}) {
  const messages = useMessages();
  const t = messages.portfolio.result;
  const f = usePortfolioFormat();
  const valueOf = useObjectiveValue(props.objective);
  const { result } = props;
  const yearOf = (index: number) => props.firstYear + index;
  const chosen = props.items.filter((item) => item.selected);
  const leftOut = props.items.filter((item) => !item.selected);
  const gapText = useGapText();
  const reasonText = (item: ResultItem) =>
    (item.reason === "over_budget" ? t.reasons.over_budget(f.years(item.blockingYears.map(yearOf))) : t.reasons[item.reason])
    + (item.missing ? ` – ${messages.portfolio.optimise.valueZero[item.missing]}` : "");
  const Heading = props.headingLevel === 3 ? "h3" : "h2";
  const itemTable = (items: ResultItem[], caption: string, id: string) => (
    <div className="table-scroll" role="region" aria-labelledby={id} tabIndex={0}>
      <table className="portfolio-result-table">
        <caption id={id}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.idea}</th>
            {items.some((i) => i.stage) && <th scope="col">{t.stage}</th>}
            <th scope="col" className="numeric">{t.value}</th>
            <th scope="col">{t.reason}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.ideaId}>
              <th scope="row"><Link to={`/ideas/${item.ideaId}`}><span className="portfolio-ref">{item.reference}</span> {item.title}</Link></th>
              {item.stage && <td>{messages.stages[item.stage].name}</td>}
              <td className="numeric">{valueOf(item.value)}</td>
              <td>{reasonText(item)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return (
    <section aria-labelledby="resultat-rubrik" className="portfolio-section portfolio-result">
      <Heading id="resultat-rubrik" tabIndex={-1}>{t.heading}</Heading>
      <div role="status">
        {!result.feasible ? (
          <p className="alert alert--error">
            {props.overBudgetYears.length > 0 ? t.infeasible(f.years(props.overBudgetYears.map(yearOf))) : t.infeasibleGeneric}
          </p>
        ) : result.optimal ? (
          <p className="alert alert--success">{t.optimal}</p>
        ) : (
          <p className="alert">{gapText(result.relativeGap, "result")}</p>
        )}
      </div>
      {result.feasible && (
        <dl className="facts">
          <div><dt>{t.totalValue}</dt><dd>{valueOf(result.totalValue)}</dd></div>
          <div><dt>{t.chosenCount}</dt><dd>{f.number(chosen.length)}</dd></div>
        </dl>
      )}
      <div className="table-scroll" role="region" aria-labelledby="kostnad-per-ar" tabIndex={0}>
        <table className="portfolio-result-table">
          <caption id="kostnad-per-ar">{t.costsCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.year}</th>
              <th scope="col" className="numeric">{t.budget}</th>
              <th scope="col" className="numeric">{t.cost}</th>
              <th scope="col" className="numeric">{t.left}</th>
              <th scope="col">{t.binds}</th>
            </tr>
          </thead>
          <tbody>
            {props.budgets.map((budget, i) => {
              const cost = result.costByYear[i] ?? 0;
              return (
                <tr key={i}>
                  <th scope="row">{yearOf(i)}</th>
                  <td className="numeric">{f.kr(budget)}</td>
                  <td className={`numeric${cost > budget ? " portfolio-over" : ""}`}>{f.kr(cost)}</td>
                  <td className="numeric">{f.kr(budget - cost)}</td>
                  <td>{result.bindingYears.includes(i) ? t.yes : t.no}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {result.feasible && (chosen.length > 0 ? itemTable(chosen, t.chosenCaption, "valda-ideer") : <p>{t.noneChosen}</p>)}
      {result.feasible && (leftOut.length > 0 ? itemTable(leftOut, t.leftOutCaption, "utelamnade-ideer") : <p>{t.noneLeftOut}</p>)}
    </section>
  );
}
