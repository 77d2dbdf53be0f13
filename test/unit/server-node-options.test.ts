import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SERVER_NODE_OPTIONS } from "../../scripts/server-node-options";

// package.json cannot import the list: its start and serve scripts repeat it, and this keeps them in step
// with what the e2e tests and the benchmark run.
const manifest = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../package.json"), "utf8")) as {
  scripts: Record<string, string>;
};

describe("the production server's node options", () => {
  it.each(["start", "serve"])("npm run %s starts build/server.js with them", (script) => {
    expect(manifest.scripts[script]).toContain(`node ${SERVER_NODE_OPTIONS.join(" ")} build/server.js`);
  });

  it("cap the old generation at a size that leaves room above the live heap", () => {
    const cap = SERVER_NODE_OPTIONS.map((option) => /^--max-old-space-size=(\d+)$/.exec(option)?.[1]).find(Boolean);
    expect(Number(cap)).toBeGreaterThanOrEqual(192);
  });
});
