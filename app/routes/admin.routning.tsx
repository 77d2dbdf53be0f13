import { type ActionFunctionArgs, data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { actionDataFromZod, type AdminActionData, submittedValues } from "~/components/admin/action-data";
import { AdminErrors, SubmitButton } from "~/components/admin/feedback";
import { Field } from "~/components/forms";
import { IDEA_KINDS } from "~/domain/vocabulary";
import { messagesFor } from "~/i18n";
import { listPossibleOwners, listRoutingRules } from "~/models/routing-rules.server";
import { groupUnits, listSelectableUnits } from "~/models/selectable-unit.server";
import { routingRuleChangeSchema, routingRuleCreateSchema } from "~/schemas/routing-rule";
import { changeRoutingRule, createRoutingRule } from "~/services/routing-rules.server";
import submitStyles from "~/styles/submit.css";
import { requirePermission } from "~/utils/auth.server";
import { getDatabase } from "~/utils/db.server";
import { knownNotice, metaLocale, useMessages } from "~/utils/locale";
import { readFormData } from "~/utils/form-data.server";

export const meta: MetaFunction = ({ matches }) => [{ title: `${messagesFor(metaLocale(matches)).submit.routing.title} – Idéslussen` }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: submitStyles }];

const FIELDS = ["unitId", "kind", "ownerId", "priority", "description"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "admin.routing.manage");
  const { db } = await getDatabase();
  return {
    rules: await listRoutingRules(db),
    owners: await listPossibleOwners(db),
    unitGroups: groupUnits(await listSelectableUnits(db)),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "admin.routing.manage");
  const form = await readFormData(request);
  const { db } = await getDatabase();
  const ip = context.clientIp ?? null;
  const t = messagesFor("sv").submit.routing;
  if (form.get("intent") === "create") {
    const values = submittedValues(form, ["intent", ...FIELDS]);
    const parsed = routingRuleCreateSchema.safeParse(values);
    if (!parsed.success) return data<AdminActionData>(actionDataFromZod("create", parsed.error, values), { status: 400 });
    const { intent: _intent, ...rule } = parsed.data;
    const result = await createRoutingRule(db, { actorId: user.id, ipAddress: ip, rule });
    if (!result.ok) {
      const fieldErrors = "fieldErrors" in result ? result.fieldErrors : {};
      return data<AdminActionData>({ intent: "create", fieldErrors, values }, { status: 400 });
    }
    return redirect("/admin/routning?meddelande=skapad");
  }
  const parsed = routingRuleChangeSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return data<AdminActionData>({ intent: "change", formError: t.notFound }, { status: 400 });
  const result = await changeRoutingRule(db, { actorId: user.id, ipAddress: ip, ruleId: parsed.data.ruleId, change: parsed.data.intent });
  if (!result.ok) return data<AdminActionData>({ intent: "change", formError: t.notFound }, { status: 404 });
  return redirect(`/admin/routning?meddelande=${parsed.data.intent === "delete" ? "borttagen" : "uppdaterad"}`);
}

export default function RoutingRulesPage() {
  const { rules, owners, unitGroups } = useLoaderData<typeof loader>();
  const actionData = useActionData<AdminActionData>();
  const [searchParams] = useSearchParams();
  const messages = useMessages();
  const t = messages.submit.routing;
  const notice = knownNotice(t.notices, searchParams.get("meddelande"));
  const errors = actionData?.intent === "create" ? (actionData.fieldErrors ?? {}) : {};
  const values = (actionData?.values ?? {}) as Record<string, string>;
  const kindName = (kind: (typeof IDEA_KINDS)[number] | null) => (kind ? messages.vocabulary.ideaKinds[kind] : t.anyKind);
  return (
    <section aria-labelledby="routning-rubrik">
      <h2 id="routning-rubrik" className="admin__page-heading">{t.heading}</h2>
      <p>{t.lead}</p>
      <div role="status">{notice && <p className="alert alert--success">{notice}</p>}</div>
      <AdminErrors actionData={actionData} />
      {rules.length === 0 ? <p className="empty-state">{t.empty}</p> : (
        <div className="table-scroll" role="region" aria-labelledby="routning-tabell" tabIndex={0}>
          <table className="data-table">
            <caption id="routning-tabell" className="visually-hidden">{t.caption}</caption>
            <thead>
              <tr>{(["unit", "kind", "owner", "priority", "description", "status", "actions"] as const).map((c) => <th key={c} scope="col">{t.columns[c]}</th>)}</tr>
            </thead>
            <tbody>
              {rules.map((rule) => {
                const what = `${rule.unitName ?? t.anyUnit} / ${kindName(rule.kind)}`;
                return (
                  <tr key={rule.id}>
                    <th scope="row">{rule.unitName ?? t.anyUnit}</th>
                    <td>{kindName(rule.kind)}</td>
                    <td>{rule.ownerName}</td>
                    <td>{rule.priority}</td>
                    <td>{rule.description}</td>
                    <td>{rule.active ? t.active : <span className="badge badge--inactive">{t.inactive}</span>}</td>
                    <td>
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="ruleId" value={rule.id} />
                        <button type="submit" name="intent" value={rule.active ? "deactivate" : "activate"} className="button"
                          aria-label={t.toggleLabel(rule.active ? t.deactivate : t.activate, what)}>
                          {rule.active ? t.deactivate : t.activate}
                        </button>{" "}
                        <button type="submit" name="intent" value="delete" className="button button--danger" aria-label={t.deleteLabel(what)}>
                          {t.delete}
                        </button>
                      </Form>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <h3>{t.addHeading}</h3>
      <Form method="post" className="routing-form" noValidate>
        <input type="hidden" name="intent" value="create" />
        <Field name="unitId" label={t.unitId} hint={t.unitIdHint} error={errors.unitId}>
          {(a11y) => (
            <select {...a11y} name="unitId" defaultValue={values.unitId ?? ""}>
              <option value="">{t.anyUnit}</option>
              {unitGroups.map((group) => (
                <optgroup key={group.id} label={group.name}>
                  {group.units.map((unit) => <option key={unit.id} value={unit.id}>{unit.label}</option>)}
                </optgroup>
              ))}
            </select>
          )}
        </Field>
        <Field name="kind" label={t.kind} error={errors.kind}>
          {(a11y) => (
            <select {...a11y} name="kind" defaultValue={values.kind ?? ""}>
              <option value="">{t.anyKind}</option>
              {IDEA_KINDS.map((kind) => <option key={kind} value={kind}>{messages.vocabulary.ideaKinds[kind]}</option>)}
            </select>
          )}
        </Field>
        <Field name="ownerId" label={t.ownerId} hint={t.ownerIdHint} error={errors.ownerId}>
          {(a11y) => (
            <select {...a11y} name="ownerId" defaultValue={values.ownerId ?? ""}>
              <option value="">{t.chooseOwner}</option>
              {owners.map((owner) => <option key={owner.id} value={owner.id}>{owner.name} ({owner.email})</option>)}
            </select>
          )}
        </Field>
        <Field name="priority" label={t.priority} hint={t.priorityHint} error={errors.priority}>
          {(a11y) => <input {...a11y} name="priority" type="text" inputMode="numeric" defaultValue={values.priority ?? "100"} maxLength={4} />}
        </Field>
        <Field name="description" label={t.description} hint={t.descriptionHint} error={errors.description}>
          {(a11y) => <input {...a11y} name="description" type="text" defaultValue={values.description ?? ""} maxLength={500} />}
        </Field>
        <div><SubmitButton intent="create" label={t.add} /></div>
      </Form>
    </section>
  );
}
