import { html, type SafeHtml } from "./html.ts";

export interface PageOptions {
  title: string;
  lang?: "nl" | "en";
  main: SafeHtml;
}

/** The frame of every page: skip link, header, main landmark, footer (WCAG 2.1 AA). */
export function page({ title, lang = "nl", main }: PageOptions): string {
  return html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} — Woonsignaal</title>
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/static/app.css">
</head>
<body>
<a class="skip-link" href="#inhoud">Naar de inhoud</a>
<header class="site-header"><div class="wrap"><a class="brand" href="/">Woonsignaal</a></div></header>
<main id="inhoud" class="wrap" tabindex="-1">
${main}
</main>
<footer class="site-footer"><div class="wrap"><p>Woonsignaal — signaleringslijst en vroegsignalering voor verhuurders in de regio.</p></div></footer>
</body>
</html>`.value;
}
