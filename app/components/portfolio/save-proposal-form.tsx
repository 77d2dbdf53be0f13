import { Form } from "@remix-run/react";
import { SubmitButton } from "~/components/admin/feedback";
import { ErrorSummary, Field, type FieldErrors, useValidatedForm } from "~/components/forms";
import { flatErrors } from "~/components/pilot/shared";
import { type ProposalFormValues, proposalFormSchema, SELECTION_LIMITS } from "~/schemas/portfolio-selection";
import { useMessages } from "~/utils/locale";

/**
 * Saving a computed result as a prioritisation proposal: the inputs travel as hidden fields and the
 * server runs the optimiser again from them; only title and motivation are typed here.
 */
export function SaveProposalForm(props: {
  inputs: [string, string][]; typed?: { titel: string; motivering: string }; errors?: FieldErrors; formError?: string;
}) {
  const t = useMessages().portfolio.save;
  const selection = Object.fromEntries(props.inputs.filter(([key]) => !key.startsWith("las.")));
  const las = Object.fromEntries(props.inputs.filter(([key]) => key.startsWith("las.")).map(([key, value]) => [key.slice(4), value]));
  const defaults = { ...selection, las, titel: props.typed?.titel ?? "", motivering: props.typed?.motivering ?? "" } as ProposalFormValues;
  const { form, formRef, onSubmit, field } = useValidatedForm({ schema: proposalFormSchema, defaultValues: defaults, serverErrors: props.errors });
  const errors = flatErrors(form.formState.errors, props.errors);
  const shown = { titel: errors.titel, motivering: errors.motivering };
  const other = Object.entries(errors).find(([key, message]) => key !== "titel" && key !== "motivering" && message)?.[1];
  return (
    <section aria-labelledby="spara-rubrik" className="portfolio-section panel">
      <h2 id="spara-rubrik">{t.heading}</h2>
      <p>{t.lead}</p>
      {(props.formError ?? other) && <p className="alert alert--error" role="alert">{props.formError ?? other}</p>}
      <ErrorSummary errors={shown} title={t.errorSummaryTitle} />
      <Form method="post" ref={formRef} onSubmit={onSubmit} noValidate>
        <input type="hidden" name="intent" value="save" />
        {props.inputs.map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
        <Field name="titel" label={t.titleLabel} error={shown.titel}>
          {(a11y) => <input {...a11y} {...field("titel")} maxLength={SELECTION_LIMITS.title} />}
        </Field>
        <Field name="motivering" label={t.motivationLabel} hint={t.motivationHint} error={shown.motivering}>
          {(a11y) => <textarea {...a11y} {...field("motivering")} rows={5} maxLength={SELECTION_LIMITS.motivation} />}
        </Field>
        <SubmitButton intent="save" label={t.submit} />
      </Form>
    </section>
  );
}
