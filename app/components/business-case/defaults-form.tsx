import { Form, useNavigation } from "@remix-run/react";
import { ErrorSummary, Field, type FieldErrors, useValidatedForm } from "~/components/forms";
import { flatErrors } from "~/components/pilot/shared";
import type { BusinessCaseDefaults } from "~/models/app-settings.server";
import { type BusinessCaseDefaultsFields, businessCaseDefaultsSchema, decimalText, rateToPercent } from "~/schemas/business-case";
import { useMessages } from "~/utils/locale";

/** The administrators' defaults for new business cases (horizon, discount rate in %, hourly cost). */
export function BusinessCaseDefaultsForm(props: {
  defaults: BusinessCaseDefaults; values?: Partial<BusinessCaseDefaultsFields>; serverErrors?: FieldErrors;
}) {
  const t = useMessages().businessCase;
  const navigation = useNavigation();
  const { form, formRef, onSubmit, field } = useValidatedForm({
    schema: businessCaseDefaultsSchema,
    defaultValues: {
      intent: "business_case_defaults",
      horizonYears: props.values?.horizonYears ?? String(props.defaults.horizonYears),
      discountRate: props.values?.discountRate ?? decimalText(rateToPercent(props.defaults.discountRate)),
      hourlyCost: props.values?.hourlyCost ?? String(props.defaults.hourlyCost),
    },
    serverErrors: props.serverErrors,
  });
  const errors = flatErrors(form.formState.errors);
  const submitting = navigation.state === "submitting" && navigation.formData?.get("intent") === "business_case_defaults";
  return (
    <section aria-labelledby="kalkyl-standard-rubrik" className="panel">
      <h3 id="kalkyl-standard-rubrik">{t.defaults.heading}</h3>
      <ErrorSummary errors={errors} title={t.editor.errorSummaryTitle} />
      <Form method="post" ref={formRef} onSubmit={onSubmit} noValidate className="stack">
        <input type="hidden" {...field("intent")} />
        <Field name="horizonYears" label={t.defaults.horizon} hint={t.editor.horizonHint} error={errors.horizonYears}>
          {(a11y) => <input {...a11y} type="text" inputMode="numeric" size={3} autoComplete="off" {...field("horizonYears")} />}
        </Field>
        <Field name="discountRate" label={t.defaults.rate} hint={t.editor.rateHint} error={errors.discountRate}>
          {(a11y) => <input {...a11y} type="text" inputMode="decimal" size={6} autoComplete="off" {...field("discountRate")} />}
        </Field>
        <Field name="hourlyCost" label={t.defaults.hourlyCost} hint={t.editor.hourlyCostHint} error={errors.hourlyCost}>
          {(a11y) => <input {...a11y} type="text" inputMode="numeric" size={6} autoComplete="off" {...field("hourlyCost")} />}
        </Field>
        <button type="submit" className="button button--primary" disabled={submitting} aria-disabled={submitting}>
          {submitting ? t.editor.saving : t.defaults.save}
        </button>
      </Form>
    </section>
  );
}
