import { html } from "../../platform/html.ts";
import type { PageContext } from "../kit.ts";

/**
 * The public start page: what the register is and what a person may expect of it, in the
 * visitor's language. The wording follows the main protocol (seed 003: ch. 2 purpose, ch. 7
 * terms, ch. 10 letter, ch. 15 rights, ch. 16 objections); region-specific details come with
 * the public pages.
 */
export function homePage(ctx: PageContext) {
  const h = ctx.m.admin.home;
  return ctx.send(
    h.title,
    html`
<h1>${ctx.m.appName}</h1>
<p class="lead">${h.lead}</p>

<h2>${h.whatTitle}</h2>
<p>${h.what}</p>

<h2>${h.rightsTitle}</h2>
<ul>
${h.rights.map((r) => html`<li>${r}</li>`)}
</ul>
<p>${h.participantsBefore}<a href="/deelnemers">${h.participantsLink}</a>${h.participantsAfter}</p>
<p>${h.letter}</p>

<h2>${h.earlyTitle}</h2>
<p>${h.early}</p>
`,
  );
}
