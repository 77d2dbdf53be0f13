import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { isUuid, submittedIdeaExists, supportCount } from "~/models/ideas.server";
import { supportIdea } from "~/services/submit-idea.server";
import { requirePermission } from "~/utils/auth.server";
import { getDatabase } from "~/utils/db.server";
import { ideasSv } from "~/i18n/ideas.sv";

// POST /ideas/:id/stod – "Stöd den här idén i stället". JSON for the form's fetcher; otherwise back to the idea.
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "idea.support");
  const ideaId = params.ideaId ?? "";
  const { db } = await getDatabase();
  if (!isUuid(ideaId) || !(await submittedIdeaExists(db, ideaId))) throw new Response(ideasSv.page.notFound, { status: 404 });
  await supportIdea(db, { ideaId, userId: user.id, now: new Date() });
  const wantsJson = new URL(request.url).searchParams.has("_data") || request.headers.get("Accept")?.includes("application/json");
  if (!wantsJson) return redirect(`/ideas/${ideaId}?meddelande=stodd`);
  return { supported: true, supportCount: await supportCount(db, ideaId) };
}
