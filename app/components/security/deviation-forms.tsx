import { Form, useNavigation } from "@remix-run/react";
import { useMemo } from "react";
import { ErrorSummary, Field, fieldId, type FieldErrors, useValidatedForm } from "~/components/forms";
import { DEVIATION_DECISIONS } from "~/domain/security-screening";
import { DEVIATION_LIMITS, deviationDecisionSchema, type DeviationDecisionFields, type DeviationRequestFields, deviationRequestSchema } from "~/schemas/security";
import { useLocalise, useMessages } from "~/utils/locale";
import { useFieldError } from "./field-errors";

export interface DeviationActionData {
  intent: string;
  /** The request a decide/withdraw form was about. */
  deviationId?: string;
  formError?: string;
  fieldErrors?: FieldErrors;
  values?: Record<string, string>;
}

function usePending(intent: string, deviationId?: string): boolean {
  const navigation = useNavigation();
  return navigation.state !== "idle" && navigation.formMethod?.toUpperCase() === "POST" &&
    navigation.formData?.get("intent") === intent &&
    (deviationId === undefined || navigation.formData?.get("deviationId") === deviationId);
}

const summaryOf = (server: FieldErrors | undefined, errors: Record<string, { message?: unknown } | undefined>, key = (n: string) => n) => {
  const summary: FieldErrors = {};
  for (const [name, message] of Object.entries(server ?? {})) summary[key(name)] = message;
  for (const [name, error] of Object.entries(errors)) if (typeof error?.message === "string") summary[key(name)] = error.message;
  return summary;
};

/** A new request: the standard (free text with suggestions), what, why and until when. */
export function DeviationRequestForm(props: { today: string; actionData?: DeviationActionData }) {
  const localise = useLocalise();
  const t = useMessages().security.deviations;
  const own = props.actionData?.intent === "request" ? props.actionData : undefined;
  const schema = useMemo(() => deviationRequestSchema(props.today), [props.today]);
  const initial: DeviationRequestFields = {
    intent: "request", standard: own?.values?.standard ?? "", description: own?.values?.description ?? "",
    justification: own?.values?.justification ?? "", validUntil: own?.values?.validUntil ?? "",
  };
  const { form, formRef, onSubmit } = useValidatedForm<DeviationRequestFields>({
    schema: schema as never,
    defaultValues: initial,
    serverErrors: own?.fieldErrors,
  });
  const errors = form.formState.errors;
  const errorOf = useFieldError(errors, own?.fieldErrors);
  const pending = usePending("request");
  return (
    <Form method="post" ref={formRef} onSubmit={onSubmit} noValidate className="stack deviation-form">
      {own?.formError && <div className="alert alert--error" role="alert">{localise(own.formError)}</div>}
      <ErrorSummary errors={summaryOf(own?.fieldErrors, errors)} title={t.errorSummaryTitle} />
      <input type="hidden" {...form.register("intent")} defaultValue="request" />
      <Field name="standard" label={t.standard} hint={t.request.standardHint} error={errorOf("standard")}>
        {(a11y) => <input {...a11y} type="text" list="avsteg-standarder" maxLength={DEVIATION_LIMITS.standard} autoComplete="off" {...form.register("standard")} defaultValue={initial.standard} />}
      </Field>
      <datalist id="avsteg-standarder">
        {t.standardSuggestions.map((s) => <option key={s} value={s} />)}
      </datalist>
      <Field name="description" label={t.description} hint={t.request.descriptionHint} error={errorOf("description")}>
        {(a11y) => <textarea {...a11y} rows={5} maxLength={DEVIATION_LIMITS.text} {...form.register("description")} defaultValue={initial.description} />}
      </Field>
      <Field name="justification" label={t.justification} hint={t.request.justificationHint} error={errorOf("justification")}>
        {(a11y) => <textarea {...a11y} rows={5} maxLength={DEVIATION_LIMITS.text} {...form.register("justification")} defaultValue={initial.justification} />}
      </Field>
      <Field name="validUntil" label={t.validUntil} hint={t.request.validUntilHint} error={errorOf("validUntil")}>
        {(a11y) => <input {...a11y} type="date" min={props.today} className="input--date" {...form.register("validUntil")} defaultValue={initial.validUntil} />}
      </Field>
      <button type="submit" className="button button--primary" disabled={pending} aria-disabled={pending}>
        {pending ? t.request.submitting : t.request.submit}
      </button>
    </Form>
  );
}

/** The styrgrupp's decision on one open request: approve or reject, with a required motivation. */
export function DecideDeviationForm(props: { deviationId: string; actionData?: DeviationActionData }) {
  const localise = useLocalise();
  const t = useMessages().security.deviations;
  const own = props.actionData?.intent === "decide" && props.actionData.deviationId === props.deviationId ? props.actionData : undefined;
  const initial: DeviationDecisionFields = {
    intent: "decide", deviationId: props.deviationId, decision: own?.values?.decision ?? "", motivation: own?.values?.motivation ?? "",
  };
  const { form, formRef, onSubmit } = useValidatedForm<DeviationDecisionFields>({
    schema: deviationDecisionSchema as never,
    defaultValues: initial,
    serverErrors: own?.fieldErrors,
  });
  const errors = form.formState.errors;
  const errorOf = useFieldError(errors, own?.fieldErrors);
  const pending = usePending("decide", props.deviationId);
  // Several forms on one page: ids carry the request's id so labels and error links stay unique.
  const key = (name: string) => `${name}-${props.deviationId}`;
  const decisionId = fieldId(key("decision"));
  const decisionError = errorOf("decision");
  return (
    <Form method="post" ref={formRef} onSubmit={onSubmit} noValidate className="stack deviation-form deviation__decision">
      {own?.formError && <div className="alert alert--error" role="alert">{localise(own.formError)}</div>}
      <ErrorSummary errors={summaryOf(own?.fieldErrors, errors, key)} title={t.errorSummaryTitle} />
      <input type="hidden" {...form.register("intent")} defaultValue="decide" />
      <input type="hidden" {...form.register("deviationId")} defaultValue={props.deviationId} />
      <fieldset className={`radio-group${decisionError ? " field--error" : ""}`} aria-describedby={decisionError ? `${decisionId}-error` : undefined}>
        <legend>{t.decide.legend}</legend>
        {decisionError && <p className="field__error" id={`${decisionId}-error`}>{localise(decisionError)}</p>}
        <ul className="radio-group__options radio-group__options--inline">
          {DEVIATION_DECISIONS.map((decision, i) => {
            const id = i === 0 ? decisionId : `${decisionId}-${decision}`;
            return (
              <li key={decision} className="radio-group__option">
                <input type="radio" id={id} value={decision} aria-invalid={Boolean(decisionError)} {...form.register("decision")}
                  defaultChecked={initial.decision === decision} />
                <label htmlFor={id}><span className="radio-group__label">{decision === "approved" ? t.decide.approve : t.decide.reject}</span></label>
              </li>
            );
          })}
        </ul>
      </fieldset>
      <Field name={key("motivation")} label={t.decide.motivation} hint={t.decide.motivationHint} error={errorOf("motivation")}>
        {(a11y) => <textarea {...a11y} rows={4} maxLength={DEVIATION_LIMITS.text} {...form.register("motivation")} defaultValue={initial.motivation} />}
      </Field>
      <button type="submit" className="button button--primary" disabled={pending} aria-disabled={pending}>
        {pending ? t.decide.submitting : t.decide.submit}
      </button>
    </Form>
  );
}

export function WithdrawDeviationForm({ deviationId, standard }: { deviationId: string; standard: string }) {
  const t = useMessages().security.deviations;
  const pending = usePending("withdraw", deviationId);
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="withdraw" />
      <input type="hidden" name="deviationId" value={deviationId} />
      <button type="submit" className="button" disabled={pending} aria-disabled={pending} aria-label={t.withdrawLabel(standard)}>
        {pending ? t.withdrawing : t.withdraw}
      </button>
    </Form>
  );
}
