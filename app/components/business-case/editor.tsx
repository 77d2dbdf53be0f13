import { Form } from "@remix-run/react";
import { Fragment, type ReactNode, useRef, useState } from "react";
import { useFieldArray } from "react-hook-form";
import { ErrorSummary, Field, fieldId, useValidatedForm } from "~/components/forms";
import { flatErrors, SubmitButton, useHydrated } from "~/components/pilot/shared";
import { BUSINESS_CASE_LINE_KINDS } from "~/domain/vocabulary";
import type { UnitGroup } from "~/models/selectable-unit.server";
import {
  BLANK_LINE_ROWS, type BusinessCaseFormFields, businessCaseFormSchema, CERTAINTIES, decimalText, MAX_LINE_ROWS, parseAmount,
  rateToPercent,
} from "~/schemas/business-case";
import type { BusinessCaseView } from "~/services/business-case.server";
import { useLocalise, useMessages } from "~/utils/locale";
import type { BusinessCaseActionData } from "./shared";

type LineFields = { kind: string; description: string; category: string; certainty: string; unitId: string; amounts: string[] };

const blankRow = (years: number): LineFields => ({
  kind: "one_off_cost", description: "", category: "", certainty: "medel", unitId: "", amounts: Array.from({ length: years }, () => ""),
});

/** The form's values for a case (saved lines, then blank rows for adding without JavaScript). */
export function formValuesOf(view: BusinessCaseView): BusinessCaseFormFields {
  return {
    intent: "save",
    version: String(view.version),
    horizonYears: String(view.horizonYears),
    startYear: String(view.startYear),
    discountRate: decimalText(rateToPercent(view.discountRate)),
    hourlyCost: String(view.hourlyCost),
    nonMonetaryBenefits: view.nonMonetaryBenefits,
    lowSavings: decimalText(view.scenarios.low.savings),
    lowCosts: decimalText(view.scenarios.low.costs),
    highSavings: decimalText(view.scenarios.high.savings),
    highCosts: decimalText(view.scenarios.high.costs),
    lines: [
      ...view.lines.map((line) => ({ ...line, amounts: line.amounts.map(String) })),
      ...Array.from({ length: BLANK_LINE_ROWS }, () => blankRow(view.horizonYears)),
    ],
  };
}

/** Pads (with "0") or trims every row's amounts to `years`; says whether a non-zero amount was dropped. */
export function resizeRows(rows: LineFields[], years: number): { rows: LineFields[]; trimmed: boolean } {
  let trimmed = false;
  const next = rows.map((row) => {
    const amounts = row.amounts.slice(0, years);
    if (row.amounts.slice(years).some((a) => (parseAmount(a) ?? 1) !== 0)) trimmed = true;
    // A blank row stays blank (it is not saved); a filled one gets 0 for the added years.
    const pad = row.amounts.every((a) => a.trim() === "") ? "" : "0";
    while (amounts.length < years) amounts.push(pad);
    return { ...row, amounts };
  });
  return { rows: next, trimmed };
}

const validHorizon = (raw: unknown) => {
  const n = Number(String(raw ?? "").trim());
  return Number.isInteger(n) && n >= 1 && n <= 15 ? n : null;
};

export function BusinessCaseEditor(props: {
  defaults: BusinessCaseFormFields;
  unitGroups: UnitGroup[];
  unitNames: Record<string, string>;
  actionData?: BusinessCaseActionData;
}) {
  const localise = useLocalise();
  const t = useMessages().businessCase;
  const f = t.editor;
  const hydrated = useHydrated();
  const { form, formRef, onSubmit, field } = useValidatedForm({
    schema: businessCaseFormSchema,
    defaultValues: props.defaults,
    serverErrors: props.actionData?.fieldErrors,
  });
  const { fields, append, remove, replace } = useFieldArray({ control: form.control, name: "lines" as never });
  const firstRow = props.defaults.lines[0];
  const [years, setYears] = useState(validHorizon(props.defaults.horizonYears) ?? firstRow?.amounts?.length ?? 1);
  const [trimmed, setTrimmed] = useState(Boolean(props.actionData?.trimmed));
  const addButton = useRef<HTMLButtonElement>(null);
  const watchedStart = String(form.watch("startYear") ?? "");
  const startYear = /^\d{4}$/.test(watchedStart) ? Number(watchedStart) : Number(props.defaults.startYear) || new Date().getFullYear();
  const errors = flatErrors(form.formState.errors);
  const active = new Set(props.unitGroups.flatMap((g) => g.units.map((u) => u.id)));

  const onHorizon = (raw: string) => {
    const next = validHorizon(raw);
    if (next === null || next === years) return;
    const resized = resizeRows(form.getValues("lines") as LineFields[], next);
    replace(resized.rows as never);
    setTrimmed(resized.trimmed);
    setYears(next);
  };

  return (
    <Form method="post" ref={formRef} onSubmit={onSubmit} noValidate className="stack business-case-editor" aria-labelledby="redigera-rubrik">
      <h2 id="redigera-rubrik">{f.heading}</h2>
      <ErrorSummary errors={errors} title={f.errorSummaryTitle} />
      <input type="hidden" {...field("intent")} />
      <input type="hidden" {...field("version")} />
      <fieldset className="business-case-settings">
        <legend>{f.settings}</legend>
        <Field name="horizonYears" label={f.horizon} hint={f.horizonHint} error={errors.horizonYears}>
          {(a11y) => <input {...a11y} type="text" inputMode="numeric" size={3} autoComplete="off"
            {...field("horizonYears", { onChange: (e) => onHorizon(e.target.value) })} />}
        </Field>
        {!hydrated && <button type="submit" name="resize" value="1" className="button">{f.resize}</button>}
        <div role="status">{trimmed && <p className="alert business-case-warning">{f.resizeWarning}</p>}</div>
        <Field name="startYear" label={f.startYear} error={errors.startYear}>
          {(a11y) => <input {...a11y} type="text" inputMode="numeric" size={5} autoComplete="off" {...field("startYear")} />}
        </Field>
        <Field name="discountRate" label={f.rate} hint={f.rateHint} error={errors.discountRate}>
          {(a11y) => <input {...a11y} type="text" inputMode="decimal" size={6} autoComplete="off" {...field("discountRate")} />}
        </Field>
        <Field name="hourlyCost" label={f.hourlyCost} hint={f.hourlyCostHint} error={errors.hourlyCost}>
          {(a11y) => <input {...a11y} type="text" inputMode="numeric" size={6} autoComplete="off" {...field("hourlyCost")} />}
        </Field>
      </fieldset>

      <div className="business-case-columns">
        <fieldset className="business-case-lines" aria-describedby="rader-hint">
          <legend>{f.lines}</legend>
          <p className="field__hint" id="rader-hint">{f.linesHint}</p>
          {errors.lines && <p className="field__error" id={`${fieldId("lines")}`}>{localise(errors.lines)}</p>}
          <div className="table-scroll">
            <table className="data-table business-case-grid">
              <thead>
                <tr>
                  <th scope="col">{f.kind}</th>
                  <th scope="col">{f.description}</th>
                  <th scope="col">{f.category}</th>
                  <th scope="col">{f.certainty}</th>
                  <th scope="col">{f.unit}</th>
                  {Array.from({ length: years }, (_, i) => <th key={i} scope="col" className="numeric">{startYear + i}</th>)}
                  <th scope="col"><span className="visually-hidden">{f.removeRow(0).replace(/ 0$/, "")}</span></th>
                </tr>
              </thead>
              <tbody>
                {fields.map((row, index) => {
                  const n = index + 1;
                  const name = (key: string) => `lines.${index}.${key}` as never;
                  const cell = (key: string, label: string, control: (id: string, invalid: boolean) => ReactNode) => {
                    const id = fieldId(`lines.${index}.${key}`);
                    const invalid = Boolean(errors[`lines.${index}.${key}`]);
                    return (
                      <td>
                        <label htmlFor={id} className="visually-hidden">{`${f.rowLabel(n)}: ${label}`}</label>
                        {control(id, invalid)}
                      </td>
                    );
                  };
                  const unitId = String((form.getValues(name("unitId")) as unknown) ?? "");
                  const rowErrors = Object.entries(errors).filter(([key, message]) => message && key.startsWith(`lines.${index}.`));
                  const rowErrorId = `${fieldId(`lines.${index}`)}-fel`;
                  return (
                    <Fragment key={row.id}>
                    <tr>
                      {cell("kind", f.kind, (id, invalid) => (
                        <select id={id} aria-invalid={invalid} aria-describedby={invalid ? rowErrorId : undefined} {...field(name("kind"))}>
                          {BUSINESS_CASE_LINE_KINDS.map((kind) => <option key={kind} value={kind}>{t.kinds[kind]}</option>)}
                        </select>
                      ))}
                      {cell("description", f.description, (id, invalid) => (
                        <input id={id} aria-invalid={invalid} aria-describedby={invalid ? rowErrorId : undefined} type="text" size={24} maxLength={300} {...field(name("description"))} />
                      ))}
                      {cell("category", f.category, (id, invalid) => (
                        <input id={id} aria-invalid={invalid} aria-describedby={invalid ? rowErrorId : undefined} type="text" size={12} maxLength={100} {...field(name("category"))} />
                      ))}
                      {cell("certainty", f.certainty, (id, invalid) => (
                        <select id={id} aria-invalid={invalid} aria-describedby={invalid ? rowErrorId : undefined} {...field(name("certainty"))}>
                          {CERTAINTIES.map((c) => <option key={c} value={c}>{t.certainties[c]}</option>)}
                        </select>
                      ))}
                      {cell("unitId", f.unit, (id, invalid) => (
                        <select id={id} aria-invalid={invalid} aria-describedby={invalid ? rowErrorId : undefined} {...field(name("unitId"))}>
                          <option value="">{f.chooseUnit}</option>
                          {unitId && !active.has(unitId) && <option value={unitId}>{props.unitNames[unitId] ?? unitId}</option>}
                          {props.unitGroups.map((group) => (
                            <optgroup key={group.id} label={group.name}>
                              {group.units.map((unit) => <option key={unit.id} value={unit.id}>{unit.label}</option>)}
                            </optgroup>
                          ))}
                        </select>
                      ))}
                      {Array.from({ length: years }, (_, i) => (
                        <td key={i} className="numeric">
                          <label htmlFor={fieldId(`lines.${index}.amounts.${i}`)} className="visually-hidden">
                            {`${f.rowLabel(n)}: ${f.amountIn(startYear + i)}`}
                          </label>
                          <input id={fieldId(`lines.${index}.amounts.${i}`)} aria-invalid={Boolean(errors[`lines.${index}.amounts.${i}`])}
                            aria-describedby={errors[`lines.${index}.amounts.${i}`] ? rowErrorId : undefined}
                            type="text" inputMode="numeric" size={10} autoComplete="off" className="business-case-amount"
                            {...field(`lines.${index}.amounts.${i}` as never)} />
                        </td>
                      ))}
                      <td>
                        {hydrated && (
                          <button type="button" className="button" onClick={() => { remove(index); addButton.current?.focus(); }}>
                            {f.removeRow(n)}
                          </button>
                        )}
                      </td>
                    </tr>
                    {rowErrors.length > 0 && (
                      <tr className="business-case-row-errors">
                        <td colSpan={6 + years} id={rowErrorId}>
                          {rowErrors.map(([key, message]) => (
                            // A row-wide message (e.g. the number of amounts) is the error summary's link target.
                            <p key={key} className="field__error" id={key.endsWith(".amounts") ? fieldId(key) : undefined}>{localise(message)}</p>
                          ))}
                        </td>
                      </tr>
                    )}
                    </Fragment>
                  );
                })}
              </tbody>
            </table>
          </div>
          {hydrated && fields.length < MAX_LINE_ROWS && (
            <button type="button" ref={addButton} className="button"
              onClick={() => append(blankRow(years) as never, { focusName: `lines.${fields.length}.kind` })}>
              {f.addRow}
            </button>
          )}
        </fieldset>

        <div className="business-case-side">
          <Field name="nonMonetaryBenefits" label={f.nonMonetary} hint={f.nonMonetaryHint} error={errors.nonMonetaryBenefits}>
            {(a11y) => <textarea {...a11y} rows={8} maxLength={10000} {...field("nonMonetaryBenefits")} />}
          </Field>
        </div>
      </div>

      <fieldset className="business-case-settings" aria-describedby="multiplikatorer-hint">
        <legend>{f.scenarios}</legend>
        <p className="field__hint" id="multiplikatorer-hint">{f.scenariosHint}</p>
        {(["lowSavings", "lowCosts", "highSavings", "highCosts"] as const).map((key) => (
          <Field key={key} name={key} label={f[key]} error={errors[key]}>
            {(a11y) => <input {...a11y} type="text" inputMode="decimal" size={6} autoComplete="off" {...field(key)} />}
          </Field>
        ))}
      </fieldset>
      <SubmitButton intent="save" label={f.save} />
    </Form>
  );
}
