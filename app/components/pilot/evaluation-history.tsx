import { useFormat } from "~/components/idea/format";
import { progressTowardTarget, reachesTarget, summariseEvaluation } from "~/domain/pilot";
import type { PilotEvaluationView } from "~/models/pilots.server";
import { useMessages } from "~/utils/locale";

/**
 * Every evaluation of the pilot, newest first (the first one counts): verdict, who and when, summary,
 * lessons learned and a table of each indicator's outcome against its baseline and target. Whether a
 * target was reached is said in words, never by colour alone.
 */
export function EvaluationHistory({ evaluations }: { evaluations: PilotEvaluationView[] }) {
  const t = useMessages().pilot;
  const h = t.history;
  const fmt = useFormat();
  if (evaluations.length === 0) return <p className="empty-state">{h.none}</p>;
  const value = (n: number | null, unit: string) => (n === null ? h.notMeasured : `${fmt.number(n)}${unit ? ` ${unit}` : ""}`);
  return (
    <ol className="plain-list pilot-evaluations">
      {evaluations.map((evaluation, index) => {
        const summary = summariseEvaluation(evaluation.outcomes);
        const date = fmt.date(evaluation.evaluatedAt);
        const captionId = `utvardering-${evaluation.id}`;
        return (
          <li key={evaluation.id} className={`pilot-evaluation pilot-evaluation--${evaluation.verdict}`}>
            <h3 className="h3 pilot-evaluation__heading">
              {h.itemHeading(t.verdicts[evaluation.verdict], date)}
              {index === 0 && <>{" "}<span className="badge pilot-badge">{h.latest}</span></>}
            </h3>
            <p className="muted">
              <time dateTime={fmt.iso(evaluation.evaluatedAt)}>{h.evaluated(fmt.dateTime(evaluation.evaluatedAt), evaluation.evaluatorName)}</time>
            </p>
            <h4>{h.summary}</h4>
            <p className="pilot-text">{evaluation.summary}</p>
            <h4>{h.lessons}</h4>
            <p className="pilot-text">{evaluation.lessonsLearned}</p>
            {summary.indicators > 0 && (
              <>
                <p><strong>{h.reachedCount(summary.reached, summary.indicators)}</strong></p>
                <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
                  <table className="data-table">
                    <caption id={captionId}>{h.caption(date)}</caption>
                    <thead>
                      <tr>
                        {(["name", "baseline", "target", "outcome", "reached", "progress", "comment"] as const)
                          .map((c) => <th key={c} scope="col">{h.columns[c]}</th>)}
                      </tr>
                    </thead>
                    <tbody>
                      {evaluation.outcomes.map((o) => {
                        const progress = progressTowardTarget(o, o.outcome);
                        return (
                          <tr key={o.indicatorId}>
                            <th scope="row" className="break">{o.name}</th>
                            <td className="nowrap">{value(o.baseline, o.measureUnit)}</td>
                            <td className="nowrap">{value(o.target, o.measureUnit)}</td>
                            <td className="nowrap">{value(o.outcome, o.measureUnit)}</td>
                            <td>{o.outcome === null ? h.notMeasured : reachesTarget(o, o.outcome) ? h.reached : h.notReached}</td>
                            <td className="nowrap">{progress ? h.progress(fmt.number(Math.round(progress.clamped * 100))) : "–"}</td>
                            <td className="break">{o.comment || h.noComment}</td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
              </>
            )}
          </li>
        );
      })}
    </ol>
  );
}
