import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { fieldErrorsByField } from "~/components/admin/action-data";
import { AuditFilterForm, type AuditFilterValues, type AuditRowView, AuditTable } from "~/components/admin/audit-log";
import type { FieldErrors } from "~/components/forms";
import { messagesFor } from "~/i18n";
import { type AuditLogQuery, entityNames, listAuditActions, listAuditLog } from "~/models/audit-log-query.server";
import { idSchema } from "~/schemas/admin-user";
import { auditFilterSchema } from "~/schemas/audit-filter";
import { requirePermission } from "~/utils/auth.server";
import { getDatabase } from "~/utils/db.server";
import { metaLocale, useMessages } from "~/utils/locale";

export const meta: MetaFunction = ({ matches }) => [{ title: messagesFor(metaLocale(matches)).admin.audit.title }];

const PAGE_SIZE = 50;

interface AuditPage {
  values: AuditFilterValues;
  errors: FieldErrors;
  actions: string[];
  rows: AuditRowView[];
  /** Cursors for the previous (newer) and next (older) page; null when there is none. */
  newerThan: number | null;
  olderThan: number | null;
  paged: boolean;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "admin.audit.view");
  const raw = Object.fromEntries(new URL(request.url).searchParams);
  const values = { person: raw.person ?? "", handelse: raw.handelse ?? "", fran: raw.fran ?? "", till: raw.till ?? "" };
  const { db } = await getDatabase();
  const actions = await listAuditActions(db);
  const parsed = auditFilterSchema.safeParse(raw);
  if (!parsed.success) {
    const page: AuditPage = { values, errors: fieldErrorsByField(parsed.error), actions, rows: [], newerThan: null, olderThan: null, paged: false };
    return data(page, { status: 400 });
  }
  const filter = parsed.data;
  const person = idSchema.safeParse(filter.person);
  const query: AuditLogQuery = {
    person: !filter.person ? null : person.success ? { userId: person.data.toLowerCase() } : { text: filter.person },
    action: filter.handelse || null,
    fromDate: filter.fran,
    toDate: filter.till,
    cursor: filter.fore ? { direction: "newer", id: filter.fore } : filter.efter ? { direction: "older", id: filter.efter } : null,
    pageSize: PAGE_SIZE,
  };
  const result = await listAuditLog(db, query);
  const idsOf = (type: string) => [...new Set(result.rows.filter((r) => r.entityType === type && r.entityId && idSchema.safeParse(r.entityId).success).map((r) => r.entityId!))];
  const names = await entityNames(db, { users: idsOf("user"), units: idsOf("unit"), ideas: idsOf("idea") });
  const page: AuditPage = {
    values, errors: {}, actions,
    rows: result.rows.map((row) => ({
      ...row, createdAt: row.createdAt.toISOString(), entityName: (row.entityId && names[row.entityId]) || null,
    })),
    newerThan: result.hasNewer ? result.rows[0]!.id : null,
    olderThan: result.hasOlder ? result.rows.at(-1)!.id : null,
    paged: query.cursor !== null,
  };
  return data(page);
}

export default function AdminAudit() {
  const { values, errors, actions, rows, newerThan, olderThan, paged } = useLoaderData<AuditPage>();
  const t = useMessages().admin.audit;
  const filterQuery = (extra: Record<string, string>) => {
    const search = new URLSearchParams(Object.entries(values).filter(([, value]) => value !== ""));
    for (const [key, value] of Object.entries(extra)) search.set(key, value);
    return `/admin/audit?${search}`;
  };
  return (
    <section aria-labelledby="granskning-rubrik">
      <h2 id="granskning-rubrik" className="admin__page-heading">{t.heading}</h2>
      <p className="lead">{t.lead}</p>
      <AuditFilterForm values={values} actions={actions} errors={errors} />
      <p role="status" className="result-count">{t.shown(rows.length)}</p>
      {rows.length === 0 ? <p className="empty-state">{t.empty}</p> : <AuditTable rows={rows} />}
      {(newerThan !== null || olderThan !== null || paged) && (
        <nav aria-label={t.pagesLabel} className="pagination">
          <ul>
            {paged && <li><Link to={filterQuery({})}>{t.latest}</Link></li>}
            {newerThan !== null && <li><Link to={filterQuery({ fore: String(newerThan) })} rel="prev">{t.newer}</Link></li>}
            {olderThan !== null && <li><Link to={filterQuery({ efter: String(olderThan) })} rel="next">{t.older}</Link></li>}
          </ul>
        </nav>
      )}
    </section>
  );
}
