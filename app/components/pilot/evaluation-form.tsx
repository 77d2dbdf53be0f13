import { Form } from "@remix-run/react";
import { ErrorSummary, Field, fieldId, useValidatedForm } from "~/components/forms";
import { useFormat } from "~/components/idea/format";
import { indicatorDirection, PILOT_LIMITS } from "~/domain/pilot";
import { PILOT_VERDICTS } from "~/domain/vocabulary";
import type { PilotPlanView } from "~/models/pilots.server";
import { type EvaluationFormFields, evaluationFormSchema } from "~/schemas/pilot";
import { useLocalise, useMessages } from "~/utils/locale";
import { flatErrors, ownActionData, type PilotActionData, SubmitButton } from "./shared";

const text = (v: unknown) => (typeof v === "string" ? v : "");

/** The form's values: one outcome row per indicator of the plan as it is now, typed values kept by indicator. */
function evaluationFields(plan: PilotPlanView, typed: Record<string, unknown> | undefined): EvaluationFormFields {
  const rows = Array.isArray(typed?.outcomes) ? (typed.outcomes as Record<string, unknown>[]) : [];
  const byId = new Map(rows.map((r) => [text(r.indicatorId).toLowerCase(), r]));
  const verdict = text(typed?.verdict);
  return {
    intent: "evaluate",
    planVersion: String(plan.version),
    outcomes: plan.indicators.map((i) => ({
      indicatorId: i.id, name: i.name, value: text(byId.get(i.id)?.value), comment: text(byId.get(i.id)?.comment),
    })),
    verdict: (PILOT_VERDICTS as readonly string[]).includes(verdict) ? (verdict as EvaluationFormFields["verdict"]) : "",
    summary: text(typed?.summary),
    lessonsLearned: text(typed?.lessonsLearned),
  };
}

/** Outcome per indicator, the verdict (radio group), a summary and the lessons learned. */
export function EvaluationForm(props: { plan: PilotPlanView; actionData?: PilotActionData }) {
  const localise = useLocalise();
  const t = useMessages().pilot;
  const f = t.evaluationForm;
  const fmt = useFormat();
  const own = ownActionData(props.actionData, "evaluate");
  const defaults = evaluationFields(props.plan, own?.values);
  const { form, formRef, onSubmit } = useValidatedForm<EvaluationFormFields>({
    schema: evaluationFormSchema, defaultValues: defaults, serverErrors: own?.fieldErrors,
  });
  const errors = flatErrors(form.formState.errors, own?.fieldErrors);
  const verdictId = fieldId("verdict");
  return (
    <Form method="post" ref={formRef} onSubmit={onSubmit} noValidate className="stack pilot-form">
      <ErrorSummary errors={errors} title={t.page.errorSummaryTitle} />
      <p>{f.lead}</p>
      <input type="hidden" {...form.register("intent")} defaultValue="evaluate" />
      <input type="hidden" {...form.register("planVersion")} defaultValue={defaults.planVersion} />
      <fieldset className="pilot-fieldset">
        <legend className="h3">{f.outcomesLegend}</legend>
        {props.plan.indicators.map((indicator, index) => {
          const row = defaults.outcomes[index]!;
          const hint = f.outcomeHint(
            fmt.number(indicator.baseline), fmt.number(indicator.target), indicator.measureUnit, t.directions[indicatorDirection(indicator)],
          );
          return (
            <div key={indicator.id} className="pilot-outcome">
              <input type="hidden" {...form.register(`outcomes.${index}.indicatorId`)} defaultValue={row.indicatorId} />
              <input type="hidden" {...form.register(`outcomes.${index}.name`)} defaultValue={row.name} />
              <Field name={`outcomes.${index}.value`} label={f.outcome(indicator.name)} hint={hint} error={errors[`outcomes.${index}.value`]}>
                {(a11y) => <input {...a11y} type="text" inputMode="decimal" autoComplete="off" {...form.register(`outcomes.${index}.value`)} defaultValue={row.value} />}
              </Field>
              <Field name={`outcomes.${index}.comment`} label={f.comment(indicator.name)} error={errors[`outcomes.${index}.comment`]}>
                {(a11y) => <textarea {...a11y} rows={2} maxLength={PILOT_LIMITS.outcomeComment} {...form.register(`outcomes.${index}.comment`)} defaultValue={row.comment} />}
              </Field>
            </div>
          );
        })}
      </fieldset>
      <fieldset id={verdictId} tabIndex={-1} className={`pilot-fieldset pilot-verdicts${errors.verdict ? " field--error" : ""}`}
        aria-describedby={errors.verdict ? `${verdictId}-error` : undefined}>
        <legend className="h3">{f.verdictLegend}</legend>
        {errors.verdict && <p className="field__error" id={`${verdictId}-error`}>{localise(errors.verdict)}</p>}
        {PILOT_VERDICTS.map((verdict) => {
          const id = `${verdictId}-${verdict}`;
          return (
            <div key={verdict} className="pilot-verdict">
              <input type="radio" id={id} value={verdict} aria-describedby={`${id}-hint`} {...form.register("verdict")}
                defaultChecked={defaults.verdict === verdict} />
              <label htmlFor={id}><strong>{t.verdicts[verdict]}</strong></label>
              <p id={`${id}-hint`} className="field__hint pilot-verdict__hint">{f.verdictHints[verdict]}</p>
            </div>
          );
        })}
      </fieldset>
      <Field name="summary" label={f.summary} hint={f.summaryHint} error={errors.summary}>
        {(a11y) => <textarea {...a11y} rows={4} maxLength={PILOT_LIMITS.summary} {...form.register("summary")} defaultValue={defaults.summary} />}
      </Field>
      <Field name="lessonsLearned" label={f.lessons} hint={f.lessonsHint} error={errors.lessonsLearned}>
        {(a11y) => <textarea {...a11y} rows={6} required maxLength={PILOT_LIMITS.lessonsLearned} {...form.register("lessonsLearned")} defaultValue={defaults.lessonsLearned} />}
      </Field>
      <SubmitButton intent="evaluate" label={f.submit} />
    </Form>
  );
}
