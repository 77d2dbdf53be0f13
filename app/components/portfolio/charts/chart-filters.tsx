import { Form, useNavigation } from "@remix-run/react";
import { FilterActions } from "~/components/filter-actions";
import { PortfolioSubsetFields } from "~/components/portfolio/portfolio-filters";
import { ErrorSummary, type FieldErrors } from "~/components/forms";
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
        <PortfolioSubsetFields copy={t} values={values} errors={errors} unitGroups={props.unitGroups} />
        <FilterActions pending={loading} label={t.apply} pendingLabel={t.applying} clearHref="/portfolio/diagram" clearLabel={t.clear} />
      </Form>
    </>
  );
}
