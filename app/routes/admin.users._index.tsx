import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { FilterActions } from "~/components/filter-actions";
import { Form, Link, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { fieldErrorsByField } from "~/components/admin/action-data";
import { Pagination, withoutPage } from "~/components/admin/pagination";
import { Field, type FieldErrors } from "~/components/forms";
import { ROLES } from "~/domain/vocabulary";
import { messagesFor } from "~/i18n";
import { searchUsers, type UserListRow } from "~/models/admin-users.server";
import { topLevelNames } from "~/models/units.server";
import { USER_STATUS_FILTERS, userSearchSchema } from "~/schemas/admin-user";
import { requirePermission } from "~/utils/auth.server";
import { getDatabase } from "~/utils/db.server";
import { metaLocale, useMessages } from "~/utils/locale";

export const meta: MetaFunction = ({ matches }) => [{ title: messagesFor(metaLocale(matches)).admin.users.title }];

const PAGE_SIZE = 25;
const STATUS = { aktiva: "active", inaktiverade: "deactivated", alla: "all" } as const;

interface UsersPage {
  values: { q: string; roll: string; status: string };
  errors: FieldErrors;
  rows: (UserListRow & { unitContext: string | null })[];
  total: number;
  page: number;
  pageCount: number;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "admin.users.manage");
  const raw = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = userSearchSchema.safeParse(raw);
  const values = { q: raw.q ?? "", roll: raw.roll ?? "", status: raw.status ?? "aktiva" };
  if (!parsed.success) {
    const errors = fieldErrorsByField(parsed.error);
    return data<UsersPage>({ values, errors, rows: [], total: 0, page: 1, pageCount: 0 }, { status: 400 });
  }
  const { q, roll, status, sida } = parsed.data;
  const { db } = await getDatabase();
  const result = await searchUsers(db, { q, role: roll || null, status: STATUS[status], page: sida, pageSize: PAGE_SIZE });
  const pageCount = Math.ceil(result.total / PAGE_SIZE);
  const tops = await topLevelNames(db, [...new Set(result.rows.flatMap((row) => (row.unitId ? [row.unitId] : [])))]);
  const rows = result.rows.map((row) => ({ ...row, unitContext: row.unitId ? (tops[row.unitId] ?? null) : null }));
  return data<UsersPage>({ values, errors: {}, rows, total: result.total, page: sida, pageCount });
}

export default function AdminUsers() {
  const { values, errors, rows, total, page, pageCount } = useLoaderData<UsersPage>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const messages = useMessages();
  const t = messages.admin.users;
  const searching = navigation.state === "loading" && navigation.location.pathname === "/admin/users";
  const from = total === 0 ? 0 : (page - 1) * PAGE_SIZE + 1;
  return (
    <section aria-labelledby="anvandare-rubrik">
      <h2 id="anvandare-rubrik" className="admin__page-heading">{t.heading}</h2>
      <Form method="get" className="filter-form" role="search" aria-label={t.searchLabel}>
        <Field name="q" label={t.q} error={errors.q}>
          {(a11y) => <input {...a11y} type="search" name="q" defaultValue={values.q} maxLength={200} autoComplete="off" />}
        </Field>
        <Field name="roll" label={t.role} error={errors.roll}>
          {(a11y) => (
            <select {...a11y} name="roll" defaultValue={values.roll}>
              <option value="">{t.anyRole}</option>
              {ROLES.map((role) => <option key={role} value={role}>{messages.roles[role]}</option>)}
            </select>
          )}
        </Field>
        <Field name="status" label={t.status} error={errors.status}>
          {(a11y) => (
            <select {...a11y} name="status" defaultValue={values.status}>
              {USER_STATUS_FILTERS.map((status) => <option key={status} value={status}>{t.statusOptions[status]}</option>)}
            </select>
          )}
        </Field>
        <FilterActions pending={searching} label={t.search} pendingLabel={t.searching} clearHref="/admin/users" clearLabel={t.clear} />
      </Form>

      <p role="status" className="result-count">{t.result(total, from, from + rows.length - 1)}</p>
      {rows.length === 0 ? (
        total > 0
          ? <p className="empty-state">{t.pageBeyond} <Link to={`?${withoutPage(searchParams)}`}>{t.firstPage}</Link></p>
          : <p className="empty-state">{t.empty}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="anvandare-tabell" tabIndex={0}>
          <table className="data-table">
            <caption id="anvandare-tabell" className="visually-hidden">{t.caption}</caption>
            <thead>
              <tr>
                {(["name", "email", "unit", "roles", "status"] as const).map((column) => (
                  <th key={column} scope="col">{t.columns[column]}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((user) => (
                <tr key={user.id}>
                  <th scope="row"><Link to={`/admin/users/${user.id}`}>{user.name}</Link></th>
                  <td>{user.email}</td>
                  <td>
                    {user.unitName ?? <span className="muted">{t.noUnit}</span>}
                    {user.unitContext && <span className="cell-context">{user.unitContext}</span>}
                  </td>
                  <td>{user.roles.length ? user.roles.map((role) => messages.roles[role]).join(", ") : <span className="muted">{t.noRoles}</span>}</td>
                  <td>
                    {user.active ? messages.admin.active : <span className="badge badge--inactive">{messages.admin.deactivated}</span>}
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
