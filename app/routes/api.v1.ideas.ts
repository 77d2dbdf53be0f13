import type { LoaderFunctionArgs } from "@remix-run/node";
import type { z } from "zod";
import { can } from "~/domain/permissions";
import type { ClosingOutcome, FocusArea, IdeaKind } from "~/domain/vocabulary";
import { searchIdeas } from "~/models/idea-queries.server";
import { type apiIdeaSchema, apiIdeasQuerySchema, type apiIdeasResponseSchema } from "~/schemas/api";
import { apiBadRequest, apiJson, apiMethodNotAllowed, pageLinks, requireApiPermission } from "~/services/api-tokens.server";
import { getDatabase } from "~/utils/db.server";

// GET /api/v1/ideas: the submitted ideas as /ideas lists them (same search), for the token's user.
// Submitter names are not part of the API. Bearer token only; see /api/v1/openapi.json.

export async function loader({ request }: LoaderFunctionArgs) {
  const { db } = await getDatabase();
  await requireApiPermission(db, request, (actor) => can(actor, "idea.view"));
  const url = new URL(request.url);
  const parsed = apiIdeasQuerySchema.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) return apiBadRequest(parsed.error.issues);
  const p = parsed.data;
  const { rows, total } = await searchIdeas(db, {
    q: p.q ?? "", stage: p.stage ?? null, kind: null, unitId: p.unit ?? null, focusArea: p.focusArea ?? null,
    sort: "nyast", page: p.page, pageSize: p.pageSize,
  });
  // The list query has what /ideas shows; the API adds a few columns of the same ideas.
  const extra = rows.length === 0 ? [] : await db.selectFrom("ideas")
    .select(["id", "kind", "outcome", "unit_id", "focus_areas", "stage_changed_at"])
    .where("id", "in", rows.map((r) => r.id)).execute();
  const byId = new Map(extra.map((r) => [r.id, r]));
  const pageCount = Math.ceil(total / p.pageSize);
  const body: z.input<typeof apiIdeasResponseSchema> = {
    data: rows.map((r): z.input<typeof apiIdeaSchema> => {
      const more = byId.get(r.id)!;
      return {
        id: r.id, reference: r.reference, title: r.title, kind: more.kind as IdeaKind, stage: r.stage,
        outcome: more.outcome as ClosingOutcome | null, unit: { id: more.unit_id, name: r.unitName },
        focusAreas: more.focus_areas as FocusArea[], supportCount: r.supportCount, merged: r.merged,
        submittedAt: r.submittedAt.toISOString(), stageChangedAt: more.stage_changed_at.toISOString(),
        links: { html: `/ideas/${r.id}` },
      };
    }),
    page: p.page, pageSize: p.pageSize, total, pageCount, links: pageLinks(url, p.page, pageCount),
  };
  return apiJson(body);
}

export const action = () => apiMethodNotAllowed();
