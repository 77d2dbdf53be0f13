import { type ActionFunctionArgs, data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { ErrorSummary, type FieldErrors, fieldErrorsOf, fieldId } from "~/components/forms";
import { messagesFor } from "~/i18n";
import { getNotificationMode, setNotificationMode } from "~/models/notifications.server";
import { notificationSettingsSchema } from "~/schemas/idea-page";
import ideasStyles from "~/styles/ideas.css";
import { requireUser } from "~/utils/auth.server";
import { getDatabase } from "~/utils/db.server";
import { useMessages } from "~/utils/locale";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: ideasStyles }];
export const meta: MetaFunction = () => [{ title: messagesFor("sv").ideas.settings.title }];

const MODES = ["immediate", "daily_digest"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { db } = await getDatabase();
  return { mode: await getNotificationMode(db, user.id) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = notificationSettingsSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data<{ fieldErrors: FieldErrors }>({ fieldErrors: fieldErrorsOf(parsed.error) }, { status: 400 });
  const { db } = await getDatabase();
  await setNotificationMode(db, user.id, parsed.data.notificationMode);
  return redirect("/installningar?sparat=1");
}

export default function Settings() {
  const { mode } = useLoaderData<typeof loader>();
  const actionData = useActionData<{ fieldErrors: FieldErrors }>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const t = useMessages().ideas.settings;
  const saving = navigation.state !== "idle" && navigation.formMethod?.toUpperCase() === "POST";
  const error = actionData?.fieldErrors.notificationMode;
  const id = fieldId("notificationMode");
  return (
    <section className="narrow" aria-labelledby="installningar-rubrik">
      <h1 id="installningar-rubrik">{t.heading}</h1>
      <div role="status">{searchParams.get("sparat") === "1" && !actionData && <p className="alert alert--success">{t.saved}</p>}</div>
      <ErrorSummary errors={actionData?.fieldErrors ?? {}} title={t.errorSummaryTitle} />
      <Form method="post" className="stack">
        <fieldset className={`field${error ? " field--error" : ""}`} id={id} tabIndex={-1} aria-describedby={error ? `${id}-error` : undefined}>
          <legend>{t.modeLegend}</legend>
          {error && <p className="field__error" id={`${id}-error`}>{error}</p>}
          <ul className="radio-list">
            {MODES.map((m) => (
              <li key={m}>
                <input type="radio" name="notificationMode" id={`lage-${m}`} value={m} defaultChecked={mode === m} aria-describedby={`lage-${m}-hint`} />{" "}
                <label htmlFor={`lage-${m}`}>{t.modes[m].label}</label>
                <p className="field__hint" id={`lage-${m}-hint`}>{t.modes[m].hint}</p>
              </li>
            ))}
          </ul>
        </fieldset>
        <p><button type="submit" className="button button--primary" disabled={saving} aria-disabled={saving}>{saving ? t.saving : t.save}</button></p>
      </Form>
    </section>
  );
}
