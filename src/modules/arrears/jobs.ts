import { monthlyJob } from "../../platform/jobs/define.ts";
import type { ArrearsSignalsRun } from "./ports.ts";

/**
 * The monthly vroegsignalering run (contract §2 `arrears-signals`; 002 step 1: signals are
 * delivered monthly). `jobs run arrears-signals --now YYYY-MM-DD` runs it for that date's
 * month with that date as the signal date.
 */
export const arrearsSignalsJob = monthlyJob<{ arrears: ArrearsSignalsRun }>(
  "arrears-signals",
  "0 6 5 * *",
  {
    description:
      "Selects the tenants eligible for a vroegsignaal and produces one delivery per municipality with a signed agreement (002).",
    run: ({ services, today }) => services.arrears.runMonthlySignals(today),
  },
);
