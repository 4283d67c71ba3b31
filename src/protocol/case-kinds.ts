/**
 * The kinds of case a person or participant can start: the rights of AVG art. 15–18 and 21
 * (003 ch. 15; contract §3), objection, complaint, appeal and hardship (003 §16, ch. 24), a new
 * chance (003 §12.4; 000), and the keurmerk procedures with the support team and consent
 * (001 §9, §5.5). The one list: cases validate against it, letters name each kind.
 */
export const CASE_KINDS = [
  "access",
  "rectification",
  "erasure",
  "restriction",
  "objection",
  "complaint",
  "appeal",
  "hardship",
  "new_chance",
  "support_team",
  "consent",
] as const;
export type CaseKind = (typeof CASE_KINDS)[number];
