import { Form, useNavigation } from "@remix-run/react";
import { FilterActions } from "~/components/filter-actions";
import { ErrorSummary, Field, type FieldErrors } from "~/components/forms";
import { useMessages } from "~/utils/locale";

export type AgendaOptionValues = Record<"enhet" | "datum" | "rubrik", string>;

/** The agenda's options as a GET form (förvaltning, meeting date and title), with the server's field errors. */
export function AgendaOptions(props: { values: AgendaOptionValues; errors: FieldErrors; departments: { id: string; name: string }[] }) {
  const o = useMessages().agenda.options;
  const navigation = useNavigation();
  const pending = navigation.state === "loading" && navigation.location?.pathname === "/portfolio/agenda";
  const { values, errors } = props;
  return (
    <div className="agenda__screen-only">
      <ErrorSummary errors={errors} title={o.errorSummaryTitle} />
      <Form method="get" className="filter-form" aria-label={o.legend}>
        <Field name="enhet" label={o.unit} error={errors.enhet}>
          {(a11y) => (
            <select {...a11y} name="enhet" defaultValue={values.enhet}>
              <option value="">{o.anyUnit}</option>
              {props.departments.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
            </select>
          )}
        </Field>
        <Field name="datum" label={o.date} hint={o.dateHint} error={errors.datum}>
          {(a11y) => <input {...a11y} type="date" name="datum" defaultValue={values.datum} />}
        </Field>
        <Field name="rubrik" label={o.meetingTitle} hint={o.meetingTitleHint} error={errors.rubrik}>
          {(a11y) => <input {...a11y} type="text" name="rubrik" maxLength={120} defaultValue={values.rubrik} />}
        </Field>
        <FilterActions pending={pending} label={o.submit} pendingLabel={o.pending} clearHref="/portfolio/agenda" clearLabel={o.clear} />
      </Form>
    </div>
  );
}
