import { useFormat } from "./format";
import { useMessages } from "~/utils/locale";
import type { Approach, FocusArea, IdeaKind, TargetGroup } from "~/domain/vocabulary";

export interface IdeaFactsData {
  problem: string;
  proposed_solution: string;
  kind: IdeaKind;
  target_groups: TargetGroup[];
  focus_areas: FocusArea[];
  approaches: Approach[];
  expected_benefits: string;
  estimated_hours_saved_per_month: number | null;
  estimated_savings_per_year: number | null;
  estimated_cost: number | null;
  handles_personal_data: boolean | null;
  handles_sensitive_personal_data: boolean | null;
  information_owner: string | null;
}

/** Every field of an idea with its Swedish label. Text is rendered as text (React escapes it). */
export function IdeaFacts({ idea }: { idea: IdeaFactsData }) {
  const messages = useMessages();
  const t = messages.ideas.page;
  const v = messages.vocabulary;
  const fmt = useFormat();
  const none = <span className="muted">{t.notGiven}</span>;
  const list = (items: string[]) => (items.length ? items.join(", ") : none);
  const yesNo = (value: boolean | null) => (value === null ? none : value ? t.yes : t.no);
  const amount = (value: number | null, as: (s: string) => string) => (value === null ? none : as(fmt.number(value)));
  const kronor = (value: number | null) => (value === null ? none : fmt.kronor(value));
  const text = (value: string) => (value.trim() ? <p className="idea-text">{value}</p> : <p>{none}</p>);
  return (
    <>
      <h2>{t.fields.problem}</h2>
      {text(idea.problem)}
      <h2>{t.fields.proposedSolution}</h2>
      {text(idea.proposed_solution)}
      <h2>{t.fields.expectedBenefits}</h2>
      {text(idea.expected_benefits)}
      <h2>{t.factsHeading}</h2>
      <dl className="facts">
        <div><dt>{t.fields.kind}</dt><dd>{v.ideaKinds[idea.kind]}</dd></div>
        <div><dt>{t.fields.targetGroups}</dt><dd>{list(idea.target_groups.map((g) => v.targetGroups[g]))}</dd></div>
        <div><dt>{t.fields.focusAreas}</dt><dd>{list(idea.focus_areas.map((f) => v.focusAreas[f]))}</dd></div>
        <div><dt>{t.fields.approaches}</dt><dd>{list(idea.approaches.map((a) => v.approaches[a]))}</dd></div>
        <div><dt>{t.fields.hoursSaved}</dt><dd>{amount(idea.estimated_hours_saved_per_month, t.hours)}</dd></div>
        <div><dt>{t.fields.savings}</dt><dd>{kronor(idea.estimated_savings_per_year)}</dd></div>
        <div><dt>{t.fields.cost}</dt><dd>{kronor(idea.estimated_cost)}</dd></div>
        <div><dt>{t.fields.personalData}</dt><dd>{yesNo(idea.handles_personal_data)}</dd></div>
        <div><dt>{t.fields.sensitiveData}</dt><dd>{yesNo(idea.handles_sensitive_personal_data)}</dd></div>
        <div><dt>{t.fields.informationOwner}</dt><dd>{idea.information_owner || none}</dd></div>
      </dl>
    </>
  );
}
