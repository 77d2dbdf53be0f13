import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { STAGES } from "~/domain/vocabulary";
import { formatNumber, messagesFor } from "~/i18n";
import { countSubmittedIdeasByStage } from "~/models/idea-statistics.server";
import { getDatabase } from "~/utils/db.server";
import { metaLocale, useLocale, useMessages } from "~/utils/locale";

export const meta: MetaFunction = ({ matches }) => [
  { title: messagesFor(metaLocale(matches)).home.title },
  { name: "description", content: messagesFor(metaLocale(matches)).home.lead },
];

export async function loader() {
  const { db } = await getDatabase();
  return { countsByStage: await countSubmittedIdeasByStage(db) };
}

export default function StartPage() {
  const { countsByStage } = useLoaderData<typeof loader>();
  const t = useMessages();
  const locale = useLocale();
  const total = STAGES.reduce((sum, stage) => sum + countsByStage[stage], 0);

  return (
    <>
      <section className="hero" aria-labelledby="startrubrik">
        <h1 id="startrubrik">{t.home.heading}</h1>
        <p className="lead">{t.home.lead}</p>
        <p><Link className="button button--primary button--large" to="/ideas/new">{t.home.submitIdea}</Link></p>
      </section>

      <section aria-labelledby="hur-rubrik">
        <h2 id="hur-rubrik">{t.home.howHeading}</h2>
        <p>{t.home.howLead}</p>
        <ol className="stage-steps">
          {STAGES.map((stage) => (
            <li key={stage} className="stage-steps__item">
              <span className="stage-steps__name">{t.stages[stage].name}</span>
              <span className="stage-steps__text">{t.stages[stage].description}</span>
            </li>
          ))}
        </ol>
      </section>

      <div className="two-columns">
        <section aria-labelledby="vem-rubrik">
          <h2 id="vem-rubrik">{t.home.whoHeading}</h2>
          <ul className="role-list">
            {t.home.roles.map((role) => (
              <li key={role.title}>
                <h3>{role.title}</h3>
                <p>{role.text}</p>
              </li>
            ))}
          </ul>
        </section>

        <section aria-labelledby="lage-rubrik">
          <h2 id="lage-rubrik">{t.home.stagesHeading}</h2>
          {total === 0 ? (
            <p className="empty-state">{t.home.noIdeasYet}</p>
          ) : (
            <table className="data-table">
              <caption className="visually-hidden">{t.home.stagesCaption}</caption>
              <thead>
                <tr><th scope="col">{t.home.stageColumn}</th><th scope="col" className="numeric">{t.home.countColumn}</th></tr>
              </thead>
              <tbody>
                {STAGES.map((stage) => (
                  <tr key={stage}>
                    <th scope="row">{t.stages[stage].name}</th>
                    <td className="numeric">{formatNumber(locale, countsByStage[stage])}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h3>{t.home.selfFinancingHeading}</h3>
          <p>{t.home.selfFinancingText}</p>
        </section>
      </div>
    </>
  );
}
