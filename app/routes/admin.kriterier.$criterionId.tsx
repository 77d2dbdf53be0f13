import { type ActionFunctionArgs, data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { type AdminActionData, actionDataFromRefusal, actionDataFromZod, submittedValues } from "~/components/admin/action-data";
import { ActivationForm } from "~/components/admin/feedback";
import { CriterionForm } from "~/components/assessment/criterion-form";
import { useCriterionName } from "~/components/assessment/shared";
import { messagesFor } from "~/i18n";
import { type CriterionRow, findCriterion } from "~/models/assessment-criteria.server";
import { CRITERION_FIELDS, criterionActivationSchema, criterionUpdateSchema, guidanceOf } from "~/schemas/assessment";
import { idSchema } from "~/schemas/admin-user";
import { setCriterionActivation, updateCriterion } from "~/services/assessment-criteria.server";
import assessmentStyles from "~/styles/assessment.css";
import { requirePermission } from "~/utils/auth.server";
import { getDatabase } from "~/utils/db.server";
import { knownNotice, metaLocale, useLocalise, useMessages } from "~/utils/locale";
import { readFormData } from "~/utils/form-data.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? messagesFor(metaLocale(matches)).assessment.criteria.editTitle(data.criterion.name) : messagesFor(metaLocale(matches)).assessment.criteria.title },
];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: assessmentStyles }];

/** Administrators only; a malformed or unknown id is a page that does not exist. */
async function authorise(request: Request, params: { criterionId?: string }) {
  const admin = await requirePermission(request, "admin.criteria.manage");
  const id = idSchema.safeParse(params.criterionId);
  const { db } = await getDatabase();
  const criterion = id.success ? await findCriterion(db, id.data.toLowerCase()) : undefined;
  if (!criterion) throw new Response(messagesFor("sv").assessment.criteria.errors.notFound, { status: 404 });
  return { admin, db, criterion };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { criterion } = await authorise(request, params);
  return { criterion };
}

type ActionData = AdminActionData & { criterion?: CriterionRow };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { admin, db, criterion } = await authorise(request, params);
  const form = await readFormData(request);
  const intent = String(form.get("intent") ?? "");
  const actor = { actorId: admin.id, ipAddress: context.clientIp ?? null, now: new Date() };
  const back = (notice: string) => redirect(`/admin/kriterier/${criterion.id}?meddelande=${notice}`);
  const fresh = async () => ({ criterion: await findCriterion(db, criterion.id) });
  if (intent === "reactivate" || intent === "deactivate") {
    const parsed = criterionActivationSchema.parse({ intent });
    const result = await setCriterionActivation(db, actor, { id: criterion.id, active: parsed.intent === "reactivate" });
    if (!result.ok) return data<ActionData>({ ...actionDataFromRefusal(intent, result, {}), ...(await fresh()) }, { status: result.status });
    return back(!result.changed ? "ingen-andring" : parsed.intent === "reactivate" ? "kriterium-aktiverat" : "kriterium-inaktiverat");
  }
  const values = submittedValues(form, ["intent", "version", ...CRITERION_FIELDS]);
  const parsed = criterionUpdateSchema.safeParse(values);
  if (!parsed.success) return data<ActionData>(actionDataFromZod("update", parsed.error, values), { status: 400 });
  const input = parsed.data;
  const result = await updateCriterion(db, actor, {
    id: criterion.id, expectedVersion: Number(input.version),
    values: {
      name: input.name, nameEn: input.nameEn || null, description: input.description, weight: input.weight,
      position: input.position, guidance: guidanceOf(input),
    },
  });
  if (!result.ok) return data<ActionData>({ ...actionDataFromRefusal("update", result, values), ...(await fresh()) }, { status: result.status });
  return back(result.changed ? "kriterium-sparat" : "ingen-andring");
}

export default function EditCriterion() {
  const localise = useLocalise();
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const [searchParams] = useSearchParams();
  const t = useMessages().assessment.criteria;
  const nameOf = useCriterionName();
  // After a conflict: the criterion as saved now; the form keeps what the administrator typed.
  const criterion = actionData?.criterion ?? loaded.criterion;
  const notice = !actionData ? knownNotice(t.notices, searchParams.get("meddelande")) : undefined;
  const activationError = actionData && ["reactivate", "deactivate"].includes(actionData.intent) ? actionData.formError : undefined;
  return (
    <section aria-labelledby="kriterium-rubrik">
      <h2 id="kriterium-rubrik" className="admin__page-heading">{t.editHeading(nameOf(criterion))}</h2>
      <p><Link to="/admin/kriterier">{t.backToList}</Link></p>
      <p className="muted">{t.code(criterion.code)}</p>
      <div role="status">{notice && <p className="alert alert--success">{notice}</p>}</div>
      <CriterionForm criterion={criterion} actionData={actionData} />
      <section className="panel" aria-labelledby="aktiv-rubrik">
        <h3 id="aktiv-rubrik" className="panel__heading">{t.activationHeading}</h3>
        {activationError && <div className="alert alert--error" role="alert">{localise(activationError)}</div>}
        <p>{criterion.active ? t.active : <span className="badge badge--inactive">{t.inactive}</span>}</p>
        <ActivationForm active={criterion.active} copy={{
          deactivateText: t.deactivateText, reactivateText: t.activateText, deactivate: t.deactivate, reactivate: t.activate,
        }} />
      </section>
    </section>
  );
}
