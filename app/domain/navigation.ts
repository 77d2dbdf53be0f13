import { type Actor, can, type Action } from "./permissions";

export type NavigationKey =
  | "home" | "submitIdea" | "allIdeas" | "myIdeas" | "inbox" | "pipeline" | "assessments" | "lessons" | "deviations" | "portfolio" | "goodExamples" | "admin";

interface NavigationItem {
  key: NavigationKey;
  href: string;
  /** Shown only to those allowed to take this action; none = shown to everyone. */
  requires?: Action;
}

// Grows with the product: each area adds its entry here, guarded by the action its pages require.
const ITEMS: NavigationItem[] = [
  { key: "home", href: "/" },
  { key: "submitIdea", href: "/ideas/new" },
  { key: "allIdeas", href: "/ideas", requires: "idea.view" },
  { key: "myIdeas", href: "/ideas/mine", requires: "idea.follow_own" },
  { key: "inbox", href: "/inbox", requires: "inbox.view" },
  { key: "assessments", href: "/bedomningar", requires: "assessment.queue" },
  { key: "pipeline", href: "/pipeline", requires: "pipeline.view" },
  { key: "deviations", href: "/avsteg", requires: "deviation.list" },
  { key: "lessons", href: "/lardomar", requires: "lessons.view" },
  { key: "portfolio", href: "/portfolio", requires: "portfolio.view" },
  { key: "goodExamples", href: "/goda-exempel", requires: "good_examples.view" },
  { key: "admin", href: "/admin", requires: "admin.access" },
];

/** The main menu for this person (null = signed out). The server still checks every page. */
export function navigationFor(actor: Actor | null): { key: NavigationKey; href: string }[] {
  return ITEMS.filter((item) => !item.requires || can(actor, item.requires)).map(({ key, href }) => ({ key, href }));
}
