import { type ActionFunctionArgs, data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import type { Kysely } from "kysely";
import { useEffect } from "react";
import type { Database } from "../../db/schema";
import { fieldErrorsOf, type FieldErrors } from "~/components/forms";
import { stockholmYear } from "~/domain/stockholm-year";
import { SaveProposalForm, type SaveState } from "~/components/portfolio/save-proposal-form";
import { type CandidateChoice, SelectionForm, type UnselectableIdea } from "~/components/portfolio/selection-form";
import { type ResultItem, type ResultSummary, SelectionResultView } from "~/components/portfolio/selection-result";
import { PORTFOLIO_OBJECTIVES } from "~/domain/portfolio";
import { messagesFor } from "~/i18n";
import { groupUnits, listSelectableUnits, type UnitGroup } from "~/models/selectable-unit.server";
import {
  proposalFormSchema, type SelectionFormValues, selectionFieldsFor, selectionFieldsOf, selectionFiltersOf, selectionFormSchema,
  selectionInputOf,
} from "~/schemas/portfolio-selection";
import { candidateRows, formChoices, runSelection, saveProposal, type SelectionRun } from "~/services/prioritisation.server";
import portfolioStyles from "~/styles/portfolio.css";
import { requirePermission } from "~/utils/auth.server";
import { getDatabase } from "~/utils/db.server";
import { metaLocale, useMessages } from "~/utils/locale";
import { readFormData } from "~/utils/form-data.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: portfolioStyles }];
export const meta: MetaFunction = ({ matches }) => [{ title: messagesFor(metaLocale(matches)).portfolio.optimise.title }];

// GET shows the form (filters from the URL: /portfolio links here with enhet, fokus, steg); computing
// and saving are POSTs (a pin per candidate would make a GET URL too long), dispatched on `intent`.

export interface OptimisePage {
  values: SelectionFormValues;
  errors: FieldErrors;
  unitGroups: UnitGroup[];
  candidates: CandidateChoice[];
  unselectable: UnselectableIdea[];
  run: null | {
    objective: string; firstYear: number; budgets: number[]; result: ResultSummary; items: ResultItem[]; overBudgetYears: number[];
    inputs: [string, string][]; fingerprint: string;
  };
}
export type OptimiseActionData = OptimisePage & { save?: SaveState };
type Db = Kysely<Database>;

const t = () => messagesFor("sv").portfolio;

/** The typed values as the form shows them again. */
function valuesOf(fields: Record<string, unknown>, year: number): SelectionFormValues {
  const text = (key: string, fallback = "") => (typeof fields[key] === "string" ? (fields[key] as string) : fallback);
  return {
    ar: text("ar", String(year)), antal: text("antal", "3"), mal: text("mal", "weighted_score") as SelectionFormValues["mal"],
    budget1: text("budget1"), budget2: text("budget2"), budget3: text("budget3"), budget4: text("budget4"), budget5: text("budget5"),
    enhet: text("enhet") || undefined, fokus: (text("fokus") || undefined) as SelectionFormValues["fokus"],
    steg: (text("steg") || undefined) as SelectionFormValues["steg"], las: (fields.las ?? {}) as SelectionFormValues["las"],
  };
}

/** The form without a result: the candidates of the filters that validated (an unknown unit is dropped, with its error). */
async function listedPage(db: Db, fields: Record<string, unknown>, errors: FieldErrors): Promise<OptimisePage> {
  const values = valuesOf(fields, stockholmYear(new Date()));
  const { filters, errors: filterErrors } = selectionFiltersOf(fields);
  const all = { ...filterErrors, ...errors };
  let rows = await candidateRows(db, filters);
  if (!rows) {
    rows = (await candidateRows(db, { ...filters, enhet: null })) ?? [];
    all.enhet ??= t().optimise.unknownUnit;
  }
  const objective = PORTFOLIO_OBJECTIVES.find((o) => o === values.mal) ?? "weighted_score";
  const unitGroups = groupUnits(await listSelectableUnits(db));
  return { values, errors: all, unitGroups, run: null, ...formChoices(rows, objective, values.las) };
}

/** The form with a computed result. */
async function runPage(db: Db, fields: Record<string, unknown>, run: SelectionRun): Promise<OptimisePage> {
  const rowById = new Map(run.candidates.map((c) => [c.id, c.row]));
  const { result, input } = run;
  return {
    values: valuesOf(fields, input.firstYear), errors: {}, unitGroups: groupUnits(await listSelectableUnits(db)),
    candidates: run.candidates.map(({ row, pin, missing }) => ({
      id: row.id, reference: row.reference, title: row.title, stage: row.stage, pin, ...(missing ? { missing } : {}),
    })),
    unselectable: run.unselectable.map(({ row, reason }) => ({ id: row.id, reference: row.reference, title: row.title, reason })),
    run: {
      objective: input.objective, firstYear: input.firstYear, budgets: input.budgets, overBudgetYears: run.overBudgetYears,
      result: { ...result, relativeGap: Number.isFinite(result.relativeGap) ? result.relativeGap : null },
      items: run.items.map((item) => {
        const row = rowById.get(item.ideaId)!;
        return { ...item, reference: row.reference, title: row.title, stage: row.stage };
      }),
      inputs: selectionFieldsFor(input), fingerprint: run.fingerprint,
    },
  };
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "portfolio.prioritise");
  const fields = selectionFieldsOf(new URL(request.url).searchParams.entries());
  const { db } = await getDatabase();
  const page = await listedPage(db, fields, {});
  return data<OptimisePage>(page, { status: Object.keys(page.errors).length > 0 ? 400 : 200 });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "portfolio.prioritise");
  const form = await readFormData(request);
  const fields = selectionFieldsOf(form.entries());
  const intent = form.get("intent");
  const { db } = await getDatabase();
  const answer = (page: OptimisePage, status: number, save?: SaveState) => data<OptimiseActionData>({ ...page, ...(save ? { save } : {}) }, { status });
  const parsed = selectionFormSchema.safeParse(fields);
  const typed = { titel: String(form.get("titel") ?? ""), motivering: String(form.get("motivering") ?? "") };
  const save = intent === "spara" ? { errors: {}, typed } : undefined;
  if (intent !== "spara" && intent !== "berakna") return answer(await listedPage(db, fields, {}), 400);
  if (!parsed.success) return answer(await listedPage(db, fields, fieldErrorsOf(parsed.error)), 400, save);
  const input = selectionInputOf(parsed.data);
  if (intent === "berakna" || !save) {
    const outcome = await runSelection(db, input);
    if (!outcome.ok) return answer(await listedPage(db, fields, { enhet: t().optimise.unknownUnit }), 400);
    return answer(await runPage(db, fields, outcome.run), 200);
  }
  const proposal = proposalFormSchema.safeParse(fields);
  if (!proposal.success) {
    const outcome = await runSelection(db, input);
    if (!outcome.ok) return answer(await listedPage(db, fields, { enhet: t().optimise.unknownUnit }), 400, save);
    return answer(await runPage(db, fields, outcome.run), 400, { ...save, errors: fieldErrorsOf(proposal.error) });
  }
  const outcome = await saveProposal(db, {
    ...input, title: proposal.data.titel.trim(), motivation: proposal.data.motivering.trim(),
    actorId: user.id, ipAddress: context.clientIp ?? null, expectedFingerprint: String(form.get("urval") ?? ""),
  });
  if (outcome.ok) return redirect(`/portfolio/forslag/${outcome.id}?meddelande=sparat`);
  if (!("conflict" in outcome)) return answer(await listedPage(db, fields, { enhet: t().optimise.unknownUnit }), 400, save);
  return answer(await runPage(db, fields, outcome.run), 409, { ...save, formError: t().save.conflicts[outcome.conflict] });
}

export default function PortfolioOptimise() {
  const loaded = useLoaderData<OptimisePage>();
  const actionData = useActionData<OptimiseActionData>();
  const page: OptimiseActionData = actionData ?? loaded;
  const tp = useMessages().portfolio;
  // After a computation, focus goes to the result's heading so screen-reader users hear the outcome.
  useEffect(() => {
    if (actionData?.run && !actionData.save) document.getElementById("resultat-rubrik")?.focus();
  }, [actionData]);
  const formKey = [page.values.enhet, page.values.fokus, page.values.steg, page.candidates.map((c) => c.id).join()].join("|");
  return (
    <section aria-labelledby="optimera-rubrik" className="portfolio">
      <p><Link to="/portfolio">{tp.heading}</Link></p>
      <h1 id="optimera-rubrik">{tp.optimise.heading}</h1>
      <p className="lead">{tp.optimise.lead}</p>
      <SelectionForm key={formKey} values={page.values} errors={page.errors} unitGroups={page.unitGroups}
        candidates={page.candidates} unselectable={page.unselectable} />
      {page.run && (
        <>
          <SelectionResultView objective={page.run.objective} firstYear={page.run.firstYear} budgets={page.run.budgets}
            result={page.run.result} items={page.run.items} overBudgetYears={page.run.overBudgetYears} />
          {(page.run.result.feasible || page.save) && (
            <SaveProposalForm key={page.run.fingerprint} inputs={page.run.inputs} fingerprint={page.run.fingerprint} state={page.save} />
          )}
        </>
      )}
    </section>
  );
}
