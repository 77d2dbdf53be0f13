// Length and size limits of the forms, in a module of their own so the message files can build their
// texts from the same numbers ("Rubriken får vara högst 200 tecken.") without importing the schemas
// (which import the message files).

export const IDEA_LIMITS = { title: 200, text: 10000, informationOwner: 200 } as const;
export const COMMENT_MAX = 4000;
export const ASSESSMENT_TEXT_MAX = 5000;
export const SCORE_COMMENT_MAX = 2000;
export const CRITERION_LIMITS = { name: 120, description: 2000, guidance: 500 } as const;
/** The optimiser offers 1–5 budget years. */
export const MAX_FORM_BUDGET_YEARS = 5;
export const SELECTION_LIMITS = { title: 200, motivation: 5000 } as const;
export const API_MAX_PAGE_SIZE = 100;
