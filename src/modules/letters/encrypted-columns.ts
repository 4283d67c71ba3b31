/** This module's encrypted columns (listed in modules/index.ts ENCRYPTED_COLUMNS). */
export const LETTER_ENCRYPTED_COLUMNS = {
  table: "letter",
  idColumn: "id",
  organisationColumn: "organisation_id",
  columns: ["pdf_ciphertext"],
};
export const DUTY_ENCRYPTED_COLUMNS = {
  table: "notification_duty",
  idColumn: "id",
  organisationColumn: "organisation_id",
  columns: ["recipient_ciphertext"],
};

/** Where a letter's PDF is sealed (the keyring binds the ciphertext to its place). */
export const pdfPlace = (id: string) => ({ table: "letter", column: "pdf_ciphertext", rowId: id });

/** Where a duty's addressee is sealed. */
export const dutyPlace = (id: string) => ({
  table: "notification_duty",
  column: "recipient_ciphertext",
  rowId: id,
});
