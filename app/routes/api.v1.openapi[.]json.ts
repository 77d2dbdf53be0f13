import { z } from "zod";
import {
  apiErrorSchema, apiIdeasQuerySchema, apiIdeasResponseSchema, apiPortfolioQuerySchema, apiPortfolioResponseSchema,
} from "~/schemas/api";
import { apiJson, apiMethodNotAllowed } from "~/services/api-tokens.server";

// GET /api/v1/openapi.json: the OpenAPI 3.1 description of the read-only API, generated from the
// zod schemas the endpoints validate with (app/schemas/api.ts). Public: it holds no data.

const schemaOf = (schema: z.ZodType, io: "input" | "output") => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Record<string, unknown>;
  return rest;
};

function parametersOf(schema: z.ZodObject) {
  return Object.entries(schema.shape).map(([name, field]) => {
    const json = schemaOf(field as z.ZodType, "input");
    const { description, ...fieldSchema } = json;
    return { name, in: "query", required: false, ...(description ? { description } : {}), schema: fieldSchema };
  });
}

const errorResponse = (description: string) => ({
  description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});

function operation(summary: string, query: z.ZodObject, response: string, forbidden: boolean) {
  return {
    summary,
    security: [{ bearerAuth: [] }],
    parameters: parametersOf(query),
    responses: {
      200: { description: "OK", content: { "application/json": { schema: { $ref: `#/components/schemas/${response}` } } } },
      400: errorResponse("Ogiltiga parametrar (fel per parameter i fields)."),
      401: errorResponse("API-nyckel saknas, är ogiltig eller återkallad (WWW-Authenticate: Bearer)."),
      ...(forbidden ? { 403: errorResponse("Nyckelns person saknar behörighet.") } : {}),
      405: errorResponse("Bara GET stöds."),
    },
  };
}

export function openApiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "Idéslussen – läs-API",
      version: "1.0.0",
      description: "Skrivskyddat API för idéer och portfölj. Nycklar utfärdas av administratör (/admin/api-nycklar).",
    },
    servers: [{ url: "/" }],
    paths: {
      "/api/v1/ideas": { get: operation("Idéer (som listan /ideas)", apiIdeasQuerySchema, "IdeasResponse", false) },
      "/api/v1/portfolio": { get: operation("Portföljens summor och nyckeltal", apiPortfolioQuerySchema, "PortfolioResponse", true) },
    },
    components: {
      securitySchemes: { bearerAuth: { type: "http", scheme: "bearer", description: "API-nyckel som börjar med idl_." } },
      schemas: {
        IdeasResponse: schemaOf(apiIdeasResponseSchema, "output"),
        PortfolioResponse: schemaOf(apiPortfolioResponseSchema, "output"),
        Error: schemaOf(apiErrorSchema, "output"),
      },
    },
  };
}

export const loader = () => apiJson(openApiDocument(), 200, { "Cache-Control": "public, max-age=300" });
export const action = () => apiMethodNotAllowed();
