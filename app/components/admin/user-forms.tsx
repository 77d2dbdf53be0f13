import { Form } from "@remix-run/react";
import { Field, fieldId, type FieldErrors, useValidatedForm } from "~/components/forms";
import { ROLES, type Role } from "~/domain/vocabulary";
import { userAccessSchema, userUnitSchema } from "~/schemas/admin-user";
import { useLocalise, useMessages } from "~/utils/locale";
import { ActivationForm, focusingFirstError, SubmitButton } from "./feedback";
import { inTreeOrder, pathLabel, type UnitNode } from "./unit-order";

interface AccessProps {
  roles: Role[];
  scopeUnitIds: string[];
  units: UnitNode[];
  isSelf: boolean;
  serverErrors?: FieldErrors;
}

/** Roles (checkboxes) and, for a kontaktperson, the units they answer for (a checkbox tree). */
export function UserAccessForm(props: AccessProps) {
  const t = useMessages();
  const copy = t.admin.userEdit;
  const { form, formRef, onSubmit, field, choice } = useValidatedForm({
    schema: userAccessSchema,
    defaultValues: { intent: "access", roles: props.roles, scopeUnitIds: props.scopeUnitIds },
    serverErrors: props.serverErrors,
  });
  const errors = form.formState.errors;
  // Deactivated units are offered only while the person already has them, so they can be removed.
  const offered = inTreeOrder(props.units.filter((u) => u.active || props.scopeUnitIds.includes(u.id)));
  return (
    <Form method="post" ref={formRef} onSubmit={focusingFirstError(form, onSubmit)} noValidate className="stack">
      <input type="hidden" {...field("intent")} />
      <CheckboxGroup name="roles" legend={copy.roles} error={errors.roles?.message}
        hint={props.isSelf ? `${copy.rolesHint} ${copy.ownAdminHint}` : copy.rolesHint}>
        <ul className="checkbox-list">
          {ROLES.map((role, i) => {
            const id = i === 0 ? fieldId("roles") : `${fieldId("roles")}-${role}`;
            return (
              <li key={role} className="checkbox">
                <input type="checkbox" id={id} aria-invalid={Boolean(errors.roles)} {...choice("roles", role)} />
                <label htmlFor={id}>{t.roles[role]}</label>
              </li>
            );
          })}
        </ul>
      </CheckboxGroup>
      <CheckboxGroup name="scopeUnitIds" legend={copy.scopes} hint={copy.scopesHint} error={errors.scopeUnitIds?.message}>
        <ul className="checkbox-list checkbox-list--tree">
          {offered.map((entry, i) => {
            const id = i === 0 ? fieldId("scopeUnitIds") : `${fieldId("scopeUnitIds")}-${entry.unit.id}`;
            return (
              <li key={entry.unit.id} className={`checkbox depth-${Math.min(entry.depth, 5)}`}>
                <input type="checkbox" id={id} aria-invalid={Boolean(errors.scopeUnitIds)}
                  {...choice("scopeUnitIds", entry.unit.id)} />
                <label htmlFor={id}>
                  {entry.unit.name}
                  {entry.ancestors.length > 0 && <span className="visually-hidden"> ({entry.ancestors.join(" › ")})</span>}
                  {!entry.unit.active && <> {copy.scopeInactive}</>}
                </label>
              </li>
            );
          })}
        </ul>
      </CheckboxGroup>
      <SubmitButton intent="access" label={copy.saveAccess} />
    </Form>
  );
}

/** A fieldset of checkboxes with its hint and error tied to it, like Field does for one input. */
function CheckboxGroup(props: { name: string; legend: string; hint?: string; error?: string; children: React.ReactNode }) {
  const localise = useLocalise();
  const id = fieldId(props.name);
  const describedBy = [props.hint ? `${id}-hint` : null, props.error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <fieldset className={`fieldset${props.error ? " field--error" : ""}`} aria-describedby={describedBy || undefined}>
      <legend>{props.legend}</legend>
      {props.hint && <p className="field__hint" id={`${id}-hint`}>{props.hint}</p>}
      {props.error && <p className="field__error" id={`${id}-error`}>{localise(props.error)}</p>}
      {props.children}
    </fieldset>
  );
}

/** The person's home unit, chosen among the active units (the current one stays listed). */
export function UserUnitForm(props: { unitId: string | null; units: UnitNode[]; serverErrors?: FieldErrors; value?: string }) {
  const copy = useMessages().admin.userEdit;
  const { form, formRef, onSubmit, field } = useValidatedForm({
    schema: userUnitSchema,
    defaultValues: { intent: "unit", unitId: props.value ?? props.unitId ?? "" },
    serverErrors: props.serverErrors,
  });
  const offered = inTreeOrder(props.units.filter((u) => u.active || u.id === props.unitId));
  return (
    <Form method="post" ref={formRef} onSubmit={focusingFirstError(form, onSubmit)} noValidate className="stack">
      <input type="hidden" {...field("intent")} />
      <Field name="unitId" label={copy.unit} hint={copy.unitHint} error={form.formState.errors.unitId?.message}>
        {(a11y) => (
          <select {...a11y} {...field("unitId")}>
            <option value="">{copy.chooseUnit}</option>
            {offered.map((entry) => (
              <option key={entry.unit.id} value={entry.unit.id}>
                {pathLabel(entry)}{entry.unit.active ? "" : ` ${copy.scopeInactive}`}
              </option>
            ))}
          </select>
        )}
      </Field>
      <SubmitButton intent="unit" label={copy.saveUnit} />
    </Form>
  );
}

/** Deactivate or reactivate; an admin's own account offers neither (the server refuses it too). */
export function UserStatusForm(props: { active: boolean; isSelf: boolean }) {
  const copy = useMessages().admin.userEdit;
  if (props.active && props.isSelf) return <p>{copy.ownAccount}</p>;
  return <ActivationForm active={props.active} copy={copy} />;
}
