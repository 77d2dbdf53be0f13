import { Form, useNavigation } from "@remix-run/react";
import { ErrorSummary, Field, type FieldErrors, fieldId, useValidatedForm } from "~/components/forms";
import { type AccessibilityFeedbackInput, accessibilityFeedbackSchema, FEEDBACK_LIMITS } from "~/schemas/accessibility-feedback";
import { useLocalise, useMessages } from "~/utils/locale";

export interface FeedbackActionData {
  formError?: string;
  fieldErrors?: FieldErrors;
  values?: Partial<Record<"description" | "pageUrl" | "name" | "email" | "wantsReply", string>>;
}

/** The report form on the accessibility statement: works without JavaScript, validates with it. */
export function FeedbackForm(props: { actionData: FeedbackActionData | undefined; pageUrl: string; signedInAs: string | null }) {
  const { actionData } = props;
  const t = useMessages().accessibilityFeedback.form;
  const localise = useLocalise();
  const navigation = useNavigation();
  const values = actionData?.values;
  const { form, formRef, onSubmit, field, choice } = useValidatedForm<AccessibilityFeedbackInput>({
    schema: accessibilityFeedbackSchema,
    defaultValues: {
      description: values?.description ?? "",
      pageUrl: values?.pageUrl ?? props.pageUrl,
      name: values?.name ?? "",
      email: values?.email ?? "",
      wantsReply: values?.wantsReply === "ja",
    },
    serverErrors: actionData?.fieldErrors,
  });
  const errors = form.formState.errors;
  const errorOf = (name: keyof AccessibilityFeedbackInput) => errors[name]?.message;
  const summary: FieldErrors = {};
  for (const name of ["description", "pageUrl", "name", "email"] as const) {
    const message = errorOf(name) ?? actionData?.fieldErrors?.[name];
    if (message) summary[name] = message;
  }
  const sending = navigation.state === "submitting" && navigation.formAction?.startsWith("/tillganglighet") === true;
  return (
    <>
      {actionData?.formError && <div className="alert alert--error" role="alert">{localise(actionData.formError)}</div>}
      <ErrorSummary errors={summary} title={t.errorSummaryTitle} />
      <Form method="post" action="/tillganglighet" ref={formRef} onSubmit={onSubmit} noValidate className="stack">
        {props.signedInAs && <p className="muted">{t.signedInNote(props.signedInAs)}</p>}
        <Field name="description" label={t.description} hint={t.descriptionHint} error={errorOf("description")}>
          {(a11y) => <textarea {...a11y} rows={6} required maxLength={FEEDBACK_LIMITS.description} {...field("description")} />}
        </Field>
        <Field name="pageUrl" label={t.pageUrl} hint={t.pageUrlHint} error={errorOf("pageUrl")}>
          {(a11y) => <input {...a11y} type="text" maxLength={FEEDBACK_LIMITS.pageUrl} {...field("pageUrl")} />}
        </Field>
        <Field name="name" label={t.name} error={errorOf("name")}>
          {(a11y) => <input {...a11y} type="text" autoComplete="name" maxLength={FEEDBACK_LIMITS.name} {...field("name")} />}
        </Field>
        <Field name="email" label={t.email} error={errorOf("email")}>
          {(a11y) => <input {...a11y} type="email" autoComplete="email" maxLength={FEEDBACK_LIMITS.email} {...field("email")} />}
        </Field>
        <div className="checkbox">
          <input type="checkbox" id={fieldId("wantsReply")} aria-describedby={`${fieldId("wantsReply")}-hint`} {...choice("wantsReply", "ja")} />
          <label htmlFor={fieldId("wantsReply")}>{t.wantsReply}</label>
        </div>
        <p className="field__hint" id={`${fieldId("wantsReply")}-hint`}>{t.wantsReplyHint}</p>
        <button type="submit" className="button button--primary" disabled={sending} aria-disabled={sending}>
          {sending ? t.submitting : t.submit}
        </button>
      </Form>
    </>
  );
}
