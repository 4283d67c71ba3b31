/**
 * The formal criteria of the aedes-2021 profile (003 §5, Formele criteria voor opname): each with the categories it
 * grounds, the evidence that must ground it on record and who may be registered on it (issue
 * 20). Kept beside aedes-2021.ts, which holds the rest of the profile.
 */
import { type EvidenceKind, tenants } from "./evidence-kinds.ts";
import type { CriterionRule } from "./profile.ts";

/**
 * What may ground 003 §5 formal criterion c: a report of the municipality or the police, or an
 * admission, and the judgment and eviction report where there are any. kkr follows it where 000
 * is silent (its criterion CRIM.2).
 */
export const CRITERION_C_EVIDENCE: readonly EvidenceKind[] = [
  "proces_verbaal",
  "rapportage_gemeente",
  "bekentenis",
  "vonnis",
  "proces_verbaal_ontruiming",
];

export const AEDES_CRITERIA: readonly CriterionRule[] = [
  {
    code: "a",
    text:
      "Rechterlijke uitspraak die de ontruiming toewijst (kort geding) of de huurovereenkomst " +
      "ontbindt en de ontruiming toewijst (bodemprocedure), én de woonruimte is ontruimd of na " +
      "aanmaning vrijwillig verlaten.",
    categories: ["A.I", "B.II", "B.III", "C.IV", "C.V", "C.VI", "D.VII"],
    evidence: {
      kinds: ["vonnis", "proces_verbaal_ontruiming"],
      required: ["vonnis"],
      source:
        "003 §5 Formele criteria a ('uitspraak van de rechter … én de woonruimte ook wordt ontruimd of na aanmaning vrijwillig is verlaten')",
    },
    relations: tenants("003 hoofdstuk 5 Hoofdregel (de (mede)huurder)"),
    source: "003 §5 Formele criteria a ('voor de categorieën I tot en met VII')",
  },
  {
    code: "b",
    text:
      "Ernstige overlast; de verhuurder had al een dagvaarding betekend en de (mede)huurder is " +
      "vóór de uitspraak vrijwillig vertrokken; de tekortkoming is bewezen of erkend.",
    categories: ["A.I"],
    evidence: {
      kinds: ["dagvaarding_betekend", "verklaringen", "proces_verbaal", "bekentenis"],
      required: ["dagvaarding_betekend"],
      source:
        "003 §5 Formele criteria b ('al een dagvaarding heeft betekend'; 'het bewijs van de tekortkoming of een erkenning van de huurder')",
    },
    relations: tenants("003 hoofdstuk 5 Hoofdregel (de (mede)huurder)"),
    source: "003 §5 Formele criteria b",
  },
  {
    code: "c",
    text:
      "Aantoonbare overtreding van de Opiumwet en/of sluiting van de woonruimte en/of ontbinding " +
      "van de huurovereenkomst, én de woonruimte is ontruimd of verlaten; bewezen door een " +
      "rapportage van gemeente of politie of door erkenning.",
    categories: ["C.VI"],
    evidence: {
      kinds: CRITERION_C_EVIDENCE,
      source:
        "003 §5 Formele criteria c ('op basis van een rapportage van de gemeente, politie of een erkenning van de huurder')",
    },
    relations: tenants("003 hoofdstuk 5 Hoofdregel (de (mede)huurder)"),
    source: "003 §5 Formele criteria c",
  },
  {
    code: "d",
    text: "Bij het einde van de huur of bij ontruiming beschadigingen aan het gehuurde van ten minste € 500.",
    categories: ["D.VIII"],
    evidence: {
      kinds: ["schaderapport", "fotos_schade", "vonnis"],
      source: "003 §5 Formele criteria d ('beschadigingen aan het gehuurde'), §8",
    },
    relations: tenants("003 hoofdstuk 5 Hoofdregel (de (mede)huurder)"),
    source: "003 §5 Formele criteria d",
  },
  {
    code: "e.i",
    text:
      "Onjuiste of onvolledige informatie of fraude bij inschrijving, aanvraag of reactie op een " +
      "aanbod, die leidt tot uitsluiting of wijziging van de inschrijftijd en -gegevens, of tot " +
      "uitsluiting van de woningzoekende van het aanbod van een woning.",
    categories: ["E.IX"],
    evidence: {
      kinds: ["besluit_uitsluiting", "fraudeonderzoek"],
      required: ["besluit_uitsluiting"],
      source:
        "003 §5 Formele criteria e onder i ('leidt tot uitsluiting of wijziging van de inschrijftijd')",
    },
    relations: {
      value: ["huurder", "medehuurder", "woningzoekende"],
      source:
        "003 hoofdstuk 5 Hoofdregel en Formele criteria e ('de (mede)huurder - en ingeval van i, de woningzoekende')",
    },
    source: "003 §5 Formele criteria e onder i",
    note: "Het enige criterium waarop een woningzoekende (geen huurder) kan worden geplaatst (§5 Hoofdregel).",
  },
  {
    code: "e.ii",
    text:
      "Onjuiste of onvolledige informatie of fraude die leidt tot een vrijwillig vertrek uit de " +
      "woonruimte, bij aantoonbare fraude door de (mede)huurder.",
    categories: ["E.IX"],
    evidence: {
      kinds: ["fraudeonderzoek", "huuropzegging", "bekentenis"],
      source: "003 §5 Formele criteria e onder ii ('vrijwillig vertrek … aantoonbare fraude')",
    },
    relations: tenants("003 hoofdstuk 5 Hoofdregel (de (mede)huurder)"),
    source: "003 §5 Formele criteria e onder ii",
  },
  {
    code: "e.iii",
    text:
      "Onjuiste of onvolledige informatie of fraude die leidt tot een rechterlijke uitspraak: de " +
      "woonruimte hoeft niet ter beschikking te worden gesteld, de huurovereenkomst is terecht " +
      "vernietigd of ontbonden, en/of de ontruiming wordt toegewezen.",
    categories: ["E.IX"],
    evidence: {
      kinds: ["vonnis"],
      required: ["vonnis"],
      source: "003 §5 Formele criteria e onder iii ('een uitspraak van de rechter')",
    },
    relations: tenants("003 hoofdstuk 5 Hoofdregel (de (mede)huurder)"),
    source: "003 §5 Formele criteria e onder iii",
  },
];
