// Swedish copy for the submit area. Twin: submit.en.ts (typed to match).
export const submitSv = {
  placeholder: "",
};
