import { Form, useNavigation } from "@remix-run/react";
import { FilterActions, GroupedUnitSelect } from "~/components/filter-actions";
import { ErrorSummary, Field, type FieldErrors } from "~/components/forms";
import { PORTFOLIO_SORTS, PORTFOLIO_STAGES } from "~/domain/portfolio";
import { FOCUS_AREAS } from "~/domain/vocabulary";
import type { UnitGroup } from "~/models/selectable-unit.server";
import type { PORTFOLIO_FILTER_FIELDS } from "~/schemas/portfolio";
import { useMessages } from "~/utils/locale";

export type PortfolioFilterValues = Record<(typeof PORTFOLIO_FILTER_FIELDS)[number], string>;

/** The portfolio's filters as a GET form: every choice is in the URL (shared views, exports). */
export function PortfolioFilters(props: { values: PortfolioFilterValues; errors: FieldErrors; unitGroups: UnitGroup[] }) {
  const messages = useMessages();
  const t = messages.portfolio.filters;
  const navigation = useNavigation();
  const loading = navigation.state === "loading" && navigation.location.pathname === "/portfolio";
  const { values, errors } = props;
  return (
    <>
      <ErrorSummary errors={errors} title={t.errorSummaryTitle} />
      <Form method="get" className="filter-form portfolio-filters" role="search" aria-label={t.label}>
        <PortfolioSubsetFields copy={t} values={values} errors={errors} unitGroups={props.unitGroups} />
        <Field name="sok" label={t.search} error={errors.sok}>
          {(a11y) => <input {...a11y} type="search" name="sok" defaultValue={values.sok} maxLength={100} />}
        </Field>
        <Field name="sortering" label={t.sort} error={errors.sortering}>
          {(a11y) => (
            <select {...a11y} name="sortering" defaultValue={values.sortering || "score"}>
              {PORTFOLIO_SORTS.map((sort) => <option key={sort} value={sort}>{messages.portfolio.sorts[sort]}</option>)}
            </select>
          )}
        </Field>
        <Field name="ordning" label={t.order} error={errors.ordning}>
          {(a11y) => (
            <select {...a11y} name="ordning" defaultValue={values.ordning || "fallande"}>
              <option value="fallande">{t.descending}</option>
              <option value="stigande">{t.ascending}</option>
            </select>
          )}
        </Field>
        <FilterActions pending={loading} label={t.apply} pendingLabel={t.applying} clearHref="/portfolio" clearLabel={t.clear} />
      </Form>
    </>
  );
}

/** The copy the subset fields need (the portfolio's and the charts' filters word their hints differently). */
export interface PortfolioSubsetCopy {
  unit: string; unitHint: string; focusArea: string; stage: string; stageHint: string;
  selfFinancing: string; selfFinancingHint?: string; any: string; yes: string; no: string;
}

/**
 * Which ideas: unit (with the units below it), focus area, stage and self-financing – the fields the
 * portfolio page and the portfolio charts share (the same URL parameters).
 */
export function PortfolioSubsetFields(props: {
  copy: PortfolioSubsetCopy; values: Pick<PortfolioFilterValues, "enhet" | "fokus" | "steg" | "sjalvfinansierande">;
  errors: FieldErrors; unitGroups: UnitGroup[];
}) {
  const messages = useMessages();
  const { copy: t, values, errors } = props;
  return (
    <>
        <Field name="enhet" label={t.unit} hint={t.unitHint} error={errors.enhet}>
          {(a11y) => <GroupedUnitSelect a11y={a11y} name="enhet" defaultValue={values.enhet} anyLabel={t.any} groups={props.unitGroups} />}
        </Field>
        <Field name="fokus" label={t.focusArea} error={errors.fokus}>
          {(a11y) => (
            <select {...a11y} name="fokus" defaultValue={values.fokus}>
              <option value="">{t.any}</option>
              {FOCUS_AREAS.map((area) => <option key={area} value={area}>{messages.vocabulary.focusAreas[area]}</option>)}
            </select>
          )}
        </Field>
        <Field name="steg" label={t.stage} hint={t.stageHint} error={errors.steg}>
          {(a11y) => (
            <select {...a11y} name="steg" defaultValue={values.steg}>
              <option value="">{t.any}</option>
              {PORTFOLIO_STAGES.map((stage) => <option key={stage} value={stage}>{messages.stages[stage].name}</option>)}
            </select>
          )}
        </Field>
        <Field name="sjalvfinansierande" label={t.selfFinancing} hint={t.selfFinancingHint} error={errors.sjalvfinansierande}>
          {(a11y) => (
            <select {...a11y} name="sjalvfinansierande" defaultValue={values.sjalvfinansierande}>
              <option value="">{t.any}</option>
              <option value="ja">{t.yes}</option>
              <option value="nej">{t.no}</option>
            </select>
          )}
        </Field>
    </>
  );
}
