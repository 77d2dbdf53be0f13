import { type LoaderFunctionArgs } from "@remix-run/node";
import { findSimilarIdeas } from "~/models/ideas.server";
import { requireUser } from "~/utils/auth.server";
import { getDatabase } from "~/utils/db.server";

// GET /ideas/liknande?title=…&problem=… → the five closest submitted ideas, for the form's live list.
const MAX_TITLE = 200;
const MAX_PROBLEM = 500;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const search = new URL(request.url).searchParams;
  const title = (search.get("title") ?? "").trim().slice(0, MAX_TITLE);
  const problem = (search.get("problem") ?? "").trim().slice(0, MAX_PROBLEM);
  const { db } = await getDatabase();
  const ideas = await findSimilarIdeas(db, { title, problem, limit: 5 });
  return Response.json({ ideas }, { headers: { "Cache-Control": "private, no-store" } });
}
