import { useFormat } from "~/components/idea/format";
import type { IdeaAssessmentResult } from "~/domain/assessment-score";
import { useMessages } from "~/utils/locale";
import { useCriterionName, useScore } from "./shared";

export interface ResultCriterion {
  id: string;
  name: string;
  nameEn: string | null;
  weight: number;
}

export interface CompletedAssessmentView {
  id: string;
  assessorId: string;
  assessorName: string;
  summary: string;
  completedAt: Date | string;
  scores: { criterionId: string; score: number; comment: string }[];
}

/**
 * The idea's result: the mean weighted score, how many assessed, the spread between them, and a table
 * of every assessor's score per (active) criterion with mean and spread; then each assessor's summary
 * and comments. Private notes are never part of this data.
 */
export function AssessmentResult(props: {
  criteria: ResultCriterion[];
  result: IdeaAssessmentResult;
  completed: CompletedAssessmentView[];
  userId: string;
}) {
  const messages = useMessages();
  const t = messages.assessment.result;
  const score = useScore();
  const fmt = useFormat();
  const nameOf = useCriterionName();
  const { result, completed, criteria } = props;
  if (result.assessorCount === 0) return <p>{t.none}</p>;
  const byCriterion = new Map(result.criteria.map((c) => [c.criterionId, c]));
  const weighted = new Map(result.perAssessor.map((a) => [a.assessorId, a.weightedScore]));
  const scoreOf = (assessment: CompletedAssessmentView, criterionId: string) =>
    assessment.scores.find((s) => s.criterionId === criterionId)?.score;
  const nameOfAssessor = (a: CompletedAssessmentView) => (a.assessorId === props.userId ? `${a.assessorName} ${messages.assessment.assessors.you}` : a.assessorName);
  const spread = result.spread!;
  return (
    <>
      <dl className="facts assessment-figures">
        <div><dt>{t.weightedScore}</dt><dd className="assessment-figures__score">{messages.assessment.outOf(result.weightedScore!)}</dd></div>
        <div><dt>{t.assessors}</dt><dd>{result.assessorCount}</dd></div>
        {result.assessorCount === 1 ? <div><dt>{t.spread}</dt><dd>{t.singleAssessor}</dd></div> : (
          <>
            <div><dt>{t.spread}</dt><dd>{t.spreadValue(score(spread.min), score(spread.max), score(spread.range))}</dd></div>
            <div><dt>{t.standardDeviation}</dt><dd>{score(spread.standardDeviation)}</dd></div>
          </>
        )}
      </dl>
      <div className="table-scroll" role="region" aria-labelledby="resultat-tabell" tabIndex={0}>
        <table className="data-table assessment-table">
          <caption id="resultat-tabell">{t.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.criterion}</th>
              <th scope="col" className="numeric">{t.weight}</th>
              {completed.map((a) => <th key={a.id} scope="col" className="numeric">{nameOfAssessor(a)}</th>)}
              <th scope="col" className="numeric">{t.mean}</th>
              <th scope="col" className="numeric">{t.criterionSpread}</th>
            </tr>
          </thead>
          <tbody>
            {criteria.map((c) => {
              const row = byCriterion.get(c.id);
              return (
                <tr key={c.id}>
                  <th scope="row">{nameOf(c)}</th>
                  <td className="numeric">{c.weight}</td>
                  {completed.map((a) => <td key={a.id} className="numeric">{scoreOf(a, c.id) ?? "–"}</td>)}
                  <td className="numeric">{score(row?.mean)}</td>
                  <td className="numeric">{row ? t.range(row.min, row.max) : "–"}</td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t.weightedRow}</th>
              <td />
              {completed.map((a) => <td key={a.id} className="numeric">{score(weighted.get(a.assessorId))}</td>)}
              <td className="numeric"><strong>{score(result.weightedScore)}</strong></td>
              <td className="numeric">{`${score(spread.min)}–${score(spread.max)}`}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="muted">{t.inactiveNote}</p>
      <h3>{t.summariesHeading}</h3>
      <ul className="plain-list assessment-summaries">
        {completed.map((a) => (
          <li key={a.id}>
            <h4>{nameOfAssessor(a)}</h4>
            <p className="muted"><time dateTime={fmt.iso(a.completedAt)}>{t.completedAt(fmt.dateTime(a.completedAt))}</time></p>
            <p className="idea-text">{a.summary || t.noSummary}</p>
            {a.scores.some((s) => s.comment) && <h5 className="assessment-comments__heading">{t.comments}</h5>}
            {a.scores.some((s) => s.comment) && (
              <dl className="assessment-comments">
                {criteria.flatMap((c) => {
                  const given = a.scores.find((s) => s.criterionId === c.id);
                  return given?.comment
                    ? [<div key={c.id}><dt>{nameOf(c)} ({t.scoreOf(given.score)})</dt><dd className="idea-text">{given.comment}</dd></div>]
                    : [];
                })}
              </dl>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
