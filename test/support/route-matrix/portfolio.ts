import type { Expectation, RouteAccess, Who } from "./types";

// Routes of the portfolio page, optimiser and prioritisation proposals (issue 8).
// "portfolio.view" and "portfolio.prioritise" are the styrgrupp's and administrators'; everyone else
// is refused with 403, anonymous page requests go to /login (actions answer 401). An empty save form
// is refused with 400 (nothing saved) – "allow". An unknown proposal id answers 404 – "allow".
const steeringGroup = (anonymous: Expectation): Record<Who, Expectation> => ({
  anonymous, medarbetare: "forbidden", kontaktperson: "forbidden", styrgrupp: "allow", administrator: "allow",
});
const UNKNOWN_PROPOSAL = "00000000-0000-4000-8000-000000000000";

export const portfolioRoutes: RouteAccess[] = [
  { route: "portfolio._index", path: () => "/portfolio", loader: steeringGroup("login") },
  {
    route: "portfolio.optimera", path: () => "/portfolio/optimera",
    loader: steeringGroup("login"), action: steeringGroup("unauthorized"),
  },
  { route: "portfolio.forslag._index", path: () => "/portfolio/forslag", loader: steeringGroup("login") },
  {
    route: "portfolio.forslag.$proposalId", path: () => `/portfolio/forslag/${UNKNOWN_PROPOSAL}`,
    params: () => ({ proposalId: UNKNOWN_PROPOSAL }), loader: steeringGroup("login"),
  },
  { route: "portfolio.forslag.jamfor", path: () => "/portfolio/forslag/jamfor", loader: steeringGroup("login") },
];
