import { html, type SafeHtml } from "../platform/html.ts";
import type { Language } from "../platform/i18n.ts";
import { messages } from "./i18n.ts";
import { accessCheckMessages } from "./pages/access-checks-messages.ts";

/** Who is signed in, as the header shows it. */
export interface Viewer {
  name: string;
  organisationName: string;
  /** PNG or JPEG data URL of the organisation's logo, when it has one. */
  logo: string | null;
  roles: readonly string[];
  csrfToken: string;
  /** Still to do before the application opens (password change, declaration). */
  restricted: boolean;
}

export interface PageOptions {
  title: string;
  lang?: Language;
  main: SafeHtml;
  viewer?: Viewer | null;
  /** The path of this page (for the current menu item and the language switch). */
  path?: string;
}

interface NavItem {
  href: string;
  label: string;
  roles: readonly string[];
}

/** The menu: only pages that exist, only for roles that may open them. */
function navItems(lang: Language): NavItem[] {
  const all = messages(lang);
  const m = all.nav;
  return [
    { href: "/werklijst", label: m.worklist, roles: ["officer"] },
    { href: "/registraties/nieuw", label: m.register, roles: ["officer"] },
    { href: "/registraties", label: m.registrations, roles: ["officer"] },
    { href: "/zoeken", label: all.personSearch.nav, roles: ["officer"] },
    { href: "/matches", label: m.matches, roles: ["officer"] },
    { href: "/mogelijke-treffers", label: all.screeningConfirmation.nav, roles: ["officer"] },
    { href: "/inzagecontroles", label: accessCheckMessages[lang].nav, roles: ["officer"] },
    { href: "/zaken", label: all.caseNav.cases, roles: ["officer", "consortium_admin"] },
    { href: "/brieven", label: all.caseNav.letters, roles: ["officer", "consortium_admin"] },
    { href: "/vroegsignalering", label: all.arrears.nav, roles: ["officer"] },
    { href: "/commissie", label: all.caseNav.committee, roles: ["committee"] },
    { href: "/toetsen", label: m.screening, roles: ["officer", "querier"] },
    ...adminNavItems(lang),
    { href: "/account", label: m.account, roles: ["*"] },
  ];
}

/** The consortium admin's and auditor's pages (src/web/pages/admin/, audit.ts). */
function adminNavItems(lang: Language): NavItem[] {
  const a = messages(lang).admin.nav;
  return [
    { href: "/beheer/deelnemers", label: a.participants, roles: ["consortium_admin"] },
    { href: "/beheer/gebruikers", label: a.users, roles: ["consortium_admin"] },
    { href: "/beheer/instellingen", label: a.settings, roles: ["consortium_admin"] },
    { href: "/beheer/protocol", label: a.protocol, roles: ["consortium_admin"] },
    { href: "/audit", label: a.auditLog, roles: ["auditor"] },
    { href: "/audit/controle", label: a.verify, roles: ["auditor"] },
    { href: "/audit/toegang", label: a.accessReview, roles: ["auditor", "consortium_admin"] },
    { href: "/audit/signalen", label: a.signals, roles: ["auditor"] },
    { href: "/audit/jaarverslag", label: a.annualReport, roles: ["auditor", "consortium_admin"] },
  ];
}

/** The public information pages (src/web/pages/public.ts), for visitors not signed in. */
function publicNavItems(lang: Language): NavItem[] {
  const a = messages(lang).admin.nav;
  return [
    { href: "/signaleringslijst", label: a.about, roles: [] },
    { href: "/categorieen", label: a.categories, roles: [] },
    { href: "/deelnemers", label: a.publicParticipants, roles: [] },
    { href: "/rechten", label: a.rights, roles: [] },
    { href: "/bezwaar", label: a.objection, roles: [] },
    { href: "/verzoek", label: a.request, roles: [] },
    { href: "/contact", label: a.contact, roles: [] },
  ];
}

/** The frame of every page: skip link, header, main landmark, footer (WCAG 2.1 AA). */
export function page({ title, lang = "nl", main, viewer, path = "/" }: PageOptions): string {
  const m = messages(lang);
  const items = viewer
    ? navItems(lang).filter(
        (i) =>
          (i.roles.includes("*") || i.roles.some((r) => viewer.roles.includes(r))) &&
          (!viewer.restricted || i.href === "/account"),
      )
    : publicNavItems(lang);
  const current = (href: string) =>
    path === href || (href !== "/registraties" && href !== "/audit" && path.startsWith(`${href}/`))
      ? "page"
      : null;
  const nav =
    items.length > 0
      ? html`<nav class="site-nav" aria-label="${viewer ? m.mainNav : m.admin.publicNav}"><div class="wrap"><ul>
${items.map((i) => {
  const c = current(i.href);
  return html`<li><a href="${i.href}"${c ? html` aria-current="page"` : ""}>${i.label}</a></li>`;
})}
</ul></div></nav>`
      : "";
  const who = viewer
    ? html`<div class="who"><span>${m.signedInAs(viewer.name, viewer.organisationName)}</span>
<form method="post" action="/afmelden" class="inline-form"><input type="hidden" name="_csrf" value="${viewer.csrfToken}"><button type="submit" class="link-button">${m.nav.signOut}</button></form></div>`
    : html`<a class="sign-in-link" href="/aanmelden">${m.nav.signIn}</a>`;
  const brand = viewer
    ? html`<span class="brand">${viewer.logo ? html`<img class="org-logo" src="${viewer.logo}" alt="">` : ""}<span class="org-name">${viewer.organisationName}</span><span class="product"> · ${m.appName}</span></span>`
    : html`<a class="brand" href="/">${m.appName}</a>`;
  return html`<!doctype html>
<html lang="${lang}" class="utrecht-theme utrecht-html">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="htmx-config" content='{"includeIndicatorStyles":false,"allowEval":false}'>
<title>${title} — ${m.appName}</title>
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/static/vendor/utrecht-theme.css">
<link rel="stylesheet" href="/static/vendor/utrecht-html.css">
<link rel="stylesheet" href="/static/app.css">
<script src="/static/vendor/htmx.min.js" defer></script>
</head>
<body>
<a class="skip-link" href="#inhoud">${m.skipLink}</a>
<header class="site-header"><div class="wrap header-row">${brand}
<div class="header-tools">${who}<a class="lang-switch" href="${path}?lang=${m.switchLang}" lang="${m.switchLang}" hreflang="${m.switchLang}" aria-label="${m.switchLabel}">${m.switchTo}</a></div>
</div></header>
${nav}
<main id="inhoud" class="wrap" tabindex="-1">
${main}
</main>
<footer class="site-footer"><div class="wrap"><p>${m.footer}</p></div></footer>
</body>
</html>`.value;
}
