import { z } from "zod";
import { agendaSv } from "~/i18n/agenda.sv";
import { pilotSv } from "~/i18n/pilot.sv";

const msg = agendaSv.validation;

// The agenda's URL parameters: förvaltning (enhet), meeting date (datum) and title (rubrik), all optional.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);

export const agendaParamsSchema = z.object({
  enhet: z.preprocess(blankToNull, z.string().regex(UUID, pilotSv.lessons.errors.unit).nullable().default(null)),
  datum: z.preprocess(blankToNull, z.string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, msg.meetingDateFormat)
    .refine((v) => {
      const d = new Date(`${v}T12:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
    }, msg.meetingDateNotInCalendar)
    .nullable().default(null)),
  rubrik: z.preprocess(blankToNull, z.string().trim().max(120, msg.meetingTitleTooLong).nullable().default(null)),
});

export type AgendaParams = z.infer<typeof agendaParamsSchema>;
