import { Form, Link, useNavigation } from "@remix-run/react";
import { FilterActions } from "~/components/filter-actions";
import { Field, type FieldErrors } from "~/components/forms";
import { INBOX_AGES, INBOX_OWNER_FILTERS, INBOX_SORTS } from "~/domain/inbox";
import { FOCUS_AREAS, IDEA_KINDS, STAGES, type Stage } from "~/domain/vocabulary";
import { useFormat } from "~/components/idea/format";
import { useMessages } from "~/utils/locale";

export type InboxFilterValues = Record<"steg" | "typ" | "fokus" | "alder" | "agare" | "sortering" | "enhet", string>;

/** The inbox's filters as a GET form: every choice ends up in the URL, so views can be shared. */
export function InboxFilters({ values, errors }: { values: InboxFilterValues; errors: FieldErrors }) {
  const messages = useMessages();
  const t = messages.inbox.filters;
  const navigation = useNavigation();
  const loading = navigation.state === "loading" && navigation.location.pathname === "/inbox";
  const select = (name: keyof InboxFilterValues, label: string, options: readonly string[], labelOf: (v: string) => string, any = true) => (
    <Field name={name} label={label} error={errors[name]}>
      {(a11y) => (
        <select {...a11y} name={name} defaultValue={values[name]}>
          {any && <option value="">{t.any}</option>}
          {options.map((value) => <option key={value} value={value}>{labelOf(value)}</option>)}
        </select>
      )}
    </Field>
  );
  return (
    <Form method="get" className="filter-form" role="search" aria-label={messages.inbox.filtersLabel}>
      {values.enhet && <input type="hidden" name="enhet" value={values.enhet} />}
      {select("steg", t.stage, STAGES, (v) => messages.stages[v as Stage].name)}
      {select("typ", t.kind, IDEA_KINDS, (v) => messages.vocabulary.ideaKinds[v as (typeof IDEA_KINDS)[number]])}
      {select("fokus", t.focusArea, FOCUS_AREAS, (v) => messages.vocabulary.focusAreas[v as (typeof FOCUS_AREAS)[number]])}
      {select("alder", t.age, INBOX_AGES, (v) => t.ages[v as (typeof INBOX_AGES)[number]])}
      {select("agare", t.owner, INBOX_OWNER_FILTERS, (v) => t.owners[v as (typeof INBOX_OWNER_FILTERS)[number]], false)}
      {select("sortering", t.sort, INBOX_SORTS, (v) => t.sorts[v as (typeof INBOX_SORTS)[number]], false)}
      <FilterActions pending={loading} label={t.apply} pendingLabel={t.applying} clearHref={values.enhet ? `/inbox?enhet=${values.enhet}` : "/inbox"} clearLabel={t.clear} />
    </Form>
  );
}

/** Counts per stage, each a link that filters the list to that stage (the current one is marked). */
export function StageCounts(props: { counts: Partial<Record<Stage, number>>; current: string; search: URLSearchParams }) {
  const messages = useMessages();
  const fmt = useFormat();
  const hrefFor = (stage: string) => {
    const search = new URLSearchParams(props.search);
    search.delete("sida");
    search.delete("meddelande");
    if (stage) search.set("steg", stage);
    else search.delete("steg");
    return `?${search}`;
  };
  const total = Object.values(props.counts).reduce((a, b) => a + b, 0);
  return (
    <nav aria-label={messages.inbox.stageCountsLabel} className="stage-counts">
      <ul>
        <li>
          <Link to={hrefFor("")} aria-current={props.current === "" ? "true" : undefined}>
            <span className="stage-counts__name">{messages.inbox.allStages}</span> <span className="stage-counts__count">{fmt.number(total)}</span>
          </Link>
        </li>
        {STAGES.map((stage) => (
          <li key={stage}>
            <Link to={hrefFor(stage)} aria-current={props.current === stage ? "true" : undefined}>
              <span className="stage-counts__name">{messages.stages[stage].name}</span>{" "}
              <span className="stage-counts__count">{fmt.number(props.counts[stage] ?? 0)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
