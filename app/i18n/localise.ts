import type { Locale } from "~/domain/vocabulary";
import { en } from "./en";
import { sv } from "./sv";

// Validation and refusal messages are produced in Swedish (the schemas and services take their texts
// from the Swedish message files, so a message means the same on the client and the server). A page in
// English shows the English text of the same message: every Swedish string in the catalogue maps to the
// English string at the same place. Messages built at run time (with a number or name in them) come
// from functions in the catalogue and are not in this table; they stay as they are.

let swedishToEnglish: Map<string, string> | undefined;

function collect(svNode: unknown, enNode: unknown, into: Map<string, string>): void {
  if (typeof svNode === "string") {
    if (typeof enNode === "string" && !into.has(svNode)) into.set(svNode, enNode);
    return;
  }
  if (svNode === null || typeof svNode !== "object" || enNode === null || typeof enNode !== "object") return;
  for (const key of Object.keys(svNode)) {
    collect((svNode as Record<string, unknown>)[key], (enNode as Record<string, unknown>)[key], into);
  }
}

function table(): Map<string, string> {
  if (!swedishToEnglish) {
    swedishToEnglish = new Map();
    collect(sv, en, swedishToEnglish);
  }
  return swedishToEnglish;
}

/** `text` (a Swedish message from the catalogue) in `locale`; unknown texts are returned unchanged. */
export function localiseMessage(locale: Locale, text: string): string {
  if (locale === "sv") return text;
  return table().get(text) ?? text;
}
