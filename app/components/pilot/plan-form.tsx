import { Form } from "@remix-run/react";
import { useRef } from "react";
import { useFieldArray } from "react-hook-form";
import { ErrorSummary, Field, fieldId, useValidatedForm } from "~/components/forms";
import { measurementText, PILOT_LIMITS } from "~/domain/pilot";
import type { Locale } from "~/domain/vocabulary";
import type { PilotPlanView, UnitChoices } from "~/models/pilots.server";
import { BLANK_INDICATOR_ROWS, MAX_INDICATOR_ROWS, type PlanFormFields, planFormSchema } from "~/schemas/pilot";
import { useLocale, useLocalise, useMessages } from "~/utils/locale";
import { flatErrors, ownActionData, type PilotActionData, SubmitButton, useHydrated } from "./shared";

type Row = PlanFormFields["indicators"][number];
const blankRow = (): Row => ({ indicatorId: "", name: "", measureUnit: "", baseline: "", target: "" });
const text = (v: unknown) => (typeof v === "string" ? v : "");

/** The form's values for the plan as saved (or, without a plan, a blank plan for the idea's own unit). */
export function planFieldsOf(plan: PilotPlanView | null, ideaUnitId: string, locale: Locale): PlanFormFields {
  const separator = locale === "sv" ? "," : ".";
  const saved: Row[] = (plan?.indicators ?? []).map((i) => ({
    indicatorId: i.id, name: i.name, measureUnit: i.measureUnit,
    baseline: measurementText(i.baseline, separator), target: measurementText(i.target, separator),
  }));
  const blanks = Math.max(BLANK_INDICATOR_ROWS, 3 - saved.length);
  return {
    intent: "save_plan", version: String(plan?.version ?? 0), goal: plan?.goal ?? "", startsOn: plan?.startsOn ?? "",
    endsOn: plan?.endsOn ?? "", ownerId: plan?.ownerId ?? "", unitIds: plan ? plan.units.map((u) => u.id) : [ideaUnitId],
    extraUnitId: "", indicators: [...saved, ...Array.from({ length: blanks }, blankRow)],
  };
}

/** What was typed, as the server sent it back after a refusal. */
function typedFields(values: Record<string, unknown>, version: string): PlanFormFields {
  const rows = Array.isArray(values.indicators) ? (values.indicators as Record<string, unknown>[]) : [];
  return {
    intent: "save_plan", version, goal: text(values.goal), startsOn: text(values.startsOn), endsOn: text(values.endsOn),
    ownerId: text(values.ownerId), extraUnitId: text(values.extraUnitId),
    unitIds: Array.isArray(values.unitIds) ? values.unitIds.filter((v): v is string => typeof v === "string") : [],
    indicators: rows.map((r) => ({
      indicatorId: text(r.indicatorId), name: text(r.name), measureUnit: text(r.measureUnit), baseline: text(r.baseline), target: text(r.target),
    })),
  };
}

export function PlanForm(props: {
  plan: PilotPlanView | null;
  ideaUnitId: string;
  owners: { id: string; name: string; unitName: string | null }[];
  units: UnitChoices;
  actionData?: PilotActionData;
}) {
  const localise = useLocalise();
  const f = useMessages().pilot.planForm;
  const t = useMessages().pilot;
  const locale = useLocale();
  const own = ownActionData(props.actionData, "save_plan");
  const version = String(props.plan?.version ?? 0);
  const defaults = own?.values ? typedFields(own.values, version) : planFieldsOf(props.plan, props.ideaUnitId, locale);
  const { form, formRef, onSubmit } = useValidatedForm<PlanFormFields>({
    schema: planFormSchema, defaultValues: defaults, serverErrors: own?.fieldErrors,
  });
  const { fields, append, remove } = useFieldArray({ control: form.control, name: "indicators" });
  const hydrated = useHydrated();
  const addButton = useRef<HTMLButtonElement>(null);
  const errors = flatErrors(form.formState.errors, own?.fieldErrors);
  const unitsError = errors.unitIds;
  const indicatorsError = errors.indicators;
  const describedBy = (id: string, hint: boolean, error: string | undefined) =>
    [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;

  return (
    <Form method="post" ref={formRef} onSubmit={onSubmit} noValidate className="stack pilot-form">
      <ErrorSummary errors={errors} title={t.page.errorSummaryTitle} />
      <p>{f.lead}</p>
      <input type="hidden" {...form.register("intent")} defaultValue="save_plan" />
      <input type="hidden" {...form.register("version")} defaultValue={version} />
      <Field name="goal" label={f.goal} hint={f.goalHint} error={errors.goal}>
        {(a11y) => <textarea {...a11y} rows={4} maxLength={PILOT_LIMITS.goal} {...form.register("goal")} defaultValue={defaults.goal} />}
      </Field>
      <div className="pilot-form__dates">
        <Field name="startsOn" label={f.startsOn} hint={f.dateHint} error={errors.startsOn}>
          {(a11y) => <input {...a11y} type="date" {...form.register("startsOn")} defaultValue={defaults.startsOn} />}
        </Field>
        <Field name="endsOn" label={f.endsOn} hint={f.dateHint} error={errors.endsOn}>
          {(a11y) => <input {...a11y} type="date" {...form.register("endsOn")} defaultValue={defaults.endsOn} />}
        </Field>
      </div>
      <Field name="ownerId" label={f.owner} hint={f.ownerHint} error={errors.ownerId}>
        {(a11y) => (
          <select {...a11y} {...form.register("ownerId")} defaultValue={defaults.ownerId}>
            <option value="">{f.chooseOwner}</option>
            {props.owners.map((p) => <option key={p.id} value={p.id}>{p.unitName ? `${p.name} (${p.unitName})` : p.name}</option>)}
          </select>
        )}
      </Field>

      <fieldset id={fieldId("unitIds")} tabIndex={-1} className={`pilot-fieldset${unitsError ? " field--error" : ""}`}
        aria-describedby={describedBy(fieldId("unitIds"), true, unitsError)}>
        <legend className="h3">{f.unitsLegend}</legend>
        <p className="field__hint" id={`${fieldId("unitIds")}-hint`}>{f.unitsHint}</p>
        {unitsError && <p className="field__error" id={`${fieldId("unitIds")}-error`}>{localise(unitsError)}</p>}
        <ul className="plain-list pilot-units">
          {props.units.checkboxes.map((unit) => {
            const id = `${fieldId("unitIds")}-${unit.id}`;
            return (
              <li key={unit.id}>
                <input type="checkbox" id={id} value={unit.id} {...form.register("unitIds")} defaultChecked={defaults.unitIds.includes(unit.id)} />
                <label htmlFor={id}>{unit.label}</label>
              </li>
            );
          })}
        </ul>
        <Field name="extraUnitId" label={f.otherUnit} hint={f.otherUnitHint} error={errors.extraUnitId}>
          {(a11y) => (
            <select {...a11y} {...form.register("extraUnitId")} defaultValue={defaults.extraUnitId}>
              <option value="">{f.noOtherUnit}</option>
              {props.units.others.map((group) => (
                <optgroup key={group.id} label={group.name}>
                  {group.units.map((unit) => <option key={unit.id} value={unit.id}>{unit.label}</option>)}
                </optgroup>
              ))}
            </select>
          )}
        </Field>
      </fieldset>

      <fieldset id={fieldId("indicators")} tabIndex={-1} className={`pilot-fieldset${indicatorsError ? " field--error" : ""}`}
        aria-describedby={describedBy(fieldId("indicators"), true, indicatorsError)}>
        <legend className="h3">{f.indicatorsLegend}</legend>
        <p className="field__hint" id={`${fieldId("indicators")}-hint`}>{f.indicatorsHint}</p>
        {indicatorsError && <p className="field__error" id={`${fieldId("indicators")}-error`}>{localise(indicatorsError)}</p>}
        {fields.map((row, index) => {
          const name = (key: keyof Row) => `indicators.${index}.${key}` as const;
          return (
            <fieldset key={row.id} className="pilot-indicator">
              <legend>{f.row(index + 1)}</legend>
              <input type="hidden" {...form.register(name("indicatorId"))} defaultValue={row.indicatorId} />
              <div className="pilot-indicator__fields">
                <Field name={name("name")} label={f.name} error={errors[name("name")]}>
                  {(a11y) => <input {...a11y} type="text" maxLength={PILOT_LIMITS.indicatorName} {...form.register(name("name"))} defaultValue={row.name} />}
                </Field>
                <Field name={name("measureUnit")} label={f.measureUnit} hint={f.measureUnitHint} error={errors[name("measureUnit")]}>
                  {(a11y) => <input {...a11y} type="text" maxLength={PILOT_LIMITS.measureUnit} {...form.register(name("measureUnit"))} defaultValue={row.measureUnit} />}
                </Field>
                <Field name={name("baseline")} label={f.baseline} error={errors[name("baseline")]}>
                  {(a11y) => <input {...a11y} type="text" inputMode="decimal" autoComplete="off" {...form.register(name("baseline"))} defaultValue={row.baseline} />}
                </Field>
                <Field name={name("target")} label={f.target} error={errors[name("target")]}>
                  {(a11y) => <input {...a11y} type="text" inputMode="decimal" autoComplete="off" {...form.register(name("target"))} defaultValue={row.target} />}
                </Field>
              </div>
              {hydrated && (
                <button type="button" className="button" onClick={() => { remove(index); addButton.current?.focus(); }}>
                  {f.removeRow(index + 1)}
                </button>
              )}
            </fieldset>
          );
        })}
        {hydrated && fields.length < MAX_INDICATOR_ROWS && (
          <button type="button" ref={addButton} className="button" onClick={() => append(blankRow(), { focusName: `indicators.${fields.length}.name` })}>
            {f.addRow}
          </button>
        )}
      </fieldset>
      <SubmitButton intent="save_plan" label={f.save} />
    </Form>
  );
}
