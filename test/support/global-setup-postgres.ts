import type { TestProject } from "vitest/node";
import { openPostgres } from "../../db/database";
import { migrateToLatest } from "../../db/migrator";
import { adminConnection, databaseUrlFor } from "./postgres-admin";

/** Migrates a template database once; every test file gets `CREATE DATABASE … TEMPLATE` of it. */
export default async function setup(project: TestProject) {
  const baseUrl = process.env.TEST_DATABASE_URL!;
  const template = `idesluss_template_${process.pid}`;
  const admin = await adminConnection(baseUrl);
  await admin.query(`drop database if exists ${template}`);
  await admin.query(`create database ${template}`);
  const handle = await openPostgres(databaseUrlFor(baseUrl, template), { poolSize: 2 });
  await migrateToLatest(handle.db);
  await handle.close();
  project.provide("postgresTemplateDatabase", template);
  return async () => {
    await admin.query(`drop database if exists ${template}`);
    await admin.end();
  };
}
