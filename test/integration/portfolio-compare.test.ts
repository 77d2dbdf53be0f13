import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ComparePage, { loader as compareLoader } from "~/routes/portfolio.forslag.jamfor";
import { call, getRequest } from "../support/admin-requests";
import { openDemoDatabase } from "../support/demo-fixture";

let demo: Awaited<ReturnType<typeof openDemoDatabase>>;
beforeAll(async () => { demo = await openDemoDatabase(); });
afterAll(async () => { await demo?.close(); });

const get = (q: string) => call(compareLoader, getRequest(`/portfolio/forslag/jamfor${q}`, demo.cookies.styrgrupp));
async function render(data: unknown) {
  const loaded = { ...JSON.parse(JSON.stringify(data)), locale: "sv" };
  const handler = createStaticHandler([{ id: "root", path: "/", loader: () => loaded, element: createElement(ComparePage) }]);
  const context = await handler.query(new Request("http://localhost/"));
  if (context instanceof Response) throw new Error("unexpected response");
  return renderToString(createElement(StaticRouterProvider, { router: createStaticRouter(handler.dataRoutes, context), context, hydrate: false }));
}

describe("compare form errors", () => {
  it("answers one chosen proposal or a malformed id with 400 and field errors, rendered with the form; unknown ids 404", async () => {
    const unknown = "00000000-0000-4000-8000-000000000000";
    const onlyA = await get(`?a=${unknown}&b=`);
    expect(onlyA.status).toBe(400);
    expect(onlyA.data.errors).toEqual({ b: "Välj förslag B." });
    expect(onlyA.data.values).toEqual({ a: unknown, b: "" });
    const html = await render(onlyA.data);
    expect(html).toContain('href="#falt-b"');
    expect(html).toMatch(/id="falt-b"[^>]*aria-invalid="true"[^>]*aria-describedby="falt-b-error"/);
    const bad = await get(`?a=abc&b=${unknown}`);
    expect(bad.status).toBe(400);
    expect(bad.data.errors).toEqual({ a: "Välj ett förslag i listan." });
    expect((await get(`?a=${unknown}&b=${unknown}`)).status).toBe(404);
    const none = await get("");
    expect(none.status).toBe(200);
    expect(none.data.errors).toEqual({});
  });
});
