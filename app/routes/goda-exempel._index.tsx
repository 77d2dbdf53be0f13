import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { Pagination } from "~/components/admin/pagination";
import { FilterActions } from "~/components/filter-actions";
import { GoodExampleCard } from "~/components/good-examples/good-example-card";
import { goodExampleListSchema } from "~/schemas/good-examples";
import { can } from "~/domain/permissions";
import { messagesFor } from "~/i18n";
import { listGoodExamples } from "~/models/good-examples.server";
import { refreshPortfolioFigures } from "~/models/portfolio.server";
import styles from "~/styles/good-examples.css";
import { requirePermission } from "~/utils/auth.server";
import { getDatabase } from "~/utils/db.server";
import { useMessages } from "~/utils/locale";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = () => [{ title: messagesFor("sv").goodExamples.title }];

const PAGE_SIZE = 20;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "good_examples.view");
  const url = new URL(request.url);
  const parsed = goodExampleListSchema.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) throw new Response(parsed.error.issues[0]?.message ?? "Ogiltig sökning.", { status: 400 });
  const { db } = await getDatabase();
  // What each example achieved comes from the portfolio figures, as on /portfolio.
  await refreshPortfolioFigures(db);
  const { sok, sida } = parsed.data;
  const { rows, total } = await listGoodExamples(db, { search: sok }, { limit: PAGE_SIZE, offset: (sida - 1) * PAGE_SIZE });
  return {
    examples: rows, total, page: sida, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)), search: sok ?? "",
    mayAdopt: can(user, "good_example.adopt"),
  };
}

export default function GoodExamples() {
  const loaded = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const t = useMessages().goodExamples.list;
  const searching = navigation.state === "loading" && navigation.location?.pathname === "/goda-exempel";
  return (
    <section aria-labelledby="goda-exempel-rubrik">
      <h1 id="goda-exempel-rubrik">{t.heading}</h1>
      <p>{t.intro}</p>
      <Form method="get" className="filter-form" role="search" aria-label={t.searchLabel}>
        <div className="field">
          <label htmlFor="goda-exempel-sok">{t.searchLabel}</label>
          <input id="goda-exempel-sok" type="search" name="sok" defaultValue={loaded.search} maxLength={200} />
        </div>
        <FilterActions pending={searching} label={t.search} pendingLabel={t.searching} clearHref="/goda-exempel" clearLabel={t.clear} />
      </Form>
      <p role="status">{t.count(loaded.total)}</p>
      {loaded.examples.length === 0 ? <p>{loaded.search ? t.emptySearch : t.empty}</p> : (
        <div className="good-examples">
          {loaded.examples.map((example) => <GoodExampleCard key={example.id} example={example} mayAdopt={loaded.mayAdopt} />)}
        </div>
      )}
      <Pagination page={loaded.page} pageCount={loaded.pageCount} search={searchParams} />
    </section>
  );
}
