import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { daysBetween, useFormat } from "~/components/idea/format";
import { messagesFor } from "~/i18n";
import { listMyIdeas } from "~/models/idea-queries.server";
import ideasStyles from "~/styles/ideas.css";
import { requirePermission } from "~/utils/auth.server";
import { getDatabase } from "~/utils/db.server";
import { metaLocale, useMessages } from "~/utils/locale";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: ideasStyles }];
export const meta: MetaFunction = ({ matches }) => [{ title: messagesFor(metaLocale(matches)).ideas.mine.title }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "idea.follow_own");
  const { db } = await getDatabase();
  return { ideas: await listMyIdeas(db, user.id), now: new Date().toISOString() };
}

export default function MyIdeas() {
  const { ideas, now } = useLoaderData<typeof loader>();
  const messages = useMessages();
  const t = messages.ideas.mine;
  const events = messages.ideas.page.events;
  const fmt = useFormat();
  const eventLabel = (kind: string) => {
    const label = events[kind as keyof typeof events] ?? events.other;
    return typeof label === "function" ? events.other : label;
  };
  return (
    <section aria-labelledby="mina-ideer-rubrik">
      <h1 id="mina-ideer-rubrik">{t.heading}</h1>
      <p className="lead">{t.lead}</p>
      {ideas.length === 0 ? (
        <div className="empty-state"><p>{t.empty}</p><p><Link className="button button--primary" to="/ideas/new">{t.submitIdea}</Link></p></div>
      ) : (
        <>
          <p className="result-count">{t.result(ideas.length)}</p>
          <div className="table-scroll" role="region" aria-labelledby="mina-ideer-tabell" tabIndex={0}>
            <table className="data-table">
              <caption id="mina-ideer-tabell" className="visually-hidden">{t.caption}</caption>
              <thead>
                <tr>{(["title", "stage", "owner", "days", "lastEvent"] as const).map((c) => <th key={c} scope="col">{t.columns[c]}</th>)}</tr>
              </thead>
              <tbody>
                {ideas.map((idea) => (
                  <tr key={idea.id}>
                    <th scope="row" className="break">
                      {idea.draft
                        ? <Link to={`/ideas/${idea.id}/redigera`} aria-label={t.editDraft(idea.title)}>{idea.title}</Link>
                        : <Link to={`/ideas/${idea.id}`}>{idea.title}</Link>}
                      {idea.reference && <span className="cell-context">{idea.reference}</span>}
                    </th>
                    <td>
                      {idea.draft
                        ? <span className="badge badge--draft">{t.draft}</span>
                        : <span className="badge badge--stage">{messages.stages[idea.stage].name}</span>}
                    </td>
                    <td>{idea.ownerName ?? <span className="muted">{t.noOwner}</span>}</td>
                    <td>{idea.draft ? "–" : fmt.number(daysBetween(idea.stageChangedAt, now))}</td>
                    <td>
                      {idea.lastEventKind && idea.lastEventAt ? (
                        <>{eventLabel(idea.lastEventKind)}<span className="cell-context"><time dateTime={fmt.iso(idea.lastEventAt)}>{fmt.date(idea.lastEventAt)}</time></span></>
                      ) : <span className="muted">{t.noEvents}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
