import { Form, Link, useNavigation } from "@remix-run/react";
import { FilterActions } from "~/components/filter-actions";
import { Field, type FieldErrors } from "~/components/forms";
import { STAGES } from "~/domain/vocabulary";
import { useLocale, useMessages } from "~/utils/locale";
import { dateTimeFormat, localeTag } from "~/i18n";

export interface AuditFilterValues {
  person: string;
  handelse: string;
  fran: string;
  till: string;
}

/** A GET form: the filter lives in the URL, so a filtered view can be bookmarked and shared. */
export function AuditFilterForm(props: { values: AuditFilterValues; actions: string[]; errors: FieldErrors }) {
  const t = useMessages().admin;
  const navigation = useNavigation();
  const busy = navigation.state === "loading" && navigation.location.pathname === "/admin/audit";
  const actions = props.actions.includes(props.values.handelse) || !props.values.handelse
    ? props.actions : [...props.actions, props.values.handelse];
  return (
    <Form method="get" className="filter-form" role="search" aria-label={t.audit.filterLabel}>
      <Field name="person" label={t.audit.person} hint={t.audit.personHint} error={props.errors.person}>
        {(a11y) => <input {...a11y} type="search" name="person" defaultValue={props.values.person} maxLength={200} />}
      </Field>
      <Field name="handelse" label={t.audit.action} error={props.errors.handelse}>
        {(a11y) => (
          <select {...a11y} name="handelse" defaultValue={props.values.handelse}>
            <option value="">{t.audit.anyAction}</option>
            {actions.map((action) => <option key={action} value={action}>{t.auditActions[action] ?? action}</option>)}
          </select>
        )}
      </Field>
      <Field name="fran" label={t.audit.from} hint={t.audit.dateHint} error={props.errors.fran}>
        {(a11y) => <input {...a11y} type="date" name="fran" defaultValue={props.values.fran} />}
      </Field>
      <Field name="till" label={t.audit.to} hint={t.audit.dateHint} error={props.errors.till}>
        {(a11y) => <input {...a11y} type="date" name="till" defaultValue={props.values.till} />}
      </Field>
      <FilterActions pending={busy} label={t.audit.filter} pendingLabel={t.audit.filtering} clearHref="/admin/audit" clearLabel={t.audit.clear} />
    </Form>
  );
}

export interface AuditRowView {
  id: number;
  createdAt: string;
  actorId: string | null;
  actorName: string | null;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  entityName: string | null;
  details: Record<string, unknown>;
}

export function AuditTable({ rows }: { rows: AuditRowView[] }) {
  const t = useMessages().admin;
  const locale = useLocale();
  const time = dateTimeFormat(localeTag(locale), { dateStyle: "short", timeStyle: "medium", timeZone: "Europe/Stockholm" });
  return (
    <div className="table-scroll" role="region" aria-labelledby="granskning-tabell" tabIndex={0}>
      <table className="data-table audit-table">
        <caption id="granskning-tabell" className="visually-hidden">{t.audit.caption}</caption>
        <thead>
          <tr>
            {(["time", "person", "action", "entity", "details"] as const).map((column) => (
              <th key={column} scope="col">{t.audit.columns[column]}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td className="nowrap"><time dateTime={row.createdAt}>{time.format(new Date(row.createdAt))}</time></td>
              <td><Person row={row} /></td>
              <td>{t.auditActions[row.action] ?? <code>{row.action}</code>}</td>
              <td><Entity row={row} /></td>
              <td><Details details={row.details} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Person({ row }: { row: AuditRowView }) {
  const t = useMessages().admin.audit;
  if (!row.actorId) return <span className="muted">{t.system}</span>;
  const name = row.actorName ?? t.unknownPerson;
  return (
    <>
      <Link to={`/admin/audit?${new URLSearchParams({ person: row.actorId })}`} aria-label={t.showPersonEvents(name)}>{name}</Link>
      {row.actorEmail && <span className="audit-table__email">{row.actorEmail}</span>}
    </>
  );
}

function Entity({ row }: { row: AuditRowView }) {
  const t = useMessages().admin.audit;
  const type = t.entityTypes[row.entityType] ?? row.entityType;
  const name = row.entityName ?? (typeof row.details.name === "string" ? row.details.name : null);
  const href = row.entityName && row.entityId
    ? row.entityType === "user" ? `/admin/users/${row.entityId}` : row.entityType === "unit" ? `/admin/units/${row.entityId}` : null
    : null;
  return (
    <>
      <span className="audit-table__type">{type}</span>
      {href ? <Link to={href}>{name}</Link> : name ? <span>{name}</span> : row.entityId && <code className="audit-table__id">{row.entityId}</code>}
    </>
  );
}

/** Details as plain text (React escapes it): never rendered as HTML, whatever was stored. */
function Details({ details }: { details: Record<string, unknown> }) {
  const messages = useMessages();
  const t = messages.admin.audit;
  // Role and stage codes read better by their names.
  const codes: Record<string, string> = {
    ...messages.roles, ...Object.fromEntries(STAGES.map((stage) => [stage, messages.stages[stage].name])),
  };
  // Empty values say nothing in a log line.
  const entries = Object.entries(details ?? {}).filter(([, value]) => value !== null && value !== undefined && value !== "");
  if (entries.length === 0) return <span className="muted">{t.noDetails}</span>;
  return (
    <ul className="audit-details">
      {entries.map(([key, value]) => (
        <li key={key}><span className="audit-details__key">{t.detailLabels[key] ?? key}:</span> {describe(value, codes)}</li>
      ))}
    </ul>
  );
}

const MAX_DETAIL_LENGTH = 300;

function describe(value: unknown, codes: Record<string, string>): string {
  if (value === null || value === undefined) return "–";
  if (Array.isArray(value)) return value.length ? value.map((item) => describe(item, codes)).join(", ") : "–";
  if (typeof value === "object") {
    const record = value as Record<string, unknown>;
    return typeof record.name === "string" ? record.name : shorten(JSON.stringify(value));
  }
  const text = String(value);
  return codes[text] ?? shorten(text);
}

const shorten = (text: string) => (text.length > MAX_DETAIL_LENGTH ? `${text.slice(0, MAX_DETAIL_LENGTH)} …` : text);
