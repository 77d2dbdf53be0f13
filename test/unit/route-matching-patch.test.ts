import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

// patches/@remix-run+router+*.patch (applied by `patch-package` on install; docs/decisions/0018)
// memoises React Router's route ranking and path compilation on the server. The server loads the
// CommonJS build, so that is the file the patch edits and the module tested here.
const require = createRequire(import.meta.url);
const routerPath = require.resolve("@remix-run/router");
const router = require(routerPath) as typeof import("@remix-run/router");

describe("the @remix-run/router patch", () => {
  it("is applied to the build the server loads", () => {
    expect(routerPath).toMatch(/router\.cjs\.js$/);
    expect(readFileSync(routerPath, "utf8")).toContain("Idéslussen patch");
  });

  it("still matches like React Router: ranking, params, optional and splat segments, on repeated calls", () => {
    const routes = [
      {
        id: "root", path: "/",
        children: [
          { id: "home", index: true },
          { id: "ideas", path: "ideas" },
          { id: "ideas-new", path: "ideas/ny" },
          { id: "idea", path: "ideas/:ideaId" },
          { id: "idea-tab", path: "ideas/:ideaId/:tab?" },
          { id: "catch-all", path: "*" },
        ],
      },
    ];
    const leaf = (path: string) => {
      const matches = router.matchRoutes(routes, path);
      const last = matches?.at(-1);
      return last ? { id: last.route.id, params: last.params } : null;
    };
    for (let round = 0; round < 3; round += 1) {
      expect(leaf("/")).toEqual({ id: "home", params: {} });
      expect(leaf("/ideas")).toEqual({ id: "ideas", params: {} });
      expect(leaf("/ideas/ny")).toEqual({ id: "ideas-new", params: {} });
      expect(leaf("/ideas/abc")).toEqual({ id: "idea", params: { ideaId: "abc" } });
      expect(leaf("/ideas/abc/pilot")).toEqual({ id: "idea-tab", params: { ideaId: "abc", tab: "pilot" } });
      expect(leaf("/IDEAS/ABC")).toEqual({ id: "idea", params: { ideaId: "ABC" } });
      expect(leaf("/nagot/annat")).toEqual({ id: "catch-all", params: { "*": "nagot/annat" } });
    }
    // A different routes array is ranked on its own, not taken from the first one's memo.
    expect(router.matchRoutes([{ id: "only", path: "/ideas" }], "/ideas/abc")).toBeNull();
    expect(router.matchPath({ path: "/ideas/:ideaId", end: false }, "/ideas/abc/pilot")?.params).toEqual({ ideaId: "abc" });
    expect(router.matchPath("/ideas/:ideaId", "/ideas/abc/pilot")).toBeNull();
  });
});
