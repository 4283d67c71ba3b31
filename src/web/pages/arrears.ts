/**
 * Vroegsignalering pages (issue #11): the worklist, the tenancies and a tenancy's file with
 * every form of the landlord's side of seeds 002 and 004, the agreements with
 * municipalities, the deliveries, the early warnings, the dashboard and the imports. Every
 * read and write goes through the ArrearsService (modules talk through services); the pages
 * decide nothing the service does not. One file per page (arrears-<page>.ts), their shared
 * pieces in arrears-common.ts and their texts in arrears-i18n*.ts.
 */

import type { Services } from "../../modules/index.ts";
import type { Clock } from "../../platform/clock.ts";
import type { App } from "../../platform/context.ts";
import type { Kit } from "../kit.ts";
import { registerArrearsAgreementPages } from "./arrears-agreements.ts";
import { registerArrearsDeliveryPages } from "./arrears-deliveries.ts";
import { registerArrearsFilePage } from "./arrears-file.ts";
import { registerArrearsFileForms } from "./arrears-file-forms.ts";
import { registerArrearsImportPages } from "./arrears-imports.ts";
import { registerArrearsDashboardPage } from "./arrears-overview.ts";
import { registerArrearsSignalsPage } from "./arrears-signals.ts";
import { registerArrearsTenanciesPage } from "./arrears-tenancies.ts";
import { registerArrearsWorklistPage } from "./arrears-worklist.ts";

export function registerArrearsPages(app: App, services: Services, kit: Kit, clock: Clock) {
  registerArrearsWorklistPage(app, services, kit);
  registerArrearsTenanciesPage(app, services, kit);
  registerArrearsFilePage(app, services, kit, clock);
  registerArrearsFileForms(app, services, kit, clock);
  registerArrearsAgreementPages(app, services, kit);
  registerArrearsDeliveryPages(app, services, kit);
  registerArrearsSignalsPage(app, services, kit);
  registerArrearsDashboardPage(app, services, kit);
  registerArrearsImportPages(app, services, kit, clock);
}
