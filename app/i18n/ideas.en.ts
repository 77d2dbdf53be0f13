import type { ideasSv } from "./ideas.sv";

// English copy for the ideas area. Mirrors ideas.sv.ts.
export const ideasEn: typeof ideasSv = {
  placeholder: "",
};
