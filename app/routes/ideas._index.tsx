import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { FilterActions, GroupedUnitSelect } from "~/components/filter-actions";
import { Form, Link, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { fieldErrorsByField } from "~/components/admin/action-data";
import { Pagination, withoutPage } from "~/components/admin/pagination";
import { Field, type FieldErrors } from "~/components/forms";
import { daysBetween, useFormat } from "~/components/idea/format";
import { FOCUS_AREAS, IDEA_KINDS, STAGES } from "~/domain/vocabulary";
import { messagesFor } from "~/i18n";
import { type IdeaListRow, searchIdeas } from "~/models/idea-queries.server";
import { groupUnits, listSelectableUnits, type UnitGroup } from "~/models/selectable-unit.server";
import { IDEA_SORTS, ideaSearchSchema } from "~/schemas/idea-page";
import ideasStyles from "~/styles/ideas.css";
import { can } from "~/domain/permissions";
import { requirePermission } from "~/utils/auth.server";
import { getDatabase } from "~/utils/db.server";
import { metaLocale, useMessages } from "~/utils/locale";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: ideasStyles }];
export const meta: MetaFunction = ({ matches }) => [{ title: messagesFor(metaLocale(matches)).ideas.list.title }];

const PAGE_SIZE = 25;
const FIELDS = ["q", "steg", "typ", "enhet", "fokus", "sortering"] as const;

interface IdeasPage {
  values: Record<(typeof FIELDS)[number], string>;
  errors: FieldErrors;
  rows: IdeaListRow[];
  total: number;
  page: number;
  pageCount: number;
  unitGroups: UnitGroup[];
  now: string;
  /** Whether this person may download the list (CSV/XLSX). */
  canExport: boolean;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "idea.view");
  const canExport = can(user, "idea.export");
  const raw = Object.fromEntries(new URL(request.url).searchParams);
  const values = Object.fromEntries(FIELDS.map((f) => [f, raw[f] ?? ""])) as IdeasPage["values"];
  const { db } = await getDatabase();
  const unitGroups = groupUnits(await listSelectableUnits(db));
  const now = new Date().toISOString();
  const parsed = ideaSearchSchema.safeParse(raw);
  if (!parsed.success) {
    return data<IdeasPage>(
      { values, errors: fieldErrorsByField(parsed.error), rows: [], total: 0, page: 1, pageCount: 0, unitGroups, now, canExport },
      { status: 400 },
    );
  }
  const s = parsed.data;
  const result = await searchIdeas(db, {
    q: s.q, stage: s.steg || null, kind: s.typ || null, unitId: s.enhet || null, focusArea: s.fokus || null,
    sort: s.sortering, page: s.sida, pageSize: PAGE_SIZE,
  });
  return data<IdeasPage>({
    values: { ...values, sortering: s.sortering }, errors: {}, rows: result.rows, total: result.total, page: s.sida,
    pageCount: Math.ceil(result.total / PAGE_SIZE), unitGroups, now, canExport,
  });
}

export default function AllIdeas() {
  const { values, errors, rows, total, page, pageCount, unitGroups, now, canExport } = useLoaderData<IdeasPage>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const messages = useMessages();
  const t = messages.ideas.list;
  const fmt = useFormat();
  const searching = navigation.state === "loading" && navigation.location.pathname === "/ideas";
  const from = total === 0 ? 0 : (page - 1) * PAGE_SIZE + 1;
  const select = (name: string, label: string, options: { value: string; label: string }[]) => (
    <Field name={name} label={label} error={errors[name]}>
      {(a11y) => (
        <select {...a11y} name={name} defaultValue={values[name as keyof typeof values]}>
          <option value="">{t.any}</option>
          {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      )}
    </Field>
  );
  return (
    <section aria-labelledby="alla-ideer-rubrik">
      <h1 id="alla-ideer-rubrik">{t.heading}</h1>
      <p className="lead">{t.lead}</p>
      <Form method="get" className="filter-form" role="search" aria-label={t.searchLabel}>
        <Field name="q" label={t.q} hint={t.qHint} error={errors.q}>
          {(a11y) => <input {...a11y} type="search" name="q" defaultValue={values.q} maxLength={200} autoComplete="off" />}
        </Field>
        {select("steg", t.stage, STAGES.map((s) => ({ value: s, label: messages.stages[s].name })))}
        {select("typ", t.kind, IDEA_KINDS.map((k) => ({ value: k, label: messages.vocabulary.ideaKinds[k] })))}
        <Field name="enhet" label={t.unit} error={errors.enhet}>
          {(a11y) => (
            <GroupedUnitSelect a11y={a11y} name="enhet" defaultValue={values.enhet} anyLabel={t.any} groups={unitGroups} />
          )}
        </Field>
        {select("fokus", t.focusArea, FOCUS_AREAS.map((f) => ({ value: f, label: messages.vocabulary.focusAreas[f] })))}
        <Field name="sortering" label={t.sort} error={errors.sortering}>
          {(a11y) => (
            <select {...a11y} name="sortering" defaultValue={values.sortering || "nyast"}>
              {IDEA_SORTS.map((s) => <option key={s} value={s}>{t.sorts[s]}</option>)}
            </select>
          )}
        </Field>
        <FilterActions pending={searching} label={t.search} pendingLabel={t.searching} clearHref="/ideas" clearLabel={t.clear} />
      </Form>
      <p role="status" className="result-count">{t.result(total, from, from + rows.length - 1)}</p>
      {canExport && total > 0 && (
        <p className="export-links">
          <a href={`/ideas/export.csv?${withoutPage(searchParams)}`} download>{t.exportCsv}</a>{" "}
          <a href={`/ideas/export.xlsx?${withoutPage(searchParams)}`} download>{t.exportXlsx}</a>
        </p>
      )}
      {rows.length === 0 ? (
        total > 0
          ? <p className="empty-state">{t.pageBeyond} <Link to={`?${withoutPage(searchParams)}`}>{t.firstPage}</Link></p>
          : <div className="empty-state"><p>{t.empty}</p><p><Link className="button" to="/ideas/new">{t.emptyAction}</Link></p></div>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="ideer-tabell" tabIndex={0}>
          <table className="data-table">
            <caption id="ideer-tabell" className="visually-hidden">{t.caption}</caption>
            <thead>
              <tr>{(["reference", "title", "stage", "unit", "supports", "age"] as const).map((c) => <th key={c} scope="col">{t.columns[c]}</th>)}</tr>
            </thead>
            <tbody>
              {rows.map((idea) => (
                <tr key={idea.id}>
                  <td className="nowrap">{idea.reference}</td>
                  <th scope="row" className="break">
                    <Link to={`/ideas/${idea.id}`}>{idea.title}</Link>
                    {idea.merged && <span className="cell-context">{t.merged}</span>}
                  </th>
                  <td><span className="badge badge--stage">{messages.stages[idea.stage].name}</span></td>
                  <td>{idea.unitName}</td>
                  <td>{fmt.number(idea.supportCount)}</td>
                  <td className="nowrap">
                    <time dateTime={fmt.iso(idea.submittedAt)}>{fmt.date(idea.submittedAt)}</time>
                    <span className="cell-context">{t.ageDays(daysBetween(idea.submittedAt, now))}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageCount={pageCount} search={searchParams} />
    </section>
  );
}
