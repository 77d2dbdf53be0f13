import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AgendaItem } from "~/components/agenda/agenda-item";
import { PrintButton } from "~/components/agenda/print-button";
import { fieldErrorsByField } from "~/components/admin/action-data";
import { type AgendaOptionValues, AgendaOptions } from "~/components/agenda/agenda-options";
import type { FieldErrors } from "~/components/forms";
import { agendaParamsSchema } from "~/schemas/agenda";
import { messagesFor } from "~/i18n";
import { AGENDA_LIMIT } from "~/models/agenda.server";
import { type AgendaItem as AgendaItemData, agendaFor } from "~/services/agenda.server";
import { listSelectableUnits } from "~/models/selectable-unit.server";
import agendaStyles from "~/styles/agenda.css";
import chartStyles from "~/styles/charts.css";
import gateStyles from "~/styles/gates.css";
import securityStyles from "~/styles/security.css";
import { requirePermission } from "~/utils/auth.server";
import { getDatabase } from "~/utils/db.server";
import { metaLocale, useMessages } from "~/utils/locale";

export const links: LinksFunction = () => [chartStyles, gateStyles, securityStyles, agendaStyles].map((href) => ({ rel: "stylesheet", href }));
export const meta: MetaFunction = ({ matches }) => [{ title: messagesFor(metaLocale(matches)).agenda.title }];

interface AgendaPage {
  values: AgendaOptionValues;
  errors: FieldErrors;
  departments: { id: string; name: string }[];
  items: AgendaItemData[];
  total: number;
  limit: number;
  /** The values the heading shows: only those that passed validation. */
  params: AgendaOptionValues;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "portfolio.view");
  const raw = Object.fromEntries(new URL(request.url).searchParams);
  const values: AgendaOptionValues = { enhet: raw.enhet ?? "", datum: raw.datum ?? "", rubrik: raw.rubrik ?? "" };
  const { db } = await getDatabase();
  const departments = (await listSelectableUnits(db)).filter((u) => u.path.length === 0).map((u) => ({ id: u.id, name: u.name }));
  const refuse = (errors: FieldErrors) => data<AgendaPage>(
    { values, errors, departments, items: [], total: 0, limit: AGENDA_LIMIT, params: { enhet: "", datum: "", rubrik: "" } },
    { status: 400 },
  );
  const parsed = agendaParamsSchema.safeParse(raw);
  if (!parsed.success) return refuse(fieldErrorsByField(parsed.error));
  const { enhet, datum, rubrik } = parsed.data;
  const unitId = enhet?.toLowerCase() ?? null;
  if (unitId && !departments.some((d) => d.id === unitId)) return refuse({ enhet: messagesFor("sv").agenda.errors.unknownUnit });
  const { items, total } = await agendaFor(db, { actor: user, unitId, now: new Date() });
  const params = { enhet: unitId ?? "", datum: datum ?? "", rubrik: rubrik ?? "" };
  return data<AgendaPage>({ values: params, errors: {}, departments, items, total, limit: AGENDA_LIMIT, params });
}

export default function Agenda() {
  const { items, total, departments, params, values, errors } = useLoaderData<AgendaPage>();
  const t = useMessages().agenda;
  const unitName = departments.find((d) => d.id === params.enhet)?.name;
  const refused = Object.keys(errors).length > 0;
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
      <AgendaOptions values={values} errors={errors} departments={departments} />
      {!refused && <p role="status" className="agenda__count">{items.length === 0 ? t.empty : t.count(items.length, total)}</p>}
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
