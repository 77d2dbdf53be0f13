import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { Actor } from "~/domain/permissions";
import type { Role } from "~/domain/vocabulary";
import type { FieldErrors } from "~/components/forms";
import { findApiTokenByHash, insertApiToken, revokeApiTokenRow, touchApiToken } from "~/models/api-tokens.server";
import { accessOf, hashToken } from "~/models/session.server";
import { writeAudit } from "~/models/audit-log.server";
import { exportsSv } from "~/i18n/exports.sv";

// Issuing, revoking and checking the bearer tokens of /api/v1 (docs/decisions/0013-exports-and-api.md).
// A token is "idl_" + 32 random bytes in base64url. Only its SHA-256 (hex) and the first 12
// characters (for lists) are stored; the token is returned once and never logged or audited.

type Db = Kysely<Database>;

export const API_TOKEN_PREFIX = "idl_";
const DISPLAY_PREFIX_LENGTH = 12;
const TOKEN_PATTERN = /^idl_[A-Za-z0-9_-]{43}$/;

/** Stored instead of the token: its SHA-256, as for session tokens. */
export const hashApiToken = hashToken;

export function generateApiToken(): { token: string; hash: string; prefix: string } {
  const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { token, hash: hashApiToken(token), prefix: token.slice(0, DISPLAY_PREFIX_LENGTH) };
}

export type CreateApiTokenResult =
  | { ok: true; id: string; token: string; prefix: string; userName: string }
  | { ok: false; fieldErrors: FieldErrors };

/** Issues a token for the active user with this e-mail. The token is in the result only. */
export async function createApiToken(
  db: Db, input: { actorId: string | null; email: string; label: string; ipAddress?: string | null },
): Promise<CreateApiTokenResult> {
  return db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom("users").select(["id", "name", "active"])
      .where((eb) => eb(eb.fn("lower", ["email"]), "=", input.email.trim().toLowerCase())).executeTakeFirst();
    if (!user) return { ok: false as const, fieldErrors: { email: exportsSv.validation.personNotFound } };
    if (!user.active) return { ok: false as const, fieldErrors: { email: exportsSv.validation.personInactive } };
    const { token, hash, prefix } = generateApiToken();
    const id = await insertApiToken(trx, { userId: user.id, label: input.label.trim(), hash, prefix, createdBy: input.actorId });
    await writeAudit(trx, {
      actorId: input.actorId, action: "api_token.created", entityType: "api_token", entityId: id,
      details: { userId: user.id, label: input.label.trim(), prefix }, ipAddress: input.ipAddress ?? null,
    });
    return { ok: true as const, id, token, prefix, userName: user.name };
  });
}

/** Revokes a token that is not yet revoked; false when there is no such token. */
export async function revokeApiToken(
  db: Db, input: { actorId: string | null; tokenId: string; ipAddress?: string | null; now?: Date },
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const row = await revokeApiTokenRow(trx, input.tokenId, input.actorId, input.now ?? new Date());
    if (!row) return false;
    await writeAudit(trx, {
      actorId: input.actorId, action: "api_token.revoked", entityType: "api_token", entityId: row.id,
      details: { userId: row.user_id, label: row.label, prefix: row.token_prefix }, ipAddress: input.ipAddress ?? null,
    });
    return true;
  });
}

/** The person an API request acts as: the same roles and scopes a session would give them. */
export interface ApiActor extends Actor {
  id: string;
  email: string;
  name: string;
  unitId: string | null;
  roles: Role[];
  scopeUnitIds: string[];
  tokenId: string;
}

/** The bearer token of the request, or null. Cookies are never looked at. */
export function bearerTokenOf(request: Request): string | null {
  const header = request.headers.get("Authorization");
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match ? match[1]! : null;
}

/**
 * The token's user, or null for a missing, malformed, unknown or revoked token or an inactive user.
 * Only the Authorization header counts: a session cookie never authenticates the API.
 */
export async function authenticateApiRequest(db: Db, request: Request, now = new Date()): Promise<ApiActor | null> {
  const token = bearerTokenOf(request);
  if (!token || !TOKEN_PATTERN.test(token)) return null;
  const row = await findApiTokenByHash(db, hashApiToken(token));
  if (!row || row.revoked_at !== null || !row.active) return null;
  const access = await accessOf(db, row.user_id);
  if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > 60_000) await touchApiToken(db, row.id, now);
  return {
    id: row.user_id, email: row.email, name: row.name, unitId: row.unit_id, tokenId: row.id, ...access,
  };
}

// ---------------------------------------------------------------- API answers

const JSON_HEADERS = { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" };

export function apiJson(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...headers } });
}

/** 405 for anything but GET (the API is read-only). */
export const apiMethodNotAllowed = () =>
  apiJson({ error: "API:et är skrivskyddat: bara GET stöds." }, 405, { Allow: "GET" });

/**
 * The API's guard: the bearer token's user allowed to take `action`, or a thrown JSON 401
 * (WWW-Authenticate: Bearer) / 403.
 */
export async function requireApiPermission(
  db: Db, request: Request, allowed: (actor: ApiActor) => boolean,
): Promise<ApiActor> {
  const hasToken = bearerTokenOf(request) !== null;
  const actor = await authenticateApiRequest(db, request);
  if (!actor) {
    throw apiJson(
      { error: hasToken ? "API-nyckeln är ogiltig eller återkallad." : "API-nyckel saknas. Skicka Authorization: Bearer <nyckel>." },
      401,
      { "WWW-Authenticate": hasToken ? 'Bearer realm="idesluss", error="invalid_token"' : 'Bearer realm="idesluss"' },
    );
  }
  if (!allowed(actor)) throw apiJson({ error: "Nyckelns person har inte behörighet till detta." }, 403);
  return actor;
}

/** Zod issues as the API's 400 answer: one message per parameter. */
export function apiBadRequest(issues: readonly { path: PropertyKey[]; message: string }[]): Response {
  const fields: Record<string, string> = {};
  for (const issue of issues) fields[String(issue.path[0] ?? "")] ??= issue.message;
  return apiJson({ error: "Ogiltiga parametrar.", fields }, 400);
}

/** Links to the previous and next page, keeping the other parameters. */
export function pageLinks(url: URL, page: number, pageCount: number) {
  const at = (p: number) => {
    const next = new URL(url);
    next.searchParams.set("page", String(p));
    return `${next.pathname}${next.search}`;
  };
  return { self: at(page), next: page < pageCount ? at(page + 1) : null, prev: page > 1 ? at(Math.min(page - 1, Math.max(pageCount, 1))) : null };
}

// ---------------------------------------------------------------- Operations (npm run token:create)

export const TOKEN_CLI_USAGE = "Användning: npm run token:create -- <e-postadress> <beskrivning>";

/** The CLI's arguments (e-mail, then the label — the rest of the words), or a Swedish message. */
export function parseTokenCliArgs(argv: readonly string[]): { ok: true; email: string; label: string } | { ok: false; message: string } {
  const [email, ...labelWords] = argv;
  const label = labelWords.join(" ").trim();
  if (!email || !label) return { ok: false, message: `Ange e-postadress och beskrivning. ${TOKEN_CLI_USAGE}` };
  if (label.length > 100) return { ok: false, message: exportsSv.validation.labelTooLong };
  return { ok: true, email: email.trim().toLowerCase(), label };
}

/** What the CLI does once the database is open: a token (for stdout) or a Swedish message (exit 1). */
export async function createApiTokenFromCli(db: Db, argv: readonly string[]): Promise<{ ok: true; token: string } | { ok: false; message: string }> {
  const args = parseTokenCliArgs(argv);
  if (!args.ok) return args;
  const result = await createApiToken(db, { actorId: null, email: args.email, label: args.label });
  if (!result.ok) return { ok: false, message: `${Object.values(result.fieldErrors).join(" ")} (${args.email})` };
  return { ok: true, token: result.token };
}
