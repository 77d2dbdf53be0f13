import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/database";
import { loader } from "../../app/routes/healthz";
import { createTestDatabase, testDatabaseKind } from "../support/test-database";

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createTestDatabase();
});

afterAll(async () => {
  globalThis.__idesluss_database = undefined;
  await handle.close();
});

describe(`GET /healthz on ${testDatabaseKind()}`, () => {
  it("answers 200 with the database kind after a real query", async () => {
    globalThis.__idesluss_database = Promise.resolve(handle);
    const response = await loader();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: testDatabaseKind() });
  });

  it("answers 503 when the database does not answer", async () => {
    const broken: DatabaseHandle = { ...handle, db: handle.db.withPlugin({
      transformQuery: () => { throw new Error("connection refused"); },
      transformResult: async (args) => args.result,
    }) };
    globalThis.__idesluss_database = Promise.resolve(broken);
    const response = await loader();
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: "error" });
  });
});
