/** The vroegsignalering pages' catalogue lives beside them: src/web/pages/arrears-i18n.ts. */
export { type ArrearsMessages, arrearsMessages } from "./pages/arrears-i18n.ts";
