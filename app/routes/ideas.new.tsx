import { type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { IdeaForm } from "~/components/idea-form";
import { messagesFor } from "~/i18n";
import { emptyIdeaFormValues, handleIdeaFormPost, type IdeaFormActionData, unitOptions } from "~/services/idea-form.server";
import submitStyles from "~/styles/submit.css";
import { requirePermission } from "~/utils/auth.server";
import { getDatabase } from "~/utils/db.server";
import { metaLocale, useMessages } from "~/utils/locale";

export const meta: MetaFunction = ({ matches }) => [{ title: `${messagesFor(metaLocale(matches)).submit.newTitle} – Idéslussen` }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: submitStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "idea.submit");
  const { db } = await getDatabase();
  // A fresh submission key each time the form is shown: a repeated post of this form finds its idea.
  return { unitGroups: await unitOptions(db), values: emptyIdeaFormValues(user.unitId) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "idea.submit");
  const { db } = await getDatabase();
  return handleIdeaFormPost(db, { request, user, ideaId: null, ipAddress: context.clientIp ?? null });
}

export default function NewIdeaPage() {
  const { unitGroups, values } = useLoaderData<typeof loader>();
  const actionData = useActionData<IdeaFormActionData>();
  const t = useMessages().submit;
  return (
    <section className="idea-page" aria-labelledby="ny-ide-rubrik">
      <h1 id="ny-ide-rubrik">{t.newTitle}</h1>
      <p className="lead">{t.newLead}</p>
      <IdeaForm key={values.submissionKey} defaultValues={actionData?.values ?? values} unitGroups={unitGroups}
        serverErrors={actionData?.fieldErrors} />
    </section>
  );
}
