import { type ActionFunctionArgs, data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { Pagination } from "~/components/admin/pagination";
import { useFormat } from "~/components/idea/format";
import { messagesFor } from "~/i18n";
import { countUnreadNotifications, listNotifications, markAllNotificationsRead, markNotificationRead } from "~/models/notifications.server";
import { notificationActionSchema } from "~/schemas/idea-page";
import ideasStyles from "~/styles/ideas.css";
import { requireUser } from "~/utils/auth.server";
import { getDatabase } from "~/utils/db.server";
import { knownNotice, metaLocale, useMessages } from "~/utils/locale";
import { ideasSv } from "~/i18n/ideas.sv";
import { readFormData } from "~/utils/form-data.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: ideasStyles }];
export const meta: MetaFunction = ({ matches }) => [{ title: messagesFor(metaLocale(matches)).ideas.notifications.title }];

const PAGE_SIZE = 25;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const raw = Number(new URL(request.url).searchParams.get("sida"));
  const page = Number.isInteger(raw) && raw >= 1 && raw <= 100_000 ? raw : 1;
  const { db } = await getDatabase();
  const { rows, total } = await listNotifications(db, user.id, page, PAGE_SIZE);
  return { rows, total, unread: await countUnreadNotifications(db, user.id), page, pageCount: Math.ceil(total / PAGE_SIZE) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = notificationActionSchema.safeParse(Object.fromEntries(await readFormData(request)));
  if (!parsed.success) return data({ formError: parsed.error.issues[0]?.message ?? "" }, { status: 400 });
  const { db } = await getDatabase();
  const page = new URL(request.url).searchParams.get("sida");
  const back = (notice: string) => redirect(`/notifications?${new URLSearchParams({ ...(page ? { sida: page } : {}), meddelande: notice })}`);
  if (parsed.data.intent === "mark_all_read") {
    await markAllNotificationsRead(db, user.id, new Date());
    return back("alla-lasta");
  }
  if (!(await markNotificationRead(db, user.id, parsed.data.id, new Date()))) {
    throw new Response(ideasSv.validation.notificationNotFound, { status: 404 });
  }
  return back("last");
}

export default function Notifications() {
  const { rows, total, unread, page, pageCount } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const t = useMessages().ideas.notifications;
  const fmt = useFormat();
  const notice = searchParams.get("meddelande");
  const pending = navigation.state !== "idle" && navigation.formMethod?.toUpperCase() === "POST";
  return (
    <section aria-labelledby="notiser-rubrik">
      <h1 id="notiser-rubrik">{t.heading}</h1>
      <p className="lead">{t.lead} <Link to="/installningar">{t.settingsLink}</Link>.</p>
      <div role="status">{knownNotice(t.notices, notice) && <p className="alert alert--success">{knownNotice(t.notices, notice)}</p>}</div>
      {total === 0 ? <p className="empty-state">{t.empty}</p> : (
        <>
          <p className="result-count">{t.result(total, unread)}</p>
          {unread > 0 && (
            <Form method="post" className="stack">
              <input type="hidden" name="intent" value="mark_all_read" />
              <p><button type="submit" className="button" disabled={pending} aria-disabled={pending}>{t.markAllRead}</button></p>
            </Form>
          )}
          <ol className="notification-list">
            {rows.map((n) => (
              <li key={n.id} className={n.read_at ? undefined : "is-unread"}>
                <p className="comment__meta">
                  {!n.read_at && <><span className="badge badge--unread">{t.unread}</span> </>}
                  <time dateTime={fmt.iso(n.created_at)}>{fmt.dateTime(n.created_at)}</time>
                </p>
                <h2 className="h3 break">{n.title}</h2>
                {n.body && <p className="comment__body">{n.body}</p>}
                <div className="notification__actions">
                  {n.idea_id && <Link to={`/ideas/${n.idea_id}`}>{t.openIdea}<span className="visually-hidden">: {n.title}</span></Link>}
                  {!n.read_at && (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="mark_read" />
                      <input type="hidden" name="id" value={n.id} />
                      <button type="submit" className="button" disabled={pending} aria-disabled={pending}>
                        {t.markRead}<span className="visually-hidden">: {n.title}</span>
                      </button>
                    </Form>
                  )}
                </div>
              </li>
            ))}
          </ol>
        </>
      )}
      <Pagination page={page} pageCount={pageCount} search={searchParams} />
    </section>
  );
}
