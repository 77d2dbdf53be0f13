// Swedish copy for the inbox area. Twin: inbox.en.ts (typed to match).
export const inboxSv = {
  placeholder: "",
};
