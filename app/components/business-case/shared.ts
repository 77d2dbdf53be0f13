import { useFormat } from "~/components/idea/format";
import type { FieldErrors } from "~/components/forms";
import type { ClosingOutcome, Stage } from "~/domain/vocabulary";
import type { BusinessCasePage } from "~/services/business-case.server";

export interface BusinessCaseIdeaView {
  id: string;
  reference: string;
  title: string;
  stage: Stage;
  outcome: ClosingOutcome | null;
}

/** What /ideas/<id>/nyttokalkyl shows. */
export interface BusinessCasePageData {
  idea: BusinessCaseIdeaView;
  page: BusinessCasePage;
}

/** The action's answer when it saves nothing: messages, what was typed, the case as it is now (409). */
export interface BusinessCaseActionData {
  intent: "save" | "resize" | string;
  formError?: string;
  fieldErrors?: FieldErrors;
  values?: Record<string, unknown>;
  /** A resize dropped non-zero amounts. */
  trimmed?: boolean;
  fresh?: BusinessCasePageData;
}

/** Kronor in the page's language: "1 200 000 kr" (sv) with the locale's grouping. */
export function useMoney() {
  const fmt = useFormat();
  return {
    kronor: fmt.kronor,
    number: fmt.number,
    dateTime: fmt.dateTime,
    date: fmt.date,
  };
}
