import { Form, useSubmit } from "@remix-run/react";
import { type FormEvent, useEffect, useMemo } from "react";
import { ErrorSummary, Field, fieldId, type FieldErrors, useValidatedForm } from "~/components/forms";
import { useFormat } from "~/components/idea/format";
import { SCORE_STEPS } from "~/domain/assessment-score";
import {
  ASSESSMENT_TEXT_MAX, commentField, SCORE_COMMENT_MAX, scoreField, scorecardSchema, type ScorecardValues,
} from "~/schemas/assessment";
import { useLocalise, useMessages } from "~/utils/locale";
import { type AssessmentActionData, useCriterionName, usePendingIntent } from "./shared";

export interface ScorecardCriterion {
  id: string;
  name: string;
  nameEn: string | null;
  description: string;
  weight: number;
  /** Share of the total active weight, percent. */
  share: number;
  /** Guidance for scores 1..5. */
  guidance: string[];
}

export interface OwnAssessmentView {
  version: number;
  summary: string;
  privateNote: string;
  completedAt: Date | string | null;
  updatedAt: Date | string;
  scores: { criterionId: string; score: number; comment: string }[];
}

const SCORECARD_INTENTS = ["draft", "complete"];

function defaultsOf(criteria: ScorecardCriterion[], mine: OwnAssessmentView | null, sent: Record<string, unknown> | undefined): ScorecardValues {
  const byId = new Map((mine?.scores ?? []).map((s) => [s.criterionId, s]));
  const sentScores = (sent?.scores ?? {}) as Record<string, string>;
  const sentComments = (sent?.comments ?? {}) as Record<string, string>;
  return {
    intent: "draft",
    version: String(mine?.version ?? 0),
    scores: Object.fromEntries(criteria.map((c) => [c.id, sent ? (sentScores[c.id] ?? "") : String(byId.get(c.id)?.score ?? "")])) as ScorecardValues["scores"],
    comments: Object.fromEntries(criteria.map((c) => [c.id, sent ? (sentComments[c.id] ?? "") : (byId.get(c.id)?.comment ?? "")])),
    summary: sent ? String(sent.summary ?? "") : (mine?.summary ?? ""),
    privateNote: sent ? String(sent.privateNote ?? "") : (mine?.privateNote ?? ""),
  };
}

/**
 * The person's own scorecard: a radio group 1–5 per criterion with the guidance of each step, an
 * optional comment per criterion, a summary and a private note. Works without JavaScript (two submit
 * buttons named intent); with it, the same schema checks first.
 */
export function ScorecardForm(props: {
  criteria: ScorecardCriterion[];
  mine: OwnAssessmentView | null;
  actionData?: AssessmentActionData;
}) {
  const localise = useLocalise();
  const messages = useMessages();
  const t = messages.assessment.form;
  const fmt = useFormat();
  const nameOf = useCriterionName();
  const submit = useSubmit();
  const pendingIntent = usePendingIntent();
  const own = props.actionData && SCORECARD_INTENTS.includes(props.actionData.intent) ? props.actionData : undefined;
  const schema = useMemo(() => scorecardSchema(props.criteria.map((c) => ({ id: c.id, name: nameOf(c) }))), [props.criteria, nameOf]);
  const defaults = defaultsOf(props.criteria, props.mine, own?.values);
  const { form, formRef, field, choice } = useValidatedForm({ schema, defaultValues: defaults, serverErrors: own?.fieldErrors });
  // After a conflict the page shows the saved version; the next try is against that version.
  const version = String(props.mine?.version ?? 0);
  useEffect(() => form.setValue("version", version), [form, version]);

  const { errors } = form.formState;
  const scoreError = (id: string) => errors.scores?.[id]?.message ?? own?.fieldErrors?.[scoreField(id)];
  const commentError = (id: string) => errors.comments?.[id]?.message ?? own?.fieldErrors?.[commentField(id)];
  const summary: FieldErrors = { ...(own?.fieldErrors ?? {}) };
  for (const c of props.criteria) {
    const [score, comment] = [scoreError(c.id), commentError(c.id)];
    if (score) summary[scoreField(c.id)] = score;
    if (comment) summary[commentField(c.id)] = comment;
  }
  if (errors.summary?.message) summary.summary = errors.summary.message;
  if (errors.privateNote?.message) summary.privateNote = errors.privateNote.message;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    form.setValue("intent", submitter?.value === "complete" ? "complete" : "draft");
    void form.handleSubmit(() => submit(submitter ?? formRef.current))(event);
  };

  return (
    <>
      {own?.formError && <div className="alert alert--error" role="alert">{localise(own.formError)}</div>}
      <ErrorSummary errors={summary} title={t.errorSummaryTitle} />
      <MineStatus mine={props.mine} format={fmt.dateTime} />
      <Form method="post" ref={formRef} onSubmit={onSubmit} noValidate className="stack scorecard">
        <input type="hidden" {...field("version")} />
        {props.criteria.map((criterion) => {
          const name = nameOf(criterion);
          const id = fieldId(scoreField(criterion.id));
          const error = scoreError(criterion.id);
          const describedBy = [criterion.description ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
          return (
            <fieldset key={criterion.id} className={`scorecard__criterion${error ? " field--error" : ""}`}
              aria-describedby={describedBy || undefined}>
              <legend>{t.legend(name, criterion.weight, messages.assessment.percent(criterion.share))}</legend>
              {criterion.description && <p className="field__hint" id={`${id}-hint`}>{criterion.description}</p>}
              {error && <p className="field__error" id={`${id}-error`}>{localise(error)}</p>}
              <ul className="score-steps">
                {SCORE_STEPS.map((step, i) => {
                  const optionId = i === 0 ? id : `${id}-${step}`;
                  return (
                    <li key={step} className="score-step">
                      <input type="radio" id={optionId} aria-invalid={Boolean(error)} {...choice(`scores.${criterion.id}`, String(step))} />
                      <label htmlFor={optionId}>
                        <span className="score-step__number">{t.step(step)}</span>
                        <span className="score-step__text">{criterion.guidance[i]}</span>
                      </label>
                    </li>
                  );
                })}
                <li className="score-step score-step--none">
                  <input type="radio" id={`${id}-inget`} {...choice(`scores.${criterion.id}`, "")} />
                  <label htmlFor={`${id}-inget`}>{t.notScored}</label>
                </li>
              </ul>
              <Field name={commentField(criterion.id)} label={t.comment(name)} error={commentError(criterion.id)}>
                {(a11y) => <textarea {...a11y} rows={2} maxLength={SCORE_COMMENT_MAX} {...field(`comments.${criterion.id}`)} />}
              </Field>
            </fieldset>
          );
        })}
        <Field name="summary" label={t.summary} hint={t.summaryHint} error={errors.summary?.message ?? own?.fieldErrors?.summary}>
          {(a11y) => <textarea {...a11y} rows={5} maxLength={ASSESSMENT_TEXT_MAX} {...field("summary")} />}
        </Field>
        <div className="scorecard__private">
          <Field name="privateNote" label={t.privateNote} hint={t.privateNoteHint}
            error={errors.privateNote?.message ?? own?.fieldErrors?.privateNote}>
            {(a11y) => <textarea {...a11y} rows={4} maxLength={ASSESSMENT_TEXT_MAX} {...field("privateNote")} />}
          </Field>
        </div>
        <div className="scorecard__actions">
          <button type="submit" name="intent" value="complete" className="button button--primary"
            disabled={pendingIntent !== null} aria-disabled={pendingIntent !== null}>
            {pendingIntent === "complete" ? t.saving : t.complete}
          </button>
          <button type="submit" name="intent" value="draft" className="button"
            disabled={pendingIntent !== null} aria-disabled={pendingIntent !== null}>
            {pendingIntent === "draft" ? t.saving : t.saveDraft}
          </button>
        </div>
      </Form>
    </>
  );
}

function MineStatus({ mine, format }: { mine: OwnAssessmentView | null; format: (value: Date | string) => string }) {
  const t = useMessages().assessment.form;
  if (!mine) return null;
  return mine.completedAt
    ? <p className="scorecard__status"><strong>{t.statusCompleted(format(mine.completedAt))}</strong> {t.completedHint}</p>
    : <p className="scorecard__status">{t.statusDraft(format(mine.updatedAt))}</p>;
}

/** The person's own assessment once it can no longer change (the idea has moved on). */
export function ScorecardReadOnly(props: { criteria: ScorecardCriterion[]; mine: OwnAssessmentView | null }) {
  const messages = useMessages();
  const t = messages.assessment.form;
  const fmt = useFormat();
  const nameOf = useCriterionName();
  if (!props.mine) return <p>{t.notStarted}</p>;
  const byId = new Map(props.mine.scores.map((s) => [s.criterionId, s]));
  return (
    <>
      <MineStatus mine={props.mine} format={fmt.dateTime} />
      <dl className="facts scorecard__readonly">
        {props.criteria.map((c) => {
          const given = byId.get(c.id);
          return (
            <div key={c.id}>
              <dt>{nameOf(c)}</dt>
              <dd>
                {given ? `${given.score} – ${c.guidance[given.score - 1] ?? ""}` : t.notScored}
                {given?.comment && <p className="idea-text">{given.comment}</p>}
              </dd>
            </div>
          );
        })}
        <div><dt>{t.summary}</dt><dd className="idea-text">{props.mine.summary || "–"}</dd></div>
        <div>
          <dt>{t.privateNote}</dt>
          <dd><p className="field__hint">{t.privateNoteHint}</p><p className="idea-text">{props.mine.privateNote || "–"}</p></dd>
        </div>
      </dl>
    </>
  );
}
