import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { FilterActions } from "~/components/filter-actions";
import { Form, Link, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { fieldErrorsByField } from "~/components/admin/action-data";
import { Pagination, withoutPage } from "~/components/admin/pagination";
import { Field, type FieldErrors } from "~/components/forms";
import { LessonList } from "~/components/pilot/lesson-list";
import { PILOT_VERDICTS } from "~/domain/vocabulary";
import { messagesFor } from "~/i18n";
import { type LessonRow, searchLessons } from "~/models/pilots.server";
import { listSelectableUnits } from "~/models/selectable-unit.server";
import { lessonSearchSchema } from "~/schemas/pilot";
import adminStyles from "~/styles/admin.css";
import pilotStyles from "~/styles/pilot.css";
import { requirePermission } from "~/utils/auth.server";
import { getDatabase } from "~/utils/db.server";
import { metaLocale, useMessages } from "~/utils/locale";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: adminStyles }, { rel: "stylesheet", href: pilotStyles }];
export const meta: MetaFunction = ({ matches }) => [{ title: messagesFor(metaLocale(matches)).pilot.lessons.title }];

const PAGE_SIZE = 20;
const FIELDS = ["q", "slutsats", "forvaltning"] as const;

interface LessonsPage {
  values: Record<(typeof FIELDS)[number], string>;
  errors: FieldErrors;
  rows: (LessonRow & { forvaltningName: string | null })[];
  total: number;
  page: number;
  pageCount: number;
  forvaltningar: { id: string; name: string }[];
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "lessons.view");
  const raw = Object.fromEntries(new URL(request.url).searchParams);
  const values = Object.fromEntries(FIELDS.map((f) => [f, raw[f] ?? ""])) as LessonsPage["values"];
  const { db } = await getDatabase();
  const units = await listSelectableUnits(db);
  const forvaltningar = units.filter((u) => u.topId === u.id).map((u) => ({ id: u.id, name: u.name }));
  const topName = new Map(units.filter((u) => u.topId !== u.id).map((u) => [u.id, u.topName]));
  const parsed = lessonSearchSchema.safeParse(raw);
  if (!parsed.success) {
    return data<LessonsPage>(
      { values, errors: fieldErrorsByField(parsed.error), rows: [], total: 0, page: 1, pageCount: 0, forvaltningar },
      { status: 400 },
    );
  }
  const s = parsed.data;
  const result = await searchLessons(db, {
    q: s.q, verdict: s.slutsats || null, unitId: s.forvaltning || null, page: s.sida, pageSize: PAGE_SIZE,
  });
  return data<LessonsPage>({
    values, errors: {}, rows: result.rows.map((r) => ({ ...r, forvaltningName: topName.get(r.unitId) ?? null })), total: result.total, page: s.sida, pageCount: Math.ceil(result.total / PAGE_SIZE), forvaltningar,
  });
}

export default function LessonsLearned() {
  const { values, errors, rows, total, page, pageCount, forvaltningar } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const messages = useMessages();
  const t = messages.pilot.lessons;
  const searching = navigation.state === "loading" && navigation.location.pathname === "/lardomar";
  const from = total === 0 ? 0 : (page - 1) * PAGE_SIZE + 1;
  const filtered = Boolean(values.q || values.slutsats || values.forvaltning);
  return (
    <section aria-labelledby="lardomar-rubrik">
      <h1 id="lardomar-rubrik">{t.heading}</h1>
      <p className="lead">{t.lead}</p>
      <Form method="get" className="filter-form" role="search" aria-label={t.searchLabel}>
        <Field name="q" label={t.q} hint={t.qHint} error={errors.q}>
          {(a11y) => <input {...a11y} type="search" name="q" defaultValue={values.q} maxLength={200} autoComplete="off" />}
        </Field>
        <Field name="slutsats" label={t.verdict} error={errors.slutsats}>
          {(a11y) => (
            <select {...a11y} name="slutsats" defaultValue={values.slutsats}>
              <option value="">{t.any}</option>
              {PILOT_VERDICTS.map((v) => <option key={v} value={v}>{messages.pilot.verdicts[v]}</option>)}
            </select>
          )}
        </Field>
        <Field name="forvaltning" label={t.unit} error={errors.forvaltning}>
          {(a11y) => (
            <select {...a11y} name="forvaltning" defaultValue={values.forvaltning}>
              <option value="">{t.any}</option>
              {forvaltningar.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
            </select>
          )}
        </Field>
        <FilterActions pending={searching} label={t.search} pendingLabel={t.searching} clearHref="/lardomar" clearLabel={t.clear} />
      </Form>
      <p role="status" className="result-count">{t.result(total, from, from + rows.length - 1)}</p>
      {rows.length === 0 ? (
        total > 0 ? <p className="empty-state">{t.pageBeyond} <Link to={`?${withoutPage(searchParams)}`}>{t.firstPage}</Link></p>
        : filtered ? <p className="empty-state">{t.emptyFiltered}</p>
        : <div className="empty-state"><p>{t.emptyNone}</p><p><Link to="/pipeline">{t.emptyNoneAction}</Link></p></div>
      ) : <LessonList rows={rows} />}
      <Pagination page={page} pageCount={pageCount} search={searchParams} />
    </section>
  );
}
