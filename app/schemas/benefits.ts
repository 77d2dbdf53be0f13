import { z } from "zod";
import { BENEFIT_KINDS, parseWholeAmount } from "~/domain/benefits-realisation";
import type { LineKind } from "~/domain/business-case";
import { parseMeasurement } from "~/domain/pilot";
import { benefitsSv } from "~/i18n/benefits.sv";
import { pilotSv } from "~/i18n/pilot.sv";

// The form of /ideas/<id>/nyttorealisering: one year's actual amounts (per kind) and the pilot's
// indicator values for that year. Used by the form (client, react-hook-form resolver) and the action
// (server) alike. Every field is a string as the browser sends it; an empty field means "not known"
// and removes a saved value.

const t = benefitsSv;
const blank = (v: unknown) => (v === undefined || v === null ? "" : v);
const str = z.preprocess(blank, z.string());
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const list = (v: unknown) => (v === undefined || v === null || v === false ? [] : Array.isArray(v) ? v : [v]);

/** Indicator rows a form may carry (the pilot plan allows 50). */
export const MAX_INDICATOR_VALUES = 50;

const indicatorRow = z.object({ indicatorId: str, name: str, value: str });

export const actualsFormSchema = z.object({
  intent: z.literal("save_year", { error: t.errors.unknownIntent }),
  yearIndex: str.pipe(z.string().regex(/^\d{1,2}$/, t.errors.year)),
  /** What the year's actuals were when the form was opened (see actualsStamp): a change since is a conflict. */
  stamp: str,
  one_off_cost: str,
  running_cost: str,
  saving: str,
  time_saving: str,
  indicators: z.preprocess(list, z.array(indicatorRow).max(MAX_INDICATOR_VALUES, t.errors.indicatorUnknown)),
}).superRefine((value, ctx) => {
  for (const kind of BENEFIT_KINDS) {
    const parsed = parseWholeAmount(value[kind]);
    if (!parsed.ok) ctx.addIssue({ code: "custom", path: [kind], message: t.errors.amount[parsed.problem](t.kinds[kind]) });
  }
  value.indicators.forEach((row, i) => {
    if (!UUID.test(row.indicatorId)) {
      ctx.addIssue({ code: "custom", path: ["indicators", i, "value"], message: t.errors.indicatorUnknown });
      return;
    }
    const parsed = parseMeasurement(row.value);
    if (!parsed.ok && parsed.problem !== "empty") {
      ctx.addIssue({
        code: "custom", path: ["indicators", i, "value"],
        message: pilotSv.errors.measurement[parsed.problem](t.errors.indicator(row.name.trim() || String(i + 1))),
      });
    }
  });
});

export type ActualsFormValues = z.output<typeof actualsFormSchema>;

/** A year's actuals as the service takes them: null = not known (delete any saved value). */
export interface YearActualsInput {
  yearIndex: number;
  amounts: Record<LineKind, number | null>;
  indicators: { indicatorId: string; value: number | null }[];
}

export function yearActualsOf(values: ActualsFormValues): YearActualsInput {
  const amounts = {} as Record<LineKind, number | null>;
  for (const kind of BENEFIT_KINDS) {
    const parsed = parseWholeAmount(values[kind]);
    amounts[kind] = parsed.ok ? parsed.value : null;
  }
  return {
    yearIndex: Number(values.yearIndex),
    amounts,
    indicators: values.indicators.map((row) => {
      const parsed = parseMeasurement(row.value);
      return { indicatorId: row.indicatorId.toLowerCase(), value: parsed.ok ? parsed.value : null };
    }),
  };
}

const ROW_KEY = /^indicators\.(\d{1,2})\.(indicatorId|name|value)$/;

/** A posted form as the shape the schema reads (rows "indicators.0.value" as an array in index order). */
export function formFieldsOf(form: FormData): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  const rows = new Map<number, Record<string, string>>();
  for (const [key, raw] of form.entries()) {
    if (typeof raw !== "string") continue;
    const row = ROW_KEY.exec(key);
    if (row) {
      const index = Number(row[1]);
      if (index >= MAX_INDICATOR_VALUES) continue;
      rows.set(index, { ...(rows.get(index) ?? {}), [row[2]!]: raw });
    } else if (!(key in fields)) {
      fields[key] = raw;
    }
  }
  if (rows.size) fields.indicators = [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, row]) => row);
  return fields;
}
