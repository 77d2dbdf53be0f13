import { Form } from "@remix-run/react";
import { useEffect } from "react";
import { Field, type FieldErrors, useValidatedForm } from "~/components/forms";
import { UNIT_KINDS, type UnitKind } from "~/domain/vocabulary";
import { isTopLevelKind, unitCreateSchema, unitMoveSchema, unitRenameSchema } from "~/schemas/admin-unit";
import { useMessages } from "~/utils/locale";
import { ActivationForm, focusingFirstError, SubmitButton } from "./feedback";
import { inTreeOrder, pathLabel, type UnitNode } from "./unit-order";

/** Parents an avdelning/enhet may get (the server checks the same, and that it is not its own descendant). */
const allowedParents = (units: UnitNode[], kind: UnitKind | "") =>
  inTreeOrder(units.filter((u) => u.active)).filter((entry) => !(kind === "avdelning" && entry.unit.kind === "enhet"));

export function UnitCreateForm(props: { units: UnitNode[]; serverErrors?: FieldErrors; values?: Record<string, unknown> }) {
  const copy = useMessages().admin;
  const text = (key: string) => (typeof props.values?.[key] === "string" ? (props.values[key] as string) : "");
  const { form, formRef, onSubmit, field } = useValidatedForm({
    schema: unitCreateSchema,
    defaultValues: { intent: "create", name: text("name"), kind: (text("kind") || undefined) as UnitKind | undefined, parentId: text("parentId") },
    serverErrors: props.serverErrors,
  });
  const errors = form.formState.errors;
  const kind = (form.watch("kind") as UnitKind | "" | undefined) ?? "";
  const topLevel = kind !== "" && isTopLevelKind(kind);
  // A förvaltning or bolag has no parent: clear a parent chosen before the kind was.
  useEffect(() => {
    if (topLevel) form.setValue("parentId", "");
  }, [topLevel, form]);
  return (
    <Form method="post" ref={formRef} onSubmit={focusingFirstError(form, onSubmit)} noValidate className="stack">
      <input type="hidden" {...field("intent")} />
      <Field name="name" label={copy.units.name} error={errors.name?.message}>
        {(a11y) => <input {...a11y} type="text" autoComplete="off" maxLength={200} required {...field("name")} />}
      </Field>
      <Field name="kind" label={copy.units.kind} error={errors.kind?.message}>
        {(a11y) => (
          <select {...a11y} required {...field("kind")}>
            <option value="">{copy.units.chooseKind}</option>
            {UNIT_KINDS.map((k) => <option key={k} value={k}>{copy.unitKinds[k]}</option>)}
          </select>
        )}
      </Field>
      <Field name="parentId" label={copy.units.parent} hint={copy.units.parentHint} error={errors.parentId?.message}>
        {(a11y) => (
          <select {...a11y} {...field("parentId")}>
            <option value="">{copy.units.noParent}</option>
            {!topLevel && allowedParents(props.units, kind).map((entry) => (
              <option key={entry.unit.id} value={entry.unit.id}>{pathLabel(entry)}</option>
            ))}
          </select>
        )}
      </Field>
      <SubmitButton intent="create" label={copy.units.create} />
    </Form>
  );
}

export function UnitRenameForm(props: { name: string; serverErrors?: FieldErrors; value?: string }) {
  const copy = useMessages().admin.unitEdit;
  const { form, formRef, onSubmit, field } = useValidatedForm({
    schema: unitRenameSchema,
    defaultValues: { intent: "rename", name: props.value ?? props.name },
    serverErrors: props.serverErrors,
  });
  return (
    <Form method="post" ref={formRef} onSubmit={focusingFirstError(form, onSubmit)} noValidate className="stack">
      <input type="hidden" {...field("intent")} />
      <Field name="name" label={copy.name} error={form.formState.errors.name?.message}>
        {(a11y) => <input {...a11y} type="text" autoComplete="off" maxLength={200} required {...field("name")} />}
      </Field>
      <SubmitButton intent="rename" label={copy.rename} />
    </Form>
  );
}

/** `candidates` are the units outside the moved unit's own branch (the server decides that). */
export function UnitMoveForm(props: {
  kind: UnitKind; parentId: string | null; candidates: UnitNode[]; serverErrors?: FieldErrors; value?: string;
}) {
  const copy = useMessages().admin.unitEdit;
  const { form, formRef, onSubmit, field } = useValidatedForm({
    schema: unitMoveSchema,
    defaultValues: { intent: "move", parentId: props.value ?? props.parentId ?? "" },
    serverErrors: props.serverErrors,
  });
  if (isTopLevelKind(props.kind)) return <p>{copy.topLevelText}</p>;
  return (
    <Form method="post" ref={formRef} onSubmit={focusingFirstError(form, onSubmit)} noValidate className="stack">
      <input type="hidden" {...field("intent")} />
      <p>{copy.moveText}</p>
      <Field name="parentId" label={copy.moveTarget} error={form.formState.errors.parentId?.message}>
        {(a11y) => (
          <select {...a11y} required {...field("parentId")}>
            <option value="">{copy.chooseParent}</option>
            {allowedParents(props.candidates, props.kind).map((entry) => (
              <option key={entry.unit.id} value={entry.unit.id}>{pathLabel(entry)}</option>
            ))}
          </select>
        )}
      </Field>
      <SubmitButton intent="move" label={copy.move} />
    </Form>
  );
}

export function UnitStatusForm(props: { active: boolean }) {
  return <ActivationForm active={props.active} copy={useMessages().admin.unitEdit} />;
}

export function UnitDeleteForm() {
  const copy = useMessages().admin.unitEdit;
  return (
    <Form method="post" className="stack">
      <input type="hidden" name="intent" value="delete" />
      <p>{copy.deleteText}</p>
      <SubmitButton intent="delete" label={copy.delete} variant="danger" />
    </Form>
  );
}
