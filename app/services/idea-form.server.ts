import { data, redirect } from "@remix-run/node";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { fieldErrorsOf, type FieldErrors } from "~/components/forms";
import { groupUnits, listSelectableUnits } from "~/models/selectable-unit.server";
import type { IdeaForForm } from "~/models/ideas.server";
import { ideaContentOf, ideaFormSchema, ideaFormValuesFrom, type IdeaFormValues } from "~/schemas/idea";
import type { SessionUser } from "~/utils/auth.server";
import { saveIdea } from "./submit-idea.server";
import { submitSv } from "~/i18n/submit.sv";
import { ideasSv } from "~/i18n/ideas.sv";
import { readFormData } from "~/utils/form-data.server";

// The shared post handling of /ideas/new and /ideas/:id/redigera: validate, save or submit, answer.

export interface IdeaFormActionData {
  fieldErrors: FieldErrors;
  values: IdeaFormValues;
}

export async function unitOptions(db: Kysely<Database>) {
  return groupUnits(await listSelectableUnits(db));
}

export function emptyIdeaFormValues(unitId: string | null): IdeaFormValues {
  return {
    intent: "draft", submissionKey: crypto.randomUUID(), title: "", problem: "", proposedSolution: "", kind: "",
    targetGroups: [], unitId: unitId ?? "", focusAreas: [], approaches: [], expectedBenefits: "",
    hoursSavedPerMonth: "", savingsPerYear: "", estimatedCost: "", personalData: "", sensitivePersonalData: "",
    informationOwner: "", hideName: "",
  };
}

const triOf = (value: boolean | null) => (value === true ? "ja" : value === false ? "nej" : "") as IdeaFormValues["personalData"];
const numberText = (value: number | null) => (value === null ? "" : String(value));

export function ideaFormValuesOf(idea: IdeaForForm): IdeaFormValues {
  return {
    intent: "draft", submissionKey: idea.submission_key ?? crypto.randomUUID(), title: idea.title, problem: idea.problem,
    proposedSolution: idea.proposed_solution, kind: idea.kind, targetGroups: idea.target_groups, unitId: idea.unit_id,
    focusAreas: idea.focus_areas, approaches: idea.approaches, expectedBenefits: idea.expected_benefits,
    hoursSavedPerMonth: numberText(idea.estimated_hours_saved_per_month), savingsPerYear: numberText(idea.estimated_savings_per_year),
    estimatedCost: numberText(idea.estimated_cost), personalData: triOf(idea.handles_personal_data),
    sensitivePersonalData: triOf(idea.handles_sensitive_personal_data), informationOwner: idea.information_owner ?? "",
    hideName: idea.name_visibility === "handlaggare_only" ? "ja" : "",
  };
}

/** Validates the posted form and saves or submits it; 400 with messages and what was typed when refused. */
export async function handleIdeaFormPost(db: Kysely<Database>, input: {
  request: Request; user: SessionUser; ideaId: string | null; ipAddress: string | null;
}) {
  const values = ideaFormValuesFrom(await readFormData(input.request));
  const parsed = ideaFormSchema.safeParse(values);
  const refuse = (fieldErrors: FieldErrors) => data<IdeaFormActionData>({ fieldErrors, values }, { status: 400 });
  if (!parsed.success) return refuse(fieldErrorsOf(parsed.error));
  const content = ideaContentOf(parsed.data);
  content.unitId ||= input.user.unitId ?? "";
  const units = await listSelectableUnits(db);
  if (!units.some((unit) => unit.id === content.unitId)) {
    return refuse({ unitId: submitSv.validation.unitGone });
  }
  const result = await saveIdea(db, {
    userId: input.user.id, ideaId: input.ideaId, submissionKey: parsed.data.submissionKey, content,
    intent: parsed.data.intent, now: new Date(), ipAddress: input.ipAddress,
  });
  switch (result.kind) {
    case "not_found":
      throw new Response(ideasSv.page.notFound, { status: 404 });
    case "draft_saved":
      return redirect(`/ideas/${result.ideaId}/redigera?sparat=1`);
    case "submitted":
    case "already_submitted":
      return redirect(`/ideas/${result.ideaId}/kvitto`);
  }
}
