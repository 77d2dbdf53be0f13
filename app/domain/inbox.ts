import type { Stage } from "./vocabulary";

// Pure rules of the unit inbox: the overdue flag, days in a stage and the filter/sort vocabulary.

const DAY_MS = 24 * 60 * 60 * 1000;

/** The filter values the inbox accepts in its URL. */
export const INBOX_AGES = ["7", "14", "30"] as const;
export type InboxAge = (typeof INBOX_AGES)[number];
export const INBOX_OWNER_FILTERS = ["alla", "mina", "ingen"] as const;
export type InboxOwnerFilter = (typeof INBOX_OWNER_FILTERS)[number];
export const INBOX_SORTS = ["aldst", "nyast", "tid-i-steg", "mest-stod"] as const;
export type InboxSort = (typeof INBOX_SORTS)[number];

export const INBOX_PAGE_SIZE = 25;

/**
 * Whole days between two instants (elapsed 24-hour periods, never negative). Counting elapsed time
 * rather than calendar days keeps the answer independent of time zones and daylight saving.
 */
export function wholeDaysBetween(from: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - from.getTime()) / DAY_MS));
}

/** The instant before which an idea must have entered its stage to be older than `days`. */
export function olderThanCutoff(days: number, now: Date): Date {
  return new Date(now.getTime() - days * DAY_MS);
}

/**
 * Overdue: the idea has waited in "inskickad" for more than `overdueDays` whole days. Ideas in later
 * stages are never overdue here (someone has already picked them up).
 */
export function isOverdue(idea: { stage: Stage; stageChangedAt: Date }, overdueDays: number, now: Date): boolean {
  return idea.stage === "inskickad" && wholeDaysBetween(idea.stageChangedAt, now) > overdueDays;
}

/**
 * Reference numbers as people type them: "ide-2026-42" → { year: 2026, number: 42 }; null when it is
 * not one. Lookups then use the unique (reference_year, reference_number) index.
 */
export function parseReference(input: string): { year: number; number: number } | null {
  const match = /^\s*IDE[-\s]?(\d{4})[-\s]?(\d{1,6})\s*$/i.exec(input);
  if (!match) return null;
  const year = Number(match[1]);
  const number = Number(match[2]);
  if (number < 1 || year < 2000 || year > 2200) return null;
  return { year, number };
}
