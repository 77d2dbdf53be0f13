import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openMemoryPGlite } from "../../db/database";
import { migrateToLatest } from "../../db/migrator";

/** Migrates one PGlite once and dumps it; every test file then starts from a copy of the dump. */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), "idesluss-pglite-template-"));
  const handle = await openMemoryPGlite();
  await migrateToLatest(handle.db);
  const dump = await handle.pglite.dumpDataDir("none");
  await handle.close();
  const file = path.join(dir, "migrated.tar");
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("pgliteTemplateFile", file);
  return () => rmSync(dir, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplateFile: string;
    postgresTemplateDatabase: string;
  }
}
