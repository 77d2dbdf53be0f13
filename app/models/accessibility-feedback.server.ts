import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/schema";

// Reports about accessibility problems (migration 0008): sent from /tillganglighet, read and closed by
// the administrators on /admin/tillganglighet.

type Db = Kysely<Database>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type FeedbackStatus = "ny" | "hanterad";

export interface FeedbackRow {
  id: string;
  reference: string;
  pageUrl: string;
  description: string;
  contactName: string;
  contactEmail: string;
  wantsReply: boolean;
  submittedByName: string | null;
  createdAt: Date;
  status: FeedbackStatus;
  handledAt: Date | null;
  handledByName: string | null;
  handledNote: string;
}

/** "TG-2026-0001": the next number of the (never reset) sequence, with the given year. */
export async function nextFeedbackReference(db: Db, year: number): Promise<string> {
  const { rows } = await sql<{ n: string | number }>`select nextval('accessibility_feedback_reference_seq') as n`.execute(db);
  return `TG-${year}-${String(rows[0]!.n).padStart(4, "0")}`;
}

export async function insertFeedback(db: Db, values: {
  reference: string; pageUrl: string; description: string; contactName: string; contactEmail: string;
  wantsReply: boolean; submittedBy: string | null; now: Date;
}): Promise<{ id: string }> {
  return db.insertInto("accessibility_feedback").values({
    reference: values.reference,
    page_url: values.pageUrl,
    description: values.description,
    contact_name: values.contactName,
    contact_email: values.contactEmail,
    wants_reply: values.wantsReply,
    submitted_by: values.submittedBy,
    created_at: values.now,
  }).returning("id").executeTakeFirstOrThrow();
}

/**
 * One page of reports, newest first; "alla" shows the open ones before the handled ones. Filtered by
 * status the query follows the index (status, created_at desc, id desc).
 */
export async function listFeedback(db: Db, input: { status: FeedbackStatus | null; page: number; pageSize: number }) {
  let base = db.selectFrom("accessibility_feedback as f");
  if (input.status) base = base.where("f.status", "=", input.status);
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirstOrThrow();
  const rows = await base
    .leftJoin("users as s", "s.id", "f.submitted_by")
    .leftJoin("users as h", "h.id", "f.handled_by")
    .select([
      "f.id", "f.reference", "f.page_url", "f.description", "f.contact_name", "f.contact_email", "f.wants_reply",
      "s.name as submitted_by_name", "f.created_at", "f.status", "f.handled_at", "h.name as handled_by_name", "f.handled_note",
    ])
    // 'ny' sorts after 'hanterad': descending puts the open reports first.
    .orderBy("f.status", "desc").orderBy("f.created_at", "desc").orderBy("f.id", "desc")
    .limit(input.pageSize).offset((input.page - 1) * input.pageSize)
    .execute();
  return {
    total: Number(total),
    rows: rows.map((r): FeedbackRow => ({
      id: r.id, reference: r.reference, pageUrl: r.page_url, description: r.description, contactName: r.contact_name,
      contactEmail: r.contact_email, wantsReply: r.wants_reply, submittedByName: r.submitted_by_name, createdAt: r.created_at,
      status: r.status, handledAt: r.handled_at, handledByName: r.handled_by_name, handledNote: r.handled_note,
    })),
  };
}

export async function countOpenFeedback(db: Db): Promise<number> {
  const { n } = await db.selectFrom("accessibility_feedback").select((eb) => eb.fn.countAll<number>().as("n"))
    .where("status", "=", "ny").executeTakeFirstOrThrow();
  return Number(n);
}

export async function findFeedback(db: Db, id: string) {
  if (!UUID.test(id)) return undefined;
  return db.selectFrom("accessibility_feedback").select(["id", "reference", "status"]).where("id", "=", id).executeTakeFirst();
}

/** Marks an open report handled; undefined when it is missing or was already handled (no change then). */
export async function markFeedbackHandled(db: Db, input: { id: string; by: string; note: string; now: Date }) {
  if (!UUID.test(input.id)) return undefined;
  return db.updateTable("accessibility_feedback")
    .set({ status: "hanterad", handled_by: input.by, handled_at: input.now, handled_note: input.note })
    .where("id", "=", input.id).where("status", "=", "ny")
    .returning(["id", "reference"])
    .executeTakeFirst();
}
