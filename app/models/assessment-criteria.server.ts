import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";

type Db = Kysely<Database>;

export interface CriterionRow {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
  description: string;
  weight: number;
  guidance: string[];
  position: number;
  active: boolean;
  version: number;
}

const columns = [
  "id", "code", "name", "name_en as nameEn", "description", "weight", "guidance", "position", "active", "version",
] as const;

/**
 * The criteria in display order (position, then name). Administrators configure a handful, so the
 * list is small by nature; the limit only guards against the unexpected.
 */
export async function listCriteria(db: Db, options: { includeInactive: boolean }): Promise<CriterionRow[]> {
  let query = db.selectFrom("assessment_criteria").select(columns);
  if (!options.includeInactive) query = query.where("active", "=", true);
  return query.orderBy("position").orderBy("name").orderBy("id").limit(200).execute();
}

export async function findCriterion(db: Db, id: string): Promise<CriterionRow | undefined> {
  return db.selectFrom("assessment_criteria").select(columns).where("id", "=", id).executeTakeFirst();
}

export async function countActiveCriteria(db: Db): Promise<number> {
  const row = await db.selectFrom("assessment_criteria").select((eb) => eb.fn.countAll<string>().as("n"))
    .where("active", "=", true).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** An internal code from the Swedish name ("Nytta för invånarna" → "nytta_for_invanarna"), unique. */
export async function freeCriterionCode(db: Db, name: string): Promise<string> {
  const base = name.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z]+/g, "_").replace(/^_+|_+$/g, "").slice(0, 36).replace(/_+$/, "") || "kriterium";
  const padded = base.length >= 2 ? base : `${base}_kriterium`;
  const taken = new Set((await db.selectFrom("assessment_criteria").select("code")
    .where("code", "like", `${padded}%`).execute()).map((r) => r.code));
  if (!taken.has(padded)) return padded;
  // Codes are letters and underscores only: suffix _b, _c, … _z, then _aa, _ab …
  for (let n = 2; ; n++) {
    const code = `${padded}_${letters(n)}`;
    if (!taken.has(code)) return code;
  }
}

/** 1 → "a", 26 → "z", 27 → "aa" … */
function letters(n: number): string {
  let result = "";
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) result = String.fromCharCode(97 + ((k - 1) % 26)) + result;
  return result;
}

export interface CriterionValues {
  name: string;
  nameEn: string | null;
  description: string;
  weight: number;
  guidance: string[];
  position: number;
}

export async function insertCriterion(db: Db, values: CriterionValues & { code: string }): Promise<string> {
  const row = await db.insertInto("assessment_criteria")
    .values({
      code: values.code, name: values.name, name_en: values.nameEn, description: values.description, weight: values.weight,
      guidance: values.guidance, position: values.position,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Saves the criterion only if nobody changed it since `expectedVersion`; false when someone did. */
export async function updateCriterionIfVersion(
  db: Db, input: { id: string; expectedVersion: number; values: CriterionValues },
): Promise<boolean> {
  const { values } = input;
  const result = await db.updateTable("assessment_criteria")
    .set((eb) => ({
      name: values.name, name_en: values.nameEn, description: values.description, weight: values.weight,
      guidance: values.guidance, position: values.position, version: eb("version", "+", 1),
    }))
    .where("id", "=", input.id).where("version", "=", input.expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function setCriterionActive(db: Db, id: string, active: boolean): Promise<void> {
  await db.updateTable("assessment_criteria").set((eb) => ({ active, version: eb("version", "+", 1) }))
    .where("id", "=", id).execute();
}

/** Serialises changes to the set of criteria (so "the last active criterion" is checked reliably). */
export async function lockCriteria(db: Db): Promise<void> {
  await db.selectFrom("assessment_criteria").select("id").where("active", "=", true).forUpdate().execute();
}
