import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorSummary, Field, type FieldErrors } from "~/components/forms";
import { ProposalComparison, type ComparisonView } from "~/components/portfolio/proposal-compare";
import { compareSelections } from "~/domain/portfolio";
import { messagesFor } from "~/i18n";
import { proposalOptions } from "~/models/prioritisation-proposals.server";
import { loadProposal } from "~/services/prioritisation.server";
import portfolioStyles from "~/styles/portfolio.css";
import { requirePermission } from "~/utils/auth.server";
import { getDatabase } from "~/utils/db.server";
import { metaLocale, useMessages } from "~/utils/locale";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: portfolioStyles }];
export const meta: MetaFunction = ({ matches }) => [{ title: messagesFor(metaLocale(matches)).portfolio.compare.title }];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface ComparePage {
  options: { id: string; title: string; createdAt: string }[];
  values: { a: string; b: string };
  errors: FieldErrors;
  view: ComparisonView | null;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "portfolio.view");
  const search = new URL(request.url).searchParams;
  const { db } = await getDatabase();
  const options = (await proposalOptions(db)).map((o) => ({ id: o.id, title: o.title, createdAt: o.createdAt.toISOString() }));
  const values = { a: search.get("a") ?? "", b: search.get("b") ?? "" };
  if (!values.a && !values.b) return data<ComparePage>({ options, values, errors: {}, view: null });
  // Both must be chosen and be proposal ids; an id no proposal has is still a 404 (loadProposal).
  const t = messagesFor("sv").portfolio.compare;
  const errors: FieldErrors = {};
  for (const [field, missing] of [["a", t.chooseA], ["b", t.chooseB]] as const) {
    if (!values[field]) errors[field] = missing;
    else if (!UUID.test(values[field])) errors[field] = t.badId;
  }
  if (Object.keys(errors).length > 0) return data<ComparePage>({ options, values, errors, view: null }, { status: 400 });
  const [first, second] = [await loadProposal(db, values.a), await loadProposal(db, values.b)];
  const compared = compareSelections(first, second);
  const titles = new Map([...first.items, ...second.items].map((item) => [item.ideaId, item]));
  const view: ComparisonView = {
    a: { id: first.id, title: first.title, objective: first.objective },
    b: { id: second.id, title: second.title, objective: second.objective },
    ideas: compared.ideas.map((idea) => ({ ...idea, reference: titles.get(idea.ideaId)!.reference, title: titles.get(idea.ideaId)!.title })),
    years: compared.years, totalValue: compared.totalValue,
  };
  return data<ComparePage>({ options, values, errors: {}, view });
}

export default function CompareProposals() {
  const { options, values, errors, view } = useLoaderData<ComparePage>();
  const messages = useMessages();
  const t = messages.portfolio.compare;
  const comparing = useNavigation().state !== "idle";
  const select = (name: "a" | "b", label: string) => (
    <Field name={name} label={label} error={errors[name]}>
      {(a11y) => (
        <select {...a11y} name={name} defaultValue={values[name]} required>
          <option value="">{t.choose}</option>
          {options.map((o) => <option key={o.id} value={o.id}>{o.title}</option>)}
        </select>
      )}
    </Field>
  );
  return (
    <section aria-labelledby="jamfor-rubrik" className="portfolio">
      <p><Link to="/portfolio/forslag">{messages.portfolio.proposal.back}</Link></p>
      <h1 id="jamfor-rubrik">{t.heading}</h1>
      <ErrorSummary errors={errors} title={t.errorSummaryTitle} />
      <Form method="get" className="portfolio-compare-form" aria-label={t.formLabel}>
        {select("a", t.a)}
        {select("b", t.b)}
        <div className="filter-form__actions"><button type="submit" className="button button--primary" disabled={comparing}>{comparing ? t.submitting : t.submit}</button></div>
      </Form>
      {view ? <ProposalComparison view={view} /> : <p>{t.needTwo}</p>}
    </section>
  );
}
