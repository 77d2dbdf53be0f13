import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { type AdminActionData, actionDataFromRefusal, actionDataFromZod, submittedValues } from "~/components/admin/action-data";
import { AdminErrors, AdminNotice, errorsFor } from "~/components/admin/feedback";
import type { UnitNode } from "~/components/admin/unit-order";
import { UserAccessForm, UserStatusForm, UserUnitForm } from "~/components/admin/user-forms";
import type { Role } from "~/domain/vocabulary";
import { formatDate, formatNumber, messagesFor } from "~/i18n";
import { findUserForAdmin } from "~/models/admin-users.server";
import { listUnits } from "~/models/units.server";
import { idSchema, userActionInput, userActionSchema } from "~/schemas/admin-user";
import type { AdminRefusal } from "~/services/admin-change.server";
import { changeHomeUnit, deactivateUser, reactivateUser, updateUserAccess } from "~/services/admin-users.server";
import { requirePermission } from "~/utils/auth.server";
import { getDatabase } from "~/utils/db.server";
import { metaLocale, useLocale, useMessages } from "~/utils/locale";
import { readFormData } from "~/utils/form-data.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? `${data.user.name} – ${messagesFor(metaLocale(matches)).admin.userEdit.title}` : messagesFor(metaLocale(matches)).admin.userEdit.title },
];

/** A malformed id never reaches PostgreSQL (it would be a 500 there): it is simply a page that does not exist. */
function userIdOf(params: { userId?: string }): string {
  const parsed = idSchema.safeParse(params.userId);
  if (!parsed.success) throw new Response(messagesFor("sv").admin.errors.userNotFound, { status: 404 });
  return parsed.data.toLowerCase();
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requirePermission(request, "admin.users.manage");
  const userId = userIdOf(params);
  const { db } = await getDatabase();
  const [user, units] = await Promise.all([findUserForAdmin(db, userId, new Date()), listUnits(db, { includeInactive: true })]);
  if (!user) throw new Response(messagesFor("sv").admin.errors.userNotFound, { status: 404 });
  return {
    user: {
      ...user,
      deactivatedAt: user.deactivatedAt?.toISOString() ?? null,
      createdAt: user.createdAt.toISOString(),
      lastSignInAt: user.lastSignInAt?.toISOString() ?? null,
    },
    units: units as UnitNode[],
    isSelf: user.id === admin.id,
  };
}

const NOTICES = { access: "roller-sparade", unit: "hemenhet-sparad", deactivate: "konto-inaktiverat", reactivate: "konto-ateraktiverat" };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "admin.users.manage");
  const userId = userIdOf(params);
  const form = await readFormData(request);
  const intent = String(form.get("intent") ?? "");
  const values = submittedValues(form, ["unitId"], ["roles", "scopeUnitIds"]);
  const parsed = userActionSchema.safeParse(userActionInput(form));
  if (!parsed.success) return data<AdminActionData>(actionDataFromZod(intent, parsed.error, values), { status: 400 });
  const { db } = await getDatabase();
  const actor = { actorId: admin.id, ipAddress: context.clientIp ?? null, now: new Date() };
  const input = parsed.data;
  const result =
    input.intent === "access" ? await updateUserAccess(db, actor, userId, input)
    : input.intent === "unit" ? await changeHomeUnit(db, actor, userId, input.unitId)
    : input.intent === "deactivate" ? await deactivateUser(db, actor, userId)
    : await reactivateUser(db, actor, userId);
  if (!result.ok) return refused(input.intent, result, values);
  const notice = result.changed ? NOTICES[input.intent] : "ingen-andring";
  return redirect(`/admin/users/${userId}?meddelande=${notice}`);
}

function refused(intent: string, refusal: AdminRefusal, values: AdminActionData["values"]) {
  if (refusal.status === 404) throw new Response(refusal.formError, { status: 404 });
  return data<AdminActionData>(actionDataFromRefusal(intent, refusal, values), { status: 400 });
}

export default function AdminUserPage() {
  const { user, units, isSelf } = useLoaderData<typeof loader>();
  const actionData = useActionData<AdminActionData>();
  const messages = useMessages();
  const t = messages.admin.userEdit;
  const locale = useLocale();
  const date = (iso: string) => formatDate(locale, new Date(iso));
  // What the person typed in the refused form (kept, also without JavaScript); other forms show saved values.
  const sent = (intent: string, key: string) => (actionData?.intent === intent ? actionData.values?.[key] : undefined);
  const list = (intent: string, key: string) => { const v = sent(intent, key); return Array.isArray(v) ? v : undefined; };
  const single = (intent: string, key: string) => { const v = sent(intent, key); return typeof v === "string" ? v : undefined; };
  return (
    <section aria-labelledby="anvandare-namn">
      <p><Link to="/admin/users">{t.back}</Link></p>
      <h2 id="anvandare-namn" className="admin__page-heading">{user.name} {isSelf && <span className="muted">{t.you}</span>}</h2>
      <AdminNotice />
      <AdminErrors actionData={actionData} />
      <dl className="facts" aria-label={t.factsLabel}>
        <div><dt>{t.email}</dt><dd className="break">{user.email}</dd></div>
        <div>
          <dt>{t.status}</dt>
          <dd>{user.active ? messages.admin.active : t.deactivatedSince(user.deactivatedAt ? date(user.deactivatedAt) : "–")}</dd>
        </div>
        <div><dt>{t.signIn}</dt><dd>{t.signInMethods(user.hasPassword, user.hasSso)}</dd></div>
        <div><dt>{t.lastSignIn}</dt><dd>{user.lastSignInAt ? date(user.lastSignInAt) : t.never}</dd></div>
        <div><dt>{t.sessions}</dt><dd>{formatNumber(locale, user.activeSessions)}</dd></div>
      </dl>

      <section className="panel" aria-labelledby="roller-rubrik">
        <h3 id="roller-rubrik" className="panel__heading">{t.accessHeading}</h3>
        <UserAccessForm
          roles={(list("access", "roles") as Role[] | undefined) ?? user.roles}
          scopeUnitIds={list("access", "scopeUnitIds") ?? user.scopeUnitIds}
          units={units} isSelf={isSelf} serverErrors={errorsFor(actionData, "access")} />
      </section>
      <section className="panel" aria-labelledby="hemenhet-rubrik">
        <h3 id="hemenhet-rubrik" className="panel__heading">{t.unitHeading}</h3>
        <UserUnitForm unitId={user.unitId} units={units} value={single("unit", "unitId")} serverErrors={errorsFor(actionData, "unit")} />
      </section>
      <section className="panel" aria-labelledby="konto-rubrik">
        <h3 id="konto-rubrik" className="panel__heading">{t.accountHeading}</h3>
        <UserStatusForm active={user.active} isSelf={isSelf} />
      </section>
    </section>
  );
}
