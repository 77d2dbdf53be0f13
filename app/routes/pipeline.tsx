import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { fieldErrorsByField } from "~/components/admin/action-data";
import type { FieldErrors } from "~/components/forms";
import { PipelineStageColumn } from "~/components/pipeline/pipeline-column";
import { PipelineFilters, type PipelineFilterValues } from "~/components/pipeline/pipeline-filters";
import {
  buildPipelineColumns, closedSince, PIPELINE_CLOSED_WINDOW_DAYS, PIPELINE_COLUMN_LIMIT, type PipelineColumn,
} from "~/domain/pipeline";
import { messagesFor } from "~/i18n";
import { getInboxOverdueDays } from "~/models/app-settings.server";
import { coveringScopeUnits, pipelineCounts, pipelineIdeas } from "~/models/pipeline.server";
import { groupUnits, listSelectableUnits, type UnitGroup } from "~/models/selectable-unit.server";
import { unitSubtreeIds } from "~/models/unit-path.server";
import { PIPELINE_FILTER_FIELDS, pipelineFilterSchema } from "~/schemas/pipeline";
import pipelineStyles from "~/styles/pipeline.css";
import { requirePermission } from "~/utils/auth.server";
import { getDatabase } from "~/utils/db.server";
import { metaLocale, useMessages } from "~/utils/locale";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: pipelineStyles }];
export const meta: MetaFunction = ({ matches }) => [{ title: messagesFor(metaLocale(matches)).pipeline.title }];

interface PipelinePage {
  values: PipelineFilterValues;
  errors: FieldErrors;
  unitGroups: UnitGroup[];
  columns: PipelineColumn[];
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "pipeline.view");
  const raw = Object.fromEntries(new URL(request.url).searchParams);
  const values = Object.fromEntries(PIPELINE_FILTER_FIELDS.map((f) => [f, raw[f] ?? ""])) as PipelineFilterValues;
  const { db } = await getDatabase();
  const unitGroups = groupUnits(await listSelectableUnits(db));
  const refuse = (errors: FieldErrors) => data<PipelinePage>({ values, errors, unitGroups, columns: [] }, { status: 400 });
  const parsed = pipelineFilterSchema.safeParse(raw);
  if (!parsed.success) return refuse(fieldErrorsByField(parsed.error));
  const { enhet, typ, fokus } = parsed.data;

  const unitIds = enhet ? await unitSubtreeIds(db, [enhet.toLowerCase()]) : null;
  if (unitIds && unitIds.length === 0) return refuse({ enhet: messagesFor("sv").pipeline.filters.unknownUnit });
  const filter = { unitIds, kind: typ ?? null, focusArea: fokus ?? null };
  const now = new Date();
  const since = closedSince(now);
  const [counts, ideas, coveringScope, inboxOverdueDays] = await Promise.all([
    pipelineCounts(db, filter, since),
    pipelineIdeas(db, filter, { limit: PIPELINE_COLUMN_LIMIT, closedSince: since }),
    user.roles.includes("kontaktperson") ? coveringScopeUnits(db, user.scopeUnitIds) : new Map<string, string>(),
    getInboxOverdueDays(db),
  ]);
  const columns = buildPipelineColumns({ counts, ideas, actor: user, coveringScope, inboxOverdueDays, now });
  return data<PipelinePage>({ values, errors: {}, unitGroups, columns });
}

export default function Pipeline() {
  const { values, errors, unitGroups, columns } = useLoaderData<PipelinePage>();
  const messages = useMessages();
  const t = messages.pipeline;
  const showAllHref = (stage: string) => {
    const search = new URLSearchParams({ steg: stage });
    for (const field of PIPELINE_FILTER_FIELDS) if (values[field]) search.set(field, values[field]);
    return `/ideas?${search}`;
  };
  const total = columns.reduce((sum, column) => sum + column.count, 0);
  const parts = columns.map((c) =>
    c.stage === "avslutad" ? t.summaryParts.avslutad(c.count, PIPELINE_CLOSED_WINDOW_DAYS) : t.summaryParts[c.stage](c.count));
  return (
    <section aria-labelledby="pipeline-rubrik" className="pipeline">
      <h1 id="pipeline-rubrik">{t.heading}</h1>
      <p className="lead">{t.lead}</p>
      <PipelineFilters values={values} errors={errors} unitGroups={unitGroups} />
      {columns.length > 0 && (
        <>
          <p className="pipeline-summary" role="status">
            <span className="visually-hidden">{t.summaryLabel}: </span>{t.summary(total, parts)}
          </p>
          <div className="pipeline-board" role="region" aria-label={t.boardLabel} tabIndex={0}>
            {columns.map((column) => (
              <PipelineStageColumn key={column.stage} column={column} showAllHref={showAllHref(column.stage)} />
            ))}
          </div>
        </>
      )}
    </section>
  );
}
