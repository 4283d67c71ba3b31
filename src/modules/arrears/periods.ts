/** schuldenrust: collection suspended 30 days after the tenant accepted help (002 step 3). */
export const SCHULDENRUST_DAYS = 30;
/** The pause button (004 "Pauze-knop") pauses collection for at most this many days (D-109). */
export const MAX_PAUSE_DAYS = 92;
/** Retention (docs/retention.md "Vroegsignalering"). */
export const RETENTION_MONTHS_AFTER_ARREARS = 12;
export const POSITION_HISTORY_MONTHS = 13;
