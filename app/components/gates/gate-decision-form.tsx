import { Form, useNavigation } from "@remix-run/react";
import { useEffect } from "react";
import { ErrorSummary, Field, fieldId, type FieldErrors, useValidatedForm } from "~/components/forms";
import { gateDecisionSchema } from "~/schemas/gate-decision";
import type { GateMove } from "~/services/gate-view.server";
import { useLocalise, useMessages } from "~/utils/locale";
import { RequirementList } from "./requirements";

export interface DecisionActionData {
  formError?: string;
  fieldErrors?: FieldErrors;
  values?: Record<string, string>;
  /** The idea and its moves as they are now, after a refused decision. */
  fresh?: { idea: { id: string; version: number; reference: string; title: string; stage: GateMove["to"]; outcome: GateMove["outcome"]; unitName: string; ownerName: string | null; merged: boolean }; moves: GateMove[] };
}

/**
 * The decision: a radio group of the moves open to this person (those whose gate is not met are shown,
 * disabled, with what is missing), the motivation and an optional meeting reference.
 */
export function GateDecisionForm(props: { ideaId: string; version: number; moves: GateMove[]; actionData?: DecisionActionData }) {
  const localise = useLocalise();
  const messages = useMessages();
  const t = messages.gates;
  const navigation = useNavigation();
  const pending = navigation.state !== "idle" && navigation.formMethod?.toUpperCase() === "POST";
  const values = props.actionData?.values;
  const open = props.moves.filter((m) => m.unmet.length === 0);
  const chosen = values?.transitionId && open.some((m) => m.id === values.transitionId) ? values.transitionId
    : open.length === 1 ? open[0]!.id : "";
  const { form, formRef, onSubmit, field, choice } = useValidatedForm({
    schema: gateDecisionSchema,
    defaultValues: {
      version: String(props.version), transitionId: chosen,
      motivation: values?.motivation ?? "", meetingReference: values?.meetingReference ?? "",
    },
    serverErrors: props.actionData?.fieldErrors,
  });
  // After a conflict the page shows the idea as it is now; the next try is against that version.
  useEffect(() => form.setValue("version", String(props.version)), [form, props.version]);
  const errors = form.formState.errors;
  const summary: FieldErrors = {
    ...(props.actionData?.fieldErrors ?? {}),
    ...(errors.transitionId?.message ? { transitionId: errors.transitionId.message } : {}),
    ...(errors.motivation?.message ? { motivation: errors.motivation.message } : {}),
    ...(errors.meetingReference?.message ? { meetingReference: errors.meetingReference.message } : {}),
  };
  const moveError = errors.transitionId?.message;
  const selected = form.watch("transitionId");
  const overriding = props.moves.find((m) => m.id === selected)?.override ?? false;
  const blocked = props.moves.filter((m) => m.unmet.length > 0);
  const label = (move: GateMove) => (
    <>
      <strong>{t.transitions[move.id]?.label ?? move.id}</strong>
      {" "}({messages.stages[move.to].name}{move.outcome && ` – ${messages.vocabulary.outcomes[move.outcome]}`})
    </>
  );
  // Moves whose gate is not met are not radios (a disabled radio cannot be reached by keyboard): they are
  // listed after the choice, each with what is missing and a link to where it is done.
  const blockedList = blocked.length > 0 && (
    <section className="gate-blocked" aria-labelledby="vantar-rubrik">
      <h2 id="vantar-rubrik" className="h3">{t.page.blockedHeading}</h2>
      <ul className="gate-blocked__list">
        {blocked.map((move) => (
          <li key={move.id}>
            <p>{label(move)}</p>
            <p>{t.transitions[move.id]?.description} {t.page.blockedHint}</p>
            <RequirementList ideaId={props.ideaId} items={move.unmet.map((requirement) => ({ requirement, met: false }))} showFixLinks />
          </li>
        ))}
      </ul>
    </section>
  );
  if (open.length === 0) return <><p>{t.page.noOpenMoves}</p>{blockedList}</>;
  return (
    <>
      <Form method="post" ref={formRef} onSubmit={onSubmit} noValidate className="stack gate-form">
        <ErrorSummary errors={summary} title={t.page.errorSummaryTitle} />
        <input type="hidden" {...field("version")} />
        <fieldset
          id={fieldId("transitionId")} tabIndex={-1}
          className={`gate-moves${moveError ? " field--error" : ""}`}
          aria-describedby={moveError ? `${fieldId("transitionId")}-error` : undefined}
        >
          <legend className="h3">{t.page.moveLegend}</legend>
          {moveError && <p className="field__error" id={`${fieldId("transitionId")}-error`}>{localise(moveError)}</p>}
          {open.map((move) => {
            const id = `${fieldId("transitionId")}-${move.id}`;
            return (
              <div key={move.id} className="gate-move">
                <input type="radio" id={id} aria-describedby={`${id}-beskrivning`} {...choice("transitionId", move.id)} />
                <label htmlFor={id}>{label(move)}</label>
                <div id={`${id}-beskrivning`} className="gate-move__text"><p>{t.transitions[move.id]?.description}</p></div>
              </div>
            );
          })}
        </fieldset>
        {overriding && <p className="alert" role="note">{t.page.overrideNotice}</p>}
        <Field name="motivation" label={t.page.motivation} hint={t.page.motivationHint} error={errors.motivation?.message}>
          {(a11y) => <textarea {...a11y} required rows={6} maxLength={10_000} {...field("motivation")} />}
        </Field>
        <Field name="meetingReference" label={t.page.meetingReference} hint={t.page.meetingReferenceHint} error={errors.meetingReference?.message}>
          {(a11y) => <input type="text" {...a11y} maxLength={200} {...field("meetingReference")} />}
        </Field>
        <div>
          <button type="submit" className="button button--primary" disabled={pending} aria-disabled={pending}>
            {pending ? t.page.submitting : t.page.submit}
          </button>
        </div>
      </Form>
      {blockedList}
    </>
  );
}
