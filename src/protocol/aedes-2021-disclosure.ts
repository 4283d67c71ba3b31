/**
 * What a hit or block on an aedes-2021 registration may show to whom (003 §6, §13.3, §13.5),
 * each grant with its article; kkr and keurmerk-2013 reuse the field list.
 */
import { DISCLOSURE_FIELDS, type DisclosureField, type DisclosureGrant } from "./profile.ts";

/** Every field of a registration a grant can show; the begeleidingsteam is keurmerk's (001 §4.2). */
export const ALL_FIELDS: readonly DisclosureField[] = DISCLOSURE_FIELDS.filter(
  (f) => f !== "supportTeamProcedure",
);

/** What the primary source's own querier sees: that there is one, its dates, scope and source. */
export const OWN_QUERIER_FIELDS: readonly DisclosureField[] = [
  "appliesToCaller",
  "since",
  "until",
  "scope",
  "primarySource",
];

export const OWN_OFFICER: DisclosureGrant = {
  fields: ALL_FIELDS,
  requiresConfirmedMatch: false,
  source: "003 §6 punt 3, §13.3, §14.1",
  note: "De primaire bron ziet haar eigen signaleringen volledig (de gegevens van §12.1).",
};

export const OWN_QUERIER: DisclosureGrant = {
  fields: OWN_QUERIER_FIELDS,
  requiresConfirmedMatch: false,
  source: "003 §13.3 (de gegevens van §12.1 inzien doen alleen geautoriseerde functionarissen)",
  note:
    "Een bevrager van de primaire bron ziet dat er een signalering is, looptijd en reikwijdte, " +
    "niet de categorie (de reden): die is voorbehouden aan geautoriseerde functionarissen.",
};

export const CONSORTIUM: DisclosureGrant = {
  fields: ALL_FIELDS,
  requiresConfirmedMatch: false,
  source:
    "003 §14.1 (medewerkers van het samenwerkingsverband kunnen signaleringen opvoeren, " +
    "onderhouden en verwijderen voor alle deelnemers)",
};

export const OTHER_PARTICIPANT: DisclosureGrant = {
  fields: ["appliesToCaller", "primarySource"],
  requiresConfirmedMatch: true,
  source: "003 §6 punten 3, 5 en 6 (alleen zien dat er sprake is van blokkade); §13.5",
  note:
    "Andere deelnemers zien pas iets na een door de primaire bron bevestigde match (blokkade), " +
    "en dan alleen dát er een blokkade is, of zij voor henzelf geldt (bij reikwijdte " +
    "'corporatie' weigert alleen de primaire bron; anderen kunnen hooguit voorwaarden stellen, " +
    "§4.3, §13.3) en welke primaire bron betrokkene en bevrager de weg wijst (§12.1). Geen " +
    "begin- of einddatum en geen reikwijdte: reikwijdte 'corporatie' met een looptijd boven 24 " +
    "maanden kan alleen categorie D zijn, en de looptijd verraadt de schadeschijf van D.VIII — " +
    "de aanleiding, die §13.5 nooit aan andere deelnemers geeft. Nooit de categorie.",
};

export const ALLOCATION_SYSTEM: DisclosureGrant = {
  fields: ["until", "scope"],
  requiresConfirmedMatch: true,
  source:
    "003 §6 punten 5 en 6; §7 (A en D: uitsluiting corporatie); §13.3 (een betrokkene met een blokkade kan niet reageren)",
  note:
    "Het woonruimteverdeelsysteem hoeft alleen te weten of en tot wanneer een inschrijving " +
    "geblokkeerd is, per deel: bij reikwijdte 'regio' voor alle woningen, bij reikwijdte " +
    "'corporatie' alleen voor de woningen van de genoemde corporatie(s) — anders kan het een " +
    "uitsluiting corporatie niet als zodanig toepassen. Geen categorie, geen begindatum.",
};
