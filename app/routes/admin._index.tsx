import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ROLES } from "~/domain/vocabulary";
import { formatNumber, messagesFor } from "~/i18n";
import { countActiveUsersByRole, countUsers } from "~/models/admin-users.server";
import { countOpenFeedback } from "~/models/accessibility-feedback.server";
import { countActiveCriteria } from "~/models/assessment-criteria.server";
import { countSignInsSince } from "~/models/audit-log-query.server";
import { countUnits } from "~/models/units.server";
import { requirePermission } from "~/utils/auth.server";
import { getDatabase } from "~/utils/db.server";
import { metaLocale, useLocale, useMessages } from "~/utils/locale";

export const meta: MetaFunction = ({ matches }) => [{ title: messagesFor(metaLocale(matches)).admin.overview.title }];

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "admin.access");
  const { db } = await getDatabase();
  const now = new Date();
  const [byRole, accounts, units, signIns, activeCriteria, openFeedback] = await Promise.all([
    countActiveUsersByRole(db),
    countUsers(db),
    countUnits(db),
    countSignInsSince(db, new Date(now.getTime() - WEEK_MS)),
    countActiveCriteria(db),
    countOpenFeedback(db),
  ]);
  // The audit filter takes Stockholm calendar days: the last seven, today included.
  const day = (date: Date) => date.toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" });
  const signInsLink = `/admin/audit?${new URLSearchParams({
    handelse: "auth.sign_in", fran: day(new Date(now.getTime() - WEEK_MS)), till: day(now),
  })}`;
  return { byRole, accounts, activeUnits: units.active, signIns, signInsLink, activeCriteria, openFeedback };
}

export default function AdminOverview() {
  const { byRole, accounts, activeUnits, signIns, signInsLink, activeCriteria, openFeedback } = useLoaderData<typeof loader>();
  const messages = useMessages();
  const t = messages.admin.overview;
  const locale = useLocale();
  return (
    <section aria-labelledby="oversikt-rubrik">
      <h2 id="oversikt-rubrik" className="admin__page-heading">{t.heading}</h2>
      <p className="lead">{t.lead}</p>
      <div className="admin-cards">
        <section className="panel admin-card" aria-labelledby="oversikt-anvandare">
          <h3 id="oversikt-anvandare">{t.usersHeading}</h3>
          <table className="data-table">
            <caption className="visually-hidden">{t.usersCaption}</caption>
            <thead>
              <tr><th scope="col">{t.roleColumn}</th><th scope="col" className="numeric">{t.countColumn}</th></tr>
            </thead>
            <tbody>
              {ROLES.map((role) => (
                <tr key={role}>
                  <th scope="row">{messages.roles[role]}</th>
                  <td className="numeric">{formatNumber(locale, byRole[role])}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="admin-card__note">{t.accounts(accounts.active, accounts.deactivated)}</p>
          <p><Link className="button" to="/admin/users">{t.manageUsers}</Link></p>
        </section>
        <section className="panel admin-card" aria-labelledby="oversikt-enheter">
          <h3 id="oversikt-enheter">{t.unitsHeading}</h3>
          <p className="admin-card__figure" aria-hidden="true">{formatNumber(locale, activeUnits)}</p>
          <p>{t.activeUnits(activeUnits)}</p>
          <p><Link className="button" to="/admin/units">{t.manageUnits}</Link></p>
        </section>
        <section className="panel admin-card" aria-labelledby="oversikt-inloggningar">
          <h3 id="oversikt-inloggningar">{t.signInsHeading}</h3>
          <p className="admin-card__figure" aria-hidden="true">{formatNumber(locale, signIns.signIns)}</p>
          <p>{t.signIns(signIns.signIns, signIns.people)}</p>
          <p><Link className="button" to={signInsLink}>{t.viewSignIns}</Link></p>
        </section>
        <section className="panel admin-card" aria-labelledby="oversikt-kriterier">
          <h3 id="oversikt-kriterier">{t.criteriaHeading}</h3>
          <p className="admin-card__figure" aria-hidden="true">{formatNumber(locale, activeCriteria)}</p>
          <p>{t.activeCriteria(activeCriteria)}</p>
          <p><Link className="button" to="/admin/kriterier">{t.manageCriteria}</Link></p>
        </section>
        <section className="panel admin-card" aria-labelledby="oversikt-tillganglighet">
          <h3 id="oversikt-tillganglighet">{t.feedbackHeading}</h3>
          <p className="admin-card__figure" aria-hidden="true">{formatNumber(locale, openFeedback)}</p>
          <p>{t.openFeedback(openFeedback)}</p>
          <p><Link className="button" to="/admin/tillganglighet">{t.manageFeedback}</Link></p>
        </section>
      </div>
    </section>
  );
}
