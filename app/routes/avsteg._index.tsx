import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { FilterActions, GroupedUnitSelect } from "~/components/filter-actions";
import { Form, Link, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { fieldErrorsByField } from "~/components/admin/action-data";
import { Pagination, withoutPage } from "~/components/admin/pagination";
import { Field, type FieldErrors } from "~/components/forms";
import { DeviationTable } from "~/components/security/deviation-table";
import { messagesFor } from "~/i18n";
import { type DeviationListRow, listDeviations } from "~/models/deviations.server";
import { groupUnits, listSelectableUnits, type UnitGroup } from "~/models/selectable-unit.server";
import { unitSubtreeIds } from "~/models/unit-path.server";
import { DEVIATION_LIST_MAX_PAGE, DEVIATION_STATUS_SLUGS, deviationListSchema } from "~/schemas/security";
import ideasStyles from "~/styles/ideas.css";
import securityStyles from "~/styles/security.css";
import { requirePermission } from "~/utils/auth.server";
import { getDatabase } from "~/utils/db.server";
import { metaLocale, useMessages } from "~/utils/locale";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: ideasStyles }, { rel: "stylesheet", href: securityStyles }];
export const meta: MetaFunction = ({ matches }) => [{ title: messagesFor(metaLocale(matches)).security.deviations.title }];

const PAGE_SIZE = 25;
const FIELDS = ["status", "enhet"] as const;

interface DeviationsPage {
  values: Record<(typeof FIELDS)[number], string>;
  errors: FieldErrors;
  rows: DeviationListRow[];
  total: number;
  page: number;
  pageCount: number;
  filtered: boolean;
  unitGroups: UnitGroup[];
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "deviation.list");
  const raw = Object.fromEntries(new URL(request.url).searchParams);
  const values = Object.fromEntries(FIELDS.map((f) => [f, raw[f] ?? ""])) as DeviationsPage["values"];
  const { db } = await getDatabase();
  const unitGroups = groupUnits(await listSelectableUnits(db));
  const parsed = deviationListSchema.safeParse(raw);
  const filtered = Boolean(values.status || values.enhet);
  if (!parsed.success) {
    return data<DeviationsPage>(
      { values, errors: fieldErrorsByField(parsed.error), rows: [], total: 0, page: 1, pageCount: 0, filtered, unitGroups },
      { status: 400 },
    );
  }
  const f = parsed.data;
  const unitIds = f.enhet ? await unitSubtreeIds(db, [f.enhet]) : null;
  const result = await listDeviations(db, { status: f.status, unitIds, page: f.sida, pageSize: PAGE_SIZE });
  return data<DeviationsPage>({
    values, errors: {}, rows: result.rows, total: result.total, page: f.sida, filtered, unitGroups,
    pageCount: Math.min(Math.ceil(result.total / PAGE_SIZE), DEVIATION_LIST_MAX_PAGE),
  });
}

export default function Deviations() {
  const { values, errors, rows, total, page, pageCount, filtered, unitGroups } = useLoaderData<DeviationsPage>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const messages = useMessages();
  const t = messages.security.list;
  const statuses = messages.security.deviations.statuses;
  const loading = navigation.state === "loading" && navigation.location.pathname === "/avsteg";
  return (
    <section aria-labelledby="avsteg-lista-rubrik">
      <h1 id="avsteg-lista-rubrik">{messages.security.deviations.heading}</h1>
      <p className="lead">{t.lead}</p>
      <Form method="get" className="filter-form" role="search" aria-label={t.searchLabel}>
        <Field name="status" label={t.status} error={errors.status}>
          {(a11y) => (
            <select {...a11y} name="status" defaultValue={values.status}>
              <option value="">{t.allStatuses}</option>
              {Object.entries(DEVIATION_STATUS_SLUGS).map(([slug, status]) => <option key={slug} value={slug}>{statuses[status]}</option>)}
            </select>
          )}
        </Field>
        <Field name="enhet" label={t.unit} error={errors.enhet}>
          {(a11y) => (
            <GroupedUnitSelect a11y={a11y} name="enhet" defaultValue={values.enhet} anyLabel={t.anyUnit} groups={unitGroups} />
          )}
        </Field>
        <FilterActions pending={loading} label={t.filter} pendingLabel={t.filtering} clearHref="/avsteg" clearLabel={t.clear} />
      </Form>
      <p role="status" className="result-count">{t.result(total)}</p>
      {rows.length === 0 ? (
        total > 0
          ? <p className="empty-state">{t.pageBeyond} <Link to={`?${withoutPage(searchParams)}`}>{t.firstPage}</Link></p>
          : <p className="empty-state">{filtered ? t.empty : t.emptyAll}</p>
      ) : <DeviationTable rows={rows} />}
      <Pagination page={page} pageCount={pageCount} search={searchParams} />
    </section>
  );
}
