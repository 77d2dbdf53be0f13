import { Form } from "@remix-run/react";
import { ErrorSummary, Field, type FieldErrors } from "~/components/forms";
import { useFormat } from "~/components/idea/format";
import { useLocalise, useMessages } from "~/utils/locale";
import { type AssessmentActionData, PendingButton } from "./shared";

export interface AssignmentView {
  assessorId: string;
  name: string;
  unitName: string | null;
  assignedAt: Date | string;
  status: "not_started" | "draft" | "completed";
}

/**
 * Who is asked to assess the idea and how far they have come; for those who assign assessors (while
 * the idea is open for assessment) a remove button per person and a form to add one.
 */
export function AssessorsPanel(props: {
  assignments: AssignmentView[];
  people: { id: string; name: string; unitName: string | null }[];
  canAssign: boolean;
  editable: boolean;
  userId: string;
  actionData?: AssessmentActionData;
}) {
  const localise = useLocalise();
  const t = useMessages().assessment.assessors;
  const fmt = useFormat();
  const manage = props.canAssign && props.editable;
  const own = props.actionData && ["assign", "unassign"].includes(props.actionData.intent) ? props.actionData : undefined;
  const errors: FieldErrors = own?.fieldErrors ?? {};
  return (
    <>
      {own?.formError && <div className="alert alert--error" role="alert">{localise(own.formError)}</div>}
      {props.assignments.length === 0 ? <p>{t.none}</p> : (
        <div className="table-scroll" role="region" aria-labelledby="bedomare-tabell" tabIndex={0}>
          <table className="data-table">
            <caption id="bedomare-tabell" className="visually-hidden">{t.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.columns.name}</th>
                <th scope="col">{t.columns.assignedAt}</th>
                <th scope="col">{t.columns.status}</th>
                {manage && <th scope="col">{t.columns.action}</th>}
              </tr>
            </thead>
            <tbody>
              {props.assignments.map((a) => (
                <tr key={a.assessorId}>
                  <th scope="row">
                    {a.name}{a.assessorId === props.userId && ` ${t.you}`}
                    {a.unitName && <span className="muted"> · {a.unitName}</span>}
                  </th>
                  <td><time dateTime={fmt.iso(a.assignedAt)}>{fmt.date(a.assignedAt)}</time></td>
                  <td>{t.status[a.status]}</td>
                  {manage && (
                    <td>
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="assessorId" value={a.assessorId} />
                        <PendingButton intent="unassign" label={t.unassign} variant="plain" ariaLabel={t.unassignLabel(a.name)} />
                      </Form>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {!props.editable && props.canAssign && <p className="muted">{t.notOpen}</p>}
      {manage && (
        <Form method="post" className="stack assessor-assign" noValidate>
          <h3>{t.assignHeading}</h3>
          <ErrorSummary errors={errors} title={t.errorSummaryTitle} />
          <Field name="assessorId" label={t.assessor} hint={t.assessorHint} error={errors.assessorId}>
            {(a11y) => (
              <select {...a11y} name="assessorId" required defaultValue={own?.intent === "assign" ? String(own.values?.assessorId ?? "") : ""}>
                <option value="">{t.choose}</option>
                {props.people.map((p) => <option key={p.id} value={p.id}>{p.unitName ? `${p.name} (${p.unitName})` : p.name}</option>)}
              </select>
            )}
          </Field>
          <div><PendingButton intent="assign" label={t.assign} /></div>
        </Form>
      )}
    </>
  );
}
