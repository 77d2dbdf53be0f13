import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../db/schema";

// The shape shared by the admin use-cases (users, units): one transaction per change, and a refusal
// the route turns into a 400 (or 404) with Swedish messages instead of an exception.

/** Who makes the change and when: goes into the audit row. */
export interface AdminActor {
  actorId: string;
  ipAddress: string | null;
  now: Date;
}

export type FieldMessages = Partial<Record<string, string>>;

export type AdminRefusal = { ok: false; status: 400 | 404; formError?: string; fieldErrors?: FieldMessages };
export type AdminResult<T = Record<never, never>> = ({ ok: true } & T) | AdminRefusal;

/** Thrown inside the transaction to roll it back and answer with this refusal. */
export class Refused extends Error {
  constructor(readonly refusal: AdminRefusal) {
    super(refusal.formError ?? Object.values(refusal.fieldErrors ?? {}).join(" "));
  }
}

export const refuseField = (field: string, message: string) => new Refused({ ok: false, status: 400, fieldErrors: { [field]: message } });
export const refuseForm = (message: string) => new Refused({ ok: false, status: 400, formError: message });
export const notFound = (message: string) => new Refused({ ok: false, status: 404, formError: message });

/**
 * Runs `work` in a transaction. A `Refused` rolls back and becomes the result; `translate` may turn a
 * database error (a unique index, a foreign key) into a refusal; anything else is a real error.
 */
export async function inTransaction<T extends object>(
  db: Kysely<Database>,
  work: (trx: Transaction<Database>) => Promise<T>,
  translate?: (error: unknown) => AdminRefusal | null,
): Promise<AdminResult<T>> {
  try {
    const value = await db.transaction().execute(work);
    return { ok: true, ...value };
  } catch (error) {
    if (error instanceof Refused) return error.refusal;
    const refusal = translate?.(error);
    if (refusal) return refusal;
    throw error;
  }
}
