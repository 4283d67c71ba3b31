/**
 * The formal criteria of the keurmerk-2013 profile (001 Bijlage 1, Formele criteria voor opname): each with the categories it
 * grounds, the evidence that must ground it on record and who may be registered on it (issue
 * 20). Kept beside keurmerk-2013.ts, which holds the rest of the profile.
 */
import { tenants } from "./evidence-kinds.ts";
import type { CriterionRule } from "./profile.ts";

export const KEURMERK_CRITERIA: readonly CriterionRule[] = [
  {
    code: "W1.1",
    text: "Betrokkene is bij gerechtelijk vonnis veroordeeld tot ontruiming van het gehuurde vanwege overlast.",
    categories: ["W1"],
    evidence: {
      kinds: ["vonnis", "proces_verbaal_ontruiming"],
      required: ["vonnis"],
      source: "001 Bijlage 1 W1, formeel criterium 1 ('bij gerechtelijk vonnis veroordeeld')",
    },
    relations: tenants(
      "001 Begripsbepalingen 'Betrokkene' (de (voormalige) huurder, medehuurder of onderhuurder)",
    ),
    source: "001 Bijlage 1 W1, formeel criterium 1",
  },
  {
    code: "W1.2",
    text:
      "Overlast zo ernstig dat de deelnemer de start van een ontruimingsprocedure schriftelijk " +
      "heeft aangekondigd of die al is gestart, en die alleen niet is gestart of voortgezet " +
      "doordat betrokkene zelf vertrok; mits vooraf minimaal twee schriftelijke sommaties, " +
      "aantoonbaar bewijs van de overlast (politie, buren of anderszins) en een uitnodiging voor een gesprek.",
    categories: ["W1"],
    evidence: {
      kinds: [
        "aankondiging_ontruiming",
        "dagvaarding_betekend",
        "twee_sommaties",
        "verklaringen",
        "proces_verbaal",
        "uitnodiging_gesprek",
      ],
      required: ["twee_sommaties", "verklaringen", "uitnodiging_gesprek"],
      source:
        "001 Bijlage 1 W1, formeel criterium 2 ('minimaal: a. 2 schriftelijke sommaties; én, b. aantoonbaar bewijs van de overlast door verklaringen van politie en/of buren en/of anderszins; én, c. uitnodiging aan betrokkene voor gesprek')",
      note: "De drie voorwaarden gelden samen: elk moet als bewijsstuk zijn vastgelegd. Een proces-verbaal van de politie mag naast de verklaringen; het vervangt ze niet.",
    },
    relations: tenants(
      "001 Begripsbepalingen 'Betrokkene' (de (voormalige) huurder, medehuurder of onderhuurder)",
    ),
    source: "001 Bijlage 1 W1, formeel criterium 2",
  },
  {
    code: "W2.1",
    text:
      "Betrokkene is bij gerechtelijk vonnis veroordeeld tot ontruiming vanwege huurachterstand " +
      "of tot betaling van mutatieschade.",
    categories: ["W2"],
    evidence: {
      kinds: ["vonnis", "proces_verbaal_ontruiming"],
      required: ["vonnis"],
      source: "001 Bijlage 1 W2, formeel criterium 1 ('bij gerechtelijk vonnis veroordeeld')",
    },
    relations: tenants(
      "001 Begripsbepalingen 'Betrokkene' (de (voormalige) huurder, medehuurder of onderhuurder)",
    ),
    source: "001 Bijlage 1 W2, formeel criterium 1",
  },
  {
    code: "W2.2",
    text:
      "Betrokkene liet bij vertrek een niet voldane mutatieschade van ten minste EUR 500 achter, " +
      "mits er met betrokkene een zorgvuldige mutatieprocedure was (tenzij hij die zelf " +
      "frustreerde) en de primaire bron foto's van de schade heeft.",
    categories: ["W2"],
    evidence: {
      kinds: ["schaderapport", "fotos_schade"],
      required: ["schaderapport", "fotos_schade"],
      source:
        "001 Bijlage 1 W2, formeel criterium 2 ('a) … een zorgvuldige mutatieprocedure …; én, b) er foto's van de betreffende mutatieschade in het bezit zijn van de Primaire bron')",
    },
    relations: tenants(
      "001 Begripsbepalingen 'Betrokkene' (de (voormalige) huurder, medehuurder of onderhuurder)",
    ),
    source: "001 Bijlage 1 W2, formeel criterium 2",
  },
  {
    code: "W3.1",
    text:
      "Betrokkene is bij gerechtelijk vonnis veroordeeld vanwege hennepkwekerij in het gehuurde, " +
      "gehele onderverhuur zonder eigen hoofdverblijf, drugshandel of gelegenheid geven tot " +
      "drugsgebruik, (poging tot) bedreiging of mishandeling van een medewerker (of een ander " +
      "misdrijf tegen diens leven), of brandstichting.",
    categories: ["W3", "W1"],
    evidence: {
      kinds: ["vonnis", "proces_verbaal_ontruiming"],
      required: ["vonnis"],
      source: "001 Bijlage 1 W3, formeel criterium 1 ('bij gerechtelijk vonnis veroordeeld')",
    },
    relations: tenants(
      "001 Begripsbepalingen 'Betrokkene' (de (voormalige) huurder, medehuurder of onderhuurder)",
    ),
    source: "001 Bijlage 1 W3, formeel criterium 1; Toelichting punt 4 (W1 in plaats van W3)",
    note:
      "Draagt ook W1: bij drugsgerelateerd gedrag waarbij de overlast voortkwam uit persoonlijke " +
      "verslaving en begeleiding perspectief biedt, mag betrokkene in W1 in plaats van W3 " +
      "(Toelichting punt 4). De engine kan de feiten niet onderscheiden; de functionaris " +
      "beoordeelt dat (§4.4.1 c). W1 is voor betrokkene nooit ongunstiger dan W3.",
  },
  {
    code: "W3.2",
    text:
      "Betrokkene maakte zich schuldig aan een van de feiten van W3; de deelnemer heeft de " +
      "ontruimingsprocedure schriftelijk aangekondigd of gestart en betrokkene vertrok zelf; " +
      "mits vooraf aantoonbaar bewijs (politie, buren of anderszins).",
    categories: ["W3", "W1"],
    evidence: {
      kinds: ["aankondiging_ontruiming", "dagvaarding_betekend", "verklaringen", "proces_verbaal"],
      required: ["verklaringen"],
      source:
        "001 Bijlage 1 W3, formeel criterium 2 ('minimaal aantoonbaar bewijs van de genoemde feiten door verklaringen van politie en/of buren en/of anderszins')",
    },
    relations: tenants(
      "001 Begripsbepalingen 'Betrokkene' (de (voormalige) huurder, medehuurder of onderhuurder)",
    ),
    source: "001 Bijlage 1 W3, formeel criterium 2; Toelichting punt 4 (W1 in plaats van W3)",
    note: "Draagt ook W1, zoals W3.1 (Toelichting punt 4).",
  },
];
