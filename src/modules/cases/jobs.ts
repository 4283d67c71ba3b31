import { dailyJob } from "../../platform/jobs/define.ts";
import type { CaseDeadlines } from "./ports.ts";

/**
 * Daily: the deadlines of cases (issue 8) — reminders before they fall due, consents that
 * take effect after their reflection period (001 §5.5), and upheld decisions whose removal
 * term has come: the system removes the registration (003 §12.4, §16.3; 001 §3.4).
 */
export const deadlinesJob = dailyJob<{ cases: CaseDeadlines }>("deadlines", "30 6 * * *", {
  description:
    "Reminds of case deadlines due within three days, lets consents take effect after their reflection period, and removes registrations whose upheld objection, complaint or appeal was not carried out in time.",
  run: ({ services, today }) => services.cases.runDeadlines(today),
});
