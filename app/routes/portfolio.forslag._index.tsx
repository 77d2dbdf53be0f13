import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { Pagination } from "~/components/admin/pagination";
import { ProposalList, type ProposalListRow } from "~/components/portfolio/proposal-list";
import { messagesFor } from "~/i18n";
import { listProposals } from "~/models/prioritisation-proposals.server";
import portfolioStyles from "~/styles/portfolio.css";
import { requirePermission } from "~/utils/auth.server";
import { getDatabase } from "~/utils/db.server";
import { metaLocale, useMessages } from "~/utils/locale";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: portfolioStyles }];
export const meta: MetaFunction = ({ matches }) => [{ title: messagesFor(metaLocale(matches)).portfolio.proposals.title }];

const PAGE_SIZE = 25;
const pageSchema = z.preprocess((v) => (v === null || v === "" ? "1" : v), z.coerce.number().int().min(1).max(100_000));

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "portfolio.view");
  const parsed = pageSchema.safeParse(new URL(request.url).searchParams.get("sida"));
  const page = parsed.success ? parsed.data : 1;
  const { db } = await getDatabase();
  const { rows, total } = await listProposals(db, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  return data({ rows: rows as ProposalListRow[], total, page, pageCount: Math.ceil(total / PAGE_SIZE) }, { status: parsed.success ? 200 : 400 });
}

export default function ProposalsIndex() {
  const { rows, page, pageCount } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const t = useMessages().portfolio;
  return (
    <section aria-labelledby="forslag-rubrik" className="portfolio">
      <p><Link to="/portfolio">{t.heading}</Link></p>
      <h1 id="forslag-rubrik">{t.proposals.heading}</h1>
      <p className="lead">{t.proposals.lead}</p>
      <ul className="portfolio-links-inline">
        <li><Link to="/portfolio/optimera">{t.links.optimise}</Link></li>
        {rows.length > 1 && <li><Link to="/portfolio/forslag/jamfor">{t.proposals.compare}</Link></li>}
      </ul>
      {rows.length === 0 ? <p className="portfolio-empty">{t.proposals.empty}</p> : (
        <>
          <ProposalList rows={rows as ProposalListRow[]} />
          <Pagination page={page} pageCount={pageCount} search={searchParams} />
        </>
      )}
    </section>
  );
}
