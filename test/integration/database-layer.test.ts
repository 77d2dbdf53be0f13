import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/database";
import { createTestDatabase, testDatabaseKind } from "../support/test-database";

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createTestDatabase();
  await sql`create table accounts (id integer primary key, balance bigint not null)`.execute(handle.db);
  await sql`create table journal (id serial primary key, note text not null)`.execute(handle.db);
});

afterAll(async () => {
  await handle.close();
});

const pause = () => new Promise((resolve) => setTimeout(resolve, 2));

describe(`database layer on ${testDatabaseKind()}`, () => {
  it("keeps a balance exact under 20 concurrent transfers", async () => {
    const db = handle.db as unknown as import("kysely").Kysely<any>;
    await sql`insert into accounts values (1, 1000), (2, 1000)`.execute(db);

    const transfer = () =>
      db.transaction().execute(async (trx) => {
        // Read, yield to the event loop so other transfers get a chance to interleave, then write.
        const { rows } = await sql<{ balance: number }>`select balance from accounts where id = 1 for update`.execute(trx);
        await pause();
        await sql`update accounts set balance = ${rows[0]!.balance - 10} where id = 1`.execute(trx);
        const to = await sql<{ balance: number }>`select balance from accounts where id = 2 for update`.execute(trx);
        await pause();
        await sql`update accounts set balance = ${to.rows[0]!.balance + 10} where id = 2`.execute(trx);
      });

    await Promise.all(Array.from({ length: 20 }, transfer));

    const { rows } = await sql<{ id: number; balance: number }>`select id, balance from accounts order by id`.execute(db);
    expect(rows).toEqual([{ id: 1, balance: 800 }, { id: 2, balance: 1200 }]);
  });

  it("never lets a rolled-back transaction leak into concurrent ones", async () => {
    const db = handle.db as unknown as import("kysely").Kysely<any>;
    const failing = db.transaction().execute(async (trx) => {
      await sql`insert into journal (note) values ('rolled back')`.execute(trx);
      await pause();
      throw new Error("boom");
    });
    const succeeding = Array.from({ length: 5 }, (_, i) =>
      db.transaction().execute(async (trx) => {
        await pause();
        await sql`insert into journal (note) values (${`kept ${i}`})`.execute(trx);
      }),
    );
    const plain = Array.from({ length: 5 }, (_, i) => sql`insert into journal (note) values (${`plain ${i}`})`.execute(db));

    await expect(failing).rejects.toThrow("boom");
    await Promise.all([...succeeding, ...plain]);

    const { rows } = await sql<{ note: string }>`select note from journal order by note`.execute(db);
    expect(rows.map((r) => r.note)).toEqual([
      "kept 0", "kept 1", "kept 2", "kept 3", "kept 4", "plain 0", "plain 1", "plain 2", "plain 3", "plain 4",
    ]);
  });

  it("returns int8, numeric, int8[] and timestamptz as JavaScript values", async () => {
    const { rows } = await sql<{
      big: number; total: number; rate: number; amounts: number[]; counted: number; at: Date;
    }>`select 9007199254740991::bigint as big,
              (select sum(x) from unnest(array[1500000000000, 25]::bigint[]) x) as total,
              0.0325::numeric(6,4) as rate,
              array[0, 125000, 3000000000]::bigint[] as amounts,
              (select count(*) from generate_series(1, 3)) as counted,
              '2026-03-01T10:00:00Z'::timestamptz as at`.execute(handle.db);
    expect(rows[0]).toEqual({
      big: 9007199254740991,
      total: 1500000000025,
      rate: 0.0325,
      amounts: [0, 125000, 3000000000],
      counted: 3,
      at: new Date("2026-03-01T10:00:00Z"),
    });
  });

  it("refuses an int8 that a JavaScript number cannot hold exactly instead of rounding it", async () => {
    await expect(sql`select 9007199254740993::bigint as too_big`.execute(handle.db)).rejects.toThrow(/range/);
  });

  it("supports Swedish full-text search and trigram similarity", async () => {
    const { rows } = await sql<{ matches: boolean; similarity: number }>`
      select to_tsvector('swedish', 'Digitala ansökningar om bygglov') @@ plainto_tsquery('swedish', 'ansökningarna') as matches,
             similarity('fakturahantering', 'fakturahanteringen') as similarity`.execute(handle.db);
    expect(rows[0]!.matches).toBe(true);
    expect(rows[0]!.similarity).toBeGreaterThan(0.5);
  });
});
