import { describe, expect, it } from "vitest";
import {
  type CriterionWeight, ideaAssessmentResult, isAssessmentComplete, missingCriteria, weightedScore, weightShares,
} from "./assessment-score";

// The default criteria of migration 0005: weights 25, 20, 20, 15, 10, 10 (total 100).
const criteria: CriterionWeight[] = [
  { id: "invanare", weight: 25, active: true },
  { id: "medarbetare", weight: 20, active: true },
  { id: "strategi", weight: 20, active: true },
  { id: "genomforbarhet", weight: 15, active: true },
  { id: "risk", weight: 10, active: true },
  { id: "ateranvandning", weight: 10, active: true },
];
const scored = (...values: number[]) => values.map((score, i) => ({ criterionId: criteria[i]!.id, score }));

describe("weightedScore", () => {
  it("is Σ weight·score / Σ weight over the criteria scored", () => {
    // 25·4 + 20·3 + 20·5 + 15·2 + 10·3 + 10·4 = 360; 360 / 100
    expect(weightedScore(scored(4, 3, 5, 2, 3, 4), criteria)).toBe(3.6);
    // A draft with two scores: (25·5 + 20·2) / 45 = 165 / 45 = 3.666… → 3.67
    expect(weightedScore(scored(5, 2), criteria)).toBe(3.67);
  });

  it("rounds half up on the exact fraction, where floating point would round down", () => {
    const odd: CriterionWeight[] = [{ id: "a", weight: 1, active: true }, { id: "b", weight: 99, active: true }, { id: "c", weight: 100, active: true }];
    // (1·2 + 99·1 + 100·1) / 200 = 201/200 = 1.005 exactly; Math.round(1.005 * 100) / 100 gives 1.
    expect(Math.round(1.005 * 100) / 100).toBe(1);
    expect(weightedScore([{ criterionId: "a", score: 2 }, { criterionId: "b", score: 1 }, { criterionId: "c", score: 1 }], odd)).toBe(1.01);
  });

  it("ignores a deactivated criterion, scores out of range and unknown criteria; null when nothing counts", () => {
    const withInactive = criteria.map((c) => (c.id === "invanare" ? { ...c, active: false } : c));
    // Without invånare (weight 25): (20·3 + 20·5 + 15·2 + 10·3 + 10·4) / 75 = 260 / 75 = 3.466… → 3.47
    expect(weightedScore(scored(1, 3, 5, 2, 3, 4), withInactive)).toBe(3.47);
    expect(weightedScore([...scored(4), { criterionId: "okand", score: 5 }, { criterionId: "risk", score: 7 }], criteria)).toBe(4);
    expect(weightedScore([], criteria)).toBeNull();
    expect(weightedScore(scored(3), withInactive)).toBeNull();
  });
});

describe("completeness", () => {
  it("needs every active criterion scored, and names the missing ones in order", () => {
    expect(isAssessmentComplete(scored(1, 2, 3, 4, 5, 1), criteria)).toBe(true);
    expect(isAssessmentComplete(scored(1, 2, 3, 4, 5), criteria)).toBe(false);
    expect(missingCriteria(scored(1, 2, 3), criteria)).toEqual(["genomforbarhet", "risk", "ateranvandning"]);
    expect(missingCriteria([{ criterionId: "risk", score: 0 }], criteria)).toContain("risk");
  });

  it("does not require a deactivated criterion, and nothing is complete without an active criterion", () => {
    const withoutReuse = criteria.map((c) => (c.id === "ateranvandning" ? { ...c, active: false } : c));
    expect(isAssessmentComplete(scored(1, 2, 3, 4, 5), withoutReuse)).toBe(true);
    expect(isAssessmentComplete([], criteria.map((c) => ({ ...c, active: false })))).toBe(false);
  });
});

describe("ideaAssessmentResult", () => {
  it("has no score and no spread without completed assessments", () => {
    expect(ideaAssessmentResult([], criteria)).toEqual({ assessorCount: 0, weightedScore: null, spread: null, perAssessor: [], criteria: [] });
  });

  it("has zero spread with one assessor", () => {
    const result = ideaAssessmentResult([{ assessorId: "a", scores: scored(4, 3, 5, 2, 3, 4) }], criteria);
    expect(result.assessorCount).toBe(1);
    expect(result.weightedScore).toBe(3.6);
    expect(result.spread).toEqual({ min: 3.6, max: 3.6, range: 0, standardDeviation: 0 });
    expect(result.criteria[0]).toEqual({ criterionId: "invanare", count: 1, mean: 4, min: 4, max: 4, range: 0, standardDeviation: 0 });
  });

  it("gives the mean, the spread between assessors and per criterion", () => {
    const result = ideaAssessmentResult([
      { assessorId: "a", scores: scored(4, 3, 5, 2, 3, 4) }, // 3.60
      { assessorId: "b", scores: scored(5, 5, 4, 3, 2, 3) }, // (125 + 100 + 80 + 45 + 20 + 30) / 100 = 4.00
      { assessorId: "c", scores: scored(2, 2, 2, 2, 2, 2) }, // 2.00
    ], criteria);
    expect(result.assessorCount).toBe(3);
    expect(result.perAssessor).toEqual([
      { assessorId: "a", weightedScore: 3.6 }, { assessorId: "b", weightedScore: 4 }, { assessorId: "c", weightedScore: 2 },
    ]);
    // Mean (3.6 + 4 + 2) / 3 = 3.2; deviations 0.4, 0.8, −1.2 → variance (0.16 + 0.64 + 1.44) / 3 = 0.7466… → sd 0.864…
    expect(result.weightedScore).toBe(3.2);
    expect(result.spread).toEqual({ min: 2, max: 4, range: 2, standardDeviation: 0.86 });
    // Invånare: 4, 5, 2 → mean 3.666… → 3.67; sd √((0.111 + 1.777 + 2.777) / 3) = √1.555… = 1.247… → 1.25
    expect(result.criteria.find((c) => c.criterionId === "invanare")).toEqual({
      criterionId: "invanare", count: 3, mean: 3.67, min: 2, max: 5, range: 3, standardDeviation: 1.25,
    });
  });

  it("leaves a deactivated criterion out of the score and the per-criterion table", () => {
    const withoutRisk = criteria.map((c) => (c.id === "risk" ? { ...c, active: false } : c));
    const result = ideaAssessmentResult([
      { assessorId: "a", scores: scored(4, 3, 5, 2, 1, 4) },
      { assessorId: "b", scores: scored(4, 3, 5, 2, 5, 4) },
    ], withoutRisk);
    // Risk (1 vs 5) would make them differ; without it both are (100 + 60 + 100 + 30 + 40) / 90 = 3.666… → 3.67
    expect(result.weightedScore).toBe(3.67);
    expect(result.spread?.range).toBe(0);
    expect(result.criteria.map((c) => c.criterionId)).not.toContain("risk");
  });

  it("computes the mean from exact fractions, not from the rounded assessor scores", () => {
    const two: CriterionWeight[] = [{ id: "x", weight: 2, active: true }, { id: "y", weight: 1, active: true }];
    // a: (2·1 + 1·2) / 3 = 4/3 (1.33); b: (2·1 + 1·1) / 3 = 1 → mean 7/6 = 1.1666… → 1.17 (rounded parts would give 1.165 → 1.17 or 1.16)
    const result = ideaAssessmentResult([
      { assessorId: "a", scores: [{ criterionId: "x", score: 1 }, { criterionId: "y", score: 2 }] },
      { assessorId: "b", scores: [{ criterionId: "x", score: 1 }, { criterionId: "y", score: 1 }] },
    ], two);
    expect(result.weightedScore).toBe(1.17);
    expect(result.spread).toMatchObject({ min: 1, max: 1.33, range: 0.33 });
  });
});

describe("weightShares", () => {
  it("is each active criterion's share of the active total, one decimal", () => {
    const shares = weightShares([...criteria.slice(0, 2), { id: "old", weight: 50, active: false }, { id: "z", weight: 5, active: true }]);
    // 25 + 20 + 5 = 50
    expect(shares.get("invanare")).toBe(50);
    expect(shares.get("medarbetare")).toBe(40);
    expect(shares.get("z")).toBe(10);
    expect(shares.get("old")).toBe(0);
    expect(weightShares([{ id: "a", weight: 1, active: true }, { id: "b", weight: 2, active: true }]).get("a")).toBe(33.3);
  });
});
