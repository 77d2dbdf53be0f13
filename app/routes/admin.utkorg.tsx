import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { Pagination } from "~/components/admin/pagination";
import { useFormat } from "~/components/idea/format";
import { messagesFor } from "~/i18n";
import { listOutbox } from "~/models/notifications.server";
import ideasStyles from "~/styles/ideas.css";
import { requirePermission } from "~/utils/auth.server";
import { getDatabase } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { metaLocale, useMessages } from "~/utils/locale";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: ideasStyles }];
export const meta: MetaFunction = ({ matches }) => [{ title: messagesFor(metaLocale(matches)).ideas.outbox.title }];

const PAGE_SIZE = 50;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "admin.settings.manage");
  const raw = Number(new URL(request.url).searchParams.get("sida"));
  const page = Number.isInteger(raw) && raw >= 1 && raw <= 100_000 ? raw : 1;
  const { db } = await getDatabase();
  const { rows, total } = await listOutbox(db, page, PAGE_SIZE);
  return { rows, total, page, pageCount: Math.ceil(total / PAGE_SIZE), smtp: Boolean(getEnv().SMTP_URL) };
}

export default function AdminOutbox() {
  const { rows, total, page, pageCount, smtp } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const t = useMessages().ideas.outbox;
  const fmt = useFormat();
  return (
    <section aria-labelledby="utkorg-rubrik">
      <h2 id="utkorg-rubrik" className="admin__page-heading">{t.heading}</h2>
      <p className={smtp ? "alert alert--success" : "alert"}>{smtp ? t.smtpOn : t.smtpOff}</p>
      {total === 0 ? <p className="empty-state">{t.empty}</p> : (
        <>
          <p className="result-count">{t.result(total)}</p>
          <div className="table-scroll" role="region" aria-labelledby="utkorg-tabell" tabIndex={0}>
            <table className="data-table">
              <caption id="utkorg-tabell" className="visually-hidden">{t.caption}</caption>
              <thead>
                <tr>{(["created", "to", "subject", "status", "attempts"] as const).map((c) => <th key={c} scope="col">{t.columns[c]}</th>)}</tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.id}>
                    <td className="nowrap"><time dateTime={fmt.iso(row.createdAt)}>{fmt.dateTime(row.createdAt)}</time></td>
                    <td className="break">{row.to}</td>
                    <th scope="row" className="break">{row.subject}</th>
                    <td>
                      <span className={`badge badge--${row.status}`}>{t.status[row.status]}</span>
                      {row.sentAt && <span className="cell-context">{fmt.dateTime(row.sentAt)}</span>}
                      {row.lastError && <span className="cell-context break">{row.lastError}</span>}
                    </td>
                    <td>{fmt.number(row.attempts)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <Pagination page={page} pageCount={pageCount} search={searchParams} />
    </section>
  );
}
