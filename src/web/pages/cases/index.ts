import type { Services } from "../../../modules/index.ts";
import type { Clock } from "../../../platform/clock.ts";
import type { App } from "../../../platform/context.ts";
import type { Kit } from "../../kit.ts";
import { registerAccessCandidatePages } from "./access-candidates.ts";
import { registerCaseDetailPages } from "./detail.ts";
import { registerCaseListPages } from "./list.ts";
import { registerNewCasePages } from "./new-case.ts";
import { registerCaseStepPages } from "./steps.ts";

/**
 * The case pages (issue #10), one file per group: the lists, a new case, the case page with
 * its access report, and the steps on a case. Every step goes through the same service
 * function as the API.
 */
export function registerCasePages(app: App, services: Services, kit: Kit, clock: Clock) {
  registerCaseListPages(app, services, kit, clock);
  registerNewCasePages(app, services, kit, clock);
  registerCaseDetailPages(app, services, kit, clock);
  registerCaseStepPages(app, services, kit, clock);
  registerAccessCandidatePages(app, services, kit);
}
