import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { type AdminActionData, actionDataFromRefusal, actionDataFromZod, submittedValues } from "~/components/admin/action-data";
import { AdminErrors, AdminNotice, errorsFor } from "~/components/admin/feedback";
import { UnitCreateForm } from "~/components/admin/unit-forms";
import { UnitTree } from "~/components/admin/unit-tree";
import { messagesFor } from "~/i18n";
import { countUnits, listUnitsWithCounts, UNIT_LIST_LIMIT } from "~/models/units.server";
import { unitCreateSchema, unitTreeFilterSchema } from "~/schemas/admin-unit";
import { createUnit } from "~/services/units.server";
import { requirePermission } from "~/utils/auth.server";
import { getDatabase } from "~/utils/db.server";
import { metaLocale, useMessages } from "~/utils/locale";
import { readFormData } from "~/utils/form-data.server";

export const meta: MetaFunction = ({ matches }) => [{ title: messagesFor(metaLocale(matches)).admin.units.title }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "admin.units.manage");
  const { visa } = unitTreeFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { db } = await getDatabase();
  const [units, counts] = await Promise.all([listUnitsWithCounts(db, { includeInactive: visa === "alla" }), countUnits(db)]);
  return { units, showInactive: visa === "alla", truncated: units.length >= UNIT_LIST_LIMIT, anyAtAll: counts.total > 0 };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "admin.units.manage");
  const form = await readFormData(request);
  const values = submittedValues(form, ["name", "kind", "parentId"]);
  const parsed = unitCreateSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return data<AdminActionData>(actionDataFromZod("create", parsed.error, values), { status: 400 });
  const { db } = await getDatabase();
  const result = await createUnit(db, { actorId: admin.id, ipAddress: context.clientIp ?? null, now: new Date() }, parsed.data);
  if (!result.ok) return data<AdminActionData>(actionDataFromRefusal("create", result, values), { status: 400 });
  return redirect(`/admin/units/${result.id}?meddelande=enhet-skapad`);
}

export default function AdminUnits() {
  const { units, showInactive, truncated, anyAtAll } = useLoaderData<typeof loader>();
  const actionData = useActionData<AdminActionData>();
  const t = useMessages().admin.units;
  return (
    <section aria-labelledby="enheter-rubrik">
      <h2 id="enheter-rubrik" className="admin__page-heading">{t.heading}</h2>
      <p className="lead">{t.lead}</p>
      <AdminNotice />
      <ul className="inline-links">
        <li><a href="#ny-enhet">{t.jumpToCreate}</a></li>
        <li><Link to={showInactive ? "/admin/units" : "/admin/units?visa=alla"}>{showInactive ? t.hideInactive : t.showInactive}</Link></li>
      </ul>
      {truncated && <p className="alert">{t.truncated(units.length)}</p>}
      {units.length > 0 ? <UnitTree units={units} /> : <p className="empty-state">{anyAtAll ? t.emptyActive : t.empty}</p>}

      <section className="panel admin-create" id="ny-enhet" tabIndex={-1} aria-labelledby="ny-enhet-rubrik">
        <h3 id="ny-enhet-rubrik" className="panel__heading">{t.createHeading}</h3>
        <AdminErrors actionData={actionData} />
        <UnitCreateForm units={units} serverErrors={errorsFor(actionData, "create")} values={actionData?.values} />
      </section>
    </section>
  );
}
