import { Link } from "@remix-run/react";

/** The end of a GET filter form: the submit button (with its pending text) and "clear filters". */
export function FilterActions(props: { pending: boolean; label: string; pendingLabel: string; clearHref: string; clearLabel: string }) {
  return (
    <div className="filter-form__actions">
      <button type="submit" className="button button--primary" disabled={props.pending} aria-disabled={props.pending}>
        {props.pending ? props.pendingLabel : props.label}
      </button>
      <Link to={props.clearHref}>{props.clearLabel}</Link>
    </div>
  );
}

/** A unit select grouped by förvaltning, with an "any" first option. */
export function GroupedUnitSelect(props: {
  a11y: { id: string; "aria-invalid": boolean; "aria-describedby"?: string };
  name: string;
  defaultValue: string | undefined;
  anyLabel: string;
  groups: { id: string; name: string; units: { id: string; label: string }[] }[];
}) {
  return (
    <select {...props.a11y} name={props.name} defaultValue={props.defaultValue}>
      <option value="">{props.anyLabel}</option>
      {props.groups.map((g) => (
        <optgroup key={g.id} label={g.name}>
          {g.units.map((u) => <option key={u.id} value={u.id}>{u.label}</option>)}
        </optgroup>
      ))}
    </select>
  );
}
