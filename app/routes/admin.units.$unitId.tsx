import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { type AdminActionData, actionDataFromRefusal, actionDataFromZod, submittedValues } from "~/components/admin/action-data";
import { AdminErrors, AdminNotice, errorsFor } from "~/components/admin/feedback";
import { UnitDeleteForm, UnitMoveForm, UnitRenameForm, UnitStatusForm } from "~/components/admin/unit-forms";
import { formatNumber, messagesFor } from "~/i18n";
import { childUnits, descendantIds, findUnit, listUnits, unitDependents, unitPath } from "~/models/units.server";
import { idSchema } from "~/schemas/admin-user";
import { unitActionSchema } from "~/schemas/admin-unit";
import type { AdminRefusal } from "~/services/admin-change.server";
import { deactivateUnit, deleteUnit, moveUnit, reactivateUnit, renameUnit } from "~/services/units.server";
import { requirePermission } from "~/utils/auth.server";
import { getDatabase } from "~/utils/db.server";
import { metaLocale, useLocale, useMessages } from "~/utils/locale";
import { readFormData } from "~/utils/form-data.server";

const CHILD_LIMIT = 100;

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? `${data.unit.name} – ${messagesFor(metaLocale(matches)).admin.unitEdit.title}` : messagesFor(metaLocale(matches)).admin.unitEdit.title },
];

/** A malformed id never reaches PostgreSQL (it would be a 500 there): it is a page that does not exist. */
function unitIdOf(params: { unitId?: string }): string {
  const parsed = idSchema.safeParse(params.unitId);
  if (!parsed.success) throw new Response(messagesFor("sv").admin.errors.unitNotFound, { status: 404 });
  return parsed.data.toLowerCase();
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "admin.units.manage");
  const unitId = unitIdOf(params);
  const { db } = await getDatabase();
  const unit = await findUnit(db, unitId);
  if (!unit) throw new Response(messagesFor("sv").admin.errors.unitNotFound, { status: 404 });
  const [path, use, children, below, units] = await Promise.all([
    unitPath(db, unitId), unitDependents(db, unitId), childUnits(db, unitId, CHILD_LIMIT), descendantIds(db, unitId), listUnits(db),
  ]);
  const ownBranch = new Set([unitId, ...below]);
  return { unit, path: path.slice(0, -1), use, children, moveCandidates: units.filter((u) => !ownBranch.has(u.id)) };
}

const NOTICES = {
  rename: "enhet-omdopt", move: "enhet-flyttad", deactivate: "enhet-inaktiverad", reactivate: "enhet-ateraktiverad",
} as const;

export async function action({ request, params, context }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "admin.units.manage");
  const unitId = unitIdOf(params);
  const form = await readFormData(request);
  const intent = String(form.get("intent") ?? "");
  const values = submittedValues(form, ["name", "parentId"]);
  const parsed = unitActionSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return data<AdminActionData>(actionDataFromZod(intent, parsed.error, values), { status: 400 });
  const { db } = await getDatabase();
  const actor = { actorId: admin.id, ipAddress: context.clientIp ?? null, now: new Date() };
  const input = parsed.data;
  if (input.intent === "delete") {
    const deleted = await deleteUnit(db, actor, unitId);
    if (deleted.ok) return redirect("/admin/units?meddelande=enhet-borttagen");
    return refused(input.intent, deleted, values);
  }
  const result =
    input.intent === "rename" ? await renameUnit(db, actor, unitId, input.name)
    : input.intent === "move" ? await moveUnit(db, actor, unitId, input.parentId.toLowerCase())
    : input.intent === "deactivate" ? await deactivateUnit(db, actor, unitId)
    : await reactivateUnit(db, actor, unitId);
  if (!result.ok) return refused(input.intent, result, values);
  return redirect(`/admin/units/${unitId}?meddelande=${result.changed ? NOTICES[input.intent] : "ingen-andring"}`);
}

function refused(intent: string, refusal: AdminRefusal, values: AdminActionData["values"]) {
  if (refusal.status === 404) throw new Response(refusal.formError, { status: 404 });
  return data<AdminActionData>(actionDataFromRefusal(intent, refusal, values), { status: 400 });
}

export default function AdminUnitPage() {
  const { unit, path, use, children, moveCandidates } = useLoaderData<typeof loader>();
  const actionData = useActionData<AdminActionData>();
  const messages = useMessages().admin;
  const t = messages.unitEdit;
  const locale = useLocale();
  const sent = (intent: string, key: string) => {
    const value = actionData?.intent === intent ? actionData.values?.[key] : undefined;
    return typeof value === "string" ? value : undefined;
  };
  const deletable = Object.values(use).every((count) => count === 0);
  const facts: [string, number][] = [
    [t.ideas, use.ideas], [t.users, use.users], [t.scopes, use.scopes], [t.children, use.children], [t.businessCaseLines, use.businessCaseLines],
  ];
  return (
    <section aria-labelledby="enhet-namn">
      <p><Link to="/admin/units">{t.back}</Link></p>
      {path.length > 0 && (
        <nav aria-label={t.pathLabel} className="unit-path">
          <ol>{path.map((p) => <li key={p.id}><Link to={`/admin/units/${p.id}`}>{p.name}</Link></li>)}</ol>
        </nav>
      )}
      <h2 id="enhet-namn" className="admin__page-heading">{unit.name}</h2>
      <AdminNotice />
      <AdminErrors actionData={actionData} />
      <dl className="facts" aria-label={t.factsLabel}>
        <div><dt>{t.kind}</dt><dd>{messages.unitKinds[unit.kind]}</dd></div>
        <div><dt>{t.status}</dt><dd>{unit.active ? messages.active : messages.deactivated}</dd></div>
        <div><dt>{t.parent}</dt><dd>{path.at(-1)?.name ?? t.topLevel}</dd></div>
        {facts.map(([label, value]) => <div key={label}><dt>{label}</dt><dd>{formatNumber(locale, value)}</dd></div>)}
      </dl>

      <section className="panel" aria-labelledby="namn-rubrik">
        <h3 id="namn-rubrik" className="panel__heading">{t.renameHeading}</h3>
        <UnitRenameForm name={unit.name} value={sent("rename", "name")} serverErrors={errorsFor(actionData, "rename")} />
      </section>
      <section className="panel" aria-labelledby="flytta-rubrik">
        <h3 id="flytta-rubrik" className="panel__heading">{t.moveHeading}</h3>
        <UnitMoveForm kind={unit.kind} parentId={unit.parentId} candidates={moveCandidates}
          value={sent("move", "parentId")} serverErrors={errorsFor(actionData, "move")} />
      </section>
      <section className="panel" aria-labelledby="status-rubrik">
        <h3 id="status-rubrik" className="panel__heading">{t.statusHeading}</h3>
        <UnitStatusForm active={unit.active} />
      </section>
      <section className="panel" aria-labelledby="ta-bort-rubrik">
        <h3 id="ta-bort-rubrik" className="panel__heading">{t.deleteHeading}</h3>
        {deletable ? <UnitDeleteForm /> : <p>{messages.errors.unitInUse(use)}</p>}
      </section>

      <section aria-labelledby="underenheter-rubrik">
        <h3 id="underenheter-rubrik">{t.childrenHeading}</h3>
        {children.length === 0 ? <p className="empty-state">{t.noChildren}</p> : (
          <>
            <ul className="plain-list child-list">
              {children.map((child) => (
                <li key={child.id}>
                  <Link to={`/admin/units/${child.id}`}>{child.name}</Link>{" "}
                  <span className="muted">{messages.unitKinds[child.kind]}{child.active ? "" : ` · ${messages.deactivated}`}</span>
                </li>
              ))}
            </ul>
            {use.children > children.length && <p className="muted">{t.moreChildren(children.length)}</p>}
          </>
        )}
      </section>
    </section>
  );
}
