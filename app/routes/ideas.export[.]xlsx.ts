import type { LoaderFunctionArgs } from "@remix-run/node";
import { ideaExport } from "~/services/exports.server";
import { requirePermission } from "~/utils/auth.server";
import { getDatabase } from "~/utils/db.server";

// GET /ideas/export.xlsx: the idea list as /ideas shows it (same URL filters), for Excel. Submitter
// names are not exported (the list does not show them either).
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "idea.export");
  const { db } = await getDatabase();
  return ideaExport(db, request, "xlsx");
}
