import { html } from "../html.ts";
import { page } from "../layout.ts";

/**
 * The public start page: what the register is and what a person may expect of it. The
 * wording follows the main protocol (seed 003: ch. 2 purpose, ch. 7 terms, ch. 10 letter,
 * ch. 15 rights, ch. 16 objections); region-specific details come with the public pages.
 */
export function homePage(): string {
  return page({
    title: "Welkom",
    main: html`
<h1>Woonsignaal</h1>
<p class="lead">Woonsignaal is het systeem waarmee verhuurders in deze regio samen een
<strong>signaleringslijst</strong> bijhouden en huurachterstanden vroeg melden bij de gemeente,
zodat mensen op tijd hulp krijgen.</p>

<h2>Wat is de signaleringslijst?</h2>
<p>Op de signaleringslijst staan alleen mensen bij wie ernstig ongewenst huurgedrag is
vastgesteld en bewezen, zoals ernstige overlast, gevaar, fraude of grote schade. Een
vermelding duurt een beperkte tijd en verdwijnt daarna vanzelf. Wie op de lijst staat, krijgt
daarover altijd eerst een brief.</p>

<h2>Uw rechten</h2>
<ul>
<li>U mag vragen welke gegevens over u zijn vastgelegd (inzage).</li>
<li>U mag vragen om onjuiste gegevens te verbeteren of te verwijderen.</li>
<li>U mag bezwaar maken tegen een vermelding. Is uw bezwaar terecht, dan wordt de vermelding verwijderd.</li>
<li>Bent u het niet eens met de beslissing op uw bezwaar, dan kunt u naar een onafhankelijke geschillencommissie.</li>
</ul>
<p>Welke organisaties de lijst gebruiken, ziet u op de pagina <a href="/deelnemers">Deelnemers</a>.</p>
<p>Heeft u een brief over de signaleringslijst gekregen? In die brief staat bij welke
organisatie u terecht kunt en hoe u bezwaar maakt.</p>

<h2>Vroegsignalering</h2>
<p>Heeft u een huurachterstand? Dan neemt uw verhuurder eerst zelf contact met u op. Lukt het
niet om samen een oplossing te vinden, dan mag de verhuurder uw gegevens doorgeven aan de
gemeente, zodat die u hulp kan aanbieden. Een huurachterstand komt nooit op de
signaleringslijst door vroegsignalering.</p>
`,
  });
}
