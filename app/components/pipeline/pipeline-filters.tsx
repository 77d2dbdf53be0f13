import { Form, useNavigation } from "@remix-run/react";
import { FilterActions } from "~/components/filter-actions";
import { ErrorSummary, Field, type FieldErrors } from "~/components/forms";
import { FOCUS_AREAS, type FocusArea, IDEA_KINDS, type IdeaKind } from "~/domain/vocabulary";
import type { UnitGroup } from "~/models/selectable-unit.server";
import { useMessages } from "~/utils/locale";

export type PipelineFilterValues = Record<"enhet" | "typ" | "fokus", string>;

/** The board's filters as a GET form: every choice ends up in the URL, so a view can be shared. */
export function PipelineFilters(props: { values: PipelineFilterValues; errors: FieldErrors; unitGroups: UnitGroup[] }) {
  const messages = useMessages();
  const t = messages.pipeline.filters;
  const navigation = useNavigation();
  const loading = navigation.state === "loading" && navigation.location.pathname === "/pipeline";
  const { values, errors } = props;
  return (
    <>
      <ErrorSummary errors={errors} title={t.errorSummaryTitle} />
      <Form method="get" className="filter-form" role="search" aria-label={t.label}>
        <Field name="enhet" label={t.unit} hint={t.unitHint} error={errors.enhet}>
          {(a11y) => (
            <select {...a11y} name="enhet" defaultValue={values.enhet}>
              <option value="">{t.any}</option>
              {props.unitGroups.map((group) => (
                <optgroup key={group.id} label={group.name}>
                  {group.units.map((unit) => <option key={unit.id} value={unit.id}>{unit.label}</option>)}
                </optgroup>
              ))}
            </select>
          )}
        </Field>
        <Field name="typ" label={t.kind} error={errors.typ}>
          {(a11y) => (
            <select {...a11y} name="typ" defaultValue={values.typ}>
              <option value="">{t.any}</option>
              {IDEA_KINDS.map((kind) => <option key={kind} value={kind}>{messages.vocabulary.ideaKinds[kind as IdeaKind]}</option>)}
            </select>
          )}
        </Field>
        <Field name="fokus" label={t.focusArea} error={errors.fokus}>
          {(a11y) => (
            <select {...a11y} name="fokus" defaultValue={values.fokus}>
              <option value="">{t.any}</option>
              {FOCUS_AREAS.map((area) => <option key={area} value={area}>{messages.vocabulary.focusAreas[area as FocusArea]}</option>)}
            </select>
          )}
        </Field>
        <FilterActions pending={loading} label={t.apply} pendingLabel={t.applying} clearHref="/pipeline" clearLabel={t.clear} />
      </Form>
    </>
  );
}
