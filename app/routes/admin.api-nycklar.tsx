import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { actionDataFromZod, type AdminActionData, submittedValues } from "~/components/admin/action-data";
import { ApiTokenCreated, ApiTokenList } from "~/components/admin/api-token-list";
import { SubmitButton } from "~/components/admin/feedback";
import { Pagination } from "~/components/admin/pagination";
import { ErrorSummary, Field } from "~/components/forms";
import { messagesFor } from "~/i18n";
import { listApiTokens } from "~/models/api-tokens.server";
import { apiTokenCreateSchema, apiTokenRevokeSchema } from "~/schemas/api-token";
import { createApiToken, revokeApiToken } from "~/services/api-tokens.server";
import { requirePermission } from "~/utils/auth.server";
import { getDatabase } from "~/utils/db.server";
import { knownNotice, metaLocale, useLocalise, useMessages } from "~/utils/locale";
import { readFormData } from "~/utils/form-data.server";

export const meta: MetaFunction = ({ matches }) => [{ title: messagesFor(metaLocale(matches)).exports.tokens.title }];

const PAGE_SIZE = 25;

type TokenActionData = AdminActionData & { created?: { token: string; userName: string } };

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "admin.api_tokens.manage");
  const { db } = await getDatabase();
  const requested = Number(new URL(request.url).searchParams.get("sida") ?? "1");
  const page = Number.isInteger(requested) && requested >= 1 ? requested : 1;
  const { rows, total } = await listApiTokens(db, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  return { rows, page, pageCount: Math.ceil(total / PAGE_SIZE) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "admin.api_tokens.manage");
  const form = await readFormData(request);
  const { db } = await getDatabase();
  const ipAddress = context.clientIp ?? null;
  if (form.get("intent") === "revoke") {
    const parsed = apiTokenRevokeSchema.safeParse(Object.fromEntries(form));
    const t = messagesFor("sv").exports.tokens;
    if (!parsed.success) return data<TokenActionData>({ intent: "revoke", formError: t.notFound }, { status: 400 });
    const revoked = await revokeApiToken(db, { actorId: user.id, tokenId: parsed.data.tokenId, ipAddress });
    if (!revoked) return data<TokenActionData>({ intent: "revoke", formError: t.notFound }, { status: 404 });
    return redirect("/admin/api-nycklar?meddelande=aterkallad");
  }
  const values = submittedValues(form, ["intent", "email", "label"]);
  const parsed = apiTokenCreateSchema.safeParse({ ...values, intent: "create" });
  if (!parsed.success) return data<TokenActionData>(actionDataFromZod("create", parsed.error, values), { status: 400 });
  const result = await createApiToken(db, { actorId: user.id, email: parsed.data.email, label: parsed.data.label, ipAddress });
  if (!result.ok) return data<TokenActionData>({ intent: "create", fieldErrors: result.fieldErrors, values }, { status: 400 });
  // Not a redirect: the token must not end up in a URL or history. It is in this answer only.
  return data<TokenActionData>({ intent: "create", created: { token: result.token, userName: result.userName } });
}

export default function ApiTokensPage() {
  const localise = useLocalise();
  const { rows, page, pageCount } = useLoaderData<typeof loader>();
  const actionData = useActionData<TokenActionData>();
  const [searchParams] = useSearchParams();
  const t = useMessages().exports.tokens;
  const code = searchParams.get("meddelande");
  // Only the page's own codes: `?meddelande=constructor` must not find Object.prototype's members.
  const notice = knownNotice(t.notices, code);
  const createErrors = actionData?.intent === "create" && !actionData.created ? (actionData.fieldErrors ?? {}) : {};
  const values = (actionData?.intent === "create" && !actionData.created ? actionData.values ?? {} : {}) as Record<string, string>;
  return (
    <section aria-labelledby="api-nycklar-rubrik">
      <h2 id="api-nycklar-rubrik" className="admin__page-heading">{t.heading}</h2>
      <p>{t.lead} <Link to="/api/v1/openapi.json" reloadDocument>{t.openApiLink}</Link>.</p>
      <div role="status">
        {notice && !actionData && <p className="alert alert--success">{notice}</p>}
        {actionData?.created && <p className="visually-hidden">{t.createdAnnouncement}</p>}
      </div>
      {actionData?.created && <ApiTokenCreated token={actionData.created.token} userName={actionData.created.userName} />}
      {actionData?.intent === "revoke" && actionData.formError && <div className="alert alert--error" role="alert">{localise(actionData.formError)}</div>}
      <section className="panel" aria-labelledby="api-nyckel-ny">
        <h3 id="api-nyckel-ny">{t.createHeading}</h3>
        <ErrorSummary errors={createErrors} title={t.errorSummaryTitle} />
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="intent" value="create" />
          <Field name="email" label={t.email} hint={t.emailHint} error={createErrors.email}>
            {(a11y) => <input {...a11y} type="email" name="email" defaultValue={values.email ?? ""} autoComplete="off" required maxLength={254} />}
          </Field>
          <Field name="label" label={t.label} hint={t.labelHint} error={createErrors.label}>
            {(a11y) => <input {...a11y} type="text" name="label" defaultValue={values.label ?? ""} required maxLength={100} />}
          </Field>
          <SubmitButton intent="create" label={t.create} />
        </Form>
      </section>
      <h3>{t.listHeading}</h3>
      <ApiTokenList rows={rows} />
      <Pagination page={page} pageCount={pageCount} search={searchParams} />
    </section>
  );
}
