import { Link } from "@remix-run/react";
import type { AssessmentSummary } from "~/domain/assessment-score";
import { useMessages } from "~/utils/locale";
import { useScore } from "./shared";

export type { AssessmentSummary };

/**
 * The idea page's small assessment card: the weighted score, how many have assessed and the spread,
 * with a link to /ideas/<id>/bedomning. Data from `assessmentSummaryFor(db, ideaId)`
 * (app/models/assessments.server.ts); show it only to those allowed "idea.view_assessments".
 */
export function AssessmentSummaryCard({ summary, headingLevel = 2 }: { summary: AssessmentSummary; headingLevel?: 2 | 3 }) {
  const messages = useMessages();
  const t = messages.assessment.summaryCard;
  const score = useScore();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const headingId = `bedomning-sammanfattning-${summary.ideaId}`;
  return (
    <section className="panel assessment-summary" aria-labelledby={headingId}>
      <Heading id={headingId} className="panel__heading">{t.heading}</Heading>
      {summary.weightedScore === null ? (
        <p>{t.none}{summary.assignedCount > 0 && ` ${t.assigned(summary.assignedCount)}`}</p>
      ) : (
        <dl className="facts">
          <div><dt>{t.score}</dt><dd>{messages.assessment.outOf(summary.weightedScore)}</dd></div>
          <div><dt>{t.assessorsLabel}</dt><dd>{t.assessors(summary.assessorCount, summary.assignedCount)}</dd></div>
          {summary.spread && (
            <div>
              <dt>{t.spread}</dt>
              <dd>
                {summary.assessorCount === 1 ? messages.assessment.result.singleAssessor
                  : messages.assessment.result.spreadValue(score(summary.spread.min), score(summary.spread.max), score(summary.spread.range))}
              </dd>
            </div>
          )}
        </dl>
      )}
      <p><Link to={`/ideas/${summary.ideaId}/bedomning`}>{t.open}</Link></p>
    </section>
  );
}
