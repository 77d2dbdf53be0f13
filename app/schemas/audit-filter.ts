import { z } from "zod";
import { adminSv } from "~/i18n/admin.sv";
import { pilotSv } from "~/i18n/pilot.sv";
import { sv } from "~/i18n/sv";

const msg = adminSv.validation;

// The filter form of the audit log (/admin/audit). A GET form: every value arrives as text.

const isoDate = z.string({ error: msg.dateFormat }).trim()
  .refine((value) => value === "" || isRealDate(value), msg.dateFormatExample)
  .transform((value) => value || null);

/** Keyset cursor: the id of the audit row the page continues from. */
const cursor = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional().catch(undefined);

export const auditFilterSchema = z
  .object({
    person: z.string({ error: msg.searchTextRequired }).trim().max(200, sv.validation.searchTooLong).default(""),
    handelse: z.string({ error: msg.eventFromList }).trim()
      .refine((value) => value === "" || /^[a-z_.]{3,80}$/.test(value), msg.eventFromList)
      .default(""),
    fran: isoDate.optional().transform((v) => v ?? null),
    till: isoDate.optional().transform((v) => v ?? null),
    /** Older than this row (next page). */
    efter: cursor,
    /** Newer than this row (previous page). */
    fore: cursor,
  })
  .superRefine((value, ctx) => {
    if (value.fran && value.till && value.fran > value.till) {
      ctx.addIssue({ code: "custom", path: ["till"], message: pilotSv.errors.periodOrder });
    }
  });
export type AuditFilterInput = z.input<typeof auditFilterSchema>;
export type AuditFilter = z.output<typeof auditFilterSchema>;

/** 2026-02-30 looks like a date but is not one. */
function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 2000 || year > 2200) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
