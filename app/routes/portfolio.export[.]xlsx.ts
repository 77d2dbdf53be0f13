import type { LoaderFunctionArgs } from "@remix-run/node";
import { portfolioExport } from "~/services/exports.server";
import { requirePermission } from "~/utils/auth.server";
import { getDatabase } from "~/utils/db.server";

// GET /portfolio/export.xlsx: the portfolio as /portfolio shows it (same URL filters), for Excel.
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "portfolio.export");
  const { db } = await getDatabase();
  return portfolioExport(db, request, "xlsx");
}
