import { describe, expect, it } from "vitest";
import { en } from "../../app/i18n/en";
import { localiseMessage } from "../../app/i18n/localise";
import { sv } from "../../app/i18n/sv";
import { ideaFormSchema } from "../../app/schemas/idea";
import { loginSchema } from "../../app/schemas/login";

// The Swedish and English message files must be twins: the same keys everywhere (the English file is
// typed `typeof` the Swedish one, but a cast or an `as Record<…>` can hide a gap), no Swedish text left
// untranslated in the English file, and every validation message a schema produces has an English text.

type Node = unknown;

/** Texts that are the same in both languages on purpose, with the reason. */
const KEPT_IN_SWEDISH = [
  // Proper names of the city's standards, offered as suggestions and stored as the value of the field:
  // the same standard must have the same name whatever language the person who typed it used.
  ".security.deviations.standardSuggestions.",
];

/** Every key path whose shape differs between the two catalogues. */
function shapeDifferences(a: Node, b: Node, path: string, out: string[]): string[] {
  const kind = (n: Node) => (Array.isArray(n) ? "array" : n === null ? "null" : typeof n);
  if (kind(a) !== kind(b)) {
    out.push(`${path}: ${kind(a)} in sv, ${kind(b)} in en`);
    return out;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) out.push(`${path}: ${a.length} items in sv, ${b.length} in en`);
    a.forEach((item, i) => shapeDifferences(item, b[i], `${path}[${i}]`, out));
  } else if (a && typeof a === "object" && b && typeof b === "object") {
    const ka = Object.keys(a), kb = Object.keys(b);
    for (const k of ka) if (!kb.includes(k)) out.push(`${path}.${k}: missing in en`);
    for (const k of kb) if (!ka.includes(k)) out.push(`${path}.${k}: only in en`);
    for (const k of ka) if (kb.includes(k)) shapeDifferences((a as Record<string, Node>)[k], (b as Record<string, Node>)[k], `${path}.${k}`, out);
  }
  return out;
}

/** String leaves (with their paths) of a catalogue node. */
function leaves(node: Node, path: string, out: [string, string][] = []): [string, string][] {
  if (typeof node === "string") out.push([path, node]);
  else if (node && typeof node === "object") for (const [k, v] of Object.entries(node)) leaves(v, `${path}.${k}`, out);
  return out;
}

/** The value at a dotted path ("a.b[2]" written as "a.b.2"). */
const at = (root: Node, path: string) =>
  path.split(".").filter(Boolean).reduce<Node>((n, k) => (n && typeof n === "object" ? (n as Record<string, Node>)[k] : undefined), root);

/** Every `validation` section (and the business case's `errors`, which its schema uses), with its path. */
function validationSections(node: Node, path: string, out: [string, Node][] = []): [string, Node][] {
  if (!node || typeof node !== "object" || Array.isArray(node)) return out;
  for (const [k, v] of Object.entries(node)) {
    if (k === "validation") out.push([`${path}.${k}`, v]);
    else validationSections(v, `${path}.${k}`, out);
  }
  return out;
}

describe("the message catalogues", () => {
  it("have the same key structure in Swedish and English", () => {
    expect(shapeDifferences(sv, en, "", [])).toEqual([]);
  });

  it("leave no Swedish text untranslated in English", () => {
    const untranslated = leaves(sv, "")
      .filter(([path, text]) => /[åäöÅÄÖ]/.test(text) && at(en, path) === text)
      // The product's name is Swedish in both languages.
      .filter(([, text]) => !text.includes("Idéslussen") || text.replace(/Idéslussen/g, "").match(/[åäöÅÄÖ]/))
      .filter(([path]) => !KEPT_IN_SWEDISH.some((prefix) => path.startsWith(prefix)));
    expect(untranslated.map(([path, text]) => `${path}: ${text}`)).toEqual([]);
  });

  it("has an English text for every message in the validation sections", () => {
    const sections = validationSections(sv, "");
    expect(sections.length).toBeGreaterThan(8);
    const messages = sections.flatMap(([path, section]) => leaves(section, path));
    expect(messages.length).toBeGreaterThan(100);
    const unmapped = messages.filter(([, text]) => localiseMessage("en", text) === text);
    expect(unmapped.map(([path, text]) => `${path}: ${text}`)).toEqual([]);
    // The business case editor's schema takes its messages from businessCase.errors.
    const businessCase = leaves(sv.businessCase.errors, "businessCase.errors").filter(([, text]) => localiseMessage("en", text) === text);
    expect(businessCase).toEqual([]);
  });

  it("maps what a schema actually produces to English, and leaves Swedish untouched", () => {
    const empty = ideaFormSchema.safeParse({
      intent: "submit", submissionKey: "x", title: "", problem: "", proposedSolution: "", kind: "", targetGroups: [], unitId: "",
      focusAreas: [], approaches: [], expectedBenefits: "", hoursSavedPerMonth: "1,5", savingsPerYear: "", estimatedCost: "",
      personalData: "", sensitivePersonalData: "ja", informationOwner: "", hideName: "",
    });
    const login = loginSchema.safeParse({ email: "inte-en-adress", password: "" });
    const issues = [...(empty.error?.issues ?? []), ...(login.error?.issues ?? [])];
    expect(issues.length).toBeGreaterThan(8);
    for (const issue of issues) {
      expect(localiseMessage("en", issue.message), issue.message).not.toBe(issue.message);
      expect(localiseMessage("sv", issue.message)).toBe(issue.message);
    }
    expect(localiseMessage("en", "Ge idén en rubrik.")).toBe("Give the idea a title.");
  });
});
