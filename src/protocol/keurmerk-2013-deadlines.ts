/** The deadlines of the keurmerk-2013 profile (001), each with its article: the profile's `deadlines`. */
import type { DeadlineRule } from "./profile.ts";

export const KEURMERK_DEADLINES: Readonly<Record<string, DeadlineRule>> = {
  placement_letter: {
    term: { weeks: 4 },
    from: "placement",
    by: "primary_source",
    text: "Schriftelijke mededeling van de opname, met de bezwaar- en beroepsmogelijkheden.",
    source: "001 §9.1 A, §3.4 (Invoerklacht)",
  },
  continuation_letter: {
    term: { weeks: 4 },
    from: "continuation_decision",
    by: "primary_source",
    text: "Mededeling dat de opname wordt gecontinueerd (begeleidingsteam wees af of voorwaarden niet nagekomen).",
    source: "001 §9.1 B",
  },
  removal_letter: {
    term: { weeks: 4 },
    from: "removal",
    by: "primary_source",
    text: "Mededeling van de verwijdering.",
    source: "001 §9.1 C",
  },
  hit_letter: {
    term: { weeks: 4 },
    from: "screening",
    by: "querying_participant",
    text: "Mededeling aan betrokkene dat een toets een hit opleverde, met zijn rechten en plichten.",
    source: "001 §9.1 D, §3.3",
  },
  screening_confirmation: {
    term: { workingDays: 1 },
    from: "screening",
    by: "primary_source",
    text:
      "Beoordelen of de getoetste persoon dezelfde is als de opgenomen persoon (mogelijke " +
      "treffer bij een toets door een andere deelnemer): bevestigen of afwijzen.",
    source: "001 §5.2 (de toets stelt vast of betrokkene is opgenomen), §3.2; issue 24",
    note:
      "001 kent geen bevestigingsstap en geen termijn. Gekozen: een toets die alleen een " +
      "gelijkende naam of geboortedatum vindt, wordt eerst door de deelnemer die opnam " +
      "beoordeeld, binnen 1 werkdag; de toetsende deelnemer hoort tot dan niets over die opname.",
  },
  block_letter: {
    term: { weeks: 4 },
    from: "block",
    by: "primary_source",
    text: "Betrokkene informeren over de blokkade van de inschrijving als woningzoekende.",
    source: "001 kent geen blokkade; gevolgd wordt 003 §6 punt 5, met de termijn van 001 §9.1",
    note:
      "001 kent geen match- of blokkadestap, maar het woonruimteverdeelsysteem krijgt na een " +
      "bevestigde match wel een blokkade (toekenning ALLOCATION_SYSTEM). Gekozen: betrokkene " +
      "wordt daarover geïnformeerd zoals over elke mededeling van 001 §9.1, binnen 4 weken.",
  },
  objection_window: {
    term: { weeks: 6 },
    from: "notice",
    by: "person",
    text: "Termijn om bezwaar te maken, na de dagtekening van de mededeling (of het uitblijven ervan).",
    source: "001 §9.1, §11 (Bezwaar), Bijlage 2 art. 5",
  },
  objection_acknowledgement: {
    term: { weeks: 2 },
    from: "receipt",
    by: "primary_source",
    text: "Ontvangstbevestiging van het bezwaarschrift.",
    source: "001 §11 (Ingekomen bezwaarschrift)",
  },
  objection_decision: {
    term: { weeks: 3 },
    from: "receipt",
    by: "primary_source",
    text: "Schriftelijke reactie op het bezwaar: gegrond of ongegrond, met de beroepsmogelijkheid.",
    source:
      "001 §11 (Reactie op bezwaarschrift: binnen 3 weken; Ingekomen bezwaarschrift: binnen 6 weken)",
    note:
      "§11 noemt voor dezelfde reactie 6 weken ('Ingekomen bezwaarschrift') en 3 weken ('Reactie " +
      "op bezwaarschrift'). Gekozen: 3 weken, de kortere: betrokkene weet eerder waar hij staat " +
      "en kan eerder in beroep.",
  },
  upheld_objection_removal: {
    term: { workingDays: 5 },
    from: "decision",
    by: "primary_source",
    text: "Na gegrondverklaring van het bezwaar de opname verwijderen.",
    source: "001 §3.4 (Verwijdering van klacht)",
  },
  appeal_window: {
    term: { weeks: 6 },
    from: "decision",
    by: "person",
    text: "Termijn om in beroep te gaan bij de geschillencommissie, na de dagtekening van de beslissing op bezwaar.",
    source: "001 §11 (Beroep op bezwaarschrift)",
  },
  appeal_acknowledgement: {
    term: { weeks: 2 },
    from: "receipt",
    by: "committee",
    text: "Ontvangstbevestiging van het beroep, ondertekend door de geschillencommissie.",
    source: "001 §11, Bijlage 2 art. 18 lid 1",
  },
  appeal_decision: {
    term: { weeks: 6 },
    from: "acknowledgement",
    by: "committee",
    text: "Beslissing (bindend advies) van de geschillencommissie op het beroep.",
    source: "001 §11 (binnen 6 weken na de ontvangstbevestiging)",
    note: "Geteld vanaf de ontvangstbevestiging, zoals de tekst zegt; uiterlijk 8 weken na ontvangst.",
  },
  upheld_appeal_removal: {
    term: { workingDays: 5 },
    from: "decision",
    by: "primary_source",
    text: "Na gegrondverklaring van het beroep de opname verwijderen.",
    source: "001 §3.4 (Verwijdering van klacht)",
  },
  support_team_appeal_window: {
    term: { weeks: 6 },
    from: "decision",
    by: "person",
    text: "Termijn om rechtstreeks in beroep te komen tegen een beslissing van het begeleidingsteam.",
    source: "001 §11 (slot), §6.2 A",
  },
  access_request_decision: {
    term: { weeks: 3 },
    from: "receipt",
    by: "participant",
    text: "Schriftelijk meedelen of, en zo ja welke, gegevens van betrokkene zijn opgenomen.",
    source: "001 §9.3 (binnen drie weken), §9.2 (inzage binnen vier weken)",
    note:
      "§9.3 (vraag aan een deelnemer: 3 weken) en §9.2 (inzage met kopieën via het Meldpunt: 4 " +
      "weken) overlappen; één verzoek om inzage krijgt de kortere termijn. De kopieën van §9.2 " +
      "volgen uiterlijk binnen 'access_copies'.",
  },
  access_copies: {
    term: { weeks: 4 },
    from: "receipt",
    by: "register",
    text: "Alle vastgelegde gegevens en de gevraagde kopieën, afschriften of uittreksels verstrekken.",
    source: "001 §9.2",
  },
  rectification_request_decision: {
    term: { weeks: 3 },
    from: "receipt",
    by: "primary_source",
    text: "Meedelen of en in hoeverre aan een verzoek om verbetering of aanvulling wordt voldaan.",
    source: "001 §9.4",
  },
  erasure_request_decision: {
    term: { weeks: 3 },
    from: "receipt",
    by: "primary_source",
    text: "Meedelen of en in hoeverre aan een verzoek om verwijdering wordt voldaan.",
    source: "001 §9.4",
  },
  restriction_request_decision: {
    term: { weeks: 3 },
    from: "receipt",
    by: "primary_source",
    text: "Meedelen of en in hoeverre aan een verzoek om afscherming wordt voldaan.",
    source: "001 §9.4",
  },
  correction_execution: {
    term: { weeks: 5 },
    from: "receipt",
    by: "primary_source",
    text: "Een toegewezen verbetering, aanvulling, verwijdering of afscherming uitvoeren.",
    source: "001 §9.4 (binnen twee weken na afloop van de termijn van drie weken)",
    note: "Geteld vanaf ontvangst van het verzoek: 3 + 2 = 5 weken, zonder de Atw-verlenging van de eerste termijn op te stapelen.",
  },
  correction_notification: {
    term: { weeks: 4 },
    from: "execution",
    by: "primary_source",
    text: "Betrokkene meedelen dat de verbetering, aanvulling, verwijdering of afscherming is uitgevoerd.",
    source: "001 §9.4 (slot)",
  },
  hardship_decision: {
    term: { weeks: 6 },
    from: "receipt",
    by: "committee",
    text: "Beslissing van de geschillencommissie op een beroep op de hardheidsclausule (alleen ten gunste van betrokkene).",
    source: "001 §10 (Hardheidsclausule)",
    note:
      "001 §10 noemt geen termijn. Gekozen: 6 weken, de termijn van de commissie voor een " +
      "beslissing op beroep (§11).",
  },
  consent_reflection: {
    term: { workingDays: 3 },
    from: "request",
    by: "person",
    text: "Bedenktijd van betrokkene voordat schriftelijke toestemming voor inzage door andere deelnemers geldt.",
    source: "001 §5.5",
    note:
      "Gelezen als: na het schriftelijke verzoek heeft betrokkene 3 werkdagen om te beslissen, " +
      "en eerder gegeven toestemming wordt pas na die 3 werkdagen gebruikt (intrekken kan tot dan).",
  },
  support_tenancy_review: {
    term: { months: 12 },
    from: "rehousing",
    by: "participant",
    text:
      "Controleren of betrokkene de voorwaarden van huur- en begeleidingsovereenkomst is " +
      "nagekomen (eenmaal met 6 maanden te verlengen); zo ja verwijderen, zo nee continueren.",
    source: "001 Bijlage 1 Toelichting punt 3 A, §9.1 B",
  },
  appeal_written_submission: {
    term: { weeks: 2 },
    from: "request",
    by: "person",
    text: "Het geschil schriftelijk voorleggen na een verzoek daartoe; anders geldt het als ingetrokken.",
    source: "001 Bijlage 2 art. 14 lid 4",
    note: "De Commissie kan deze termijn bekorten of verlengen.",
  },
  appeal_not_handled_notice: {
    term: { weeks: 4 },
    from: "decision",
    by: "committee",
    text: "Partijen meedelen dat het geschil niet (verder) wordt behandeld.",
    source: "001 Bijlage 2 art. 15 lid 2",
  },
  appeal_participant_response: {
    term: { weeks: 2 },
    from: "notice",
    by: "participant",
    text: "Standpunt van de deelnemer over het geschil, na de kennisgeving van de Commissie.",
    source: "001 Bijlage 2 art. 16 lid 1",
    note: "De Commissie kan deze termijn bekorten of verlengen.",
  },
  appeal_witness_names: {
    term: { weeks: 1 },
    from: "hearing",
    by: "person",
    before: true,
    text: "Namen en adressen van getuigen of deskundigen opgeven, uiterlijk één week vóór de zitting.",
    source: "001 Bijlage 2 art. 17 lid 1",
    note: "Geldt voor beide partijen; wordt terug geteld vanaf de zittingsdatum.",
  },
  appeal_expert_report_reaction: {
    term: { weeks: 2 },
    from: "notice",
    by: "person",
    text: "Schriftelijk reageren op het deskundigenrapport (beide partijen).",
    source: "001 Bijlage 2 art. 17 lid 4",
    note: "De Commissie kan deze termijn bekorten of verlengen.",
  },
  appeal_correction_request: {
    term: { weeks: 2 },
    from: "advice_sent",
    by: "person",
    text: "Verzoek om herstel van een kennelijke reken- of schrijffout in het bindend advies (beide partijen).",
    source: "001 Bijlage 2 art. 18 lid 9",
  },
  appeal_correction_reaction: {
    term: { weeks: 2 },
    from: "notice",
    by: "participant",
    text: "Reactie van de wederpartij op een verzoek om herstel van het bindend advies.",
    source: "001 Bijlage 2 art. 18 lid 9",
  },
  appeal_recusal_window: {
    term: { weeks: 1 },
    from: "receipt",
    by: "person",
    text: "Wraking van een lid van de Commissie, na indiening van het beroepschrift (beide partijen).",
    source: "001 Bijlage 2 art. 20 lid 2",
  },
  binding_advice_annulment_window: {
    term: { months: 6 },
    from: "advice_sent",
    by: "person",
    text: "Het bindend advies ter vernietiging aan de rechter voorleggen; daarna is het onaantastbaar.",
    source: "001 Bijlage 2 art. 21",
  },
};
