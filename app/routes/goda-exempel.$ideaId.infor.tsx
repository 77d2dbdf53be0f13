import { type ActionFunctionArgs, data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Field, type FieldErrors } from "~/components/forms";
import { GroupedUnitSelect } from "~/components/filter-actions";
import { adoptGoodExampleSchema } from "~/schemas/good-examples";
import { SubmitButton } from "~/components/good-examples/submit-button";
import { messagesFor } from "~/i18n";
import { adoptableUnitIds, findGoodExampleIdea, isImplemented, listAdoptions } from "~/models/good-examples.server";
import { groupUnits, listSelectableUnits } from "~/models/selectable-unit.server";
import { adoptGoodExample } from "~/services/adopt-good-example.server";
import styles from "~/styles/good-examples.css";
import { requirePermission } from "~/utils/auth.server";
import { getDatabase } from "~/utils/db.server";
import { metaLocale, useLocalise, useMessages } from "~/utils/locale";
import { goodExamplesSv } from "~/i18n/good-examples.sv";
import { readFormData } from "~/utils/form-data.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = ({ matches }) => [{ title: messagesFor(metaLocale(matches)).goodExamples.title }];

/** A kontaktperson or administrator, and an idea that is a good example – or 401/403/404. */
async function authorise(request: Request, ideaId: string | undefined) {
  const user = await requirePermission(request, "good_example.adopt");
  const { db } = await getDatabase();
  const idea = ideaId ? await findGoodExampleIdea(db, ideaId) : undefined;
  if (!idea || !idea.mark || !isImplemented(idea)) throw new Response(goodExamplesSv.adopt.errors.notFound, { status: 404 });
  return { db, user, idea };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, user, idea } = await authorise(request, params.ideaId);
  const [allowed, units, adoptions] = await Promise.all([adoptableUnitIds(db, user), listSelectableUnits(db), listAdoptions(db, idea.id)]);
  const taken = new Set(adoptions.map((a) => a.unitId));
  const choosable = units.filter((u) => (allowed === "all" || allowed.has(u.id)) && !taken.has(u.id) && u.id !== idea.unitId);
  return {
    idea: { id: idea.id, reference: idea.reference ?? "", title: idea.title, unitName: idea.unitName, motivation: idea.mark?.motivation ?? "" },
    groups: groupUnits(choosable),
    adoptions,
  };
}

interface ActionData {
  formError?: string; fieldErrors?: FieldErrors; values?: { unitId: string };
  existing?: { id: string; reference: string | null };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { db, user, idea } = await authorise(request, params.ideaId);
  const t = messagesFor("sv").goodExamples.adopt;
  const form = Object.fromEntries(await readFormData(request));
  const values = { unitId: typeof form.unitId === "string" ? form.unitId : "" };
  const parsed = adoptGoodExampleSchema.safeParse(form);
  if (!parsed.success) return data<ActionData>({ fieldErrors: { unitId: t.errors.unit }, values }, { status: 400 });
  const result = await adoptGoodExample(db, {
    actor: user, originalId: idea.id, unitId: parsed.data.unitId, now: new Date(), ipAddress: context.clientIp ?? null,
  });
  if (result.ok) return redirect(`/ideas/${result.ideaId}?meddelande=gott-exempel-infort`);
  switch (result.reason) {
    case "not_found": case "not_good_example":
      return data<ActionData>({ formError: t.errors.notGoodExample, values }, { status: 404 });
    case "unit_not_allowed":
      return data<ActionData>({ fieldErrors: { unitId: t.errors.unit }, values }, { status: 400 });
    case "already_adopted":
      return data<ActionData>({
        formError: t.errors.alreadyAdopted(result.existingReference ?? ""), values,
        existing: { id: result.existingId, reference: result.existingReference },
      }, { status: 409 });
    case "gate_refused":
      return data<ActionData>({ formError: t.errors.gateRefused, values }, { status: 409 });
  }
}

export default function AdoptGoodExample() {
  const localise = useLocalise();
  const { idea, groups, adoptions } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const messages = useMessages();
  const t = messages.goodExamples.adopt;
  const errors = actionData?.fieldErrors ?? {};
  return (
    <section aria-labelledby="infor-rubrik" className="good-example-adopt">
      <h1 id="infor-rubrik" className="break">{t.heading(idea.title)}</h1>
      <p><Link to="/goda-exempel">{t.back}</Link> · <Link to={`/ideas/${idea.id}`}>{idea.reference}</Link></p>
      <p>{t.intro}</p>
      <p className="idea-text break"><strong>{messages.goodExamples.list.motivation}:</strong> {idea.motivation}</p>
      {actionData?.formError && (
        <div className="alert alert--error" role="alert">
          {localise(actionData.formError)}
          {actionData.existing && <> <Link to={`/ideas/${actionData.existing.id}`}>{t.errors.openExisting}</Link></>}
        </div>
      )}
      <ErrorSummary errors={errors} title={t.errorTitle} />
      {groups.length === 0 ? <p className="alert">{t.noUnits}</p> : (
        <Form method="post" className="stack panel" noValidate>
          <Field name="unitId" label={t.unitLabel} hint={t.unitHint} error={errors.unitId}>
            {(a11y) => (
              <GroupedUnitSelect a11y={a11y} name="unitId" defaultValue={actionData?.values?.unitId} anyLabel={t.chooseUnit} groups={groups} />
            )}
          </Field>
          <SubmitButton label={t.confirm} pendingLabel={t.confirming} />
        </Form>
      )}
      {adoptions.length > 0 && (
        <>
          <h2 className="h3">{t.alreadyIn}</h2>
          <ul className="good-example-adopted">
            {adoptions.map((a) => <li key={a.id}><Link to={`/ideas/${a.id}`}>{a.reference}</Link> – {a.unitName}</li>)}
          </ul>
        </>
      )}
    </section>
  );
}
