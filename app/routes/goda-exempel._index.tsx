import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { fieldErrorsByField } from "~/components/admin/action-data";
import { Pagination } from "~/components/admin/pagination";
import { FilterActions } from "~/components/filter-actions";
import { ErrorSummary, Field, type FieldErrors } from "~/components/forms";
import { GoodExampleCard } from "~/components/good-examples/good-example-card";
import { goodExampleListSchema } from "~/schemas/good-examples";
import { can } from "~/domain/permissions";
import { messagesFor } from "~/i18n";
import { type GoodExampleListRow, listGoodExamples } from "~/models/good-examples.server";
import { PAGE_REFRESH_BATCHES, refreshPortfolioFigures } from "~/models/portfolio.server";
import styles from "~/styles/good-examples.css";
import { requirePermission } from "~/utils/auth.server";
import { getDatabase } from "~/utils/db.server";
import { metaLocale, useMessages } from "~/utils/locale";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = ({ matches }) => [{ title: messagesFor(metaLocale(matches)).goodExamples.title }];

const PAGE_SIZE = 20;

interface GoodExamplesPage {
  examples: GoodExampleListRow[];
  total: number;
  page: number;
  pageCount: number;
  /** The search as typed (kept after a refusal). */
  search: string;
  errors: FieldErrors;
  mayAdopt: boolean;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "good_examples.view");
  const url = new URL(request.url);
  const mayAdopt = can(user, "good_example.adopt");
  const parsed = goodExampleListSchema.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) {
    return data<GoodExamplesPage>({
      examples: [], total: 0, page: 1, pageCount: 1, search: url.searchParams.get("sok") ?? "",
      errors: fieldErrorsByField(parsed.error), mayAdopt,
    }, { status: 400 });
  }
  const { db } = await getDatabase();
  // What each example achieved comes from the portfolio figures, as on /portfolio.
  await refreshPortfolioFigures(db, { maxBatches: PAGE_REFRESH_BATCHES });
  const { sok, sida } = parsed.data;
  const { rows, total } = await listGoodExamples(db, { search: sok }, { limit: PAGE_SIZE, offset: (sida - 1) * PAGE_SIZE });
  return data<GoodExamplesPage>({
    examples: rows, total, page: sida, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)), search: sok ?? "", errors: {}, mayAdopt,
  });
}

export default function GoodExamples() {
  const loaded = useLoaderData<GoodExamplesPage>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const t = useMessages().goodExamples.list;
  const searching = navigation.state === "loading" && navigation.location?.pathname === "/goda-exempel";
  const refused = Object.keys(loaded.errors).length > 0;
  return (
    <section aria-labelledby="goda-exempel-rubrik">
      <h1 id="goda-exempel-rubrik">{t.heading}</h1>
      <p>{t.intro}</p>
      <ErrorSummary errors={loaded.errors} title={t.errorSummaryTitle} />
      <Form method="get" className="filter-form" role="search" aria-label={t.searchLabel}>
        <Field name="sok" label={t.searchLabel} error={loaded.errors.sok}>
          {(a11y) => <input {...a11y} type="search" name="sok" defaultValue={loaded.search} maxLength={200} />}
        </Field>
        <FilterActions pending={searching} label={t.search} pendingLabel={t.searching} clearHref="/goda-exempel" clearLabel={t.clear} />
      </Form>
      {!refused && (
        <>
          <p role="status">{t.count(loaded.total)}</p>
          {loaded.examples.length === 0 ? <p>{loaded.search ? t.emptySearch : t.empty}</p> : (
            <div className="good-examples">
              {loaded.examples.map((example) => <GoodExampleCard key={example.id} example={example} mayAdopt={loaded.mayAdopt} />)}
            </div>
          )}
          <Pagination page={loaded.page} pageCount={loaded.pageCount} search={searchParams} />
        </>
      )}
    </section>
  );
}
