import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// Every text a person reads comes from the message files (app/i18n/*.sv.ts and *.en.ts), so a page in
// English is English all through. This test reads the routes, components and schemas with the TypeScript
// compiler and fails on copy written straight into them, naming file and line.

const ROOT = path.resolve(import.meta.dirname, "../..");
const SCANNED = ["app/routes", "app/components", "app/schemas"];
/** Attributes a person reads or hears (screen readers read aria-label, title and alt). */
const VISIBLE_ATTRIBUTES = new Set(["aria-label", "title", "placeholder", "alt", "label", "aria-description", "aria-roledescription"]);

/** Legitimate cases, each with the reason it is not copy to translate. */
const ALLOWED: { file: string; text: string; reason: string }[] = [
  { file: "*", text: "Idéslussen", reason: "The product's name, the same in both languages." },
  { file: "app/schemas/api.ts", text: "*", reason: "OpenAPI descriptions of the read-only API for developers (served as JSON, not page copy); its error texts are in exports.validation." },
  { file: "app/routes/login.tsx", text: "idesluss-demo", reason: "The demo accounts' password, shown only in demo mode: data, not copy." },
  { file: "app/routes/login.tsx", text: "@idesluss.test", reason: "The demo accounts' e-mail domain: data, not copy." },
  { file: "app/schemas/pilot.ts", text: "planInputOf: the schema lets only valid measurements through", reason: "An internal assertion for programmers, never shown." },
];

interface Finding { file: string; line: number; kind: string; text: string }

function filesUnder(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(rel);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [rel] : [];
  });
}

const hasLetters = (text: string) => /\p{L}{2,}/u.test(text.replace(/&[a-z]+;/g, ""));
/** Two words or more and a sentence's ending, or Swedish letters between words. */
const sentenceLike = (text: string) =>
  /\p{L}{2,}[\s,:]+\p{L}{2,}/u.test(text) && (/[.?!]$/.test(text.trim()) || /[åäöÅÄÖ]/.test(text));

function allowed(finding: Finding): boolean {
  return ALLOWED.some((a) => (a.file === "*" || a.file === finding.file)
    && (a.text === "*" || finding.text === a.text || (a.file === "*" && finding.text.replace(new RegExp(a.text, "g"), "").trim().replace(/[–\s-]/g, "") === "")));
}

function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(" ");
  return null;
}

/**
 * String literals that end up as the attribute's text: the value itself, either branch of a condition, the
 * parts of a template or a concatenation – not keys compared against (`kind === "x"`), options objects
 * (a chart's `label={{ position: "right" }}`), call arguments or lookups (`t.kinds["x"]`).
 */
function literalsIn(node: ts.Node, out: ts.Node[] = []): ts.Node[] {
  if (literalText(node) !== null) out.push(node);
  else if (ts.isJsxExpression(node) || ts.isParenthesizedExpression(node)) node.expression && literalsIn(node.expression, out);
  else if (ts.isConditionalExpression(node)) [node.whenTrue, node.whenFalse].forEach((n) => literalsIn(n, out));
  else if (ts.isBinaryExpression(node) && [ts.SyntaxKind.PlusToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(node.operatorToken.kind)) {
    [node.left, node.right].forEach((n) => literalsIn(n, out));
  }
  return out;
}

function scan(file: string, text = readFileSync(path.join(ROOT, file), "utf8")): Finding[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true,
    file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const findings: Finding[] = [];
  const add = (node: ts.Node, kind: string, text: string) =>
    findings.push({ file, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, kind, text: text.trim() });
  const isSchema = file.startsWith("app/schemas/");

  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    // Text between JSX tags.
    if (ts.isJsxText(node) && hasLetters(node.text)) add(node, "JSX text", node.text);
    // String literals in attributes people read or hear.
    if (ts.isJsxAttribute(node) && VISIBLE_ATTRIBUTES.has(node.name.getText(source)) && node.initializer) {
      for (const literal of literalsIn(node.initializer)) {
        const text = literalText(literal)!;
        if (hasLetters(text)) add(literal, `${node.name.getText(source)}=`, text);
      }
    }
    // Refusal texts: new Response("…") and json/data bodies with a message.
    if (ts.isNewExpression(node) && node.expression.getText(source) === "Response" && node.arguments?.[0]) {
      const text = literalText(node.arguments[0]);
      if (text !== null && sentenceLike(text)) add(node.arguments[0], "Response text", text);
    }
    // Messages in schemas: every sentence-like literal (zod messages, issue messages, labels).
    if (isSchema && literalText(node) !== null) {
      const text = literalText(node)!;
      if (sentenceLike(text)) add(node, "schema message", text);
      return;
    }
    // `throw new Error("…")` is for programmers, not people.
    if (ts.isNewExpression(node) && node.expression.getText(source) === "Error") return;
    ts.forEachChild(node, visit);
  };
  visit(source);
  return findings;
}

describe("no hard-coded copy", () => {
  const files = SCANNED.flatMap(filesUnder);

  it("scans the routes, components and schemas", () => {
    expect(files.filter((f) => f.startsWith("app/routes/")).length).toBeGreaterThan(40);
    expect(files.filter((f) => f.startsWith("app/components/")).length).toBeGreaterThan(40);
    expect(files.filter((f) => f.startsWith("app/schemas/")).length).toBeGreaterThan(15);
  });

  it("finds copy where there is some (the scanner itself works)", () => {
    const route = scan("app/routes/probe.tsx", [
      'export function loader() { throw new Response("Idén finns inte.", { status: 404 }); }',
      "export default function Probe({ open }: { open: boolean }) {",
      '  return <p aria-label={open ? "Stäng menyn" : t.open} title={`${n} idéer`} className="x y">Hej {name} – <b>{t.ok}</b></p>;',
      "}",
    ].join("\n"));
    expect(route.map((f) => `${f.line} ${f.kind} ${f.text}`)).toEqual([
      "1 Response text Idén finns inte.",
      '3 aria-label= Stäng menyn',
      "3 title= idéer",
      "3 JSX text Hej",
    ]);
    const schema = scan("app/schemas/probe.ts", 'const s = z.string().min(1, "Välj en enhet i listan.").regex(/x/, msg.key); const id = "sv-SE";');
    expect(schema.map((f) => f.text)).toEqual(["Välj en enhet i listan."]);
  });

  it("has every text a person reads in the message files", () => {
    const findings = files.flatMap((file) => scan(file)).filter((f) => !allowed(f));
    expect(findings.map((f) => `${f.file}:${f.line} ${f.kind} ${JSON.stringify(f.text)}`)).toEqual([]);
  });
});
