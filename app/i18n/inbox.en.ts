import type { inboxSv } from "./inbox.sv";

// English copy for the inbox area. Mirrors inbox.sv.ts.
export const inboxEn: typeof inboxSv = {
  placeholder: "",
};
