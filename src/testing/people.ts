/** The example person of the registration and letter tests. */
export const JAN_PIETER = {
  initials: "J.P.",
  firstNames: "Jan Pieter",
  prefix: "van der",
  surname: "Zwaanswijk",
  birthDate: "1985-03-14",
  gender: "M" as const,
  email: "jp.zwaanswijk@example.org",
};
