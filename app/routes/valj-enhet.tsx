import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorSummary, Field, type FieldErrors, fieldErrorsOf, useValidatedForm } from "~/components/forms";
import { messagesFor } from "~/i18n";
import { groupUnits, listSelectableUnits } from "~/models/selectable-unit.server";
import { chooseUnitSchema } from "~/schemas/choose-unit";
import { chooseOwnUnit } from "~/services/choose-unit.server";
import { requireUser, safeRedirectPath } from "~/utils/auth.server";
import { getDatabase } from "~/utils/db.server";
import { metaLocale, useMessages } from "~/utils/locale";
import { readFormData } from "~/utils/form-data.server";

// GET/POST /valj-enhet: someone who signed in with the city's account but has no unit picks it, once.

export const meta: MetaFunction = ({ matches }) => [{ title: messagesFor(metaLocale(matches)).sso.chooseUnitTitle }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const redirectTo = safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"));
  if (user.unitId) throw redirect(redirectTo);
  const { db } = await getDatabase();
  return { groups: groupUnits(await listSelectableUnits(db)), redirectTo };
}

type ActionData = { fieldErrors: FieldErrors; values: { unitId: string } };

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = Object.fromEntries(await readFormData(request));
  const redirectTo = safeRedirectPath(form.redirectTo);
  if (user.unitId) throw redirect(redirectTo);
  const values = { unitId: typeof form.unitId === "string" ? form.unitId : "" };
  const parsed = chooseUnitSchema.safeParse(form);
  if (!parsed.success) return data<ActionData>({ fieldErrors: fieldErrorsOf(parsed.error), values }, { status: 400 });
  const { db } = await getDatabase();
  const result = await chooseOwnUnit(db, { userId: user.id, unitId: parsed.data.unitId, ipAddress: context.clientIp ?? null });
  if (!result.ok && result.reason === "unknown_unit") {
    return data<ActionData>({ fieldErrors: { unitId: messagesFor(user.locale).sso.unknownUnit }, values }, { status: 400 });
  }
  return redirect(redirectTo);
}

export default function ChooseUnitPage() {
  const { groups, redirectTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const navigation = useNavigation();
  const t = useMessages().sso;
  const { form, formRef, onSubmit, field } = useValidatedForm({
    schema: chooseUnitSchema,
    defaultValues: { unitId: actionData?.values.unitId ?? "", redirectTo },
    serverErrors: actionData?.fieldErrors,
  });
  const error = form.formState.errors.unitId?.message;
  const submitting = navigation.state !== "idle" && navigation.formMethod?.toUpperCase() === "POST";
  const summary: FieldErrors = { ...(actionData?.fieldErrors ?? {}), ...(error ? { unitId: error } : {}) };

  return (
    <section className="narrow" aria-labelledby="valj-enhet-rubrik">
      <h1 id="valj-enhet-rubrik">{t.chooseUnitHeading}</h1>
      <p className="lead">{t.chooseUnitLead}</p>
      <ErrorSummary errors={summary} title={t.errorSummaryTitle} />
      <Form method="post" ref={formRef} onSubmit={onSubmit} noValidate className="stack">
        <input type="hidden" {...field("redirectTo")} />
        <Field name="unitId" label={t.unitLabel} hint={t.unitHint} error={error}>
          {(a11y) => (
            <select {...a11y} required {...field("unitId")}>
              <option value="">{t.unitPlaceholder}</option>
              {groups.map((group) => (
                <optgroup key={group.id} label={group.name}>
                  {group.units.map((unit) => <option key={unit.id} value={unit.id}>{unit.label}</option>)}
                </optgroup>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" className="button button--primary" disabled={submitting} aria-disabled={submitting}>
          {submitting ? t.submitting : t.submit}
        </button>
      </Form>
    </section>
  );
}
