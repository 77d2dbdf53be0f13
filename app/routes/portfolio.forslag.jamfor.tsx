import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ProposalComparison, type ComparisonView } from "~/components/portfolio/proposal-compare";
import { compareSelections } from "~/domain/portfolio";
import { messagesFor } from "~/i18n";
import { proposalOptions } from "~/models/prioritisation-proposals.server";
import { loadProposal } from "~/services/prioritisation.server";
import portfolioStyles from "~/styles/portfolio.css";
import { requirePermission } from "~/utils/auth.server";
import { getDatabase } from "~/utils/db.server";
import { useMessages } from "~/utils/locale";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: portfolioStyles }];
export const meta: MetaFunction = () => [{ title: messagesFor("sv").portfolio.compare.title }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "portfolio.view");
  const search = new URL(request.url).searchParams;
  const { db } = await getDatabase();
  const options = (await proposalOptions(db)).map((o) => ({ id: o.id, title: o.title, createdAt: o.createdAt.toISOString() }));
  const a = search.get("a") ?? "";
  const b = search.get("b") ?? "";
  if (!a && !b) return data({ options, a, b, view: null as ComparisonView | null });
  const [first, second] = [await loadProposal(db, a), await loadProposal(db, b)];
  const compared = compareSelections(first, second);
  const titles = new Map([...first.items, ...second.items].map((item) => [item.ideaId, item]));
  const view: ComparisonView = {
    a: { id: first.id, title: first.title, objective: first.objective },
    b: { id: second.id, title: second.title, objective: second.objective },
    ideas: compared.ideas.map((idea) => ({ ...idea, reference: titles.get(idea.ideaId)!.reference, title: titles.get(idea.ideaId)!.title })),
    years: compared.years, totalValue: compared.totalValue,
  };
  return data({ options, a, b, view });
}

export default function CompareProposals() {
  const { options, a, b, view } = useLoaderData<typeof loader>();
  const messages = useMessages();
  const t = messages.portfolio.compare;
  const select = (name: "a" | "b", label: string, value: string) => (
    <div className="field">
      <label htmlFor={`jamfor-${name}`}>{label}</label>
      <select id={`jamfor-${name}`} name={name} defaultValue={value} required>
        <option value="">{t.choose}</option>
        {options.map((o) => <option key={o.id} value={o.id}>{o.title}</option>)}
      </select>
    </div>
  );
  return (
    <section aria-labelledby="jamfor-rubrik" className="portfolio">
      <p><Link to="/portfolio/forslag">{messages.portfolio.proposal.back}</Link></p>
      <h1 id="jamfor-rubrik">{t.heading}</h1>
      <Form method="get" className="portfolio-compare-form" aria-label={t.formLabel}>
        {select("a", t.a, a)}
        {select("b", t.b, b)}
        <div className="filter-form__actions"><button type="submit" className="button button--primary">{t.submit}</button></div>
      </Form>
      {view ? <ProposalComparison view={view} /> : <p>{t.needTwo}</p>}
    </section>
  );
}
