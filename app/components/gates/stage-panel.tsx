import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import type { ClosingOutcome, Stage } from "~/domain/vocabulary";
import type { GateRequirement } from "~/domain/stage-machine";
import { useFormat } from "~/components/idea/format";
import { useMessages } from "~/utils/locale";
import { RequirementList } from "./requirements";

export interface StagePanelDecision {
  id: string;
  fromStage: Stage;
  toStage: Stage;
  outcome: ClosingOutcome | null;
  motivation: string;
  meetingReference: string | null;
  decidedAt: string | Date;
  isOverride: boolean;
  decidedByName: string;
  /** The business case version the decision was taken on, when there was one. */
  businessCaseVersion: number | null;
}

/**
 * "Steg och beslut" on the idea page: where the idea stands, what the next gate needs (for everyone,
 * so the submitter sees why it waits), every recorded decision with its motivation, and – for those
 * who may decide – the way to the decision page.
 */
export function StagePanel(props: {
  ideaId: string;
  stage: Stage;
  outcome: ClosingOutcome | null;
  checklist: { nextMoveId: string | null; items: { requirement: GateRequirement; met: boolean }[] };
  decisions: StagePanelDecision[];
  canDecide: boolean;
  showFixLinks: boolean;
  children?: ReactNode;
}) {
  const messages = useMessages();
  const t = messages.gates;
  const fmt = useFormat();
  const stageName = (stage: Stage, outcome: ClosingOutcome | null) =>
    messages.stages[stage].name + (outcome ? ` – ${messages.vocabulary.outcomes[outcome]}` : "");
  return (
    <section className="panel" aria-labelledby="steg-och-beslut">
      <h2 id="steg-och-beslut">{t.panel.heading}</h2>
      <p><strong>{t.panel.currentStage}:</strong> {stageName(props.stage, props.outcome)}. {messages.stages[props.stage].description}</p>
      {props.checklist.nextMoveId && props.checklist.items.length > 0 && (
        <>
          <h3>{t.panel.nextGateHeading}: {t.transitions[props.checklist.nextMoveId]?.label}</h3>
          <RequirementList ideaId={props.ideaId} items={props.checklist.items} showFixLinks={props.showFixLinks} />
        </>
      )}
      {props.canDecide && (
        <p><Link className="button button--primary" to={`/ideas/${props.ideaId}/beslut`}>{t.panel.decideLink}</Link></p>
      )}
      {props.children}
      <h3>{t.panel.decisionsHeading}</h3>
      {props.decisions.length === 0 ? <p>{t.panel.noDecisions}</p> : (
        <ol className="gate-decisions">
          {[...props.decisions].reverse().map((d) => (
            <li key={d.id}>
              <p className="gate-decisions__what">
                {stageName(d.fromStage, null)} → {stageName(d.toStage, d.outcome)}
              </p>
              <p className="gate-decisions__meta">
                <time dateTime={fmt.iso(d.decidedAt)}>{fmt.dateTime(d.decidedAt)}</time> · {t.panel.decidedBy(d.decidedByName)}
                {d.meetingReference && <> · {t.panel.meeting}: {d.meetingReference}</>}
                {d.isOverride && <> · <strong>{t.panel.override}</strong></>}
                {d.businessCaseVersion !== null && (
                  <> · <Link to={`/ideas/${props.ideaId}/nyttokalkyl?version=${d.businessCaseVersion}`}>{t.panel.caseVersion(d.businessCaseVersion)}</Link></>
                )}
              </p>
              <p className="idea-text"><strong>{messages.ideas.page.motivation}:</strong> {d.motivation}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
