import type { FieldErrors } from "~/components/forms";
import { useFormat } from "~/components/idea/format";
import type { ClosingOutcome, Stage } from "~/domain/vocabulary";
import type { BenefitsPage } from "~/services/benefits.server";
import { numberFormatter } from "~/i18n";
import { useLocale } from "~/utils/locale";

export interface BenefitsIdeaView {
  id: string;
  reference: string;
  title: string;
  stage: Stage;
  outcome: ClosingOutcome | null;
  merged: boolean;
}

/** What /ideas/<id>/nyttorealisering shows: the idea, the follow-up, and the year whose form is open. */
export interface BenefitsPageData {
  idea: BenefitsIdeaView;
  page: BenefitsPage;
  selectedYear: number;
}

/** What the action answers when it saves nothing: messages, what was typed, and (409) the page as it is now. */
export interface BenefitsActionData {
  formError?: string;
  fieldErrors?: FieldErrors;
  values?: Record<string, unknown>;
  fresh?: BenefitsPageData;
}

/** Kronor, hours and signed per cent in the page's language ("−20,1 %"). */
export function useBenefitsFormat() {
  const fmt = useFormat();
  const locale = useLocale();
  const percent = numberFormatter(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: "exceptZero" });
  const signed = numberFormatter(locale, { maximumFractionDigits: 0, signDisplay: "exceptZero" });
  return {
    number: fmt.number,
    kronor: fmt.kronor,
    signedKronor: fmt.signedKronor,
    signed,
    percent: (value: number) => `${percent(value)} %`,
  };
}
