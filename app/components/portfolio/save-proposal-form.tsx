import { Form } from "@remix-run/react";
import { SubmitButton } from "~/components/admin/feedback";
import { ErrorSummary, Field, type FieldErrors, useValidatedForm } from "~/components/forms";
import { flatErrors } from "~/components/pilot/shared";
import { type ProposalFormValues, proposalFormSchema, SELECTION_LIMITS } from "~/schemas/portfolio-selection";
import { useLocalise, useMessages } from "~/utils/locale";

/** What the server answered to a save: field errors, the typed text, a conflict (409) message. */
export interface SaveState { errors: FieldErrors; typed: { titel: string; motivering: string }; formError?: string }

/**
 * Saving a computed result as a prioritisation proposal: the inputs travel as hidden fields and the
 * server runs the optimiser again from them and refuses to save when the result differs from the shown
 * one (`urval`, its fingerprint) or is infeasible; only title and motivation are typed here.
 */
export function SaveProposalForm({ inputs, fingerprint, state }: { inputs: [string, string][]; fingerprint: string; state?: SaveState }) {
  const localise = useLocalise();
  const props = { inputs, typed: state?.typed, errors: state?.errors, formError: state?.formError };
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
      {(props.formError ?? other) && <p className="alert alert--error" role="alert">{localise((props.formError ?? other))}</p>}
      <ErrorSummary errors={shown} title={t.errorSummaryTitle} />
      <Form method="post" ref={formRef} onSubmit={onSubmit} noValidate>
        <input type="hidden" name="intent" value="spara" />
        <input type="hidden" name="urval" value={fingerprint} />
        {props.inputs.map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
        <Field name="titel" label={t.titleLabel} error={shown.titel}>
          {(a11y) => <input {...a11y} {...field("titel")} maxLength={SELECTION_LIMITS.title} />}
        </Field>
        <Field name="motivering" label={t.motivationLabel} hint={t.motivationHint} error={shown.motivering}>
          {(a11y) => <textarea {...a11y} {...field("motivering")} rows={5} maxLength={SELECTION_LIMITS.motivation} />}
        </Field>
        <SubmitButton intent="spara" label={t.submit} />
      </Form>
    </section>
  );
}
