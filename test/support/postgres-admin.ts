import pg from "pg";

export function databaseUrlFor(baseUrl: string, database: string): string {
  const url = new URL(baseUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** A plain pg client on TEST_DATABASE_URL, for creating and dropping per-test databases. */
export async function adminConnection(baseUrl: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  return client;
}
