import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.resolve(import.meta.dirname, "..");
const alias = { "~": path.join(root, "app") };
const integrationFiles = ["test/integration/**/*.test.ts"];

// The integration suite runs on embedded PGlite always, and on a real PostgreSQL server as well
// when TEST_DATABASE_URL is set (CI sets it).
const projects = [
  {
    resolve: { alias },
    test: { name: "unit", root, include: ["app/**/*.test.ts", "db/**/*.test.ts", "test/unit/**/*.test.{ts,tsx}"] },
  },
  {
    resolve: { alias },
    test: {
      name: "integration:pglite",
      root,
      include: integrationFiles,
      globalSetup: ["test/support/global-setup-pglite.ts"],
      env: { TEST_DB_KIND: "pglite", SESSION_SECRET: "integration-tests-only-secret-0123456789abcdef" },
      testTimeout: 30_000,
      hookTimeout: 60_000,
    },
  },
  ...(process.env.TEST_DATABASE_URL
    ? [{
        resolve: { alias },
        test: {
          name: "integration:postgres",
          root,
          include: integrationFiles,
          globalSetup: ["test/support/global-setup-postgres.ts"],
          env: { TEST_DB_KIND: "postgres", SESSION_SECRET: "integration-tests-only-secret-0123456789abcdef" },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      }]
    : []),
  {
    resolve: { alias },
    test: {
      name: "e2e",
      root,
      include: ["test/e2e/**/*.test.ts"],
      testTimeout: 120_000,
      hookTimeout: 180_000,
      fileParallelism: false,
    },
  },
];

export default defineConfig({
  test: {
    projects,
    // Two cores: PGlite instances are heavy (~450 MB each), so keep parallel files modest.
    maxWorkers: 2,
    setupFiles: [],
  },
});
