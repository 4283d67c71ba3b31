/**
 * Messages of the vroegsignalering pages (issue #11): the catalogue "web.arrears", merged into
 * the main catalogue in i18n.ts as `arrears`. Its texts live beside the pages that use them
 * (arrears-i18n-*.ts). The English dictionary is typed as the Dutch one: a missing
 * translation does not compile.
 */
import { defineCatalogue } from "../../platform/i18n.ts";
import { commonEn, commonNl } from "./arrears-i18n-common.ts";
import { fileEn, fileNl } from "./arrears-i18n-file.ts";
import { importsEn, importsNl } from "./arrears-i18n-imports.ts";
import { overviewEn, overviewNl } from "./arrears-i18n-overview.ts";
import { worklistEn, worklistNl } from "./arrears-i18n-worklist.ts";

const nl = { ...commonNl, ...worklistNl, ...fileNl, ...overviewNl, ...importsNl };

export type ArrearsMessages = typeof nl;

const en: ArrearsMessages = { ...commonEn, ...worklistEn, ...fileEn, ...overviewEn, ...importsEn };

export const arrearsMessages = defineCatalogue("web.arrears", nl, en);
