// Swedish copy for the ideas area. Twin: ideas.en.ts (typed to match).
export const ideasSv = {
  placeholder: "",
};
