import { Form, useNavigation } from "@remix-run/react";
import { GroupedUnitSelect } from "~/components/filter-actions";
import { ErrorSummary, Field, fieldId, type FieldErrors, useValidatedForm } from "~/components/forms";
import { flatErrors } from "~/components/pilot/shared";
import { PORTFOLIO_OBJECTIVES, PORTFOLIO_PINS, PORTFOLIO_STAGES, type UnselectableReason } from "~/domain/portfolio";
import { FOCUS_AREAS, type Stage } from "~/domain/vocabulary";
import type { UnitGroup } from "~/models/selectable-unit.server";
import { BUDGET_FIELDS, MAX_FORM_BUDGET_YEARS, type SelectionFormValues, selectionFormSchema } from "~/schemas/portfolio-selection";
import { useLocalise, useMessages } from "~/utils/locale";

export interface CandidateChoice { id: string; reference: string; title: string; stage: Stage; pin: string; missing?: UnselectableReason }
export interface UnselectableIdea { id: string; reference: string; title: string; reason: UnselectableReason }

/** The optimiser's inputs as a POST form (intent "berakna"): budgets, objective, filters and a pin per idea. */
export function SelectionForm(props: {
  values: SelectionFormValues; errors: FieldErrors; unitGroups: UnitGroup[];
  candidates: CandidateChoice[]; unselectable: UnselectableIdea[];
}) {
  const localise = useLocalise();
  const messages = useMessages();
  const t = messages.portfolio.optimise;
  const tf = messages.portfolio.filters;
  const navigation = useNavigation();
  const pending = navigation.state !== "idle" && navigation.formMethod?.toUpperCase() === "POST"
    && navigation.formData?.get("intent") === "berakna";
  const defaults = { ...props.values, las: Object.fromEntries(props.candidates.map((c) => [c.id, c.pin])) };
  const { form, formRef, onSubmit, field, choice } = useValidatedForm({
    schema: selectionFormSchema, defaultValues: defaults, serverErrors: props.errors,
  });
  const errors = flatErrors(form.formState.errors, props.errors);
  const firstYear = Number(form.watch("ar")) || Number(props.values.ar) || new Date().getFullYear();
  const yearCount = Math.min(Math.max(Number(form.watch("antal")) || 1, 1), MAX_FORM_BUDGET_YEARS);
  return (
    <>
      <ErrorSummary errors={errors} title={t.errorSummaryTitle} />
      <Form method="post" ref={formRef} onSubmit={onSubmit} noValidate aria-label={t.formLabel} className="portfolio-selection-form">
        <input type="hidden" name="intent" value="berakna" />
        <div className="portfolio-budgets">
          <Field name="ar" label={t.firstYear} error={errors.ar}>
            {(a11y) => <input {...a11y} {...field("ar")} inputMode="numeric" size={6} />}
          </Field>
          <Field name="antal" label={t.years} hint={t.yearsHint} error={errors.antal}>
            {(a11y) => (
              <select {...a11y} {...field("antal")}>
                {Array.from({ length: MAX_FORM_BUDGET_YEARS }, (_, i) => <option key={i} value={String(i + 1)}>{i + 1}</option>)}
              </select>
            )}
          </Field>
        </div>
        <div className="portfolio-budgets">
          {BUDGET_FIELDS.slice(0, yearCount).map((name, i) => (
            <Field key={name} name={name} label={t.budgetFor(firstYear + i)} hint={t.budgetHint} error={errors[name]}>
              {(a11y) => <input {...a11y} {...field(name)} inputMode="numeric" autoComplete="off" />}
            </Field>
          ))}
        </div>
        <fieldset className="portfolio-objectives" aria-describedby={errors.mal ? `${fieldId("mal")}-error` : undefined}>
          <legend>{t.objective}</legend>
          {errors.mal && <p className="field__error" id={`${fieldId("mal")}-error`}>{localise(errors.mal)}</p>}
          {PORTFOLIO_OBJECTIVES.map((objective, i) => (
            <div key={objective} className="portfolio-objective">
              <label htmlFor={i === 0 ? fieldId("mal") : undefined}>
                <input type="radio" id={i === 0 ? fieldId("mal") : undefined} {...choice("mal", objective)}
                  aria-describedby={`mal-hint-${objective}`} />
                {" "}{messages.portfolio.objectives[objective]}
              </label>
              <span className="portfolio-objective-hint" id={`mal-hint-${objective}`}>{t.objectiveHints[objective]}</span>
            </div>
          ))}
        </fieldset>
        <fieldset className="filter-form">
          <legend>{t.filtersLegend}</legend>
          <Field name="enhet" label={tf.unit} hint={tf.unitHint} error={errors.enhet}>
            {(a11y) => <GroupedUnitSelect a11y={a11y} name="enhet" defaultValue={props.values.enhet ?? ""} anyLabel={tf.any} groups={props.unitGroups} />}
          </Field>
          <Field name="fokus" label={tf.focusArea} error={errors.fokus}>
            {(a11y) => (
              <select {...a11y} {...field("fokus")}>
                <option value="">{tf.any}</option>
                {FOCUS_AREAS.map((area) => <option key={area} value={area}>{messages.vocabulary.focusAreas[area]}</option>)}
              </select>
            )}
          </Field>
          <Field name="steg" label={tf.stage} hint={tf.stageHint} error={errors.steg}>
            {(a11y) => (
              <select {...a11y} {...field("steg")}>
                <option value="">{tf.any}</option>
                {PORTFOLIO_STAGES.map((stage) => <option key={stage} value={stage}>{messages.stages[stage].name}</option>)}
              </select>
            )}
          </Field>
        </fieldset>
        <section aria-labelledby="kandidater-rubrik" className="portfolio-section">
          <h2 id="kandidater-rubrik">{t.pinsHeading}</h2>
          <p className="field__hint" id="kandidater-hint">{t.pinsHint}</p>
          {props.candidates.length === 0 ? <p className="portfolio-empty">{t.noCandidates}</p> : (
            <div className="table-scroll" role="region" aria-labelledby="kandidater-tabell" tabIndex={0}>
              <table className="portfolio-result-table portfolio-pins">
                <caption id="kandidater-tabell">{t.pinsHeading}</caption>
                <thead><tr><th scope="col">{messages.portfolio.result.idea}</th><th scope="col">{messages.portfolio.result.stage}</th><th scope="col">{t.pinColumn}</th></tr></thead>
                <tbody>
                  {props.candidates.map((c) => (
                    <tr key={c.id}>
                      <th scope="row">
                        <span className="portfolio-ref">{c.reference}</span> {c.title}
                        {c.missing && <span className="portfolio-missing"> ({t.valueZero[c.missing]})</span>}
                      </th>
                      <td>{messages.stages[c.stage].name}</td>
                      <td>
                        <fieldset aria-describedby="kandidater-hint">
                          <legend>{t.pinLegend(`${c.reference} ${c.title}`)}</legend>
                          {PORTFOLIO_PINS.map((pin) => (
                            <label key={pin}>
                              <input type="radio" {...choice(`las.${c.id}`, pin)} />{t.pins[pin]}
                            </label>
                          ))}
                        </fieldset>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {props.unselectable.length > 0 && (
            <>
              <h3>{t.unselectableHeading}</h3>
              <ul>
                {props.unselectable.map((u) => (
                  <li key={u.id}><span className="portfolio-ref">{u.reference}</span> {u.title}: {t.unselectableReasons[u.reason]}</li>
                ))}
              </ul>
            </>
          )}
        </section>
        <div className="filter-form__actions">
          <button type="submit" className="button button--primary" disabled={pending} aria-disabled={pending}>
            {pending ? t.computing : t.compute}
          </button>
        </div>
      </Form>
    </>
  );
}
