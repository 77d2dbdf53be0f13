import type { exportsSv } from "./exports.sv";

// English copy for exports (CSV, XLSX), the read-only API and its tokens (/admin/api-nycklar). Mirrors exports.sv.ts.

export const exportsEn: typeof exportsSv = {
  title: "Exports and API – Idéslussen",
};
