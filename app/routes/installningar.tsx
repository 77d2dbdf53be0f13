import { type ActionFunctionArgs, data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { ErrorSummary, type FieldErrors, fieldErrorsOf, fieldId } from "~/components/forms";
import { messagesFor } from "~/i18n";
import { getNotificationMode, setNotificationMode } from "~/models/notifications.server";
import { setUserLocale } from "~/models/user-language.server";
import { notificationSettingsSchema } from "~/schemas/idea-page";
import { languageSettingSchema } from "~/schemas/language";
import ideasStyles from "~/styles/ideas.css";
import { requireUser } from "~/utils/auth.server";
import { getDatabase } from "~/utils/db.server";
import { languageCookieHeader } from "~/utils/language.server";
import { metaLocale, useLocale, useLocalise, useMessages } from "~/utils/locale";
import { readFormData } from "~/utils/form-data.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: ideasStyles }];
export const meta: MetaFunction = ({ matches }) => [{ title: messagesFor(metaLocale(matches)).ideas.settings.title }];

const MODES = ["immediate", "daily_digest"] as const;
const LANGUAGES = ["sv", "en"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { db } = await getDatabase();
  return { mode: await getNotificationMode(db, user.id) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const fields = Object.fromEntries(await readFormData(request));
  const parsed = notificationSettingsSchema.safeParse(fields);
  const language = languageSettingSchema.safeParse(fields);
  if (!parsed.success || !language.success) {
    const fieldErrors = { ...(parsed.success ? {} : fieldErrorsOf(parsed.error)), ...(language.success ? {} : fieldErrorsOf(language.error)) };
    return data<{ fieldErrors: FieldErrors }>({ fieldErrors }, { status: 400 });
  }
  const { db } = await getDatabase();
  await setNotificationMode(db, user.id, parsed.data.notificationMode);
  const chosen = language.data.sprak;
  if (!chosen) return redirect("/installningar?sparat=1");
  await setUserLocale(db, user.id, chosen);
  // The cookie too, so the pages stay in this language after signing out in this browser.
  return redirect("/installningar?sparat=1", { headers: { "Set-Cookie": languageCookieHeader(chosen) } });
}

export default function Settings() {
  const { mode } = useLoaderData<typeof loader>();
  const actionData = useActionData<{ fieldErrors: FieldErrors }>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const t = useMessages().ideas.settings;
  const locale = useLocale();
  const localise = useLocalise();
  const saving = navigation.state !== "idle" && navigation.formMethod?.toUpperCase() === "POST";
  const error = actionData?.fieldErrors.notificationMode;
  const id = fieldId("notificationMode");
  const languageError = actionData?.fieldErrors.sprak;
  const languageId = fieldId("sprak");
  return (
    <section className="narrow" aria-labelledby="installningar-rubrik">
      <h1 id="installningar-rubrik">{t.heading}</h1>
      <div role="status">{searchParams.get("sparat") === "1" && !actionData && <p className="alert alert--success">{t.saved}</p>}</div>
      <ErrorSummary errors={actionData?.fieldErrors ?? {}} title={t.errorSummaryTitle} />
      <Form method="post" className="stack">
        <fieldset className={`field${error ? " field--error" : ""}`} id={id} tabIndex={-1} aria-describedby={error ? `${id}-error` : undefined}>
          <legend>{t.modeLegend}</legend>
          {error && <p className="field__error" id={`${id}-error`}>{localise(error)}</p>}
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
        <fieldset className={`field${languageError ? " field--error" : ""}`} id={languageId} tabIndex={-1}
          aria-describedby={`${languageId}-hint${languageError ? ` ${languageId}-error` : ""}`}>
          <legend>{t.languageLegend}</legend>
          <p className="field__hint" id={`${languageId}-hint`}>{t.languageHint}</p>
          {languageError && <p className="field__error" id={`${languageId}-error`}>{localise(languageError)}</p>}
          <ul className="radio-list">
            {LANGUAGES.map((l) => (
              <li key={l}>
                <input type="radio" name="sprak" id={`sprak-${l}`} value={l} defaultChecked={locale === l} />{" "}
                <label htmlFor={`sprak-${l}`} lang={l}>{t.languages[l]}</label>
              </li>
            ))}
          </ul>
        </fieldset>
        <p><button type="submit" className="button button--primary" disabled={saving} aria-disabled={saving}>{saving ? t.saving : t.save}</button></p>
      </Form>
    </section>
  );
}
