import { Link } from "@remix-run/react";
import { useFormat } from "~/components/idea/format";
import type { LessonRow } from "~/models/pilots.server";
import { useMessages } from "~/utils/locale";

/** Lessons learned on /lardomar: each with its idea (reference, title, link), unit, verdict, date, lessons and summary. */
export function LessonList({ rows }: { rows: (LessonRow & { forvaltningName?: string | null })[] }) {
  const messages = useMessages();
  const t = messages.pilot.lessons;
  const fmt = useFormat();
  return (
    <ol className="plain-list lesson-list" aria-label={t.listLabel}>
      {rows.map((row) => {
        const headingId = `lardom-${row.evaluationId}`;
        return (
          <li key={row.evaluationId}>
            <article className="lesson" aria-labelledby={headingId}>
              <h2 id={headingId}>
                {row.reference && <span className="lesson__reference">{row.reference}</span>}
                <Link to={`/ideas/${row.ideaId}`}>{row.title}</Link>
              </h2>
              <dl className="facts">
                <div><dt>{t.itemUnit}</dt><dd>{row.forvaltningName ? t.unitIn(row.unitName, row.forvaltningName) : row.unitName}</dd></div>
                <div><dt>{t.itemVerdict}</dt><dd>{messages.pilot.verdicts[row.verdict]}</dd></div>
                <div><dt>{t.itemDate}</dt><dd><time dateTime={row.evaluatedAt}>{fmt.date(row.evaluatedAt)}</time></dd></div>
                <div>
                  <dt>{t.itemStage}</dt>
                  <dd>{messages.stages[row.stage].name}{row.outcome && ` – ${messages.vocabulary.outcomes[row.outcome]}`}</dd>
                </div>
              </dl>
              <h3>{t.itemLessons}</h3>
              <p className="pilot-text">{row.lessonsLearned}</p>
              <h3>{t.itemSummary}</h3>
              <p className="pilot-text">{row.summary}</p>
            </article>
          </li>
        );
      })}
    </ol>
  );
}
