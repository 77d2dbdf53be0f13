import { Form, useNavigation } from "@remix-run/react";
import { FilterActions, GroupedUnitSelect } from "~/components/filter-actions";
import { ErrorSummary, Field, type FieldErrors } from "~/components/forms";
import { PORTFOLIO_STAGES } from "~/domain/portfolio";
import { FOCUS_AREAS } from "~/domain/vocabulary";
import type { UnitGroup } from "~/models/selectable-unit.server";
import { useMessages } from "~/utils/locale";

export const CHART_FILTER_FIELDS = ["enhet", "fokus", "steg", "sjalvfinansierande"] as const;
export type ChartFilterValues = Record<(typeof CHART_FILTER_FIELDS)[number], string>;

/** The charts' filters as a GET form (the portfolio's URL parameters), so a view can be shared. */
export function ChartFilters(props: { values: ChartFilterValues; errors: FieldErrors; unitGroups: UnitGroup[] }) {
  const messages = useMessages();
  const t = messages.portfolioCharts.filters;
  const navigation = useNavigation();
  const loading = navigation.state === "loading" && navigation.location.pathname === "/portfolio/diagram";
  const { values, errors } = props;
  return (
    <>
      <ErrorSummary errors={errors} title={t.errorSummaryTitle} />
      <Form method="get" className="filter-form" role="search" aria-label={t.label}>
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
        <FilterActions pending={loading} label={t.apply} pendingLabel={t.applying} clearHref="/portfolio/diagram" clearLabel={t.clear} />
      </Form>
    </>
  );
}
