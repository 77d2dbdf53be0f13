import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useCriterionName } from "~/components/assessment/shared";
import { weightShares } from "~/domain/assessment-score";
import { messagesFor } from "~/i18n";
import { listCriteria } from "~/models/assessment-criteria.server";
import assessmentStyles from "~/styles/assessment.css";
import { requirePermission } from "~/utils/auth.server";
import { getDatabase } from "~/utils/db.server";
import { knownNotice, metaLocale, useMessages } from "~/utils/locale";

export const meta: MetaFunction = ({ matches }) => [{ title: messagesFor(metaLocale(matches)).assessment.criteria.title }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: assessmentStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "admin.criteria.manage");
  const { db } = await getDatabase();
  const criteria = await listCriteria(db, { includeInactive: true });
  const shares = weightShares(criteria);
  return {
    criteria: criteria.map((c) => ({
      id: c.id, name: c.name, nameEn: c.nameEn, weight: c.weight, position: c.position, active: c.active, share: shares.get(c.id) ?? 0,
    })),
    totalWeight: criteria.filter((c) => c.active).reduce((sum, c) => sum + c.weight, 0),
  };
}

export default function CriteriaList() {
  const { criteria, totalWeight } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const messages = useMessages();
  const t = messages.assessment.criteria;
  const nameOf = useCriterionName();
  const notice = knownNotice(t.notices, searchParams.get("meddelande"));
  return (
    <section aria-labelledby="kriterier-rubrik">
      <h2 id="kriterier-rubrik" className="admin__page-heading">{t.heading}</h2>
      <p>{t.lead}</p>
      <p className="muted">{t.weightNote}</p>
      <div role="status">{notice && <p className="alert alert--success">{notice}</p>}</div>
      <p><Link className="button button--primary" to="/admin/kriterier/ny">{t.add}</Link></p>
      {criteria.length === 0 ? <p className="empty-state">{t.empty}</p> : (
        <div className="table-scroll" role="region" aria-labelledby="kriterier-tabell" tabIndex={0}>
          <table className="data-table">
            <caption id="kriterier-tabell">{t.caption}</caption>
            <thead>
              <tr>
                <th scope="col" className="numeric">{t.columns.position}</th>
                <th scope="col">{t.columns.name}</th>
                <th scope="col" className="numeric">{t.columns.weight}</th>
                <th scope="col" className="numeric">{t.columns.share}</th>
                <th scope="col">{t.columns.status}</th>
              </tr>
            </thead>
            <tbody>
              {criteria.map((c) => (
                <tr key={c.id}>
                  <td className="numeric">{c.position}</td>
                  <th scope="row"><Link to={`/admin/kriterier/${c.id}`} aria-label={t.edit(nameOf(c))}>{nameOf(c)}</Link></th>
                  <td className="numeric">{c.weight}</td>
                  <td className="numeric">{c.active ? t.share(messages.assessment.percent(c.share)) : "–"}</td>
                  <td>{c.active ? t.active : <span className="badge badge--inactive">{t.inactive}</span>}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr><td colSpan={5}>{t.totalWeight(totalWeight)}</td></tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}
