/** This module's encrypted columns (listed in modules/index.ts ENCRYPTED_COLUMNS). */
export const CASE_ENCRYPTED_COLUMNS = {
  table: "case_file",
  idColumn: "id",
  organisationColumn: "organisation_id",
  columns: ["requester_ciphertext", "reasons_ciphertext", "hearing_report_ciphertext"],
};

/** Where a case's encrypted value lives (bound into its ciphertext). */
export const place = (id: string, column: string) => ({ table: "case_file", column, rowId: id });
