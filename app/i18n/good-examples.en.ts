import type { goodExamplesSv } from "./good-examples.sv";

// English copy for good examples and adopting them (/goda-exempel). Mirrors good-examples.sv.ts.

export const goodExamplesEn: typeof goodExamplesSv = {
  title: "Good examples – Idéslussen",
};
