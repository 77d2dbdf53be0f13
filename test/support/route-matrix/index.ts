import { adminRoutes } from "./admin";
import { coreRoutes } from "./core";
import { followRoutes } from "./ideas-follow";
import { submitRoutes } from "./ideas-submit";
import { inboxRoutes } from "./inbox";
import { ssoRoutes } from "./sso";
import { assessmentRoutes } from "./assessment";
import { benefitsRoutes } from "./benefits";
import { businessCaseRoutes } from "./business-case";
import { gateRoutes } from "./gates";
import { pilotRoutes } from "./pilot";
import { pipelineRoutes } from "./pipeline";
import { securityRoutes } from "./security";
import { portfolioRoutes } from "./portfolio";
import { portfolioChartRoutes } from "./portfolio-charts";
import { agendaExampleRoutes } from "./agenda-examples";
import { apiExportRoutes } from "./api-exports";
import type { RouteAccess } from "./types";

// Each area of the product keeps its own list; together they must cover every file in app/routes.
export const allRouteAccess: RouteAccess[] = [
  ...coreRoutes, ...ssoRoutes, ...adminRoutes, ...submitRoutes, ...followRoutes, ...inboxRoutes,
  ...gateRoutes, ...assessmentRoutes, ...securityRoutes, ...pilotRoutes, ...pipelineRoutes,
  ...businessCaseRoutes, ...benefitsRoutes,
  ...portfolioRoutes, ...portfolioChartRoutes, ...agendaExampleRoutes, ...apiExportRoutes,
];
