import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { writeAudit } from "~/models/audit-log.server";
import {
  createOidcUser, findUserByEmailForOidc, findUserByOidcSubject, linkOidcSubject, type OidcUserRow, setUnitIfMissing,
} from "~/models/oidc-user.server";
import { findSelectableUnitByClaim } from "~/models/selectable-unit.server";
import { createSession, deleteSession, type SessionTimeouts } from "~/models/session.server";
import type { OidcFailureReason, OidcIdentity } from "~/utils/oidc.server";

export type OidcSignInResult =
  | { ok: true; token: string; userId: string; hasUnit: boolean }
  | { ok: false; reason: "deactivated" | "subject_mismatch" | "email_unverified" };

/**
 * The person the provider vouched for becomes a signed-in user: found by subject, else linked by
 * e-mail, else provisioned as a medarbetare. Then, like password sign-in, the session the browser
 * came with ends (no session fixation) and a new one starts. All in one transaction, all audited.
 */
export async function signInWithOidc(db: Kysely<Database>, input: OidcSignInInput): Promise<OidcSignInResult> {
  try {
    return await signInWithOidcOnce(db, input);
  } catch (error) {
    // Two first sign-ins of the same new person at once: the loser hits the unique e-mail/subject
    // index. Its transaction is rolled back; a second try finds the user the winner created.
    if ((error as { code?: string }).code === "23505") return signInWithOidcOnce(db, input);
    throw error;
  }
}

type OidcSignInInput = Parameters<typeof signInWithOidcOnce>[1];

function signInWithOidcOnce(
  db: Kysely<Database>,
  input: {
    identity: OidcIdentity & { email: string };
    previousToken: string | null;
    now: Date;
    timeouts: SessionTimeouts;
    ipAddress: string | null;
    userAgent: string | null;
  },
): Promise<OidcSignInResult> {
  const { identity, ipAddress } = input;
  return db.transaction().execute(async (trx): Promise<OidcSignInResult> => {
    const refuse = async (user: OidcUserRow): Promise<OidcSignInResult> => {
      await writeAudit(trx, {
        actorId: user.id, action: "auth.sign_in_refused", entityType: "user", entityId: user.id,
        details: { method: "oidc", reason: "deactivated" }, ipAddress,
      });
      return { ok: false, reason: "deactivated" };
    };
    const fail = async (user: OidcUserRow, reason: "subject_mismatch" | "email_unverified"): Promise<OidcSignInResult> => {
      await writeAudit(trx, {
        actorId: null, action: "auth.sign_in_failed", entityType: "user", entityId: user.id,
        details: { method: "oidc", reason, subject: identity.subject }, ipAddress,
      });
      return { ok: false, reason };
    };

    let user = await findUserByOidcSubject(trx, identity.subject);
    if (!user) {
      const byEmail = await findUserByEmailForOidc(trx, identity.email);
      if (byEmail && byEmail.oidc_subject === identity.subject) {
        // A simultaneous first sign-in of the same person committed between the two lookups: it is them.
        user = byEmail;
      } else if (byEmail) {
        if (!byEmail.active) return refuse(byEmail);
        // An account already tied to another provider identity is never taken over by e-mail alone.
        if (byEmail.oidc_subject) return fail(byEmail, "subject_mismatch");
        if (identity.emailVerified === false) return fail(byEmail, "email_unverified");
        await linkOidcSubject(trx, byEmail.id, identity.subject);
        await writeAudit(trx, {
          actorId: byEmail.id, action: "user.oidc_linked", entityType: "user", entityId: byEmail.id,
          details: { method: "oidc", subject: identity.subject }, ipAddress,
        });
        user = { ...byEmail, oidc_subject: identity.subject };
      } else {
        const unit = identity.unit ? await findSelectableUnitByClaim(trx, identity.unit) : null;
        const name = identity.name ?? identity.email.split("@")[0]!;
        const id = await createOidcUser(trx, { email: identity.email, name, subject: identity.subject, unitId: unit?.id ?? null });
        await writeAudit(trx, {
          actorId: id, action: "user.provisioned", entityType: "user", entityId: id,
          details: { method: "oidc", roles: ["medarbetare"], unitId: unit?.id ?? null, unitClaim: identity.unit },
          ipAddress,
        });
        user = { id, email: identity.email, name, unit_id: unit?.id ?? null, active: true, oidc_subject: identity.subject };
      }
    }
    if (!user.active) return refuse(user);

    let unitId = user.unit_id;
    if (!unitId && identity.unit) {
      // The claim fills an empty unit; a unit the person (or an administrator) chose is kept.
      const unit = await findSelectableUnitByClaim(trx, identity.unit);
      if (unit && (await setUnitIfMissing(trx, user.id, unit.id))) {
        unitId = unit.id;
        await writeAudit(trx, {
          actorId: user.id, action: "user.unit_chosen", entityType: "user", entityId: user.id,
          details: { unitId: unit.id, source: "oidc_claim" }, ipAddress,
        });
      }
    }

    if (input.previousToken) await deleteSession(trx, input.previousToken);
    const token = await createSession(trx, {
      userId: user.id, now: input.now, timeouts: input.timeouts, ipAddress, userAgent: input.userAgent,
    });
    await writeAudit(trx, {
      actorId: user.id, action: "auth.sign_in", entityType: "user", entityId: user.id,
      details: { method: "oidc" }, ipAddress,
    });
    return { ok: true, token, userId: user.id, hasUnit: unitId !== null };
  });
}

/** A sign-in that failed before we knew who it was (bad state, cancelled at the provider …). */
export async function recordOidcFailure(
  db: Kysely<Database>,
  input: { reason: OidcFailureReason | "missing_state"; providerError?: string | undefined; ipAddress: string | null },
): Promise<void> {
  await writeAudit(db, {
    actorId: null, action: "auth.sign_in_failed", entityType: "user", entityId: null,
    details: {
      method: "oidc", reason: input.reason,
      ...(input.providerError ? { providerError: input.providerError.slice(0, 100) } : {}),
    },
    ipAddress: input.ipAddress,
  });
}
