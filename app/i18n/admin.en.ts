import type { adminSv } from "./admin.sv";

// English copy for the admin area (/admin). Mirrors admin.sv.ts.
export const adminEn: typeof adminSv = {
  title: "Administration – Idéslussen",
  heading: "Administration",
};
