/**
 * The arrears module's SQL, one file per resource under repository/ (the only place that
 * queries the arrears_* tables); use cases and read models import `* as repo` from here.
 */
export * from "./repository/agreements.ts";
export * from "./repository/deliveries.ts";
export * from "./repository/feedback.ts";
export * from "./repository/holds.ts";
export * from "./repository/prevention.ts";
export * from "./repository/retention.ts";
export * from "./repository/selection.ts";
export * from "./repository/statistics.ts";
export * from "./repository/tenancies.ts";
