import { type ActionFunctionArgs, data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { type AdminActionData, actionDataFromRefusal, actionDataFromZod, submittedValues } from "~/components/admin/action-data";
import { CriterionForm } from "~/components/assessment/criterion-form";
import { messagesFor } from "~/i18n";
import { listCriteria } from "~/models/assessment-criteria.server";
import { CRITERION_FIELDS, criterionCreateSchema, guidanceOf } from "~/schemas/assessment";
import { createCriterion } from "~/services/assessment-criteria.server";
import assessmentStyles from "~/styles/assessment.css";
import { requirePermission } from "~/utils/auth.server";
import { getDatabase } from "~/utils/db.server";
import { metaLocale, useMessages } from "~/utils/locale";
import { readFormData } from "~/utils/form-data.server";

export const meta: MetaFunction = ({ matches }) => [{ title: messagesFor(metaLocale(matches)).assessment.criteria.newTitle }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: assessmentStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "admin.criteria.manage");
  const { db } = await getDatabase();
  const criteria = await listCriteria(db, { includeInactive: true });
  return { nextPosition: Math.min(999, criteria.reduce((max, c) => Math.max(max, c.position + 1), 0)) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "admin.criteria.manage");
  const form = await readFormData(request);
  const values = submittedValues(form, ["intent", ...CRITERION_FIELDS]);
  const parsed = criterionCreateSchema.safeParse(values);
  if (!parsed.success) return data<AdminActionData>(actionDataFromZod("create", parsed.error, values), { status: 400 });
  const { db } = await getDatabase();
  const input = parsed.data;
  const result = await createCriterion(db, { actorId: admin.id, ipAddress: context.clientIp ?? null, now: new Date() }, {
    name: input.name, nameEn: input.nameEn || null, description: input.description, weight: input.weight,
    position: input.position, guidance: guidanceOf(input),
  });
  if (!result.ok) return data<AdminActionData>(actionDataFromRefusal("create", result, values), { status: 400 });
  return redirect("/admin/kriterier?meddelande=kriterium-skapat");
}

export default function NewCriterion() {
  const { nextPosition } = useLoaderData<typeof loader>();
  const actionData = useActionData<AdminActionData>();
  const t = useMessages().assessment.criteria;
  return (
    <section aria-labelledby="nytt-kriterium-rubrik">
      <h2 id="nytt-kriterium-rubrik" className="admin__page-heading">{t.newHeading}</h2>
      <p><Link to="/admin/kriterier">{t.backToList}</Link></p>
      <CriterionForm criterion={null} actionData={actionData} nextPosition={nextPosition} />
    </section>
  );
}
