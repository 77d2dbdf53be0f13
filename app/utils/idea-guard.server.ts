import type { Action } from "~/domain/permissions";
import { messagesFor } from "~/i18n";
import { findVisibleIdea } from "~/models/idea-page.server";
import { ideaIdSchema } from "~/schemas/idea-page";
import { requirePermission, requireUser } from "./auth.server";
import { getDatabase } from "./db.server";

/**
 * The guard of every /ideas/<id>/… work page: signed in (401/redirect), the id names a submitted idea
 * this person can see (404 otherwise – malformed ids and others' drafts alike), and `action` is
 * allowed on it (403). Returns the database, the user, the idea and its permission resource.
 */
export async function requireSubmittedIdea(request: Request, rawId: string | undefined, action: Action = "idea.view") {
  const user = await requireUser(request);
  const id = ideaIdSchema.safeParse(rawId);
  const { db } = await getDatabase();
  const found = id.success ? await findVisibleIdea(db, id.data.toLowerCase(), user.id) : undefined;
  if (!found || found.idea.submitted_at === null) throw new Response(messagesFor("sv").ideas.page.notFound, { status: 404 });
  await requirePermission(request, action, found.resource);
  return { db, user, ...found };
}
