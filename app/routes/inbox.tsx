import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { fieldErrorsByField } from "~/components/admin/action-data";
import { Pagination, withoutPage } from "~/components/admin/pagination";
import type { FieldErrors } from "~/components/forms";
import { type InboxFilterValues, InboxFilters, StageCounts } from "~/components/inbox/inbox-filters";
import { type InboxTableRow, InboxTable } from "~/components/inbox/inbox-table";
import { INBOX_PAGE_SIZE, isOverdue, wholeDaysBetween } from "~/domain/inbox";
import { can } from "~/domain/permissions";
import type { Stage } from "~/domain/vocabulary";
import { messagesFor } from "~/i18n";
import { getInboxOverdueDays } from "~/models/app-settings.server";
import { listInbox, unitName } from "~/models/inbox.server";
import { unitPathOf } from "~/models/unit-path.server";
import { inboxFilterSchema } from "~/schemas/inbox";
import adminStyles from "~/styles/admin.css";
import inboxStyles from "~/styles/inbox.css";
import { requirePermission } from "~/utils/auth.server";
import { getDatabase } from "~/utils/db.server";
import { knownNotice, metaLocale, useMessages } from "~/utils/locale";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: adminStyles }, { rel: "stylesheet", href: inboxStyles }];
export const meta: MetaFunction = ({ matches }) => [{ title: messagesFor(metaLocale(matches)).inbox.title }];

interface InboxData {
  userId: string;
  values: InboxFilterValues;
  errors: FieldErrors;
  scopeName: string | null;
  rows: InboxTableRow[];
  stageCounts: Partial<Record<Stage, number>>;
  total: number;
  page: number;
  pageCount: number;
  overdueDays: number;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "inbox.view");
  const raw = Object.fromEntries(new URL(request.url).searchParams);
  const keys = ["steg", "typ", "fokus", "alder", "agare", "sortering", "enhet"] as const;
  const values = Object.fromEntries(keys.map((key) => [key, raw[key] ?? ""])) as InboxFilterValues;
  const empty = { userId: user.id, values, scopeName: null, rows: [], stageCounts: {}, total: 0, page: 1, pageCount: 0, overdueDays: 14 };
  const parsed = inboxFilterSchema.safeParse(raw);
  if (!parsed.success) return data<InboxData>({ ...empty, errors: fieldErrorsByField(parsed.error) }, { status: 400 });
  const filter = parsed.data;
  const { db } = await getDatabase();

  // ?enhet narrows to one unit (and below) that the person may see; administrators may pick any unit.
  let scopeUnitIds: readonly string[] | null;
  let scopeName: Promise<string | null> = Promise.resolve(null);
  if (filter.enhet) {
    const unitPath = await unitPathOf(db, filter.enhet);
    if (unitPath.length === 0) {
      return data<InboxData>({ ...empty, errors: { enhet: "Enheten finns inte." } }, { status: 400 });
    }
    await requirePermission(request, "inbox.view", { unitPath });
    scopeUnitIds = [filter.enhet];
    scopeName = unitName(db, filter.enhet);
  } else if (user.scopeUnitIds.length === 0 && can(user, "inbox.view", { unitPath: [] })) {
    scopeUnitIds = null; // an administrator without units of their own sees every unit
  } else {
    scopeUnitIds = user.scopeUnitIds;
  }

  const now = new Date();
  const [overdueDays, result, name] = await Promise.all([
    getInboxOverdueDays(db),
    listInbox(db, { scopeUnitIds, filter, userId: user.id, now, pageSize: INBOX_PAGE_SIZE }),
    scopeName,
  ]);
  const rows = result.rows.map((row) => ({
    id: row.id, reference: row.reference, title: row.title, unitName: row.unitName, stage: row.stage,
    ownerId: row.ownerId, ownerName: row.ownerName, supportCount: row.supportCount, version: row.version,
    daysInStage: wholeDaysBetween(row.stageChangedAt, now),
    overdue: isOverdue({ stage: row.stage, stageChangedAt: row.stageChangedAt }, overdueDays, now),
  }));
  const pageCount = Math.ceil(result.total / INBOX_PAGE_SIZE);
  return data<InboxData>({
    userId: user.id, values, errors: {}, scopeName: name, rows, stageCounts: result.stageCounts, total: result.total,
    page: filter.sida, pageCount, overdueDays,
  });
}

export default function Inbox() {
  const { userId, values, errors, scopeName, rows, stageCounts, total, page, pageCount, overdueDays } = useLoaderData<InboxData>();
  const [searchParams] = useSearchParams();
  const t = useMessages().inbox;
  const notice = searchParams.get("meddelande");
  const from = total === 0 ? 0 : (page - 1) * INBOX_PAGE_SIZE + 1;
  const returnSearch = new URLSearchParams(searchParams);
  returnSearch.delete("meddelande");
  const returnTo = `/inbox${returnSearch.size ? `?${returnSearch}` : ""}`;
  const filtered = ["steg", "typ", "fokus", "alder"].some((key) => values[key as keyof InboxFilterValues])
    || (values.agare !== "" && values.agare !== "alla");
  return (
    <section aria-labelledby="inkorg-rubrik">
      <h1 id="inkorg-rubrik">{scopeName ? t.unitHeading(scopeName) : t.heading}</h1>
      <p className="lead">{t.lead}</p>
      <div role="status" className="inbox-notice">
        {knownNotice(t.notices, notice) && <p className="alert alert--success">{knownNotice(t.notices, notice)}</p>}
      </div>
      <InboxFilters values={values} errors={errors} />
      <StageCounts counts={stageCounts} current={values.steg} search={searchParams} />
      <p role="status" className="result-count">{t.result(total, from, from + rows.length - 1)}</p>
      {rows.length === 0 ? (
        total > 0
          ? <p className="empty-state">{t.pageBeyond} <Link to={`?${withoutPage(searchParams, "meddelande")}`}>{t.firstPage}</Link></p>
          : <p className="empty-state">{filtered || values.steg ? t.emptyFiltered : t.emptyInbox}</p>
      ) : (
        <InboxTable rows={rows} userId={userId} overdueDays={overdueDays} returnTo={returnTo} />
      )}
      <Pagination page={page} pageCount={pageCount} search={searchParams} />
    </section>
  );
}
