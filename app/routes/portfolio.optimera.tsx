import { type ActionFunctionArgs, data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { fieldErrorsOf, type FieldErrors } from "~/components/forms";
import { stockholmYear } from "~/components/portfolio/format";
import { SaveProposalForm } from "~/components/portfolio/save-proposal-form";
import { type CandidateChoice, SelectionForm, type UnselectableIdea } from "~/components/portfolio/selection-form";
import { type ResultItem, type ResultSummary, SelectionResultView } from "~/components/portfolio/selection-result";
import { messagesFor } from "~/i18n";
import { groupUnits, listSelectableUnits, type UnitGroup } from "~/models/selectable-unit.server";
import {
  proposalFormSchema, type SelectionFormValues, selectionFieldsFor, selectionFieldsOf, selectionFormSchema, selectionInputOf,
} from "~/schemas/portfolio-selection";
import { candidateRows, formChoices, runSelection, saveProposal } from "~/services/prioritisation.server";
import portfolioStyles from "~/styles/portfolio.css";
import { requirePermission } from "~/utils/auth.server";
import { getDatabase } from "~/utils/db.server";
import { useMessages } from "~/utils/locale";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: portfolioStyles }];
export const meta: MetaFunction = () => [{ title: messagesFor("sv").portfolio.optimise.title }];

export interface OptimisePage {
  values: SelectionFormValues;
  errors: FieldErrors;
  unitGroups: UnitGroup[];
  candidates: CandidateChoice[];
  unselectable: UnselectableIdea[];
  run: null | {
    objective: string; firstYear: number; budgets: number[]; result: ResultSummary; items: ResultItem[]; overBudgetYears: number[];
    inputs: [string, string][];
  };
}

const t = () => messagesFor("sv").portfolio.optimise;

/** The typed values as the form shows them again. */
function valuesOf(fields: Record<string, unknown>, year: number): SelectionFormValues {
  const text = (key: string, fallback = "") => (typeof fields[key] === "string" ? (fields[key] as string) : fallback);
  const mal = text("mal", "weighted_score");
  return {
    ar: text("ar", String(year)), antal: text("antal", "3"), mal: mal as SelectionFormValues["mal"],
    budget1: text("budget1"), budget2: text("budget2"), budget3: text("budget3"), budget4: text("budget4"), budget5: text("budget5"),
    enhet: text("enhet") || undefined, fokus: (text("fokus") || undefined) as SelectionFormValues["fokus"],
    steg: (text("steg") || undefined) as SelectionFormValues["steg"], las: (fields.las ?? {}) as SelectionFormValues["las"],
  };
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "portfolio.prioritise");
  const search = new URL(request.url).searchParams;
  const { db } = await getDatabase();
  const unitGroups = groupUnits(await listSelectableUnits(db));
  const fields = selectionFieldsOf(search.entries());
  const values = valuesOf(fields, stockholmYear(new Date()));
  const base = { values, unitGroups, run: null };
  const objective = (["weighted_score", "npv", "financial_npv", "score_per_krona"] as const).find((o) => o === values.mal) ?? "weighted_score";
  const listed = async (errors: FieldErrors, status: number) => {
    const rows = (await candidateRows(db, { enhet: null, fokus: null, steg: null })) ?? [];
    return data<OptimisePage>({ ...base, errors, ...formChoices(rows, objective, values.las) }, { status });
  };
  if (!search.has("mal")) return listed({}, 200);
  const parsed = selectionFormSchema.safeParse(fields);
  if (!parsed.success) return listed(fieldErrorsOf(parsed.error), 400);
  const input = selectionInputOf(parsed.data);
  const outcome = await runSelection(db, input);
  if (!outcome.ok) return listed({ enhet: t().unknownUnit }, 400);
  const { run } = outcome;
  const candidates = run.candidates.map(({ row, pin }) => ({ id: row.id, reference: row.reference, title: row.title, stage: row.stage, pin }));
  const unselectable = run.unselectable.map(({ row, reason }) => ({ id: row.id, reference: row.reference, title: row.title, reason }));
  const rowById = new Map(run.candidates.map((c) => [c.id, c.row]));
  const { result } = run;
  return data<OptimisePage>({
    ...base, errors: {}, candidates, unselectable,
    run: {
      objective: input.objective, firstYear: input.firstYear, budgets: input.budgets, overBudgetYears: run.overBudgetYears,
      result: { ...result, relativeGap: Number.isFinite(result.relativeGap) ? result.relativeGap : null },
      items: run.items.map((item) => {
        const row = rowById.get(item.ideaId)!;
        return { ...item, reference: row.reference, title: row.title, stage: row.stage };
      }),
      inputs: selectionFieldsFor(run.input),
    },
  });
}

interface SaveActionData { errors: FieldErrors; typed: { titel: string; motivering: string } }

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "portfolio.prioritise");
  const form = await request.formData();
  const fields = selectionFieldsOf(form.entries());
  const typed = { titel: String(form.get("titel") ?? ""), motivering: String(form.get("motivering") ?? "") };
  const parsed = proposalFormSchema.safeParse(fields);
  if (!parsed.success) return data<SaveActionData>({ errors: fieldErrorsOf(parsed.error), typed }, { status: 400 });
  const { db } = await getDatabase();
  const outcome = await saveProposal(db, {
    ...selectionInputOf(parsed.data), title: parsed.data.titel.trim(), motivation: parsed.data.motivering.trim(),
    actorId: user.id, ipAddress: context.clientIp ?? null,
  });
  if (!outcome.ok) return data<SaveActionData>({ errors: { enhet: t().unknownUnit }, typed }, { status: 400 });
  return redirect(`/portfolio/forslag/${outcome.id}?meddelande=sparat`);
}

export default function PortfolioOptimise() {
  const page = useLoaderData<OptimisePage>();
  const actionData = useActionData<SaveActionData>();
  const messages = useMessages();
  const tp = messages.portfolio;
  return (
    <section aria-labelledby="optimera-rubrik" className="portfolio">
      <p><Link to="/portfolio">{tp.heading}</Link></p>
      <h1 id="optimera-rubrik">{tp.optimise.heading}</h1>
      <p className="lead">{tp.optimise.lead}</p>
      <SelectionForm values={page.values} errors={page.errors} unitGroups={page.unitGroups}
        candidates={page.candidates} unselectable={page.unselectable} />
      {page.run && (
        <>
          <SelectionResultView objective={page.run.objective} firstYear={page.run.firstYear} budgets={page.run.budgets}
            result={page.run.result} items={page.run.items} overBudgetYears={page.run.overBudgetYears} />
          {page.run.result.feasible && <SaveProposalForm inputs={page.run.inputs} typed={actionData?.typed} errors={actionData?.errors} />}
        </>
      )}
    </section>
  );
}
