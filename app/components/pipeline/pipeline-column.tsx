import { Link } from "@remix-run/react";
import { PIPELINE_CLOSED_WINDOW_DAYS, type PipelineCard, type PipelineColumn } from "~/domain/pipeline";
import { useMessages } from "~/utils/locale";

/** One stage: a heading with its count, its cards as a list, and a link to the full list on /ideas. */
export function PipelineStageColumn({ column, showAllHref }: { column: PipelineColumn; showAllHref: string }) {
  const messages = useMessages();
  const t = messages.pipeline;
  const stageName = messages.stages[column.stage].name;
  const closed = column.stage === "avslutad";
  const headingId = `steg-${column.stage}`;
  const hidden = column.total > column.cards.length;
  return (
    <section className="pipeline-column" aria-labelledby={headingId}>
      <h2 id={headingId} className="pipeline-column__heading">
        {stageName}{" "}
        <span className="pipeline-column__count">
          {t.columnCount(column.count)}
        </span>
      </h2>
      {closed
        ? <p className="pipeline-column__note">{t.recentlyClosed(PIPELINE_CLOSED_WINDOW_DAYS)}</p>
        : column.count > column.cards.length && <p className="pipeline-column__note">{t.longestWaiting(column.cards.length, column.count)}</p>}
      {column.cards.length === 0
        ? <p className="pipeline-column__empty">{closed ? t.emptyClosed(PIPELINE_CLOSED_WINDOW_DAYS) : t.emptyColumn}</p>
        : (
          <ul className="pipeline-cards">
            {column.cards.map((card) => <PipelineCardItem key={card.id} card={card} closed={closed} />)}
          </ul>
        )}
      {hidden && (
        <p className="pipeline-column__more">
          {closed
            ? <Link to={showAllHref}>{t.showAllClosed(column.total)}</Link>
            : <Link to={showAllHref} aria-label={t.showAllLabel(column.total, stageName)}>{t.showAll(column.total)}</Link>}
        </p>
      )}
    </section>
  );
}

function PipelineCardItem({ card, closed }: { card: PipelineCard; closed: boolean }) {
  const messages = useMessages();
  const t = messages.pipeline.card;
  return (
    <li className={`pipeline-card${card.overdueAfterDays !== null ? " pipeline-card--overdue" : ""}`}>
      {card.reference && <p className="pipeline-card__reference">{card.reference}</p>}
      <p className="pipeline-card__title"><Link to={`/ideas/${card.id}`}>{card.title}</Link></p>
      <dl className="pipeline-card__facts">
        <div><dt>{t.unit}</dt><dd>{card.unitName}</dd></div>
        <div><dt>{t.owner}</dt><dd>{card.ownerName ?? <span className="muted">{t.noOwner}</span>}</dd></div>
        {closed && card.outcome && <div><dt>{t.outcome}</dt><dd>{messages.vocabulary.outcomes[card.outcome]}</dd></div>}
        {closed
          ? <div><dt>{t.closed}</dt><dd>{t.daysAgo(card.daysInStage)}</dd></div>
          : <div><dt>{t.inStage}</dt><dd>{t.days(card.daysInStage)}</dd></div>}
      </dl>
      {card.overdueAfterDays !== null && (
        <p className="pipeline-card__overdue">
          <span className="pipeline-badge">{t.overdue}</span> {t.overdueDetail(card.overdueAfterDays)}
        </p>
      )}
      {card.mayDecide && (
        <p className="pipeline-card__actions">
          <Link className="button" to={`/ideas/${card.id}/beslut`} aria-label={t.decideLabel(card.title)}>{t.decide}</Link>
        </p>
      )}
    </li>
  );
}
