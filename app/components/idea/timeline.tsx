import { Link } from "@remix-run/react";
import type { ClosingOutcome, Stage } from "~/domain/vocabulary";
import { useMessages } from "~/utils/locale";
import { useFormat } from "./format";

export interface TimelineItem {
  id: number;
  kind: string;
  at: string | Date;
  actorName: string | null;
  toStage: Stage | null;
  outcome: string | null;
  motivation: string | null;
  ownerName: string | null;
  relatedIdeaId: string | null;
}

/** The idea's events, newest first, with decision motivations. */
export function Timeline({ entries, more, moreHref }: { entries: TimelineItem[]; more: boolean; moreHref: string }) {
  const messages = useMessages();
  const t = messages.ideas.page;
  const fmt = useFormat();
  const what = (e: TimelineItem): string => {
    switch (e.kind) {
      case "stage_changed": {
        const stage = e.toStage ? messages.stages[e.toStage]?.name ?? e.toStage : "";
        const outcome = e.outcome ? messages.vocabulary.outcomes[e.outcome as ClosingOutcome] : null;
        return t.events.stage_changed(outcome ? `${stage} (${outcome})` : stage);
      }
      case "owner_changed": return t.events.owner_changed(e.ownerName);
      case "submitted": case "edited": case "commented": case "comment_edited": case "supported":
      case "merged_into": case "merged_from": case "assessors_assigned": case "assessment_completed":
      case "security_screened": case "deviation_requested": case "deviation_decided": case "pilot_planned":
      case "pilot_evaluated": case "business_case_saved":
      case "good_example_marked": case "good_example_unmarked": case "adopted_as_good_example":
        return t.events[e.kind];
      default: return t.events.other;
    }
  };
  if (entries.length === 0) return <p>{t.noEvents}</p>;
  return (
    <>
      <ol className="timeline">
        {entries.map((e) => (
          <li key={e.id}>
            <span className="timeline__what">{what(e)}</span>{" "}
            <span className="timeline__meta">
              <time dateTime={fmt.iso(e.at)}>{fmt.dateTime(e.at)}</time>
              {e.actorName && <> · {t.by(e.actorName)}</>}
            </span>
            {e.motivation && <p className="idea-text"><strong>{t.motivation}:</strong> {e.motivation}</p>}
            {e.relatedIdeaId && <p><Link to={`/ideas/${e.relatedIdeaId}`}>{messages.ideas.notifications.openIdea}</Link></p>}
          </li>
        ))}
      </ol>
      {more && <p><Link to={moreHref} preventScrollReset>{t.showMore}</Link></p>}
    </>
  );
}
