import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { ErrorSummary, Field, type FieldErrors, fieldErrorsOf, useValidatedForm } from "~/components/forms";
import { messagesFor } from "~/i18n";
import { getInboxOverdueDays } from "~/models/app-settings.server";
import { overdueSettingSchema, type OverdueSettingInput } from "~/schemas/inbox";
import { updateInboxOverdueDays } from "~/services/inbox-settings.server";
import { requirePermission } from "~/utils/auth.server";
import { getDatabase } from "~/utils/db.server";
import { useMessages } from "~/utils/locale";

export const meta: MetaFunction = () => [{ title: messagesFor("sv").inbox.settings.title }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "admin.settings.manage");
  const { db } = await getDatabase();
  return { overdueDays: await getInboxOverdueDays(db) };
}

type ActionData = { fieldErrors: FieldErrors; values: Partial<OverdueSettingInput> };

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "admin.settings.manage");
  const form = Object.fromEntries(await request.formData());
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

export default function AdminSettings() {
  const { overdueDays } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const t = useMessages().inbox;
  const { form, formRef, onSubmit, field } = useValidatedForm({
    schema: overdueSettingSchema,
    defaultValues: { overdueDays: actionData?.values.overdueDays ?? String(overdueDays) },
    serverErrors: actionData?.fieldErrors,
  });
  const error = form.formState.errors.overdueDays?.message;
  const submitting = navigation.state === "submitting";
  const notice = searchParams.get("meddelande");
  return (
    <section aria-labelledby="installningar-rubrik">
      <h2 id="installningar-rubrik" className="admin__page-heading">{t.settings.heading}</h2>
      <div role="status" className="admin-notice">
        {notice && !actionData && t.notices[notice] && <p className="alert alert--success">{t.notices[notice]}</p>}
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
    </section>
  );
}
