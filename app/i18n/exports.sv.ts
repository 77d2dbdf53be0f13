// Swedish copy for exports (CSV, XLSX), the read-only API and its tokens (/admin/api-nycklar).

export const exportsSv = {
  title: "Export och API – Idéslussen",
};
