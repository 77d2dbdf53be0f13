import { Form, useNavigation } from "@remix-run/react";
import { ErrorSummary, Field, useValidatedForm } from "~/components/forms";
import { flatErrors } from "~/components/pilot/shared";
import { BENEFIT_KINDS } from "~/domain/benefits-realisation";
import { measurementText } from "~/domain/pilot";
import type { IndicatorWithActuals } from "~/models/benefits.server";
import { type ActualsFormValues, actualsFormSchema } from "~/schemas/benefits";
import type { BenefitsPage } from "~/services/benefits.server";
import { useLocale, useMessages } from "~/utils/locale";
import type { BenefitsActionData } from "./shared";

const text = (v: unknown) => (typeof v === "string" ? v : "");

/** The form's values: the year's saved actuals, or what the person typed when the server refused it. */
function actualsFields(form: BenefitsPage["forms"][number], indicators: IndicatorWithActuals[], typed: Record<string, unknown> | undefined,
  decimal: "," | "."): ActualsFormValues {
  const typedRows = Array.isArray(typed?.indicators) ? (typed.indicators as Record<string, unknown>[]) : [];
  const byId = new Map(typedRows.map((r) => [text(r.indicatorId).toLowerCase(), r]));
  const amount = (kind: (typeof BENEFIT_KINDS)[number]) => (typed ? text(typed[kind]) : form.amounts[kind] === null ? "" : String(form.amounts[kind]));
  return {
    intent: "save_year",
    yearIndex: String(form.yearIndex),
    stamp: form.stamp,
    one_off_cost: amount("one_off_cost"),
    running_cost: amount("running_cost"),
    saving: amount("saving"),
    time_saving: amount("time_saving"),
    indicators: indicators.map((i) => {
      const saved = i.actuals[form.yearIndex];
      return { indicatorId: i.id, name: i.name, value: typed ? text(byId.get(i.id)?.value) : saved === undefined ? "" : measurementText(saved, decimal) };
    }),
  };
}

/** One year's actual amounts per kind and the indicators' values for the year. Works without JavaScript. */
export function ActualsForm(props: {
  form: BenefitsPage["forms"][number]; calendarYear: number; indicators: IndicatorWithActuals[]; actionData?: BenefitsActionData;
}) {
  const t = useMessages().benefits;
  const decimal = useLocale() === "sv" ? "," : ".";
  const navigation = useNavigation();
  const pending = navigation.state !== "idle" && navigation.formMethod?.toUpperCase() === "POST";
  // Typed values only belong to the year they were typed for.
  const typed = text(props.actionData?.values?.yearIndex) === String(props.form.yearIndex) ? props.actionData : undefined;
  const defaults = actualsFields(props.form, props.indicators, typed?.values, decimal);
  const { form, formRef, onSubmit, field } = useValidatedForm<ActualsFormValues>({
    schema: actualsFormSchema, defaultValues: defaults, serverErrors: typed?.fieldErrors,
  });
  const errors = flatErrors(form.formState.errors, typed?.fieldErrors);
  return (
    <Form method="post" ref={formRef} onSubmit={onSubmit} noValidate className="stack benefits-form">
      <ErrorSummary errors={errors} title={t.form.errorSummaryTitle} />
      <input type="hidden" {...field("intent")} />
      <input type="hidden" {...field("yearIndex")} />
      <input type="hidden" {...field("stamp")} />
      <fieldset className="benefits-fieldset">
        <legend className="h3">{t.form.amountsLegend}</legend>
        {BENEFIT_KINDS.map((kind) => (
          <Field key={kind} name={kind} label={kind === "time_saving" ? t.withUnit.hours(t.kinds[kind]) : t.withUnit.kronor(t.kinds[kind])}
            hint={kind === "time_saving" ? t.form.hoursHint : t.form.amountHint} error={errors[kind]}>
            {(a11y) => <input {...a11y} type="text" inputMode="numeric" autoComplete="off" {...field(kind)} />}
          </Field>
        ))}
      </fieldset>
      {props.indicators.length > 0 && (
        <fieldset className="benefits-fieldset">
          <legend className="h3">{t.form.indicatorsLegend}</legend>
          {props.indicators.map((indicator, index) => (
            <div key={indicator.id}>
              <input type="hidden" {...field(`indicators.${index}.indicatorId`)} />
              <input type="hidden" {...field(`indicators.${index}.name`)} />
              <Field name={`indicators.${index}.value`} label={indicator.name} error={errors[`indicators.${index}.value`]}
                hint={t.form.indicatorHint(measurementText(indicator.baseline, decimal), measurementText(indicator.target, decimal), indicator.measureUnit)}>
                {(a11y) => <input {...a11y} type="text" inputMode="decimal" autoComplete="off" {...field(`indicators.${index}.value`)} />}
              </Field>
            </div>
          ))}
        </fieldset>
      )}
      <button type="submit" className="button button--primary" disabled={pending} aria-disabled={pending}>
        {pending ? t.form.saving : t.form.submit}
      </button>
    </Form>
  );
}
