// What the measured requests need, made before the app starts (PGlite allows one process at a time):
// session cookies for the demo accounts, an API token, and the ids and words the URLs use.
import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/schema";
import { createSession } from "../../app/models/session.server";
import { createApiToken } from "../../app/services/api-tokens.server";
import { getCookies } from "../../app/utils/session-cookie.server";
import { log } from "./log";

type Db = Kysely<Database>;

export const BENCH_ACCOUNTS = {
  employee: "medarbetare@idesluss.test",
  contact: "kontaktperson@idesluss.test",
  steering: "styrgrupp@idesluss.test",
} as const;
export type BenchAccount = keyof typeof BENCH_ACCOUNTS;

/** A word from the synthetic titles that matches a realistic share of the ideas. */
export const SEARCH_WORD = "bokning";

export interface BenchFixtures {
  /** Cookie header per account. */
  cookies: Record<BenchAccount, string>;
  /** The employee's raw session token: the baseline server resolves its user once from it. */
  employeeSessionToken: string;
  apiToken: string;
  ideaId: string;
  ideaReference: string;
  searchWord: string;
}

/** A session as a sign-in would make it (the approach of test/support/sessions.ts). */
async function createBenchSession(db: Db, email: string): Promise<{ token: string; cookie: string }> {
  const user = await db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow();
  const token = await createSession(db, {
    userId: user.id, now: new Date(), timeouts: { idleMinutes: 480, absoluteHours: 168 }, ipAddress: null, userAgent: null,
  });
  const setCookie = await getCookies().session.serialize(token);
  return { token, cookie: setCookie.split(";")[0]! };
}

/** The submitted idea with business-case lines and the longest history (gate decisions, then events). */
async function ideaWithFullHistory(db: Db): Promise<{ id: string; reference: string; title: string }> {
  const { rows } = await sql<{ id: string; reference: string; title: string; decisions: unknown; events: unknown }>`
    select i.id, i.reference, i.title,
           (select count(*) from gate_decisions d where d.idea_id = i.id) as decisions,
           (select count(*) from idea_events e where e.idea_id = i.id) as events
    from ideas i
    where i.submitted_at is not null and i.merged_into_id is null
      and exists (select 1 from business_case_lines l where l.idea_id = i.id)
    order by decisions desc, events desc, i.id
    limit 1`.execute(db);
  const idea = rows[0];
  if (!idea) throw new Error("Ingen inskickad idé med nyttokalkyl finns i databasen.");
  log(`Idésidan mäts på ${idea.reference} ”${idea.title}” (${Number(idea.decisions)} grindbeslut, ${Number(idea.events)} händelser).`);
  return idea;
}

export async function createBenchFixtures(db: Db): Promise<BenchFixtures> {
  const employee = await createBenchSession(db, BENCH_ACCOUNTS.employee);
  const contact = await createBenchSession(db, BENCH_ACCOUNTS.contact);
  const steering = await createBenchSession(db, BENCH_ACCOUNTS.steering);
  const token = await createApiToken(db, { actorId: null, email: BENCH_ACCOUNTS.steering, label: "Benchmark (npm run bench)" });
  if (!token.ok) throw new Error(`API-nyckeln kunde inte skapas: ${Object.values(token.fieldErrors).join(" ")}`);
  const idea = await ideaWithFullHistory(db);
  return {
    cookies: { employee: employee.cookie, contact: contact.cookie, steering: steering.cookie },
    employeeSessionToken: employee.token,
    apiToken: token.token,
    ideaId: idea.id,
    ideaReference: idea.reference,
    searchWord: SEARCH_WORD,
  };
}
