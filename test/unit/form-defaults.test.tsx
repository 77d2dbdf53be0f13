import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { defaultValueAt, isCheckedByDefault, useValidatedForm } from "../../app/components/forms";

// react-hook-form's register() sets values through the ref after hydration, so without the field()/choice()
// helpers the server-rendered HTML has empty fields. These tests render on the server, as a person without
// JavaScript gets the page.

const schema = z.object({
  version: z.string(),
  title: z.string(),
  message: z.string(),
  ownerId: z.string(),
  tags: z.array(z.string()),
  kind: z.string(),
  roles: z.array(z.string()),
  hideName: z.union([z.boolean(), z.string()]),
  consent: z.union([z.boolean(), z.string()]),
  lines: z.array(z.object({ amount: z.string() })),
});
type Values = z.input<typeof schema>;

const defaults: Values = {
  version: "7",
  title: "Digital bokning & <mer>",
  message: "Det jag skrev innan felet",
  ownerId: "b",
  tags: ["x", "z"],
  kind: "nej",
  roles: ["admin", "styrgrupp"],
  hideName: "ja",
  consent: true,
  lines: [{ amount: "1200" }],
};

function Probe({ values, plain = false }: { values: Values; plain?: boolean }) {
  const { form, field, choice } = useValidatedForm({ schema, defaultValues: values });
  // `plain` renders the old way (register only) to show what the helpers fix.
  const text = plain ? (name: Parameters<typeof field>[0]) => form.register(name) : field;
  const pick = plain ? (name: Parameters<typeof choice>[0], value: string) => ({ ...form.register(name), value }) : choice;
  return (
    <form method="post">
      <input type="hidden" {...text("version")} />
      <input type="text" {...text("title")} />
      <textarea {...text("message")} />
      <select {...text("ownerId")}>
        <option value="">–</option>
        <option value="a">A</option>
        <option value="b">B</option>
      </select>
      <select multiple {...text("tags")}>
        {["x", "y", "z"].map((v) => <option key={v} value={v}>{v}</option>)}
      </select>
      {["ja", "nej", "vet_ej"].map((v) => <input key={v} type="radio" {...pick("kind", v)} />)}
      {["admin", "kontaktperson", "styrgrupp"].map((v) => <input key={v} type="checkbox" {...pick("roles", v)} />)}
      <input type="checkbox" {...pick("hideName", "ja")} />
      <input type="checkbox" {...pick("consent", "ja")} />
      <input type="text" {...text("lines.0.amount")} />
    </form>
  );
}

/** Server-renders inside a static data router: useValidatedForm calls useSubmit, which needs one. */
async function serverHtml(element: JSX.Element): Promise<string> {
  const handler = createStaticHandler([{ path: "/", element }]);
  const context = await handler.query(new Request("http://localhost/"));
  if (context instanceof Response) throw new Error("unexpected response");
  const router = createStaticRouter(handler.dataRoutes, context);
  return renderToString(<StaticRouterProvider router={router} context={context} hydrate={false} />);
}

/** The opening tag of the one element matching all `attributes` (e.g. 'name="kind"', 'value="ja"'). */
function tag(html: string, element: string, ...attributes: string[]): string {
  const tags = html.match(new RegExp(`<${element}\\b[^>]*>`, "g")) ?? [];
  const found = tags.filter((t) => attributes.every((a) => t.includes(a)));
  expect(found, `<${element} ${attributes.join(" ")}>`).toHaveLength(1);
  return found[0]!;
}

const optionTag = (html: string, selectName: string, value: string) => {
  const select = html.slice(html.indexOf(`name="${selectName}"`));
  return select.slice(0, select.indexOf("</select>")).match(new RegExp(`<option value="${value}"[^>]*>`))![0];
};

afterEach(() => vi.restoreAllMocks());

describe("server-rendered form defaults", () => {
  it("puts defaultValues into the HTML: value=, checked, selected and textarea content", async () => {
    const consoleError = vi.spyOn(console, "error");
    const html = await serverHtml(<Probe values={defaults} />);

    expect(tag(html, "input", 'name="version"')).toContain('value="7"');
    expect(tag(html, "input", 'name="title"')).toContain('value="Digital bokning &amp; &lt;mer&gt;"');
    expect(html).toMatch(/<textarea name="message"[^>]*>Det jag skrev innan felet<\/textarea>/);
    expect(optionTag(html, "ownerId", "b")).toContain("selected");
    expect(optionTag(html, "ownerId", "a")).not.toContain("selected");
    expect(optionTag(html, "tags", "x")).toContain("selected");
    expect(optionTag(html, "tags", "y")).not.toContain("selected");
    expect(optionTag(html, "tags", "z")).toContain("selected");

    expect(tag(html, "input", 'name="kind"', 'value="nej"')).toContain("checked");
    expect(tag(html, "input", 'name="kind"', 'value="ja"')).not.toContain("checked");
    expect(tag(html, "input", 'name="kind"', 'value="vet_ej"')).not.toContain("checked");
    expect(tag(html, "input", 'name="roles"', 'value="admin"')).toContain("checked");
    expect(tag(html, "input", 'name="roles"', 'value="kontaktperson"')).not.toContain("checked");
    expect(tag(html, "input", 'name="roles"', 'value="styrgrupp"')).toContain("checked");
    expect(tag(html, "input", 'name="hideName"', 'value="ja"')).toContain("checked");
    expect(tag(html, "input", 'name="consent"', 'value="ja"')).toContain("checked");

    expect(tag(html, "input", 'name="lines.0.amount"')).toContain('value="1200"');
    // No "both value and defaultValue" or controlled/uncontrolled warnings.
    expect(consoleError).not.toHaveBeenCalled();
  });

  it("leaves empty and unchecked what has no default", async () => {
    const html = await serverHtml(<Probe values={{
      ...defaults, title: "", message: "", ownerId: "", tags: [], kind: "", roles: [], hideName: "", consent: false, lines: [],
    }} />);
    expect(tag(html, "input", 'name="title"')).toContain('value=""');
    expect(html).toMatch(/<textarea name="message"[^>]*><\/textarea>/);
    expect(optionTag(html, "ownerId", "")).toContain("selected");
    expect(html).not.toMatch(/<input[^>]*type="(radio|checkbox)"[^>]*checked/);
    expect(tag(html, "input", 'name="lines.0.amount"')).not.toContain("value=");
  });

  it("register() alone renders empty fields (the bug the helpers fix)", async () => {
    const html = await serverHtml(<Probe values={defaults} plain />);
    expect(tag(html, "input", 'name="version"')).not.toContain("value=");
    expect(html).toMatch(/<textarea name="message"[^>]*><\/textarea>/);
    expect(html).not.toContain("checked");
  });
});

function ErrorProbe({ serverErrors }: { serverErrors: Record<string, string> }) {
  const { form, field } = useValidatedForm({ schema, defaultValues: defaults, serverErrors });
  const errors = form.formState.errors;
  return (
    <form method="post">
      <input type="text" aria-invalid={Boolean(errors.title)} {...field("title")} />
      {errors.title && <p id="title-error">{errors.title.message}</p>}
      {errors.lines?.[0]?.amount && <p id="amount-error">{errors.lines[0].amount.message}</p>}
    </form>
  );
}

describe("server-rendered field errors", () => {
  it("shows the server's messages beside their fields in the first render (no JavaScript needed)", async () => {
    const html = await serverHtml(<ErrorProbe serverErrors={{ title: "Skriv en rubrik.", "lines.0.amount": "Ange ett belopp." }} />);
    expect(tag(html, "input", 'name="title"')).toContain('aria-invalid="true"');
    expect(html).toContain('<p id="title-error">Skriv en rubrik.</p>');
    expect(html).toContain('<p id="amount-error">Ange ett belopp.</p>');
  });
});

describe("default helpers", () => {
  it("reads nested names", () => {
    expect(defaultValueAt({ lines: [{ amount: "5" }] }, "lines.0.amount")).toBe("5");
    expect(defaultValueAt({ lines: [] }, "lines.0.amount")).toBeUndefined();
    expect(defaultValueAt(undefined, "a")).toBeUndefined();
  });

  it("checks radios and checkboxes by equality, membership or a boolean", () => {
    expect(isCheckedByDefault("ja", "ja")).toBe(true);
    expect(isCheckedByDefault("", "ja")).toBe(false);
    expect(isCheckedByDefault(["a", "b"], "b")).toBe(true);
    expect(isCheckedByDefault(["a"], "b")).toBe(false);
    expect(isCheckedByDefault(true, "ja")).toBe(true);
    expect(isCheckedByDefault(false, "ja")).toBe(false);
    expect(isCheckedByDefault(3, "3")).toBe(true);
    expect(isCheckedByDefault(undefined, "ja")).toBe(false);
  });
});
