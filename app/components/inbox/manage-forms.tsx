import { Form, useNavigation } from "@remix-run/react";
import { useEffect } from "react";
import { ErrorSummary, Field, type FieldErrors, useValidatedForm } from "~/components/forms";
import { mergeSchema, reassignSchema } from "~/schemas/inbox";
import { useMessages } from "~/utils/locale";

export interface ManageActionData {
  intent: string;
  formError?: string;
  fieldErrors?: FieldErrors;
  values?: Record<string, string>;
}

function useSubmitting(intent: string): boolean {
  const navigation = useNavigation();
  return navigation.state !== "idle" && navigation.formMethod?.toUpperCase() === "POST" && navigation.formData?.get("intent") === intent;
}

function SubmitButton({ intent, label }: { intent: string; label: string }) {
  const t = useMessages().inbox;
  const pending = useSubmitting(intent);
  return (
    <button type="submit" className="button button--primary" disabled={pending} aria-disabled={pending}>
      {pending ? t.saving : label}
    </button>
  );
}

export function TakeForm({ version }: { version: number }) {
  const t = useMessages().inbox;
  return (
    <Form method="post" className="stack">
      <input type="hidden" name="intent" value="take" />
      <input type="hidden" name="version" value={version} />
      <SubmitButton intent="take" label={t.take} />
    </Form>
  );
}

/** Errors for this form only: the page has three forms and only the one sent shows its errors. */
const mine = (actionData: ManageActionData | undefined, intent: string) => (actionData?.intent === intent ? actionData : undefined);

export function ReassignForm(props: {
  version: number; people: { id: string; name: string; unitName: string | null }[]; actionData?: ManageActionData;
}) {
  const t = useMessages().inbox;
  const own = mine(props.actionData, "reassign");
  const { form, formRef, onSubmit, field } = useValidatedForm({
    schema: reassignSchema,
    defaultValues: { intent: "reassign", version: String(props.version), ownerId: own?.values?.ownerId ?? "", message: own?.values?.message ?? "" },
    serverErrors: own?.fieldErrors,
  });
  // After a conflict the page shows the idea as it is now; the next try is against that version.
  useEffect(() => form.setValue("version", String(props.version)), [form, props.version]);
  const errors = form.formState.errors;
  const summary: FieldErrors = {
    ...(own?.fieldErrors ?? {}),
    ...(errors.ownerId?.message ? { ownerId: errors.ownerId.message } : {}),
    ...(errors.message?.message ? { message: errors.message.message } : {}),
  };
  return (
    <Form method="post" ref={formRef} onSubmit={onSubmit} noValidate className="stack">
      <ErrorSummary errors={summary} title={t.errorSummaryTitle} />
      <input type="hidden" {...field("intent")} />
      <input type="hidden" {...field("version")} />
      <Field name="ownerId" label={t.newOwner} error={errors.ownerId?.message}>
        {(a11y) => (
          <select {...a11y} required {...field("ownerId")}>
            <option value="">{t.chooseOwner}</option>
            {props.people.map((p) => <option key={p.id} value={p.id}>{p.unitName ? `${p.name} (${p.unitName})` : p.name}</option>)}
          </select>
        )}
      </Field>
      <Field name="message" label={t.message} hint={t.messageHint} error={errors.message?.message}>
        {(a11y) => <textarea {...a11y} required maxLength={2000} rows={5} {...field("message")} />}
      </Field>
      <SubmitButton intent="reassign" label={t.reassign} />
    </Form>
  );
}

export function MergeForm(props: { version: number; actionData?: ManageActionData }) {
  const t = useMessages().inbox;
  const own = mine(props.actionData, "merge");
  const { form, formRef, onSubmit, field } = useValidatedForm({
    schema: mergeSchema,
    defaultValues: {
      intent: "merge", version: String(props.version),
      targetReference: own?.values?.targetReference ?? "", motivation: own?.values?.motivation ?? "",
    },
    serverErrors: own?.fieldErrors,
  });
  useEffect(() => form.setValue("version", String(props.version)), [form, props.version]);
  const errors = form.formState.errors;
  const summary: FieldErrors = {
    ...(own?.fieldErrors ?? {}),
    ...(errors.targetReference?.message ? { targetReference: errors.targetReference.message } : {}),
    ...(errors.motivation?.message ? { motivation: errors.motivation.message } : {}),
  };
  return (
    <Form method="post" ref={formRef} onSubmit={onSubmit} noValidate className="stack">
      <ErrorSummary errors={summary} title={t.errorSummaryTitle} />
      <input type="hidden" {...field("intent")} />
      <input type="hidden" {...field("version")} />
      <Field name="targetReference" label={t.targetReference} hint={t.targetReferenceHint} error={errors.targetReference?.message}>
        {(a11y) => <input {...a11y} type="text" required autoComplete="off" spellCheck={false} maxLength={20} {...field("targetReference")} />}
      </Field>
      <Field name="motivation" label={t.motivation} hint={t.motivationHint} error={errors.motivation?.message}>
        {(a11y) => <textarea {...a11y} required maxLength={2000} rows={4} {...field("motivation")} />}
      </Field>
      <SubmitButton intent="merge" label={t.merge} />
    </Form>
  );
}
