import type { Kysely } from "kysely";
import type { BusinessCaseSnapshot, Database } from "../../db/schema";
import { stockholmYear } from "~/domain/stockholm-year";
import {
  type BusinessCaseInput, type BusinessCaseResult, DEFAULT_SCENARIOS, resizeAmounts, evaluateBusinessCase, evaluateScenarios, type ScenarioName,
  type ScenarioMultipliers,
} from "~/domain/business-case";
import { type Actor, can, type IdeaResource } from "~/domain/permissions";
import {
  BUSINESS_CASE_DEFAULT_KEYS, type BusinessCaseDefaults, getBusinessCaseDefaults, setBusinessCaseDefaults,
} from "~/models/app-settings.server";
import { writeAudit } from "~/models/audit-log.server";
import {
  type BusinessCaseVersionEntry, type BusinessCaseView, countActiveUnits, findBusinessCase, findBusinessCaseVersion,
  insertBusinessCase, insertBusinessCaseVersion, latestBusinessCaseVersion, listBusinessCaseVersions, lockBusinessCase,
  replaceBusinessCaseLines, unitNamesOf, updateBusinessCaseIfVersion,
} from "~/models/business-cases.server";
import { recordIdeaEvent } from "~/models/idea-events.server";
import { groupUnits, listSelectableUnits, type UnitGroup } from "~/models/selectable-unit.server";
import { unitPathOf } from "~/models/unit-path.server";
import type { BusinessCaseContent } from "~/schemas/business-case";

type Db = Kysely<Database>;

export type { BusinessCaseView };

/** The case's figures: the result as entered and the three scenarios with the case's multipliers. */
export interface BusinessCaseFigures {
  /** The case as the maths reads it (the charts split costs and savings by kind from it). */
  input: BusinessCaseInput;
  result: BusinessCaseResult;
  scenarios: ReturnType<typeof evaluateScenarios>;
  multipliers: Record<ScenarioName, ScenarioMultipliers>;
}

export function scenariosOf(view: Pick<BusinessCaseView, "scenarios">): Record<ScenarioName, ScenarioMultipliers> {
  return { low: view.scenarios.low, expected: DEFAULT_SCENARIOS.expected, high: view.scenarios.high };
}

export function inputOf(view: Pick<BusinessCaseView, "horizonYears" | "discountRate" | "hourlyCost" | "lines">): BusinessCaseInput {
  return {
    horizonYears: view.horizonYears, discountRate: view.discountRate, hourlyCost: view.hourlyCost,
    // The database does not tie the number of amounts to the horizon; a row written outside the editor
    // (an import, an old version) is read as the editor would show it: padded with zeros or trimmed.
    lines: view.lines.map((line) => ({ kind: line.kind, unitId: line.unitId, amounts: resizeAmounts(line.amounts, view.horizonYears).amounts })),
  };
}

export function figuresOf(view: BusinessCaseView): BusinessCaseFigures {
  const input = inputOf(view);
  const multipliers = scenariosOf(view);
  return { input, result: evaluateBusinessCase(input), scenarios: evaluateScenarios(input, multipliers), multipliers };
}

/** A new, empty case from the administrators' defaults (version 0: not saved). */
export async function newBusinessCase(db: Db, now: Date): Promise<BusinessCaseView> {
  const defaults = await getBusinessCaseDefaults(db);
  return {
    version: 0, ...defaults, startYear: stockholmYear(now),
    nonMonetaryBenefits: "",
    scenarios: { low: { ...DEFAULT_SCENARIOS.low }, high: { ...DEFAULT_SCENARIOS.high } },
    lines: [],
  };
}

export interface BusinessCasePage {
  /** The current case, or a new one from the defaults (version 0). */
  current: BusinessCaseView;
  /** The version shown read-only (?version=N), or null for the current case. */
  shown: BusinessCaseView | null;
  figures: BusinessCaseFigures | null;
  unitNames: Record<string, string>;
  versions: BusinessCaseVersionEntry[];
  unitGroups: UnitGroup[];
  mayEdit: boolean;
  closed: boolean;
}

/** Everything the page shows; `version` asks for a saved version (undefined if it does not exist). */
export async function businessCasePageFor(db: Db, input: {
  actor: Actor; resource: IdeaResource; idea: { id: string; stage: string; merged: boolean }; version: number | null; now: Date;
}): Promise<BusinessCasePage | undefined> {
  const saved = await findBusinessCase(db, input.idea.id);
  const current = saved ?? await newBusinessCase(db, input.now);
  let shown: BusinessCaseView | null = null;
  if (input.version !== null) {
    shown = await findBusinessCaseVersion(db, input.idea.id, input.version);
    if (!shown) return undefined;
  }
  const viewed = shown ?? (saved ? current : null);
  const closed = input.idea.stage === "avslutad" || input.idea.merged;
  const mayEdit = can(input.actor, "idea.edit_business_case", input.resource) && !closed;
  const unitIds = [...current.lines, ...(shown?.lines ?? [])].map((line) => line.unitId);
  return {
    current,
    shown,
    figures: viewed && viewed.lines.length > 0 ? figuresOf(viewed) : null,
    unitNames: await unitNamesOf(db, unitIds),
    versions: await listBusinessCaseVersions(db, input.idea.id),
    unitGroups: mayEdit && !shown ? groupUnits(await listSelectableUnits(db)) : [],
    mayEdit,
    closed,
  };
}

export type SaveBusinessCaseResult =
  | { ok: true; changed: boolean; version: number }
  | { ok: false; reason: "not_found" | "not_allowed" | "closed" | "conflict" | "unit_invalid" };

const snapshotOf = (content: BusinessCaseContent): BusinessCaseSnapshot => ({
  horizonYears: content.horizonYears, discountRate: content.discountRate, hourlyCost: content.hourlyCost,
  startYear: content.startYear, nonMonetaryBenefits: content.nonMonetaryBenefits, scenarios: content.scenarios,
  lines: content.lines.map((line) => ({ ...line })),
});

const sameContent = (a: BusinessCaseSnapshot, b: BusinessCaseSnapshot) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Saves the idea's business case as a new version if nobody saved it since `expectedVersion` (0 = no
 * case yet): the case row, its lines, a snapshot in business_case_versions, one timeline event and the
 * audit row, in one transaction. Saving an unchanged case writes nothing.
 */
export async function saveBusinessCase(db: Db, input: {
  actor: Actor; ideaId: string; expectedVersion: number; content: BusinessCaseContent; now: Date; ipAddress: string | null;
}): Promise<SaveBusinessCaseResult> {
  return db.transaction().execute(async (trx): Promise<SaveBusinessCaseResult> => {
    // Share-locked: a gate decision (which locks the idea for update) waits, so it names the version saved here.
    const idea = await trx.selectFrom("ideas")
      .select(["id", "reference", "stage", "outcome", "unit_id", "submitter_id", "owner_id", "submitted_at", "merged_into_id"])
      .where("id", "=", input.ideaId).forShare().executeTakeFirst();
    if (!idea || idea.submitted_at === null) return { ok: false, reason: "not_found" };
    const resource: IdeaResource = {
      unitPath: await unitPathOf(trx, idea.unit_id), submitterId: idea.submitter_id, stage: idea.stage, outcome: idea.outcome,
      ownerId: idea.owner_id,
    };
    if (!can(input.actor, "idea.edit_business_case", resource)) return { ok: false, reason: "not_allowed" };
    if (idea.stage === "avslutad" || idea.merged_into_id !== null) return { ok: false, reason: "closed" };
    const locked = await lockBusinessCase(trx, idea.id);
    if ((locked?.version ?? 0) !== input.expectedVersion) return { ok: false, reason: "conflict" };

    const snapshot = snapshotOf(input.content);
    const current = locked ? await findBusinessCase(trx, idea.id) : null;
    if (current) {
      const { version: _version, ...before } = current;
      if (sameContent(before, snapshot)) return { ok: true, changed: false, version: current.version };
    }
    // A unit already in the case that has since been deactivated may stay; every other must be active.
    const kept = new Set(current?.lines.map((line) => line.unitId) ?? []);
    const added = [...new Set(snapshot.lines.map((line) => line.unitId).filter((id) => !kept.has(id)))];
    if ((await countActiveUnits(trx, added)) !== added.length) return { ok: false, reason: "unit_invalid" };

    let version: number;
    if (!locked) {
      if (!(await insertBusinessCase(trx, idea.id, snapshot, input.actor.id))) return { ok: false, reason: "conflict" };
      version = 1;
    } else {
      const updated = await updateBusinessCaseIfVersion(trx, idea.id, input.expectedVersion, snapshot, input.actor.id);
      if (updated === null) throw new Error(`Business case of ${idea.id} changed under its lock`);
      version = updated;
    }
    // Versions are append-only: a case saved before versioning may lag behind; never reuse a number.
    const latest = await latestBusinessCaseVersion(trx, idea.id);
    if (latest >= version) {
      version = latest + 1;
      await trx.updateTable("business_cases").set({ version }).where("idea_id", "=", idea.id).execute();
    }
    await replaceBusinessCaseLines(trx, idea.id, snapshot.lines);
    await insertBusinessCaseVersion(trx, { ideaId: idea.id, version, snapshot, savedBy: input.actor.id, savedAt: input.now });
    await recordIdeaEvent(trx, {
      ideaId: idea.id, kind: "business_case_saved", actorId: input.actor.id, at: input.now, payload: { version },
    });
    await writeAudit(trx, {
      actorId: input.actor.id, action: "business_case.saved", entityType: "idea", entityId: idea.id, ipAddress: input.ipAddress,
      details: { reference: idea.reference, version, lines: snapshot.lines.length, horizonYears: snapshot.horizonYears },
    });
    return { ok: true, changed: true, version };
  });
}

export interface BusinessCaseSummary {
  version: number;
  npv: number;
  financialNpv: number;
  paybackMonths: number | null;
  selfFinancing: boolean;
}

/** Key figures for the idea page's card from the current case; null when there is no case with lines. */
export function businessCaseSummaryOf(current: BusinessCaseView | null): BusinessCaseSummary | null {
  if (!current || current.lines.length === 0) return null;
  // The card shows the case as entered; the scenarios figuresOf also computes are not needed here.
  const result = evaluateBusinessCase(inputOf(current));
  return {
    version: current.version, npv: result.npv, financialNpv: result.financialNpv, paybackMonths: result.paybackMonths,
    selfFinancing: result.selfFinancing,
  };
}

/** Saves the administrators' defaults for new cases and audits each changed key; nothing when unchanged. */
export async function updateBusinessCaseDefaults(db: Db, input: {
  actorId: string; defaults: BusinessCaseDefaults; ipAddress: string | null;
}): Promise<{ changed: boolean }> {
  return db.transaction().execute(async (trx) => {
    const before = await getBusinessCaseDefaults(trx);
    const changedKeys = (Object.keys(BUSINESS_CASE_DEFAULT_KEYS) as (keyof BusinessCaseDefaults)[])
      .filter((field) => before[field] !== input.defaults[field]);
    if (changedKeys.length === 0) return { changed: false };
    await setBusinessCaseDefaults(trx, input.defaults, input.actorId);
    for (const field of changedKeys) {
      const key = BUSINESS_CASE_DEFAULT_KEYS[field];
      await writeAudit(trx, {
        actorId: input.actorId, action: "settings.changed", entityType: "app_setting", entityId: key,
        details: { key, before: before[field], after: input.defaults[field] }, ipAddress: input.ipAddress,
      });
    }
    return { changed: true };
  });
}
