import { Link } from "@remix-run/react";
import { useMessages } from "~/utils/locale";

/**
 * For the idea page: a "Gott exempel" badge for everyone when the idea is marked, "Införd i N enheter"
 * when other units adopted it, "Införs efter gott exempel IDE-…" on an adopted idea, and the link to
 * mark/unmark for those allowed. Load the props with `goodExampleFactsFor(db, ideaId)`
 * (app/services/good-examples.server.ts); `mayMark` = can(user, "good_example.mark") && the idea is införd.
 */
export function GoodExampleLink(props: {
  ideaId: string;
  marked: boolean;
  mayMark: boolean;
  adoptedUnits: number;
  adoptedFrom: { id: string; reference: string | null } | null;
}) {
  const t = useMessages().goodExamples;
  if (!props.marked && !props.mayMark && props.adoptedUnits === 0 && !props.adoptedFrom) return null;
  return (
    <div className="good-example-link">
      {props.marked && <span className="badge badge--good-example">{t.badge}</span>}
      {props.adoptedUnits > 0 && <AdoptedCount count={props.adoptedUnits} />}
      {props.adoptedFrom && (
        <Link to={`/ideas/${props.adoptedFrom.id}`}>{t.adoptedFrom(props.adoptedFrom.reference ?? "")}</Link>
      )}
      {props.mayMark && <Link to={`/ideas/${props.ideaId}/gott-exempel`}>{props.marked ? t.editMarkLink : t.markLink}</Link>}
    </div>
  );
}

/** "Införd i N enheter" (nothing for 0). */
export function AdoptedCount({ count }: { count: number }) {
  const t = useMessages().goodExamples;
  if (count === 0) return null;
  return <span className="good-example-link__count">{t.adoptedCount(count)}</span>;
}
