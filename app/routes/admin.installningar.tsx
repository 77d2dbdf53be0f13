import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { ErrorSummary, Field, type FieldErrors, fieldErrorsOf, useValidatedForm } from "~/components/forms";
import { messagesFor } from "~/i18n";
import { BusinessCaseDefaultsForm } from "~/components/business-case/defaults-form";
import { getBusinessCaseDefaults, getInboxOverdueDays } from "~/models/app-settings.server";
import { businessCaseDefaultsSchema, type BusinessCaseDefaultsFields, parseAmount, parseDecimal, percentToRate } from "~/schemas/business-case";
import { updateBusinessCaseDefaults } from "~/services/business-case.server";
import { overdueSettingSchema, type OverdueSettingInput } from "~/schemas/inbox";
import { updateInboxOverdueDays } from "~/services/inbox-settings.server";
import { requirePermission } from "~/utils/auth.server";
import { getDatabase } from "~/utils/db.server";
import { knownNotice, metaLocale, useMessages } from "~/utils/locale";
import { readFormData } from "~/utils/form-data.server";

export const meta: MetaFunction = ({ matches }) => [{ title: messagesFor(metaLocale(matches)).inbox.settings.title }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "admin.settings.manage");
  const { db } = await getDatabase();
  return { overdueDays: await getInboxOverdueDays(db), businessCaseDefaults: await getBusinessCaseDefaults(db) };
}

type ActionData = { fieldErrors: FieldErrors; values: Partial<OverdueSettingInput> };
type DefaultsActionData = { intent: "business_case_defaults"; fieldErrors: FieldErrors; values: Partial<BusinessCaseDefaultsFields> };

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "admin.settings.manage");
  const form = Object.fromEntries(await readFormData(request));
  if (form.intent === "business_case_defaults") return saveBusinessCaseDefaults(form, user.id, context.clientIp ?? null);
  const parsed = overdueSettingSchema.safeParse(form);
  if (!parsed.success) {
    const values = { overdueDays: typeof form.overdueDays === "string" ? form.overdueDays : "" };
    return data<ActionData>({ fieldErrors: fieldErrorsOf(parsed.error), values }, { status: 400 });
  }
  const { db } = await getDatabase();
  const { changed } = await updateInboxOverdueDays(db, {
    actorId: user.id, days: Number(parsed.data.overdueDays), ipAddress: context.clientIp ?? null,
  });
  return redirect(`/admin/installningar?meddelande=${changed ? "installningar-sparade" : "ingen-andring"}`);
}

/** The second form: defaults for new business cases (issue 7). */
async function saveBusinessCaseDefaults(form: Record<string, FormDataEntryValue>, actorId: string, ipAddress: string | null) {
  const parsed = businessCaseDefaultsSchema.safeParse(form);
  if (!parsed.success) {
    const text = (v: unknown) => (typeof v === "string" ? v : "");
    const values = { horizonYears: text(form.horizonYears), discountRate: text(form.discountRate), hourlyCost: text(form.hourlyCost) };
    return data<DefaultsActionData>({ intent: "business_case_defaults", fieldErrors: fieldErrorsOf(parsed.error), values }, { status: 400 });
  }
  const { db } = await getDatabase();
  const { changed } = await updateBusinessCaseDefaults(db, {
    actorId, ipAddress, defaults: {
      horizonYears: Number(parsed.data.horizonYears.trim()),
      discountRate: percentToRate(parseDecimal(parsed.data.discountRate, 2)!),
      hourlyCost: parseAmount(parsed.data.hourlyCost)!,
    },
  });
  return redirect(`/admin/installningar?meddelande=${changed ? "kalkyl-standard-sparad" : "ingen-andring"}`);
}

export default function AdminSettings() {
  const { overdueDays, businessCaseDefaults } = useLoaderData<typeof loader>();
  const answer = useActionData<ActionData | DefaultsActionData>();
  const defaultsAnswer = answer && "intent" in answer ? answer : undefined;
  const actionData = answer && !("intent" in answer) ? answer : undefined;
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const messages = useMessages();
  const t = messages.inbox;
  const { form, formRef, onSubmit, field } = useValidatedForm({
    schema: overdueSettingSchema,
    defaultValues: { overdueDays: actionData?.values.overdueDays ?? String(overdueDays) },
    serverErrors: actionData?.fieldErrors,
  });
  const error = form.formState.errors.overdueDays?.message;
  const submitting = navigation.state === "submitting" && navigation.formData?.get("intent") !== "business_case_defaults";
  const notice = searchParams.get("meddelande");
  return (
    <section aria-labelledby="installningar-rubrik">
      <h2 id="installningar-rubrik" className="admin__page-heading">{t.settings.heading}</h2>
      <div role="status" className="admin-notice">
        {!answer && knownNotice(t.notices, notice) && <p className="alert alert--success">{knownNotice(t.notices, notice)}</p>}
        {notice === "kalkyl-standard-sparad" && !answer && <p className="alert alert--success">{messages.businessCase.defaults.saved}</p>}
      </div>
      <ErrorSummary errors={{ ...(actionData?.fieldErrors ?? {}), ...(error ? { overdueDays: error } : {}) }} title={t.errorSummaryTitle} />
      <Form method="post" ref={formRef} onSubmit={onSubmit} noValidate className="stack panel">
        <Field name="overdueDays" label={t.settings.overdueDays} hint={t.settings.overdueHint} error={error}>
          {(a11y) => (
            <input {...a11y} type="text" inputMode="numeric" pattern="[0-9]*" required size={5} autoComplete="off" {...field("overdueDays")} />
          )}
        </Field>
        <button type="submit" className="button button--primary" disabled={submitting} aria-disabled={submitting}>
          {submitting ? t.saving : t.settings.save}
        </button>
      </Form>
      <BusinessCaseDefaultsForm defaults={businessCaseDefaults} values={defaultsAnswer?.values} serverErrors={defaultsAnswer?.fieldErrors} />
    </section>
  );
}
