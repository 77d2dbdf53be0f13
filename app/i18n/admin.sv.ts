// Swedish copy for the admin area (/admin). Twin: admin.en.ts.
export const adminSv = {
  title: "Administration – Idéslussen",
  heading: "Administration",
};
