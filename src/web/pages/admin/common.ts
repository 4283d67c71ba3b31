import { html, type SafeHtml } from "../../../platform/html.ts";

/** The consortium admin's pages: every route declares this access. */
export const ADMIN = { roles: ["consortium_admin"], scope: "any" } as const;

/** A secret shown once (activation password, API key): in this answer only. */
export function secretBox(title: string, text: string, secret: string): SafeHtml {
  return html`<div class="notice notice--ok" role="status"><h2>${title}</h2><p>${text}</p>
<p><code class="secret" data-testid="secret">${secret}</code></p></div>`;
}
