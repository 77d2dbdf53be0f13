import { Form, useFetcher, useNavigation, useSubmit } from "@remix-run/react";
import { type FormEvent, type ReactNode, useEffect, useState } from "react";
import { ErrorSummary, Field, fieldId, type FieldErrors, type FieldPropsOf, useValidatedForm } from "~/components/forms";
import { APPROACHES, FOCUS_AREAS, IDEA_KINDS, TARGET_GROUPS } from "~/domain/vocabulary";
import { IDEA_LIMITS, ideaFormSchema, type IdeaFormValues, TRI_STATE } from "~/schemas/idea";
import { useLocalise, useMessages } from "~/utils/locale";

export interface UnitOptionGroup {
  id: string;
  name: string;
  units: { id: string; label: string }[];
}

export interface IdeaFormProps {
  defaultValues: IdeaFormValues;
  unitGroups: UnitOptionGroup[];
  serverErrors?: FieldErrors;
  formError?: string;
}

type FieldName = keyof IdeaFormValues;

/**
 * "Lämna en idé" and "Redigera utkast". Works without JavaScript (two submit buttons named intent);
 * with it, react-hook-form checks the same schema first and similar ideas appear while typing.
 */
export function IdeaForm(props: IdeaFormProps) {
  const localise = useLocalise();
  const messages = useMessages();
  const t = messages.submit;
  const vocabulary = messages.vocabulary;
  const navigation = useNavigation();
  const submit = useSubmit();
  const { form, formRef, field, choice } = useValidatedForm({
    schema: ideaFormSchema,
    defaultValues: props.defaultValues,
    serverErrors: props.serverErrors,
  });
  const { errors } = form.formState;
  const errorOf = (name: FieldName): string | undefined => errors[name]?.message as string | undefined;
  const summary: FieldErrors = { ...(props.serverErrors ?? {}) };
  for (const name of Object.keys(errors) as FieldName[]) {
    const message = errorOf(name);
    if (message) summary[name] = message;
  }
  const pendingIntent = navigation.state !== "idle" && navigation.formMethod?.toUpperCase() === "POST"
    ? navigation.formData?.get("intent") : null;

  // The clicked button decides the intent, and with it how strict the check is.
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    form.setValue("intent", submitter?.value === "submit" ? "submit" : "draft");
    void form.handleSubmit(() => submit(submitter ?? formRef.current))(event);
  };

  return (
    <>
      {props.formError && <div className="alert alert--error" role="alert">{localise(props.formError)}</div>}
      <ErrorSummary errors={summary} title={t.errorSummaryTitle} />
      <p className="muted">{t.requiredNote}</p>
      <Form method="post" ref={formRef} onSubmit={onSubmit} noValidate className="stack idea-form">
        <input type="hidden" {...field("submissionKey")} />

        <fieldset className="idea-form__section">
          <legend>{t.sections.idea}</legend>
          <Field name="title" label={`${t.fields.title} ${t.required}`} hint={t.fields.titleHint} error={errorOf("title")}>
            {(a11y) => <input {...a11y} type="text" maxLength={IDEA_LIMITS.title} autoComplete="off" {...field("title")} />}
          </Field>
          <Field name="problem" label={`${t.fields.problem} ${t.required}`} hint={t.fields.problemHint} error={errorOf("problem")}>
            {(a11y) => <textarea {...a11y} rows={5} maxLength={IDEA_LIMITS.text} {...field("problem")} />}
          </Field>
          <SimilarIdeas title={form.watch("title")} problem={form.watch("problem")} />
          <Field name="proposedSolution" label={`${t.fields.proposedSolution} ${t.required}`} hint={t.fields.proposedSolutionHint}
            error={errorOf("proposedSolution")}>
            {(a11y) => <textarea {...a11y} rows={5} maxLength={IDEA_LIMITS.text} {...field("proposedSolution")} />}
          </Field>
        </fieldset>

        <fieldset className="idea-form__section">
          <legend>{t.sections.classification}</legend>
          <Choices name="kind" type="radio" legend={`${t.fields.kind} ${t.required}`} error={errorOf("kind")}
            options={IDEA_KINDS.map((kind) => ({ value: kind, label: vocabulary.ideaKinds[kind] }))} choice={choice} />
          <Choices name="targetGroups" type="checkbox" legend={`${t.fields.targetGroups} ${t.required}`} hint={t.fields.targetGroupsHint}
            error={errorOf("targetGroups")} choice={choice}
            options={TARGET_GROUPS.map((group) => ({ value: group, label: vocabulary.targetGroups[group] }))} />
          <Field name="unitId" label={`${t.fields.unitId} ${t.required}`} hint={t.fields.unitIdHint} error={errorOf("unitId")}>
            {(a11y) => (
              <select {...a11y} {...field("unitId")}>
                <option value="">–</option>
                {props.unitGroups.map((group) => (
                  <optgroup key={group.id} label={group.name}>
                    {group.units.map((unit) => <option key={unit.id} value={unit.id}>{unit.label}</option>)}
                  </optgroup>
                ))}
              </select>
            )}
          </Field>
          <Choices name="focusAreas" type="checkbox" legend={t.fields.focusAreas} hint={t.fields.focusAreasHint}
            error={errorOf("focusAreas")} choice={choice}
            options={FOCUS_AREAS.map((area) => ({ value: area, label: vocabulary.focusAreas[area] }))} />
          <Choices name="approaches" type="checkbox" legend={t.fields.approaches} hint={t.fields.approachesHint}
            error={errorOf("approaches")} choice={choice}
            options={APPROACHES.map((approach) => ({ value: approach, label: vocabulary.approaches[approach] }))} />
        </fieldset>

        <fieldset className="idea-form__section">
          <legend>{t.sections.benefits}</legend>
          <Field name="expectedBenefits" label={t.fields.expectedBenefits} hint={t.fields.expectedBenefitsHint} error={errorOf("expectedBenefits")}>
            {(a11y) => <textarea {...a11y} rows={4} maxLength={IDEA_LIMITS.text} {...field("expectedBenefits")} />}
          </Field>
          {(["hoursSavedPerMonth", "savingsPerYear", "estimatedCost"] as const).map((name) => (
            <Field key={name} name={name} label={t.fields[name]} hint={t.fields[`${name}Hint`]} error={errorOf(name)}>
              {(a11y) => <input {...a11y} type="text" inputMode="numeric" maxLength={40} autoComplete="off" className="input--short" {...field(name)} />}
            </Field>
          ))}
        </fieldset>

        <fieldset className="idea-form__section">
          <legend>{t.sections.security}</legend>
          <Choices name="personalData" type="radio" legend={`${t.fields.personalData} ${t.required}`} error={errorOf("personalData")}
            choice={choice} options={TRI_STATE.map((v) => ({ value: v, label: t.triState[v] }))} />
          <Choices name="sensitivePersonalData" type="radio" legend={`${t.fields.sensitivePersonalData} ${t.required}`}
            hint={t.fields.sensitivePersonalDataHint} error={errorOf("sensitivePersonalData")}
            choice={choice} options={TRI_STATE.map((v) => ({ value: v, label: t.triState[v] }))} />
          <Field name="informationOwner" label={t.fields.informationOwner} hint={t.fields.informationOwnerHint} error={errorOf("informationOwner")}>
            {(a11y) => <input {...a11y} type="text" maxLength={IDEA_LIMITS.informationOwner} {...field("informationOwner")} />}
          </Field>
        </fieldset>

        <fieldset className="idea-form__section">
          <legend>{t.sections.visibility}</legend>
          <div className="checkbox">
            <input type="checkbox" id={fieldId("hideName")} aria-describedby={`${fieldId("hideName")}-hint`} {...choice("hideName", "ja")} />
            <label htmlFor={fieldId("hideName")}>{t.fields.hideName}</label>
          </div>
          <p className="field__hint" id={`${fieldId("hideName")}-hint`}>{t.fields.hideNameHint}</p>
        </fieldset>

        <div className="idea-form__actions">
          <button type="submit" name="intent" value="submit" className="button button--primary"
            disabled={Boolean(pendingIntent)} aria-disabled={Boolean(pendingIntent)}>
            {pendingIntent === "submit" ? t.submitting : t.submit}
          </button>
          <button type="submit" name="intent" value="draft" className="button"
            disabled={Boolean(pendingIntent)} aria-disabled={Boolean(pendingIntent)}>
            {pendingIntent === "draft" ? t.saving : t.saveDraft}
          </button>
        </div>
      </Form>
    </>
  );
}

/** A radio or checkbox group in a fieldset, its hint and error tied to it like Field does for one input. */
function Choices(props: {
  name: "kind" | "targetGroups" | "focusAreas" | "approaches" | "personalData" | "sensitivePersonalData";
  type: "radio" | "checkbox";
  legend: string;
  hint?: string;
  error?: string;
  options: { value: string; label: string }[];
  choice: FieldPropsOf<IdeaFormValues>["choice"];
}) {
  const localise = useLocalise();
  const id = fieldId(props.name);
  const describedBy = [props.hint ? `${id}-hint` : null, props.error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <fieldset className={`fieldset${props.error ? " field--error" : ""}`} aria-describedby={describedBy || undefined}>
      <legend>{props.legend}</legend>
      {props.hint && <p className="field__hint" id={`${id}-hint`}>{props.hint}</p>}
      {props.error && <p className="field__error" id={`${id}-error`}>{localise(props.error)}</p>}
      <ul className={`checkbox-list${props.options.length > 4 ? " checkbox-list--columns" : ""}`}>
        {props.options.map((option, i) => {
          const optionId = i === 0 ? id : `${id}-${option.value}`;
          return (
            <li key={option.value} className="checkbox">
              <input type={props.type} id={optionId} aria-invalid={Boolean(props.error)} {...props.choice(props.name, option.value)} />
              <label htmlFor={optionId}>{option.label}</label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

interface SimilarIdea {
  id: string;
  reference: string;
  title: string;
  stage: keyof ReturnType<typeof useMessages>["stages"];
  supportCount: number;
}

/** The five closest submitted ideas, asked for ~400 ms after typing stops. Without JavaScript: nothing. */
function SimilarIdeas({ title, problem }: { title: string; problem: string }) {
  const t = useMessages();
  const fetcher = useFetcher<{ ideas: SimilarIdea[] }>();
  const [query, setQuery] = useState("");
  const { load } = fetcher;
  useEffect(() => {
    const params = new URLSearchParams({ title: title.slice(0, 200), problem: problem.slice(0, 500) });
    const next = `${title}${problem}`.trim().length >= 3 ? params.toString() : "";
    if (next === query) return;
    const timer = setTimeout(() => {
      setQuery(next);
      if (next) load(`/ideas/liknande?${next}`);
    }, 400);
    return () => clearTimeout(timer);
  }, [title, problem, query, load]);
  const ideas = query ? (fetcher.data?.ideas ?? []) : [];
  return (
    <div className="similar-ideas" aria-live="polite">
      {ideas.length > 0 && (
        <section aria-labelledby="liknande-rubrik" className="panel panel--muted">
          <h2 id="liknande-rubrik" className="h3">{t.submit.similar.heading}</h2>
          <p>{t.submit.similar.intro} <span className="visually-hidden">{t.submit.similar.count(ideas.length)}</span></p>
          <ul className="plain-list similar-ideas__list">
            {ideas.map((idea) => <SimilarIdeaItem key={idea.id} idea={idea} />)}
          </ul>
        </section>
      )}
    </div>
  );
}

function SimilarIdeaItem({ idea }: { idea: SimilarIdea }): ReactNode {
  const t = useMessages();
  const fetcher = useFetcher<{ supported: boolean; supportCount: number }>();
  const supported = fetcher.data?.supported === true;
  const count = fetcher.data?.supportCount ?? idea.supportCount;
  return (
    <li className="similar-ideas__item">
      <a href={`/ideas/${idea.id}`}>{idea.title}</a>
      <span className="muted"> {idea.reference} · {t.submit.similar.stage}: {t.stages[idea.stage].name} · {t.submit.similar.supporters(count)}</span>
      {supported ? (
        <p role="status">{t.submit.similar.supported}</p>
      ) : (
        <fetcher.Form method="post" action={`/ideas/${idea.id}/stod`}>
          <button type="submit" className="button" disabled={fetcher.state !== "idle"}>
            {t.submit.similar.support}<span className="visually-hidden">: {idea.title}</span>
          </button>
        </fetcher.Form>
      )}
    </li>
  );
}
