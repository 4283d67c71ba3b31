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

/** A person as the tests send one to the API (registrations, screenings, the seeker index). */
export interface PersonInput {
  initials: string;
  surname: string;
  birthDate: string;
  prefix?: string;
  firstNames?: string;
  gender?: "M" | "V" | "X";
  seekerNumber?: string;
}
