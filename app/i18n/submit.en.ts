import type { submitSv } from "./submit.sv";

// English copy for the submit area. Mirrors submit.sv.ts.
export const submitEn: typeof submitSv = {
  placeholder: "",
};
