import { type ActionFunctionArgs, data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ErrorSummary, Field, type FieldErrors, fieldErrorsOf } from "~/components/forms";
import { markGoodExampleSchema, MOTIVATION_MAX } from "~/schemas/good-examples";
import { SubmitButton } from "~/components/good-examples/submit-button";
import { useFormat } from "~/components/idea/format";
import { messagesFor } from "~/i18n";
import { findGoodExampleIdea, isImplemented } from "~/models/good-examples.server";
import { changeGoodExampleMark } from "~/services/good-examples.server";
import styles from "~/styles/good-examples.css";
import { requirePermission } from "~/utils/auth.server";
import { getDatabase } from "~/utils/db.server";
import { knownNotice, metaLocale, useLocalise, useMessages } from "~/utils/locale";
import { ideasSv } from "~/i18n/ideas.sv";
import { readFormData } from "~/utils/form-data.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = ({ matches }) => [{ title: messagesFor(metaLocale(matches)).goodExamples.title }];

/** The styrgrupp or an administrator, and a submitted idea – or 401/403/404. */
async function authorise(request: Request, ideaId: string | undefined) {
  const user = await requirePermission(request, "good_example.mark");
  const { db } = await getDatabase();
  const idea = ideaId ? await findGoodExampleIdea(db, ideaId) : undefined;
  if (!idea || idea.submittedAt === null) throw new Response(ideasSv.page.notFound, { status: 404 });
  return { db, user, idea };
}

type Idea = Awaited<ReturnType<typeof authorise>>["idea"];
const view = (idea: Idea) => ({
  id: idea.id, reference: idea.reference ?? "", title: idea.title, unitName: idea.unitName, implemented: isImplemented(idea),
  mark: idea.mark,
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { idea } = await authorise(request, params.ideaId);
  return { idea: view(idea) };
}

interface ActionData { formError?: string; fieldErrors?: FieldErrors; values?: { motivation: string } }

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { db, user, idea } = await authorise(request, params.ideaId);
  const t = messagesFor("sv").goodExamples.mark;
  const form = Object.fromEntries(await readFormData(request));
  const values = { motivation: typeof form.motivation === "string" ? form.motivation : "" };
  const parsed = markGoodExampleSchema.safeParse(form);
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    return data<ActionData>({ fieldErrors, values, formError: fieldErrors.motivation ? undefined : t.errors.intent }, { status: 400 });
  }
  if (!isImplemented(idea)) return data<ActionData>({ formError: t.errors.notImplemented, values }, { status: 409 });
  const result = await changeGoodExampleMark(db, {
    actor: user, ideaId: idea.id, intent: parsed.data.intent, motivation: parsed.data.motivation ?? "", now: new Date(),
    ipAddress: context.clientIp ?? null,
  });
  if (!result.ok) {
    if (result.reason === "not_allowed") throw new Response(messagesFor("sv").errors.forbiddenAction, { status: 403 });
    if (result.reason === "not_found") throw new Response(ideasSv.page.notFound, { status: 404 });
    return data<ActionData>({ formError: t.errors.notImplemented, values }, { status: 409 });
  }
  const notice = !result.changed ? "ingen-andring" : parsed.data.intent === "mark" ? "markerad" : "avmarkerad";
  return redirect(`/ideas/${idea.id}/gott-exempel?meddelande=${notice}`);
}

export default function GoodExampleMark() {
  const localise = useLocalise();
  const { idea } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const [searchParams] = useSearchParams();
  const t = useMessages().goodExamples.mark;
  const fmt = useFormat();
  const code = searchParams.get("meddelande");
  // Only the page's own codes: `?meddelande=constructor` must not find Object.prototype's members.
  const notice = knownNotice(t.notices, code);
  const errors = actionData?.fieldErrors ?? {};
  return (
    <section aria-labelledby="gott-exempel-rubrik" className="good-example-mark">
      <h1 id="gott-exempel-rubrik">{t.heading(idea.reference)}</h1>
      <p className="break"><Link to={`/ideas/${idea.id}`}>{t.back}: {idea.title}</Link></p>
      <div role="status">
        {notice && !actionData && <p className="alert alert--success">{notice}</p>}
      </div>
      {actionData?.formError && <div className="alert alert--error" role="alert">{localise(actionData.formError)}</div>}
      <ErrorSummary errors={errors} title={t.errorTitle} />
      {!idea.implemented ? <p className="alert">{t.notImplemented}</p> : (
        <>
          <p>{idea.mark ? t.isMarked : t.notMarked}{" "}
            {idea.mark && t.markedBy(idea.mark.markedByName, fmt.date(idea.mark.markedAt))}
          </p>
          <Form method="post" className="stack panel" noValidate>
            <Field name="motivation" label={t.motivationLabel} hint={t.motivationHint} error={errors.motivation}>
              {(a11y) => (
                <textarea
                  {...a11y} name="motivation" rows={5} maxLength={MOTIVATION_MAX} required
                  defaultValue={actionData?.values?.motivation ?? idea.mark?.motivation ?? ""}
                />
              )}
            </Field>
            <SubmitButton intent="mark" label={idea.mark ? t.updateButton : t.markButton} pendingLabel={t.saving} />
          </Form>
          {idea.mark && (
            <section className="panel" aria-labelledby="ta-bort-rubrik">
              <h2 id="ta-bort-rubrik" className="panel__heading">{t.unmarkHeading}</h2>
              <p>{t.unmarkText}</p>
              <Form method="post">
                <SubmitButton intent="unmark" label={t.unmarkButton} pendingLabel={t.saving} variant="secondary" />
              </Form>
            </section>
          )}
        </>
      )}
    </section>
  );
}
