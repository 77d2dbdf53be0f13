import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { writeAudit } from "~/models/audit-log.server";
import { createSession, deleteSession, type SessionTimeouts } from "~/models/session.server";
import { findUserByEmail } from "~/models/user.server";
import { hashPassword, verifyPassword } from "~/utils/password.server";

export type SignInResult =
  | { ok: true; token: string; userId: string }
  | { ok: false; reason: "invalid_credentials" | "deactivated" };

// Verifying against a real hash when the e-mail is unknown keeps the answer time the same, so the
// response does not reveal which addresses have accounts.
let decoyHash: Promise<string> | undefined;

/**
 * Checks e-mail and password; on success ends the session the browser came with (so a planted cookie
 * is never upgraded: no session fixation) and starts a new one. Every attempt is audited.
 */
export async function signInWithPassword(
  db: Kysely<Database>,
  input: {
    email: string; password: string; previousToken: string | null; now: Date; timeouts: SessionTimeouts;
    ipAddress: string | null; userAgent: string | null;
  },
): Promise<SignInResult> {
  const user = await findUserByEmail(db, input.email);
  let passwordMatches = false;
  if (user?.password_hash) {
    passwordMatches = await verifyPassword(user.password_hash, input.password);
  } else {
    await verifyPassword(await (decoyHash ??= hashPassword("decoy-password")), input.password);
  }

  if (!user || !passwordMatches) {
    await writeAudit(db, {
      actorId: user?.id ?? null, action: "auth.sign_in_failed", entityType: "user", entityId: user?.id ?? null,
      details: { email: input.email.trim().toLowerCase() }, ipAddress: input.ipAddress,
    });
    return { ok: false, reason: "invalid_credentials" };
  }
  if (!user.active) {
    await writeAudit(db, {
      actorId: user.id, action: "auth.sign_in_refused", entityType: "user", entityId: user.id,
      details: { reason: "deactivated" }, ipAddress: input.ipAddress,
    });
    return { ok: false, reason: "deactivated" };
  }
  if (input.previousToken) await deleteSession(db, input.previousToken);
  const token = await createSession(db, {
    userId: user.id, now: input.now, timeouts: input.timeouts, ipAddress: input.ipAddress, userAgent: input.userAgent,
  });
  await writeAudit(db, {
    actorId: user.id, action: "auth.sign_in", entityType: "user", entityId: user.id,
    details: { method: "password" }, ipAddress: input.ipAddress,
  });
  return { ok: true, token, userId: user.id };
}

export async function signOut(db: Kysely<Database>, token: string, ipAddress: string | null): Promise<void> {
  const userId = await deleteSession(db, token);
  if (userId) {
    await writeAudit(db, { actorId: userId, action: "auth.sign_out", entityType: "user", entityId: userId, ipAddress });
  }
}
