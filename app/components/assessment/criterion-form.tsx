import { Form } from "@remix-run/react";
import { useEffect } from "react";
import type { AdminActionData } from "~/components/admin/action-data";
import { ErrorSummary, Field, fieldId, type FieldErrors, useValidatedForm } from "~/components/forms";
import { SCORE_STEPS } from "~/domain/assessment-score";
import { CRITERION_FIELDS, CRITERION_LIMITS, criterionCreateSchema, criterionUpdateSchema } from "~/schemas/assessment";
import { useLocalise, useMessages } from "~/utils/locale";
import { PendingButton } from "./shared";

export interface CriterionFormData {
  name: string;
  nameEn: string | null;
  description: string;
  weight: number;
  position: number;
  guidance: string[];
  version: number;
}

type Values = Record<(typeof CRITERION_FIELDS)[number], string> & { intent: string; version?: string };

function defaultsOf(criterion: CriterionFormData | null, sent: AdminActionData["values"]): Values {
  const text = (name: string, fallback: string) => (sent && typeof sent[name] === "string" ? (sent[name] as string) : fallback);
  const guidance = (n: number) => text(`guidance${n}`, criterion?.guidance[n - 1] ?? "");
  return {
    intent: criterion ? "update" : "create",
    ...(criterion ? { version: String(criterion.version) } : {}),
    name: text("name", criterion?.name ?? ""),
    nameEn: text("nameEn", criterion?.nameEn ?? ""),
    description: text("description", criterion?.description ?? ""),
    weight: text("weight", criterion ? String(criterion.weight) : "10"),
    position: text("position", criterion ? String(criterion.position) : "0"),
    guidance1: guidance(1), guidance2: guidance(2), guidance3: guidance(3), guidance4: guidance(4), guidance5: guidance(5),
  };
}

/** Create (criterion = null) or edit a criterion: names, description, weight, order and guidance per score. */
export function CriterionForm(props: { criterion: CriterionFormData | null; actionData?: AdminActionData; nextPosition?: number }) {
  const localise = useLocalise();
  const t = useMessages().assessment.criteria;
  const intent = props.criterion ? "update" : "create";
  const own = props.actionData?.intent === intent ? props.actionData : undefined;
  const defaults = defaultsOf(props.criterion, own?.values);
  if (!props.criterion && !own && props.nextPosition !== undefined) defaults.position = String(props.nextPosition);
  const { form, formRef, onSubmit, field } = useValidatedForm<Values>({
    schema: (props.criterion ? criterionUpdateSchema : criterionCreateSchema) as never,
    defaultValues: defaults,
    serverErrors: own?.fieldErrors,
  });
  // After a conflict the page shows the saved criterion; the next save is against that version.
  const version = props.criterion ? String(props.criterion.version) : undefined;
  useEffect(() => { if (version) form.setValue("version", version); }, [form, version]);
  const errors = form.formState.errors;
  const errorOf = (name: keyof Values) => (errors[name]?.message as string | undefined) ?? own?.fieldErrors?.[name];
  const summary: FieldErrors = {};
  for (const name of CRITERION_FIELDS) if (errorOf(name)) summary[name] = errorOf(name);
  const guidanceId = fieldId("guidance");
  return (
    <>
      {own?.formError && <div className="alert alert--error" role="alert">{localise(own.formError)}</div>}
      <ErrorSummary errors={summary} title={t.errors.errorSummaryTitle} />
      <Form method="post" ref={formRef} onSubmit={onSubmit} noValidate className="stack criterion-form">
        <input type="hidden" {...field("intent")} />
        {version && <input type="hidden" {...field("version")} />}
        <Field name="name" label={t.fields.name} hint={t.fields.nameHint} error={errorOf("name")}>
          {(a11y) => <input {...a11y} type="text" required maxLength={CRITERION_LIMITS.name} {...field("name")} />}
        </Field>
        <Field name="nameEn" label={t.fields.nameEn} hint={t.fields.nameEnHint} error={errorOf("nameEn")}>
          {(a11y) => <input {...a11y} type="text" lang="en" maxLength={CRITERION_LIMITS.name} {...field("nameEn")} />}
        </Field>
        <Field name="description" label={t.fields.description} hint={t.fields.descriptionHint} error={errorOf("description")}>
          {(a11y) => <textarea {...a11y} rows={3} maxLength={CRITERION_LIMITS.description} {...field("description")} />}
        </Field>
        <Field name="weight" label={t.fields.weight} hint={t.fields.weightHint} error={errorOf("weight")}>
          {(a11y) => <input {...a11y} type="text" inputMode="numeric" required maxLength={3} className="input--short" {...field("weight")} />}
        </Field>
        <Field name="position" label={t.fields.position} hint={t.fields.positionHint} error={errorOf("position")}>
          {(a11y) => <input {...a11y} type="text" inputMode="numeric" required maxLength={3} className="input--short" {...field("position")} />}
        </Field>
        <fieldset className="fieldset" aria-describedby={`${guidanceId}-hint`}>
          <legend>{t.fields.guidanceLegend}</legend>
          <p className="field__hint" id={`${guidanceId}-hint`}>{t.fields.guidanceHint}</p>
          {SCORE_STEPS.map((step) => {
            const name = `guidance${step}` as const;
            return (
              <Field key={step} name={name} label={t.fields.guidance(step)} error={errorOf(name)}>
                {(a11y) => <textarea {...a11y} rows={2} required maxLength={CRITERION_LIMITS.guidance} {...field(name)} />}
              </Field>
            );
          })}
        </fieldset>
        <div><PendingButton intent={intent} label={props.criterion ? t.save : t.create} namesIntent={false} /></div>
      </Form>
    </>
  );
}
