import type { exportsSv } from "./exports.sv";

// English copy for exports (CSV, XLSX), the read-only API and its tokens (/admin/api-nycklar). Mirrors exports.sv.ts.

export const exportsEn: typeof exportsSv = {
  title: "Exports and API – Idéslussen",
  tokens: {
    title: "API tokens – Idéslussen",
    heading: "API tokens",
    lead: "With an API token a system (for example Power BI) can read ideas and the portfolio through /api/v1. The token gives the read access of the person it is issued for. The API is described in",
    openApiLink: "the OpenAPI document",
    createHeading: "Issue a token",
    email: "The person's e-mail address",
    emailHint: "The token carries that person's permissions. The account must be active.",
    label: "What the token is for",
    labelHint: "For example “Power BI, city executive office”. At most 100 characters.",
    create: "Issue token",
    createdAnnouncement: "The token has been created. Copy it now – it is shown only once.",
    createdHeading: "The token has been issued",
    createdText: (name: string) => `Token for ${name}. Copy it now and keep it safe – it is shown only this once and cannot be retrieved later.`,
    tokenLabel: "API token",
    copyHint: "Select the text and copy it (Ctrl+C). Send it in the header Authorization: Bearer <token>.",
    listHeading: "Issued tokens",
    caption: "API tokens, newest first",
    empty: "No tokens have been issued.",
    columns: { label: "Used for", person: "Person", prefix: "Start of token", created: "Issued", lastUsed: "Last used", status: "Status" },
    never: "Never",
    active: "Active",
    revoked: (date: string) => `Revoked ${date}`,
    revoke: "Revoke…",
    revokeConfirmText: (label: string) => `Revoke the token “${label}”? Systems using it get 401 at once, and this cannot be undone.`,
    revokeConfirm: "Yes, revoke the token",
    notFound: "The token does not exist or is already revoked.",
    errorSummaryTitle: "The token could not be issued",
    notices: { aterkallad: "The token has been revoked." } as Record<string, string>,
    adminLink: "API tokens",
  },
};
