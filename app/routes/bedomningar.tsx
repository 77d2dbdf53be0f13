import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { Pagination } from "~/components/admin/pagination";
import { useFormat } from "~/components/idea/format";
import { useScore } from "~/components/assessment/shared";
import { messagesFor } from "~/i18n";
import { assessmentQueue, recentlyCompletedBy } from "~/models/assessments.server";
import adminStyles from "~/styles/admin.css";
import assessmentStyles from "~/styles/assessment.css";
import { requireUser } from "~/utils/auth.server";
import { getDatabase } from "~/utils/db.server";
import { metaLocale, useMessages } from "~/utils/locale";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: adminStyles }, { rel: "stylesheet", href: assessmentStyles }];
export const meta: MetaFunction = ({ matches }) => [{ title: messagesFor(metaLocale(matches)).assessment.queue.title }];

const PAGE_SIZE = 20;
const RECENT = 10;

/** Anyone signed in: the page shows only their own assignments (an empty queue for most). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const requested = Number(new URL(request.url).searchParams.get("sida") ?? "1");
  const page = Number.isInteger(requested) && requested >= 1 && requested <= 10_000 ? requested : 1;
  const { db } = await getDatabase();
  const [queue, recent] = await Promise.all([
    assessmentQueue(db, { userId: user.id, page, pageSize: PAGE_SIZE }),
    recentlyCompletedBy(db, user.id, RECENT),
  ]);
  return { ...queue, page, pageCount: Math.max(1, Math.ceil(queue.total / PAGE_SIZE)), recent };
}

export default function AssessmentQueue() {
  const { rows, total, page, pageCount, recent } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const messages = useMessages();
  const t = messages.assessment.queue;
  const fmt = useFormat();
  const score = useScore();
  const ideaLabel = (reference: string | null, title: string) => `${reference ?? t.noReference}: ${title}`;
  return (
    <section aria-labelledby="ko-rubrik" className="assessment-queue">
      <h1 id="ko-rubrik">{t.heading}</h1>
      <p className="lead">{t.lead}</p>
      <h2>{t.pendingHeading}</h2>
      {total === 0 ? <p className="empty-state">{t.empty}</p> : (
        <>
          <p className="result-count">{t.pendingCount(total)}</p>
          <div className="table-scroll" role="region" aria-labelledby="ko-tabell" tabIndex={0}>
            <table className="data-table">
              <caption id="ko-tabell" className="visually-hidden">{t.pendingCaption}</caption>
              <thead>
                <tr>{(["idea", "unit", "stage", "assignedAt", "status"] as const).map((c) => <th key={c} scope="col">{t.columns[c]}</th>)}</tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.ideaId}>
                    <th scope="row" className="break"><Link to={`/ideas/${row.ideaId}/bedomning`}>{ideaLabel(row.reference, row.title)}</Link></th>
                    <td>{row.unitName}</td>
                    <td>{messages.stages[row.stage].name}</td>
                    <td><time dateTime={fmt.iso(row.assignedAt)}>{fmt.date(row.assignedAt)}</time></td>
                    <td>{t.status[row.status]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={page} pageCount={pageCount} search={searchParams} />
        </>
      )}
      <h2>{t.recentHeading}</h2>
      {recent.length === 0 ? <p>{t.recentEmpty}</p> : (
        <div className="table-scroll" role="region" aria-labelledby="klara-tabell" tabIndex={0}>
          <table className="data-table">
            <caption id="klara-tabell" className="visually-hidden">{t.recentCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.recentColumns.idea}</th>
                <th scope="col">{t.recentColumns.stage}</th>
                <th scope="col">{t.recentColumns.completedAt}</th>
                <th scope="col" className="numeric">{t.recentColumns.score}</th>
              </tr>
            </thead>
            <tbody>
              {recent.map((row) => (
                <tr key={row.ideaId}>
                  <th scope="row" className="break"><Link to={`/ideas/${row.ideaId}/bedomning`}>{ideaLabel(row.reference, row.title)}</Link></th>
                  <td>{messages.stages[row.stage].name}</td>
                  <td><time dateTime={fmt.iso(row.completedAt)}>{fmt.date(row.completedAt)}</time></td>
                  <td className="numeric">{score(row.weightedScore)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
