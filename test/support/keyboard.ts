import type { Page } from "playwright-core";
import { expect } from "vitest";

/** Where Tab landed, described the way a reviewer would: what it is, where it is, and whether focus shows. */
export interface FocusStop {
  /** Lower-case tag name, with the input type: "a", "button", "input[radio]", "textarea". */
  tag: string;
  /** A rough accessible name: aria-label, aria-labelledby, the label, the text, or the title. */
  name: string;
  id: string | null;
  /** The element's position among all elements of the document (document order). */
  documentIndex: number;
  /** Where it is laid out in the page (scroll offsets of the window and of scrolling boxes added back). */
  box: { x: number; y: number; width: number; height: number };
  /** Rendered with a size above 1×1 px, not visibility:hidden, not transparent. */
  visible: boolean;
  /** At least partly inside the viewport (the browser scrolls a focused element into view). */
  inViewport: boolean;
  /** Another element (other than its label, its own children or a parent) covers its centre: which one, or null. */
  obscured: string | null;
  /** A focus indicator is drawn: an outline, or a box-shadow/border/background that differs from the element at rest. */
  focusIndicator: boolean;
  /** What draws the indicator ("outline 3px solid rgb(…)", "box-shadow", …) or "none". */
  indicator: string;
  /** Inside which form (its index among the page's forms), if any. */
  formIndex: number | null;
}

/*
 * The in-page half, as plain JavaScript in a string: functions handed to page.evaluate from TypeScript may be
 * rewritten by the test transform (helper calls such as __name that do not exist in the page).
 */
const IN_PAGE = String.raw`(() => {
  if (window.__kbd) return;
  const FOCUSABLE = 'a[href], area[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable="true"]';
  const styleOf = (el) => {
    const s = getComputedStyle(el);
    return {
      outline: s.outlineStyle + " " + s.outlineWidth + " " + s.outlineColor,
      outlineStyle: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth) || 0, outlineColor: s.outlineColor,
      boxShadow: s.boxShadow, border: s.borderTopColor + " " + s.borderTopWidth + " " + s.borderBottomColor,
      background: s.backgroundColor,
    };
  };
  const transparent = (colour) => /rgba\(.*,\s*0\)$/.test(colour) || colour === "transparent";
  const text = (node) => (node ? (node.innerText || node.textContent || "") : "").replace(/\s+/g, " ").trim();
  const nameOf = (el) => {
    const label = el.getAttribute("aria-label");
    if (label) return label.trim();
    const by = el.getAttribute("aria-labelledby");
    if (by) return by.split(/\s+/).map((id) => text(document.getElementById(id))).join(" ").trim();
    if (el.labels && el.labels.length) return Array.from(el.labels).map(text).join(" ").trim();
    const own = text(el);
    if (own) return own;
    return (el.getAttribute("title") || el.getAttribute("value") || el.getAttribute("placeholder") || "").trim();
  };
  const visibleNow = (el, rect) => {
    if (rect.width <= 1 || rect.height <= 1) return false;
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
      const s = getComputedStyle(node);
      if (s.visibility === "hidden" || s.display === "none" || Number(s.opacity) === 0) return false;
      if (s.clip === "rect(0px, 0px, 0px, 0px)" || s.clipPath === "inset(50%)") return false;
    }
    return true;
  };
  const allElements = () => Array.from(document.querySelectorAll("*"));
  window.__kbd = {
    rest: new WeakMap(),
    present: new WeakSet(),
    stops: [],
    /** The look of every focusable element at rest, to compare with its look when focused. */
    snapshot() {
      const active = document.activeElement;
      for (const el of document.querySelectorAll(FOCUSABLE)) {
        this.present.add(el);
        if (el !== active) this.rest.set(el, styleOf(el));
      }
      this.stops = [];
    },
    describe() {
      const el = document.activeElement;
      if (!el || el === document.body || el === document.documentElement) return null;
      const rect = el.getBoundingClientRect();
      const now = styleOf(el);
      const rest = this.rest.get(el);
      const outlineDrawn = now.outlineStyle !== "none" && now.outlineWidth > 0 && !transparent(now.outlineColor);
      let indicator = "none";
      if (outlineDrawn && (!rest || rest.outline !== now.outline)) indicator = "outline " + now.outline;
      else if (now.boxShadow !== "none" && (!rest || rest.boxShadow !== now.boxShadow)) indicator = "box-shadow " + now.boxShadow;
      else if (rest && rest.border !== now.border) indicator = "border " + now.border;
      else if (rest && rest.background !== now.background) indicator = "background " + now.background;
      // The part of it not clipped by a scrolling box or the viewport; its centre must show the element itself.
      let left = Math.max(rect.left, 0), top = Math.max(rect.top, 0);
      let right = Math.min(rect.right, innerWidth), bottom = Math.min(rect.bottom, innerHeight);
      for (let node = el.parentElement; node && node !== document.body; node = node.parentElement) {
        const s = getComputedStyle(node);
        if (s.overflowX === "visible" && s.overflowY === "visible") continue;
        const clip = node.getBoundingClientRect();
        left = Math.max(left, clip.left); top = Math.max(top, clip.top);
        right = Math.min(right, clip.right); bottom = Math.min(bottom, clip.bottom);
      }
      const inViewport = rect.bottom > 0 && rect.right > 0 && rect.top < innerHeight && rect.left < innerWidth;
      let obscured = null;
      if (right <= left || bottom <= top) {
        obscured = inViewport ? "the edge of a scrolling box (clipped)" : null;
      } else {
        const hit = document.elementFromPoint((left + right) / 2, (top + bottom) / 2);
        const labelled = hit && el.labels && Array.from(el.labels).some((l) => l === hit || l.contains(hit));
        if (hit && hit !== el && !el.contains(hit) && !hit.contains(el) && !labelled) {
          obscured = hit.tagName.toLowerCase() + (hit.id ? "#" + hit.id : "") + (hit.className && typeof hit.className === "string" ? "." + hit.className.split(" ").join(".") : "");
        }
      }
      // The position in the laid-out page, whatever any scrolling box or the window is scrolled to.
      let layoutX = rect.left + scrollX;
      let layoutY = rect.top + scrollY;
      for (let node = el.parentElement; node && node !== document.body; node = node.parentElement) {
        layoutX += node.scrollLeft;
        layoutY += node.scrollTop;
      }
      const form = el.closest("form");
      const type = el.tagName === "INPUT" ? "[" + (el.getAttribute("type") || "text") + "]" : "";
      const seenBefore = this.stops.indexOf(el);
      this.stops.push(el);
      return {
        tag: el.tagName.toLowerCase() + type,
        name: nameOf(el).slice(0, 120),
        id: el.id || null,
        documentIndex: allElements().indexOf(el),
        box: { x: Math.round(layoutX), y: Math.round(layoutY), width: Math.round(rect.width), height: Math.round(rect.height) },
        visible: visibleNow(el, rect),
        inViewport,
        obscured,
        focusIndicator: indicator !== "none",
        indicator,
        formIndex: form ? Array.from(document.forms).indexOf(form) : null,
        seenBefore,
      };
    },
    /**
     * Controls inside a container that the last walk did not reach: every enabled, rendered control that was
     * there when the walk began (not, say, links of an error summary that blur validation showed behind it), a
     * radio group counting as reached when any of its radios was. Null when there is no such container.
     */
    missing(selector) {
      const root = document.querySelector(selector);
      if (!root) return null;
      const controls = [];
      const missing = [];
      for (const el of root.querySelectorAll(FOCUSABLE)) {
        if (el.disabled || el.tabIndex < 0 || !this.present.has(el)) continue;
        if (el.tagName === "INPUT" && el.type === "hidden") continue;
        const rect = el.getBoundingClientRect();
        if (rect.width === 0 && rect.height === 0) continue;
        controls.push(el);
        const reached = el.tagName === "INPUT" && el.type === "radio"
          ? this.stops.some((s) => s.tagName === "INPUT" && s.type === "radio" && s.name === el.name && s.form === el.form)
          : this.stops.includes(el);
        if (!reached) missing.push(el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + " " + nameOf(el).slice(0, 60));
      }
      return { controls: controls.length, missing };
    },
    positiveTabIndexes() {
      return Array.from(document.querySelectorAll("[tabindex]"))
        .filter((el) => el.tabIndex > 0)
        .map((el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + " tabindex=" + el.getAttribute("tabindex"));
    },
  };
})()`;

interface RawStop extends FocusStop {
  seenBefore: number;
}

async function install(page: Page): Promise<void> {
  await page.evaluate(IN_PAGE);
}

async function describeFocus(page: Page): Promise<RawStop | null> {
  return (await page.evaluate("window.__kbd.describe()")) as RawStop | null;
}

/**
 * Presses Tab up to `n` times and describes each element that gets focus. Stops early when focus leaves
 * the document (past the last stop) or comes round to an element it already met (the sequence wrapped);
 * `repeated` then names it. Starts from wherever focus is now (after page.goto: the top of the page).
 */
export async function tabThrough(page: Page, n: number): Promise<FocusStop[] & { repeated?: FocusStop }> {
  await install(page);
  await page.evaluate("window.__kbd.snapshot()");
  const stops: FocusStop[] & { repeated?: FocusStop } = [];
  for (let i = 0; i < n; i++) {
    await page.keyboard.press("Tab");
    const stop = await describeFocus(page);
    if (!stop) break;
    const { seenBefore, ...rest } = stop;
    if (seenBefore >= 0) {
      stops.repeated = rest;
      break;
    }
    stops.push(rest);
  }
  return stops;
}

/** Walks the whole page with Tab from the top (reloads it first, so focus starts at the document). */
export async function tabThroughPage(page: Page, max = 250): Promise<FocusStop[] & { repeated?: FocusStop }> {
  await page.reload();
  await page.waitForLoadState("load");
  return tabThrough(page, max);
}

const where = (s: FocusStop) => `${s.tag}${s.id ? `#${s.id}` : ""} "${s.name}"`;

/**
 * The focus order is sound: every stop comes later in the document than the one before (so nothing is
 * focused twice, and the order is the reading order of the markup); each focused element is visible, in the
 * viewport, not covered by something else and draws a focus indicator; and the next stop is never above
 * and to the left of the previous one (which would be focus jumping back against the layout).
 */
export function expectFocusOrderFollowsLayout(stops: FocusStop[] & { repeated?: FocusStop }, what: string): void {
  expect(stops.length, `${what}: Tab reaches something`).toBeGreaterThan(0);
  const problems: string[] = [];
  if (stops.repeated && stops.repeated.documentIndex !== stops[0]?.documentIndex) {
    problems.push(`${where(stops.repeated)} is focused twice before the end of the page`);
  }
  stops.forEach((stop, i) => {
    if (!stop.visible) problems.push(`stop ${i + 1} ${where(stop)} is not visible (${stop.box.width}×${stop.box.height})`);
    if (!stop.inViewport) problems.push(`stop ${i + 1} ${where(stop)} is outside the viewport`);
    if (stop.obscured) problems.push(`stop ${i + 1} ${where(stop)} is covered by ${stop.obscured}`);
    if (!stop.focusIndicator) problems.push(`stop ${i + 1} ${where(stop)} shows no focus indicator`);
    const previous = stops[i - 1];
    if (!previous) return;
    if (stop.documentIndex <= previous.documentIndex) {
      problems.push(`stop ${i + 1} ${where(stop)} comes before stop ${i} ${where(previous)} in the document`);
    }
    const above = stop.box.y + stop.box.height <= previous.box.y - 2;
    const leftOf = stop.box.x + stop.box.width <= previous.box.x - 2;
    if (above && leftOf) problems.push(`stop ${i + 1} ${where(stop)} jumps up and left of stop ${i} ${where(previous)}`);
  });
  expect(problems, `${what}: focus order and visible focus`).toEqual([]);
}

/** No element takes a positive tabindex (which would pull it out of the document's order). */
export async function positiveTabIndexes(page: Page): Promise<string[]> {
  await install(page);
  return (await page.evaluate("window.__kbd.positiveTabIndexes()")) as string[];
}

/**
 * Every control inside `selector` (enabled and rendered; a radio group once) was a stop of the last
 * `tabThrough`/`tabThroughPage` on this page.
 */
export async function expectTabReachesAllControls(page: Page, selector: string, what: string): Promise<void> {
  await install(page);
  const result = (await page.evaluate(`window.__kbd.missing(${JSON.stringify(selector)})`)) as { controls: number; missing: string[] } | null;
  expect(result, `${what}: ${selector} is on the page`).not.toBeNull();
  expect(result!.controls, `${what}: ${selector} has controls`).toBeGreaterThan(0);
  expect(result!.missing, `${what}: controls in ${selector} that Tab never reached`).toEqual([]);
}

export interface Focused {
  tag: string;
  name: string;
  id: string | null;
  type: string | null;
  checked: boolean | null;
}

/** What is focused now: its tag, rough accessible name and id (for keyboard-only journeys to find their way). */
export async function focused(page: Page): Promise<Focused> {
  return (await page.evaluate(`(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { tag: "body", name: "", id: null, type: null, checked: null };
    const label = el.getAttribute("aria-label") || (el.labels && el.labels.length ? Array.from(el.labels).map((l) => l.innerText).join(" ") : "")
      || el.innerText || el.getAttribute("value") || "";
    return { tag: el.tagName.toLowerCase(), name: label.replace(/\\s+/g, " ").trim(), id: el.id || null,
      type: el.getAttribute("type"), checked: el.type === "radio" || el.type === "checkbox" ? el.checked : null };
  })()`)) as Focused;
}

/**
 * Presses Tab (or Shift+Tab) until the focused element matches: its name equals a string or matches a
 * pattern, or a predicate holds (and the tag is `tag`, when given). Fails naming the stops it passed when
 * none matches within `max` presses. Returns what is focused.
 */
export async function tabTo(
  page: Page, target: RegExp | string | ((now: Focused) => boolean),
  options: { tag?: string; max?: number; backwards?: boolean } = {},
): Promise<Focused> {
  const max = options.max ?? 150;
  const passed: string[] = [];
  const matches = (now: Focused) =>
    (typeof target === "string" ? now.name === target : target instanceof RegExp ? target.test(now.name) : target(now))
    && (!options.tag || options.tag === now.tag);
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(options.backwards ? "Shift+Tab" : "Tab");
    const now = await focused(page);
    if (matches(now)) return now;
    passed.push(`${now.tag}${now.id ? `#${now.id}` : ""} "${now.name.slice(0, 40)}"`);
  }
  throw new Error(`Tab never reached ${String(target)} in ${max} presses; passed: ${passed.join(", ")}`);
}
