/**
 * The calendar year in Stockholm at `now` (a submit at 00:30 on 1 January belongs to the new year):
 * reference numbers, a business case's first year and the portfolio's budget years all count from it.
 */
export function stockholmYear(now: Date): number {
  return Number(STOCKHOLM_YEAR.format(now));
}
const STOCKHOLM_YEAR = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Stockholm", year: "numeric" });
