import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { usePortfolioFormat } from "~/components/portfolio/format";
import { useOptimality } from "~/components/portfolio/proposal-list";
import { SelectionResultView } from "~/components/portfolio/selection-result";
import { messagesFor } from "~/i18n";
import { findSelectableUnit } from "~/models/selectable-unit.server";
import { loadProposal } from "~/services/prioritisation.server";
import portfolioStyles from "~/styles/portfolio.css";
import { requirePermission } from "~/utils/auth.server";
import { getDatabase } from "~/utils/db.server";
import { knownNotice, metaLocale, useMessages } from "~/utils/locale";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: portfolioStyles }];
export const meta: MetaFunction<typeof loader> = ({ data: page, matches }) => [
  { title: `${page?.proposal.title ?? messagesFor(metaLocale(matches)).portfolio.proposals.heading} – Idéslussen` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "portfolio.view");
  const { db } = await getDatabase();
  const proposal = await loadProposal(db, params.proposalId);
  const unitId = (proposal.filters as { enhet?: unknown }).enhet;
  const unit = typeof unitId === "string" ? await findSelectableUnit(db, unitId) : null;
  return data({ proposal, unitName: unit?.name ?? null });
}

export default function ProposalPage() {
  const { proposal, unitName } = useLoaderData<typeof loader>();
  const messages = useMessages();
  const t = messages.portfolio;
  const f = usePortfolioFormat();
  const optimality = useOptimality();
  const [searchParams] = useSearchParams();
  const notice = searchParams.get("meddelande");
  const filters = Object.entries(proposal.filters as unknown as Record<string, string>);
  const filterText = (key: string, value: string) =>
    key === "fokus" ? messages.vocabulary.focusAreas[value as keyof typeof messages.vocabulary.focusAreas] ?? value
      : key === "steg" ? messages.stages[value as keyof typeof messages.stages]?.name ?? value
      : key === "enhet" ? unitName ?? value : value;
  return (
    <section aria-labelledby="forslaget-rubrik" className="portfolio">
      <p><Link to="/portfolio/forslag">{t.proposal.back}</Link></p>
      <div role="status">{knownNotice(t.notices, notice) && <p className="alert alert--success">{knownNotice(t.notices, notice)}</p>}</div>
      <h1 id="forslaget-rubrik">{proposal.title}</h1>
      <section aria-labelledby="indata-rubrik">
        <h2 id="indata-rubrik">{t.proposal.inputsHeading}</h2>
        <dl className="facts">
          <div><dt>{t.proposal.createdBy}</dt><dd>{proposal.createdByName}, <time dateTime={f.iso(proposal.createdAt)}>{f.dateTime(proposal.createdAt)}</time></dd></div>
          <div><dt>{t.proposal.objective}</dt><dd>{t.objectives[proposal.objective]}</dd></div>
          <div><dt>{t.proposal.firstYear}</dt><dd>{proposal.firstBudgetYear}</dd></div>
          <div><dt>{t.proposals.status}</dt><dd>{optimality(proposal)}</dd></div>
          <div>
            <dt>{t.proposal.filters}</dt>
            <dd>{filters.length === 0 ? t.proposal.noFilters : filters.map(([k, v]) => filterText(k, String(v))).join(", ")}</dd>
          </div>
        </dl>
      </section>
      <section aria-labelledby="motivering-rubrik">
        <h2 id="motivering-rubrik">{t.proposal.motivationHeading}</h2>
        <p className="portfolio-motivation">{proposal.motivation}</p>
      </section>
      <SelectionResultView objective={proposal.objective} firstYear={proposal.firstBudgetYear} budgets={proposal.budgets}
        result={proposal} items={proposal.items} overBudgetYears={proposal.budgets.flatMap((b, i) => ((proposal.costByYear[i] ?? 0) > b ? [i] : []))} />
    </section>
  );
}
