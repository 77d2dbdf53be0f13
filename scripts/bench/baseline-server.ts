// The benchmark's baseline: a bare node:http server, in its own process with its own pool, that calls
// the same model functions with the same arguments as the loaders of /ideas, /ideas/<id> and
// /portfolio, and answers JSON — no session check, no Remix, no React. Issue 10 defines it as running
// "the same SQL" as those pages: the app's read cache (counts, unit lists, portfolio views) is
// bypassed here, so every request runs the queries a page needs when nothing is cached. Its
// requests/s are the limit of those queries on this stack; the app's ratio to it is what the
// framework and rendering cost, less what the app's cache saves.
// Keep each route in step with its loader (app/routes/ideas._index.tsx, ideas.$ideaId._index.tsx,
// portfolio._index.tsx) when those change.
//
// Env: DATABASE_URL or PGLITE_DIR, PORT, BENCH_SESSION_TOKEN (the employee whose idea page is read).
import { createServer, type ServerResponse } from "node:http";
import { openDatabase } from "../../db/database";
import { parseEnv } from "../../app/utils/env.server";
import { daysInStage } from "../../app/domain/portfolio";
import { stockholmYear } from "../../app/domain/stockholm-year";
import { can } from "../../app/domain/permissions";
import { listComments } from "../../app/models/comments.server";
import { findVisibleIdea, ideaPageFieldsOf } from "../../app/models/idea-page.server";
import { ideaTimeline, searchIdeas, supportAndFollowing } from "../../app/models/idea-queries.server";
import { PAGE_REFRESH_BATCHES, type PortfolioQuery } from "../../app/models/portfolio.server";
import { groupUnits, listSelectableUnits } from "../../app/models/selectable-unit.server";
import { findSessionUser } from "../../app/models/session.server";
import { businessCaseAndBenefitsFor } from "../../app/services/benefits.server";
import { stagePanelFor } from "../../app/services/gate-view.server";
import { goodExampleFactsFor } from "../../app/services/good-examples.server";
import { ideaWorkSummaries } from "../../app/services/idea-work-summaries.server";
import { bypassPortfolioReadCache } from "../../app/services/read-cache.server";
import { portfolioPageView, refreshedPortfolioState } from "../../app/services/portfolio-views.server";

// The loaders' constants (not imported: route modules pull in React and styles).
const IDEA_PAGE_SIZE = 25;
const EVENT_STEP = 100;
const PORTFOLIO_PAGE_SIZE = 25;
const PORTFOLIO_PAGE_YEARS = 5;

const env = parseEnv(process.env);
// The app's pool size (DATABASE_POOL_SIZE, default 10), so both have the same number of connections.
const handle = await openDatabase({ databaseUrl: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR, poolSize: env.DATABASE_POOL_SIZE });
const { db } = handle;
bypassPortfolioReadCache(db);
const user = await findSessionUser(db, process.env.BENCH_SESSION_TOKEN ?? "", new Date(), { idleMinutes: 480, absoluteHours: 168 });
if (!user) throw new Error("BENCH_SESSION_TOKEN ger ingen giltig session.");

async function ideaList(stage: "avslutad" | null, page: number) {
  const unitGroups = groupUnits(await listSelectableUnits(db));
  const result = await searchIdeas(db, {
    q: "", stage, kind: null, unitId: null, focusArea: null, sort: "nyast", page, pageSize: IDEA_PAGE_SIZE,
  });
  return { rows: result.rows, total: result.total, page, pageCount: Math.ceil(result.total / IDEA_PAGE_SIZE), unitGroups };
}

async function ideaPage(ideaId: string) {
  const found = await findVisibleIdea(db, ideaId.toLowerCase(), user!.id);
  if (!found) return null;
  const { idea, resource } = found;
  const submitted = idea.submitted_at !== null;
  // As the loader: the idea's own reads and the gate work side by side. (The loader shares the
  // idea's reads between readers until the idea changes – cachedIdeaRead; the baseline, by the issue's
  // definition, runs the SQL every time, so it calls the functions without that scope.)
  const [{ support, following }, comments, timeline, [stagePanel, work, caseAndBenefits, goodExample]] = await Promise.all([
    supportAndFollowing(db, idea.id, user!.id),
    listComments(db, idea.id),
    ideaTimeline(db, idea.id, EVENT_STEP),
    Promise.all([
      stagePanelFor(db, { actor: user!, resource, idea }),
      ideaWorkSummaries(db, { actor: user!, resource, idea }),
      submitted ? businessCaseAndBenefitsFor(db, idea) : null,
      submitted ? goodExampleFactsFor(db, user!, idea) : null,
    ]),
  ]);
  return {
    idea: ideaPageFieldsOf(idea, can(user!, "idea.see_submitter", resource)),
    support, following, comments, timeline,
    canComment: submitted && can(user!, "idea.comment", resource),
    stagePanel, work, businessCase: caseAndBenefits?.businessCase ?? null, benefits: caseAndBenefits?.benefits ?? null, goodExample,
  };
}

async function portfolioPage() {
  const now = new Date();
  const firstYear = stockholmYear(now);
  const query: PortfolioQuery = {
    unitIds: null, focusArea: null, stage: null, selfFinancing: null, search: null, sort: "score", descending: true,
  };
  const state = await refreshedPortfolioState(db, PAGE_REFRESH_BATCHES);
  const view = await portfolioPageView(
    db, state, query, { limit: PORTFOLIO_PAGE_SIZE, offset: 0 }, { firstYear, years: PORTFOLIO_PAGE_YEARS },
  );
  const rows = view.rows.map(({ stageChangedAt, ...row }) => ({ ...row, age: daysInStage(stageChangedAt, now) }));
  return {
    rows, total: view.total, totals: view.totals, costs: view.costs, firstYear, unitGroups: view.unitGroups, figuresPending: state.pending,
  };
}

function send(res: ServerResponse, status: number, body: unknown) {
  const json = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(json) });
  res.end(json);
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://baseline.invalid");
  const answer = async (): Promise<[number, unknown]> => {
    switch (url.pathname) {
      case "/healthz": return [200, { ok: true }];
      case "/list": return [200, await ideaList(null, 1)];
      case "/list-deep": return [200, await ideaList("avslutad", 2000)];
      case "/idea": {
        const page = await ideaPage(url.searchParams.get("id") ?? "");
        return page ? [200, page] : [404, { error: "not found" }];
      }
      case "/portfolio": return [200, await portfolioPage()];
      default: return [404, { error: "not found" }];
    }
  };
  answer().then(
    ([status, body]) => send(res, status, body),
    (error: unknown) => send(res, 500, { error: error instanceof Error ? error.message : String(error) }),
  );
});

server.listen(env.PORT, "127.0.0.1");
const shutdown = () => {
  server.close();
  handle.close().finally(() => process.exit(0));
};
process.once("SIGINT", shutdown);
process.once("SIGTERM", shutdown);
