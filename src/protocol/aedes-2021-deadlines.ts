/** The deadlines of the aedes-2021 profile (003), each with its article: the profile's `deadlines`. */
import type { DeadlineRule } from "./profile.ts";

const FOUR_WEEKS_NOTE =
  "003 noemt geen termijn. Gekozen: 4 weken, zoals 001 §9.1 en binnen de uiterste maand van " +
  "AVG art. 14 lid 3 onder a (4 weken is nooit langer dan een maand).";

const COMMITTEE_NOTE =
  "003 verwijst voor deze termijn naar het reglement van de geschillencommissie (bijlage E), " +
  "dat niet in de seed staat. Gekozen: de termijn van 001 §11, de enige in de seeds; een " +
  "reglement van de regio gaat voor.";

export const AEDES_DEADLINES: Readonly<Record<string, DeadlineRule>> = {
  placement_letter: {
    term: { weeks: 4 },
    from: "placement",
    by: "primary_source",
    text: "E-mail of brief aan betrokkene over de opname, met categorie, termijn, rechten en bezwaarprocedure.",
    source: "003 §10 (Informatie aan betrokkene bij plaatsing), §6 punt 2",
    note: FOUR_WEEKS_NOTE,
  },
  placement_letter_late_address: {
    term: { weeks: 4 },
    from: "address_known",
    by: "primary_source",
    text: "Betrokkene alsnog informeren zodra een e-mail- of postadres bekend wordt.",
    source: "003 §10 (adres later bekend)",
    note: FOUR_WEEKS_NOTE,
  },
  block_letter: {
    term: { weeks: 4 },
    from: "block",
    by: "primary_source",
    text: "Betrokkene informeren over de blokkade van de inschrijving.",
    source: "003 §6 punt 5",
    note: FOUR_WEEKS_NOTE,
  },
  hit_letter: {
    term: { weeks: 4 },
    from: "screening",
    by: "querying_participant",
    text: "Betrokkene informeren dat een toetsing een hit opleverde, met zijn rechten.",
    source:
      "003 §13.4 (betrokkene wordt geïnformeerd over registratie, consequentie en rechten); contract §3",
    note:
      "003 kent geen aparte hitbrief of termijn. Gekozen: 4 weken, naar 001 §9.1 D. Mag " +
      "achterwege blijven als betrokkene al op de hoogte is; bij twijfel wel informeren (§10 slot).",
  },
  screening_confirmation: {
    term: { workingDays: 1 },
    from: "screening",
    by: "primary_source",
    text:
      "Beoordelen of de getoetste persoon dezelfde is als de geregistreerde persoon (mogelijke " +
      "treffer bij een toetsing door een andere deelnemer): bevestigen of afwijzen.",
    source:
      "003 §6 punt 3 (de primaire bron controleert of het om dezelfde persoon gaat); issue 24",
    note:
      "003 noemt voor deze controle geen termijn. Gekozen: 1 werkdag. De bevrager wacht op een " +
      "definitief antwoord voor een toewijzing; tot de bevestiging hoort hij niets over de " +
      "registratie (ontwerpprincipe: wie iemand is, beslist een mens, geen score).",
  },
  removal_letter: {
    term: { weeks: 4 },
    from: "removal",
    by: "primary_source",
    text: "Betrokkene informeren dat de signalering is verwijderd.",
    source: "003 §15 (informeren bij toekenning van een verzoek), §12.4",
    note:
      "003 schrijft geen verwijderingsbrief voor; 001 §9.1 C wel (4 weken). Gekozen: wel " +
      "informeren, gunstig voor betrokkene.",
  },
  access_request_decision: {
    term: { weeks: 4 },
    from: "receipt",
    by: "primary_source",
    text: "Beslissen op een verzoek om inzage en afschrift en betrokkene informeren.",
    source: "003 §15 (binnen vier weken na ontvangst), §15.2",
  },
  rectification_request_decision: {
    term: { weeks: 4 },
    from: "receipt",
    by: "primary_source",
    text: "Beslissen op een verzoek om correctie of aanvulling.",
    source: "003 §15 (binnen vier weken na ontvangst), §15.3",
  },
  erasure_request_decision: {
    term: { weeks: 4 },
    from: "receipt",
    by: "primary_source",
    text: "Beslissen op een verzoek om wissing.",
    source: "003 §15 (binnen vier weken na ontvangst), §15.4",
  },
  restriction_request_decision: {
    term: { weeks: 4 },
    from: "receipt",
    by: "primary_source",
    text: "Beslissen op een verzoek om beperking van de verwerking.",
    source: "003 §15 (binnen vier weken na ontvangst), §15.5",
  },
  objection_acknowledgement: {
    term: { weeks: 2 },
    from: "receipt",
    by: "primary_source",
    text: "Ontvangstbevestiging van een bezwaar tegen de opname.",
    source: "003 §16.2",
    note: COMMITTEE_NOTE,
  },
  objection_decision: {
    term: { weeks: 4 },
    from: "receipt",
    by: "primary_source",
    text: "Schriftelijke beslissing op een bezwaar (verzet, AVG art. 21) tegen de opname.",
    source:
      "003 §15 (binnen vier weken), §15.7, §16.4 (uitblijven van een reactie binnen vier weken)",
  },
  upheld_objection_removal: {
    term: { weeks: 2 },
    from: "decision",
    by: "primary_source",
    text: "Na gegrondverklaring de signalering verwijderen of corrigeren.",
    source: "003 §16.3, §12.4",
  },
  complaint_acknowledgement: {
    term: { weeks: 2 },
    from: "receipt",
    by: "primary_source",
    text: "Ontvangstbevestiging van een klacht en registratie ervan in de signaleringsmodule.",
    source: "003 §16.2",
    note: COMMITTEE_NOTE,
  },
  complaint_decision: {
    term: { weeks: 4 },
    from: "receipt",
    by: "primary_source",
    text: "Schriftelijke reactie op een klacht: gegrond of ongegrond, met de beroepsmogelijkheid.",
    source: "003 §4.5, §16.3, §16.4",
    note:
      "§16.3 verwijst naar het reglement van de geschillencommissie; §4.5 en §16.4 noemen vier " +
      "weken, waarna betrokkene zich tot de geschillencommissie kan wenden.",
  },
  complaint_window: {
    term: { weeks: 6 },
    from: "decision",
    by: "person",
    text:
      "Termijn om te klagen over (het uitblijven van) een beslissing op een verzoek om inzage, " +
      "correctie of verwijdering (§16.1 onder b); bij uitblijven geteld vanaf de dag waarop de " +
      "beslissing uiterlijk had moeten vallen.",
    source: "003 §16.1",
    note:
      "Het getal ontbreekt in de seed ('binnen weken'). Gekozen: 6 weken, de langste termijn die " +
      "de seeds een betrokkene geven (001 §11, Bijlage 2 art. 5). Een klacht tegen de registratie " +
      "zelf (§16.1 onder a) kan de hele looptijd worden ingediend en heeft hier geen termijn.",
  },
  upheld_complaint_removal: {
    term: { weeks: 2 },
    from: "decision",
    by: "primary_source",
    text: "Na gegrondverklaring van een klacht de signalering verwijderen of corrigeren, of de gevraagde informatie verstrekken.",
    source: "003 §16.3",
  },
  appeal_acknowledgement: {
    term: { weeks: 2 },
    from: "receipt",
    by: "committee",
    text: "Ontvangstbevestiging van een klacht bij de geschillencommissie.",
    source: "003 §16.4 (reglement geschillencommissie, bijlage E)",
    note: COMMITTEE_NOTE,
  },
  appeal_decision: {
    term: { weeks: 6 },
    from: "acknowledgement",
    by: "committee",
    text: "Uitspraak (gekwalificeerd advies) van de geschillencommissie.",
    source: "003 §16.4 (reglement geschillencommissie, bijlage E)",
    note: COMMITTEE_NOTE,
  },
  upheld_appeal_removal: {
    term: { weeks: 2 },
    from: "decision",
    by: "primary_source",
    text: "Na gegrondverklaring door de geschillencommissie de signalering verwijderen, aanpassen of aanvullen.",
    source: "003 §16.4",
  },
  hardship_decision: {
    term: { weeks: 6 },
    from: "receipt",
    by: "committee",
    text: "Beslissing van de geschillencommissie op een beroep op de hardheidsclausule (alleen ten gunste van betrokkene).",
    source: "003 hoofdstuk 24 (Hardheidsclausule)",
    note:
      "003 noemt geen termijn. Gekozen: 6 weken, de termijn waarin de geschillencommissie op " +
      "een klacht beslist (§16.4; 001 §11).",
  },
  new_chance_decision: {
    term: { weeks: 4 },
    from: "receipt",
    by: "primary_source",
    text: "Beslissing op een aanvraag om een nieuwe kans (beoordeling door de primaire bron).",
    source: "003 §4.4, §12.4 punt 1a",
    note: "003 noemt geen termijn. Gekozen: 4 weken, als voor verzoeken van betrokkene (hoofdstuk 15).",
  },
};
