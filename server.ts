// The HTTP server: `npm start` runs it after `remix build`. One process opens the database, migrates it
// (and loads demo data into an empty embedded one) when asked, then serves the Remix app with the
// security middleware every request passes: CSP with a per-request nonce, security headers, CSRF check.
import { randomBytes, randomUUID } from "node:crypto";
import { readdirSync, watch } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import { broadcastDevReady, installGlobals, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { parseEnv } from "./app/utils/env.server";
import { crossSiteRequestRefusal } from "./app/utils/csrf";
import { REQUEST_ID_HEADER } from "./app/utils/request-id";
import { contentSecurityPolicy, securityHeaders } from "./app/utils/security-headers";
import { formatStartupError } from "./db/cli";
import { describeDatabase, openDatabase } from "./db/database";
import { prepareDatabase } from "./db/prepare";
import { startEmailDelivery } from "./app/services/email-delivery.server";
import { startPortfolioFigureRefresh } from "./app/services/portfolio-figures-worker.server";

process.env.NODE_ENV ??= "production";
const args = new Set(process.argv.slice(2));
const buildPath = path.resolve("build/index.js");

async function main() {
  const env = parseEnv(process.env);
  const handle = await openDatabase({
    databaseUrl: env.DATABASE_URL,
    pgliteDir: env.PGLITE_DIR,
    poolSize: env.DATABASE_POOL_SIZE,
  });
  console.log(describeDatabase(handle));
  await prepareDatabase(handle, { migrate: args.has("--migrate"), seedIfEmpty: args.has("--seed-if-empty"), log: console.log });
  // E-mail leaves through the outbox when SMTP_URL is set; otherwise it waits there (Administration → Utkorg).
  const stopEmailDelivery = startEmailDelivery(handle.db, env);
  console.log(env.SMTP_URL ? "E-post skickas via SMTP_URL." : "SMTP_URL saknas: e-post sparas i utkorgen och skickas inte.");
  // Portfolio figures queued by a change are recomputed in the background (pages take only a few).
  const stopFigureRefresh = startPortfolioFigureRefresh(handle.db);
  // The app's modules share this handle instead of opening the database a second time.
  globalThis.__idesluss_database = Promise.resolve(handle);

  const importBuild = async () =>
    (await import(`${pathToFileURL(buildPath).href}?t=${Date.now()}`)) as ServerBuild;
  let build = await importBuild();
  installGlobals({ nativeFetch: build.future.v3_singleFetch });
  const development = env.NODE_ENV === "development";

  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", env.TRUST_PROXY);
  app.use(compression());
  app.use(build.publicPath, express.static(build.assetsBuildDirectory, { immutable: true, maxAge: "1y" }));
  // Only paths that name something in public/ go to the file system: a stat per page view is a
  // system call every page would pay for nothing.
  const publicEntries = new Set(readdirSync("public"));
  const servePublic = express.static("public", { maxAge: "1h" });
  app.use((req, res, next) => {
    if (publicEntries.has(req.path.split("/")[1] ?? "")) servePublic(req, res, next);
    else next();
  });

  app.use((req, res, next) => {
    // Set here, whatever the client sent: lets the loaders of one request share its session lookup
    // (Remix hands each loader its own copy of the Request; see getSessionUser).
    req.headers[REQUEST_ID_HEADER] = randomUUID();
    const nonce = randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    res.setHeader("Content-Security-Policy", contentSecurityPolicy(nonce, { development }));
    for (const [name, value] of Object.entries(securityHeaders({ production: env.NODE_ENV === "production" }))) {
      res.setHeader(name, value);
    }
    const refusal = crossSiteRequestRefusal({
      method: req.method,
      secFetchSite: req.get("sec-fetch-site"),
      origin: req.get("origin"),
      host: req.get("host"),
    });
    if (refusal) {
      res.status(403).type("text/plain; charset=utf-8").send(refusal);
      return;
    }
    next();
  });

  // One handler per build: Remix derives its route tables when a handler is made, so making one per
  // request would redo that work on every page view.
  const remixHandlerFor = (current: ServerBuild) => createRequestHandler({
    build: current,
    mode: env.NODE_ENV,
    getLoadContext: (req, res) => ({ cspNonce: res.locals.cspNonce as string, clientIp: req.ip ?? null }),
  });
  let handleWithRemix = remixHandlerFor(build);
  app.all("*", (req, res, next) => handleWithRemix(req, res, next));

  const server = app.listen(env.PORT, env.HOST, () => {
    console.log(`Idéslussen lyssnar på http://${env.HOST === "0.0.0.0" ? "localhost" : env.HOST}:${env.PORT}`);
    if (development) void broadcastDevReady(build);
  });

  if (development) {
    watch(path.dirname(buildPath), async (_event, file) => {
      if (file !== "version.txt") return;
      build = await importBuild();
      handleWithRemix = remixHandlerFor(build);
      void broadcastDevReady(build);
    });
  }

  const shutdown = () => {
    stopEmailDelivery();
    stopFigureRefresh();
    server.close();
    handle.close().finally(() => process.exit(0));
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

main().catch((error: unknown) => {
  console.error(formatStartupError(error));
  process.exit(1);
});
