import { Link } from "@remix-run/react";
import type { GateRequirement } from "~/domain/stage-machine";
import { useMessages } from "~/utils/locale";

/** Where the work behind each requirement is done. */
export function requirementHref(ideaId: string, requirement: GateRequirement): string | null {
  switch (requirement) {
    case "owner": return `/ideas/${ideaId}/hantera`;
    case "completed_assessment": return `/ideas/${ideaId}/bedomning`;
    case "security_screening": return `/ideas/${ideaId}/sakerhet`;
    case "pilot_plan": case "pilot_evaluation": case "pilot_verdict_scale_up": return `/ideas/${ideaId}/pilot`;
    case "business_case": return `/ideas/${ideaId}/nyttokalkyl`;
  }
}

/** A gate's checklist: each requirement with "Klart"/"Saknas" in words (not colour alone) and a link to fix it. */
export function RequirementList(props: {
  ideaId: string;
  items: { requirement: GateRequirement; met: boolean }[];
  showFixLinks: boolean;
}) {
  const t = useMessages().gates;
  return (
    <ul className="gate-checklist">
      {props.items.map(({ requirement, met }) => {
        const href = requirementHref(props.ideaId, requirement);
        return (
          <li key={requirement} className={met ? "gate-checklist__met" : "gate-checklist__unmet"}>
            <span className="gate-checklist__status">{met ? t.panel.met : t.panel.notMet}:</span>{" "}
            {t.requirements[requirement].label}
            {!met && props.showFixLinks && href && <> – <Link to={href}>{t.requirements[requirement].fix}</Link></>}
          </li>
        );
      })}
    </ul>
  );
}
