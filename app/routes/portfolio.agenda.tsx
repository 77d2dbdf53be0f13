import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { AgendaItem } from "~/components/agenda/agenda-item";
import { PrintButton } from "~/components/agenda/print-button";
import { agendaParamsSchema } from "~/schemas/agenda";
import { FilterActions } from "~/components/filter-actions";
import { messagesFor } from "~/i18n";
import { AGENDA_LIMIT, agendaFor } from "~/models/agenda.server";
import { listSelectableUnits } from "~/models/selectable-unit.server";
import agendaStyles from "~/styles/agenda.css";
import chartStyles from "~/styles/charts.css";
import gateStyles from "~/styles/gates.css";
import securityStyles from "~/styles/security.css";
import { requirePermission } from "~/utils/auth.server";
import { getDatabase } from "~/utils/db.server";
import { useMessages } from "~/utils/locale";

export const links: LinksFunction = () => [chartStyles, gateStyles, securityStyles, agendaStyles].map((href) => ({ rel: "stylesheet", href }));
export const meta: MetaFunction = () => [{ title: messagesFor("sv").agenda.title }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "portfolio.view");
  const url = new URL(request.url);
  const parsed = agendaParamsSchema.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) throw new Response(parsed.error.issues[0]?.message ?? "Ogiltiga parametrar.", { status: 400 });
  const { db } = await getDatabase();
  const departments = (await listSelectableUnits(db)).filter((u) => u.path.length === 0).map((u) => ({ id: u.id, name: u.name }));
  const { enhet, datum, rubrik } = parsed.data;
  const unitId = enhet?.toLowerCase() ?? null;
  if (unitId && !departments.some((d) => d.id === unitId)) {
    throw new Response(messagesFor("sv").agenda.errors.unknownUnit, { status: 400 });
  }
  const { items, total } = await agendaFor(db, { actor: user, unitId, now: new Date() });
  return data({ items, total, limit: AGENDA_LIMIT, departments, params: { enhet: unitId ?? "", datum: datum ?? "", rubrik: rubrik ?? "" } });
}

export default function Agenda() {
  const { items, total, departments, params } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const t = useMessages().agenda;
  const o = t.options;
  const unitName = departments.find((d) => d.id === params.enhet)?.name;
  const pending = navigation.state === "loading" && navigation.location?.pathname === "/portfolio/agenda";
  return (
    <section aria-labelledby="dagordning-rubrik" className="agenda">
      <div className="agenda__intro">
        <h1 id="dagordning-rubrik">
          {t.heading}
          {(params.rubrik || params.datum) && <span className="agenda__meeting">{t.meetingHeading(params.rubrik || null, params.datum || null)}</span>}
          {unitName && <span className="agenda__meeting">{unitName}</span>}
        </h1>
        <p className="agenda__lead">{t.lead}</p>
        <p className="agenda__screen-only"><Link to="/portfolio">{t.backToPortfolio}</Link></p>
      </div>
      <Form method="get" className="filter-form agenda__screen-only" aria-label={o.legend}>
        <div className="field">
          <label htmlFor="dagordning-enhet">{o.unit}</label>
          <select id="dagordning-enhet" name="enhet" defaultValue={params.enhet}>
            <option value="">{o.anyUnit}</option>
            {departments.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="dagordning-datum">{o.date}</label>
          <p className="field__hint" id="dagordning-datum-hint">{o.dateHint}</p>
          <input id="dagordning-datum" type="date" name="datum" defaultValue={params.datum} aria-describedby="dagordning-datum-hint" />
        </div>
        <div className="field">
          <label htmlFor="dagordning-rubrik-falt">{o.meetingTitle}</label>
          <p className="field__hint" id="dagordning-rubrik-hint">{o.meetingTitleHint}</p>
          <input
            id="dagordning-rubrik-falt" type="text" name="rubrik" maxLength={120} defaultValue={params.rubrik}
            aria-describedby="dagordning-rubrik-hint"
          />
        </div>
        <FilterActions pending={pending} label={o.submit} pendingLabel={o.pending} clearHref="/portfolio/agenda" clearLabel={o.clear} />
      </Form>
      <p role="status" className="agenda__count">{items.length === 0 ? t.empty : t.count(items.length, total)}</p>
      {items.length > 0 && (
        <>
          <div className="agenda__screen-only agenda__print">
            <PrintButton label={t.print} />
            <p className="field__hint">{t.printHint}</p>
          </div>
          <nav aria-labelledby="dagordning-innehall" className="agenda__contents">
            <h2 id="dagordning-innehall" className="h3">{t.contents}</h2>
            <ol>
              {items.map((item) => <li key={item.id}><a href={`#dagordning-${item.id}`}>{item.reference} {item.title}</a></li>)}
            </ol>
          </nav>
          {items.map((item, i) => <AgendaItem key={item.id} item={item} position={i + 1} />)}
        </>
      )}
    </section>
  );
}
