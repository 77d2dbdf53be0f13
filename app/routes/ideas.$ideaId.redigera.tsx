import { type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { IdeaForm } from "~/components/idea-form";
import { messagesFor } from "~/i18n";
import { findIdeaForForm } from "~/models/ideas.server";
import { handleIdeaFormPost, type IdeaFormActionData, ideaFormValuesOf, unitOptions } from "~/services/idea-form.server";
import submitStyles from "~/styles/submit.css";
import { requirePermission } from "~/utils/auth.server";
import { getDatabase } from "~/utils/db.server";
import { metaLocale, useMessages } from "~/utils/locale";
import { ideasSv } from "~/i18n/ideas.sv";

export const meta: MetaFunction = ({ matches }) => [{ title: `${messagesFor(metaLocale(matches)).submit.editTitle} – Idéslussen` }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: submitStyles }];

const notFound = () => new Response(ideasSv.validation.draftNotFound, { status: 404 });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "idea.submit");
  const { db } = await getDatabase();
  const idea = await findIdeaForForm(db, params.ideaId ?? "");
  // Someone else's draft and a submitted idea look the same as one that does not exist.
  if (!idea || idea.submitter_id !== user.id || idea.submitted_at) throw notFound();
  return { unitGroups: await unitOptions(db), values: ideaFormValuesOf(idea) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "idea.submit");
  const { db } = await getDatabase();
  // The service checks ownership under a row lock; a repeated submit of this draft leads to its receipt.
  return handleIdeaFormPost(db, { request, user, ideaId: params.ideaId ?? "", ipAddress: context.clientIp ?? null });
}

export default function EditDraftPage() {
  const { unitGroups, values } = useLoaderData<typeof loader>();
  const actionData = useActionData<IdeaFormActionData>();
  const [searchParams] = useSearchParams();
  const t = useMessages().submit;
  const saved = searchParams.get("sparat") === "1" && !actionData;
  return (
    <section className="idea-page" aria-labelledby="utkast-rubrik">
      <h1 id="utkast-rubrik">{t.editTitle}</h1>
      <p className="lead">{t.editLead}</p>
      <div role="status">{saved && <p className="alert alert--success">{t.draftSaved}</p>}</div>
      <IdeaForm key={values.submissionKey} defaultValues={actionData?.values ?? values} unitGroups={unitGroups}
        serverErrors={actionData?.fieldErrors} />
    </section>
  );
}
