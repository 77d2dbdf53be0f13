import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";

/** Days an idea may wait in "inskickad" before the inbox flags it as overdue (default 14). */
export async function getInboxOverdueDays(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom("app_settings").select("value").where("key", "=", "inbox_overdue_days").executeTakeFirst();
  const value = Number(row?.value);
  return Number.isInteger(value) && value >= 1 && value <= 365 ? value : 14;
}

export async function setInboxOverdueDays(db: Kysely<Database>, days: number, updatedBy: string): Promise<void> {
  await db
    .insertInto("app_settings")
    .values({ key: "inbox_overdue_days", value: JSON.stringify(days), updated_by: updatedBy })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value: JSON.stringify(days), updated_by: updatedBy, updated_at: new Date() }))
    .execute();
}

/** Defaults for a new business case, set by administrators (issue 7). */
export interface BusinessCaseDefaults {
  horizonYears: number;
  /** A fraction, e.g. 0.03. */
  discountRate: number;
  /** Whole kronor per hour. */
  hourlyCost: number;
}

export const BUSINESS_CASE_DEFAULT_KEYS = {
  horizonYears: "business_case_horizon_years",
  discountRate: "business_case_discount_rate",
  hourlyCost: "business_case_hourly_cost",
} as const;

export async function getBusinessCaseDefaults(db: Kysely<Database>): Promise<BusinessCaseDefaults> {
  const rows = await db.selectFrom("app_settings").select(["key", "value"])
    .where("key", "in", Object.values(BUSINESS_CASE_DEFAULT_KEYS)).execute();
  const raw = (key: string) => Number(rows.find((row) => row.key === key)?.value);
  const horizon = raw(BUSINESS_CASE_DEFAULT_KEYS.horizonYears);
  const rate = raw(BUSINESS_CASE_DEFAULT_KEYS.discountRate);
  const hourly = raw(BUSINESS_CASE_DEFAULT_KEYS.hourlyCost);
  return {
    horizonYears: Number.isInteger(horizon) && horizon >= 1 && horizon <= 15 ? horizon : 5,
    discountRate: Number.isFinite(rate) && rate >= 0 && rate <= 0.2 ? rate : 0.03,
    hourlyCost: Number.isInteger(hourly) && hourly >= 1 && hourly <= 5000 ? hourly : 450,
  };
}

export async function setBusinessCaseDefaults(db: Kysely<Database>, defaults: BusinessCaseDefaults, updatedBy: string): Promise<void> {
  for (const [field, key] of Object.entries(BUSINESS_CASE_DEFAULT_KEYS) as [keyof BusinessCaseDefaults, string][]) {
    const value = JSON.stringify(defaults[field]);
    await db.insertInto("app_settings").values({ key, value, updated_by: updatedBy })
      .onConflict((oc) => oc.column("key").doUpdateSet({ value, updated_by: updatedBy, updated_at: new Date() }))
      .execute();
  }
}
