import { Form, useNavigation, useSubmit } from "@remix-run/react";
import { type FormEvent, useEffect } from "react";
import type { UseFormRegister } from "react-hook-form";
import { ErrorSummary, Field, fieldId, type FieldErrors, useValidatedForm } from "~/components/forms";
import { dpiaRecommended } from "~/domain/security-screening";
import { SCREENING_LIMITS, type ScreeningFormFields, screeningAnswersOf, screeningFormSchema } from "~/schemas/security";
import { useLocalise, useMessages } from "~/utils/locale";
import { useFieldError } from "./field-errors";

export interface ScreeningActionData {
  formError?: string;
  fieldErrors?: FieldErrors;
  values?: Partial<ScreeningFormFields>;
}

type RadioName = "confidentiality" | "integrity" | "availability" | "handlesPersonalData" | "handlesSensitivePersonalData" | "dpiaNeeded";

/**
 * The screening form: C, I and A as radio groups with each level described, yes/no questions on
 * personal data and DPIA, the information owner and notes. Two buttons: save a draft, or mark the
 * screening complete (which needs every answer). Works without JavaScript.
 */
export function ScreeningForm(props: {
  defaults: ScreeningFormFields;
  /** The version the next save is made over (changes after a conflict). */
  version: number;
  completed: boolean;
  actionData?: ScreeningActionData;
}) {
  const localise = useLocalise();
  const t = useMessages().security;
  const s = t.screening;
  const navigation = useNavigation();
  const submit = useSubmit();
  // The server renders the same values as defaults, so the form is filled in before (and without) JavaScript.
  const initial: ScreeningFormFields = { ...props.defaults, ...(props.actionData?.values ?? {}), version: String(props.version) };
  const { form, formRef } = useValidatedForm({
    schema: screeningFormSchema,
    defaultValues: initial,
    serverErrors: props.actionData?.fieldErrors,
  });
  useEffect(() => form.setValue("version", String(props.version)), [form, props.version]);
  const errors = form.formState.errors;
  const errorOf = useFieldError(errors, props.actionData?.fieldErrors);
  const summary: FieldErrors = { ...(props.actionData?.fieldErrors ?? {}) };
  for (const name of Object.keys(errors) as (keyof ScreeningFormFields)[]) {
    const message = errorOf(name);
    if (message) summary[name] = message;
  }
  const pendingIntent = navigation.state !== "idle" && navigation.formMethod?.toUpperCase() === "POST"
    ? navigation.formData?.get("intent") : null;
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    form.setValue("intent", submitter?.value === "complete" ? "complete" : "draft");
    void form.handleSubmit(() => submit(submitter ?? formRef.current))(event);
  };
  const watched = form.watch();
  const recommended = dpiaRecommended(screeningAnswersOf({ ...watched, informationOwner: watched.informationOwner ?? "" }));
  const yesNo = [{ value: "ja", label: t.yes }, { value: "nej", label: t.no }];
  const levels = (aspect: "confidentiality" | "integrity" | "availability") =>
    ([1, 2, 3, 4] as const).map((n) => ({ value: String(n), label: t.levelLabel(n, t.levels[n]), description: s.aspects[aspect].levels[n] }));

  return (
    <Form method="post" ref={formRef} onSubmit={onSubmit} noValidate className="stack screening-form">
      {props.actionData?.formError && <div className="alert alert--error" role="alert">{localise(props.actionData.formError)}</div>}
      <ErrorSummary errors={summary} title={s.errorSummaryTitle} />
      <input type="hidden" {...form.register("version")} defaultValue={initial.version} />
      <fieldset className="screening-form__section">
        <legend>{s.heading}</legend>
        {(["confidentiality", "integrity", "availability"] as const).map((aspect) => (
          <RadioGroup key={aspect} name={aspect} legend={s.aspects[aspect].legend} hint={s.aspects[aspect].hint}
            error={errorOf(aspect)} options={levels(aspect)} register={form.register} checked={initial[aspect]} />
        ))}
      </fieldset>
      <fieldset className="screening-form__section">
        <legend>{t.summary.personalData}</legend>
        {(["handlesPersonalData", "handlesSensitivePersonalData", "dpiaNeeded"] as const).map((question) => (
          <RadioGroup key={question} name={question} legend={s.questions[question].legend} hint={s.questions[question].hint}
            error={errorOf(question)} options={yesNo} register={form.register} checked={initial[question]} inline
            note={question === "dpiaNeeded" && recommended ? s.dpiaRecommended : undefined} />
        ))}
        <Field name="informationOwner" label={s.informationOwner} hint={s.informationOwnerHint} error={errorOf("informationOwner")}>
          {(a11y) => <input {...a11y} type="text" maxLength={SCREENING_LIMITS.informationOwner} autoComplete="off" {...form.register("informationOwner")} defaultValue={initial.informationOwner} />}
        </Field>
        <Field name="notes" label={s.notes} hint={s.notesHint} error={errorOf("notes")}>
          {(a11y) => <textarea {...a11y} rows={5} maxLength={SCREENING_LIMITS.notes} {...form.register("notes")} defaultValue={initial.notes} />}
        </Field>
      </fieldset>
      <div className="screening-form__actions">
        <button type="submit" name="intent" value="complete" className="button button--primary"
          disabled={Boolean(pendingIntent)} aria-disabled={Boolean(pendingIntent)}>
          {pendingIntent === "complete" ? s.saving : props.completed ? s.saveCompleted : s.complete}
        </button>
        <button type="submit" name="intent" value="draft" className="button"
          disabled={Boolean(pendingIntent)} aria-disabled={Boolean(pendingIntent)}>
          {pendingIntent === "draft" ? s.saving : props.completed ? s.reopen : s.saveDraft}
        </button>
      </div>
    </Form>
  );
}

/** A radio group in a fieldset; hint, note and error tied to it like Field does for one input. */
function RadioGroup(props: {
  name: RadioName;
  legend: string;
  hint?: string;
  note?: string;
  error?: string;
  inline?: boolean;
  options: { value: string; label: string; description?: string }[];
  register: UseFormRegister<ScreeningFormFields>;
  /** The value checked when the page is rendered. */
  checked: string;
}) {
  const localise = useLocalise();
  const id = fieldId(props.name);
  const describedBy = [props.hint && `${id}-hint`, props.note && `${id}-note`, props.error && `${id}-error`].filter(Boolean).join(" ");
  return (
    <fieldset className={`radio-group${props.error ? " field--error" : ""}`} aria-describedby={describedBy || undefined}>
      <legend>{props.legend}</legend>
      {props.hint && <p className="field__hint" id={`${id}-hint`}>{props.hint}</p>}
      {props.note && <p className="radio-group__note" id={`${id}-note`}>{props.note}</p>}
      {props.error && <p className="field__error" id={`${id}-error`}>{localise(props.error)}</p>}
      <ul className={`radio-group__options${props.inline ? " radio-group__options--inline" : ""}`}>
        {props.options.map((option, i) => {
          const optionId = i === 0 ? id : `${id}-${option.value}`;
          return (
            <li key={option.value} className="radio-group__option">
              <input type="radio" id={optionId} value={option.value} aria-invalid={Boolean(props.error)} {...props.register(props.name)}
                defaultChecked={props.checked === option.value} />
              <label htmlFor={optionId}>
                <span className="radio-group__label">{option.label}</span>
                {option.description && <span className="radio-group__description">{option.description}</span>}
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
