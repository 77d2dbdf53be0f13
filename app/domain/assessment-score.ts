// The scorecard's arithmetic: an assessment's weighted score, whether it is complete, and the result
// of an idea over its completed assessments. Scores are whole steps 1–5 and weights whole points, so
// means are exact fractions; they are rounded half up to two decimals only at the end (for display).

export const SCORE_STEPS = [1, 2, 3, 4, 5] as const;
export type ScoreStep = (typeof SCORE_STEPS)[number];

export interface CriterionWeight {
  id: string;
  /** Whole points, 1–100. */
  weight: number;
  /** A deactivated criterion is ignored everywhere: it is neither required nor counted. */
  active: boolean;
}

export interface CriterionScore {
  criterionId: string;
  score: number;
}

export interface AssessmentScores {
  assessorId: string;
  scores: readonly CriterionScore[];
}

export interface Spread {
  min: number;
  max: number;
  /** max − min. */
  range: number;
  /** Population standard deviation (the spread between these assessors, not an estimate of a larger group). */
  standardDeviation: number;
}

export interface CriterionResult extends Spread {
  criterionId: string;
  /** How many of the completed assessments scored it. */
  count: number;
  mean: number;
}

export interface IdeaAssessmentResult {
  /** Completed assessments that had at least one active criterion scored. */
  assessorCount: number;
  /** Mean of the assessors' weighted scores, two decimals; null without a completed assessment. */
  weightedScore: number | null;
  /** Spread of the assessors' weighted scores; null without a completed assessment. */
  spread: Spread | null;
  perAssessor: { assessorId: string; weightedScore: number }[];
  /** One entry per active criterion that some completed assessment scored, in the order given. */
  criteria: CriterionResult[];
}

export const isScoreStep = (value: number): value is ScoreStep => Number.isInteger(value) && value >= 1 && value <= 5;

/** An exact fraction of whole numbers (BigInt keeps sums of fractions exact whatever the weights). */
interface Fraction { num: bigint; den: bigint }

const gcd = (a: bigint, b: bigint): bigint => {
  let [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b];
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
};
const reduce = ({ num, den }: Fraction): Fraction => {
  const divisor = gcd(num, den) || 1n;
  return { num: num / divisor, den: den / divisor };
};
const add = (a: Fraction, b: Fraction): Fraction => reduce({ num: a.num * b.den + b.num * a.den, den: a.den * b.den });

/** Rounded half up to two decimals, computed on the exact fraction (2.345 → 2.35, never 2.34). */
function toHundredths({ num, den }: Fraction): number {
  const hundredths = (num * 200n + den) / (den * 2n); // scores are positive: floor((100·num/den) + ½)
  return Number(hundredths) / 100;
}

const round2 = (value: number) => Math.round((value + Number.EPSILON) * 100) / 100;

/** The active criteria's scores of one assessment (scores of deactivated or unknown criteria dropped). */
function activeScores(scores: readonly CriterionScore[], criteria: readonly CriterionWeight[]) {
  const active = new Map(criteria.filter((c) => c.active).map((c) => [c.id, c.weight]));
  return scores.flatMap((s) => {
    const weight = active.get(s.criterionId);
    return weight !== undefined && isScoreStep(s.score) ? [{ ...s, weight }] : [];
  });
}

function weightedFraction(scores: readonly CriterionScore[], criteria: readonly CriterionWeight[]): Fraction | null {
  const counted = activeScores(scores, criteria);
  const den = counted.reduce((sum, s) => sum + s.weight, 0);
  if (den === 0) return null;
  const num = counted.reduce((sum, s) => sum + s.weight * s.score, 0);
  return reduce({ num: BigInt(num), den: BigInt(den) });
}

/**
 * Σ weight·score / Σ weight over the active criteria the assessment scored, two decimals; null when
 * it scored none of them.
 */
export function weightedScore(scores: readonly CriterionScore[], criteria: readonly CriterionWeight[]): number | null {
  const fraction = weightedFraction(scores, criteria);
  return fraction ? toHundredths(fraction) : null;
}

/** The active criteria (by id, in the order given) that the assessment has not scored. */
export function missingCriteria(scores: readonly CriterionScore[], criteria: readonly CriterionWeight[]): string[] {
  const scored = new Set(scores.filter((s) => isScoreStep(s.score)).map((s) => s.criterionId));
  return criteria.filter((c) => c.active && !scored.has(c.id)).map((c) => c.id);
}

/** Complete = every active criterion scored (and there is at least one active criterion). */
export function isAssessmentComplete(scores: readonly CriterionScore[], criteria: readonly CriterionWeight[]): boolean {
  return criteria.some((c) => c.active) && missingCriteria(scores, criteria).length === 0;
}

/** Min, max, range and population standard deviation of some values (the mean given exactly). */
function spreadOf(values: readonly Fraction[], mean: Fraction): Spread {
  const asNumbers = values.map((v) => Number(v.num) / Number(v.den));
  const meanNumber = Number(mean.num) / Number(mean.den);
  const variance = asNumbers.reduce((sum, v) => sum + (v - meanNumber) ** 2, 0) / asNumbers.length;
  const min = values.reduce((a, b) => (a.num * b.den <= b.num * a.den ? a : b));
  const max = values.reduce((a, b) => (a.num * b.den >= b.num * a.den ? a : b));
  return {
    min: toHundredths(min),
    max: toHundredths(max),
    range: toHundredths(reduce({ num: max.num * min.den - min.num * max.den, den: max.den * min.den })),
    standardDeviation: round2(Math.sqrt(variance)),
  };
}

function meanOf(values: readonly Fraction[]): Fraction {
  const sum = values.reduce(add, { num: 0n, den: 1n });
  return reduce({ num: sum.num, den: sum.den * BigInt(values.length) });
}

/**
 * The idea's result over its completed assessments (the caller passes only completed ones): the mean
 * weighted score, the number of assessors, the spread between them, and per active criterion the mean
 * and spread of the scores given.
 */
export function ideaAssessmentResult(
  completed: readonly AssessmentScores[], criteria: readonly CriterionWeight[],
): IdeaAssessmentResult {
  const scored = completed.flatMap((a) => {
    const fraction = weightedFraction(a.scores, criteria);
    return fraction ? [{ assessorId: a.assessorId, fraction }] : [];
  });
  const criterionResults = criteria.filter((c) => c.active).flatMap((criterion): CriterionResult[] => {
    const values = completed.flatMap((a) => a.scores.filter((s) => s.criterionId === criterion.id && isScoreStep(s.score)))
      .map((s) => ({ num: BigInt(s.score), den: 1n }));
    if (values.length === 0) return [];
    const mean = meanOf(values);
    return [{ criterionId: criterion.id, count: values.length, mean: toHundredths(mean), ...spreadOf(values, mean) }];
  });
  if (scored.length === 0) {
    return { assessorCount: 0, weightedScore: null, spread: null, perAssessor: [], criteria: criterionResults };
  }
  const fractions = scored.map((s) => s.fraction);
  const mean = meanOf(fractions);
  return {
    assessorCount: scored.length,
    weightedScore: toHundredths(mean),
    spread: spreadOf(fractions, mean),
    perAssessor: scored.map((s) => ({ assessorId: s.assessorId, weightedScore: toHundredths(s.fraction) })),
    criteria: criterionResults,
  };
}

/** Each active criterion's share of the total active weight, in percent with one decimal (0 for inactive). */
export function weightShares(criteria: readonly CriterionWeight[]): Map<string, number> {
  const total = criteria.filter((c) => c.active).reduce((sum, c) => sum + c.weight, 0);
  return new Map(criteria.map((c) => [c.id, c.active && total > 0 ? Math.round((c.weight * 1000) / total) / 10 : 0]));
}

/** The small summary of an idea's assessments the idea page shows (AssessmentSummaryCard's props). */
export interface AssessmentSummary {
  ideaId: string;
  /** Completed assessments counted in the score. */
  assessorCount: number;
  /** People asked to assess the idea. */
  assignedCount: number;
  /** Mean weighted score 1–5 with two decimals; null until an assessment is completed. */
  weightedScore: number | null;
  spread: Spread | null;
}
