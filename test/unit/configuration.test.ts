import { describe, expect, it } from "vitest";
import { describePostgresUrl, parseInt8, parseNumeric } from "../../db/database";
import { parseEnv } from "../../app/utils/env.server";

describe("parseEnv", () => {
  it("uses the embedded database by default", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PGLITE_DIR).toBe("./data/pglite");
    expect(env.DATABASE_POOL_SIZE).toBe(10);
  });

  it("treats an empty DATABASE_URL as unset", () => {
    expect(parseEnv({ DATABASE_URL: "  " }).DATABASE_URL).toBeUndefined();
  });

  it("accepts a PostgreSQL URL and a pool size", () => {
    const env = parseEnv({ DATABASE_URL: "postgres://u:p@db:5433/idesluss", DATABASE_POOL_SIZE: "25" });
    expect(env.DATABASE_URL).toBe("postgres://u:p@db:5433/idesluss");
    expect(env.DATABASE_POOL_SIZE).toBe(25);
  });

  it("names the variable that is wrong", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://db/x" })).toThrow(/DATABASE_URL: måste börja med postgres/);
    expect(() => parseEnv({ DATABASE_POOL_SIZE: "0" })).toThrow(/DATABASE_POOL_SIZE/);
    expect(() => parseEnv({ DATABASE_POOL_SIZE: "många" })).toThrow(/DATABASE_POOL_SIZE/);
  });
});

describe("database value parsers", () => {
  it("reads int8 as a number when it fits exactly", () => {
    expect(parseInt8("0")).toBe(0);
    expect(parseInt8("-125000")).toBe(-125000);
    expect(parseInt8("9007199254740991")).toBe(Number.MAX_SAFE_INTEGER);
  });

  it("refuses int8 values a number would round", () => {
    expect(() => parseInt8("9007199254740993")).toThrow(RangeError);
  });

  it("reads numeric as a number", () => {
    expect(parseNumeric("0.0300")).toBe(0.03);
  });
});

describe("describePostgresUrl", () => {
  it("names host, port and database but never the password", () => {
    const described = describePostgresUrl("postgres://idesluss:hemligt@db.stad.se:6543/idesluss");
    expect(described).toBe("db.stad.se:6543/idesluss");
    expect(described).not.toContain("hemligt");
  });

  it("defaults the port to 5432", () => {
    expect(describePostgresUrl("postgresql://u@localhost/app")).toBe("localhost:5432/app");
  });
});
