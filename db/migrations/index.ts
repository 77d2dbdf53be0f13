import type { Migration } from "kysely";
import * as m0001 from "./0001_initial_schema";
import * as m0002 from "./0002_sessions";
import * as m0003 from "./0003_admin_indexes";
import * as m0004 from "./0004_idea_front_door";
import * as m0005 from "./0005_stage_gate_pipeline";
import * as m0006 from "./0006_business_case_versions";
import * as m0007 from "./0007_portfolio";
import * as m0008 from "./0008_accessibility_feedback";
import * as m0009 from "./0009_query_plan_indexes";
import * as m0010 from "./0010_portfolio_figures_queue";
import * as m0011 from "./0011_idea_change_stamps";

/**
 * Every migration, in order. Listed statically (not read from the folder at run time) so the same
 * list works under tsx, in the Remix server bundle and in tests.
 */
export const migrations: Record<string, Migration> = {
  "0001_initial_schema": m0001,
  "0002_sessions": m0002,
  "0003_admin_indexes": m0003,
  "0004_idea_front_door": m0004,
  "0005_stage_gate_pipeline": m0005,
  "0006_business_case_versions": m0006,
  "0007_portfolio": m0007,
  "0008_accessibility_feedback": m0008,
  "0009_query_plan_indexes": m0009,
  "0010_portfolio_figures_queue": m0010,
  "0011_idea_change_stamps": m0011,
};
