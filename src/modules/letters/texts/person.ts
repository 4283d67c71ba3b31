/**
 * What a letter says about the person and their data: identification, address, the primary
 * source, the data held, who receives them and where they come from.
 */
import { defineCatalogue } from "../../../platform/i18n.ts";

export const personTexts = defineCatalogue(
  "letters.person",
  {
    name: "Naam",
    initials: "Voorletters",
    birthDate: "Geboortedatum",
    birthName: "Geboortenaam",
    gender: "Geslacht",
    genders: { M: "man", V: "vrouw", X: "X" },
    email: "E-mailadres",
    seekerNumber: "Inschrijfnummer",
    address: "Adres",
    identity: { heading: "Uw identificatiegegevens" },
    postalAddress: {
      heading: "Uw adresgegevens",
      unknown:
        "Er is geen adres van u bekend. Deze brief is opgesteld, gedateerd en vastgelegd; zodra uw adres bekend wordt, ontvangt u hem alsnog.",
    },
    dwelling: {
      heading: "Adres van de woning",
      asRecorded: "(de gehuurde woning waarover de registratie gaat)",
      notRecorded: "Niet vastgelegd.",
    },
    primarySource: {
      heading: "Wie u heeft geregistreerd (primaire bron)",
      registeredOn: "Geregistreerd op",
    },
    storedData: {
      heading: "Welke gegevens wij over u vastleggen",
      none: (reg: string) => `Er zijn over u geen gegevens opgenomen in ${reg}.`,
      addressNotRecorded: "niet vastgelegd",
      categories: "Categorieën",
      criteria: "Formele criteria",
      placementDate: "Datum van plaatsing (ontruiming)",
      enteredOn: "Invoerdatum",
      endDate: "Einddatum",
      scope: "Reikwijdte",
      claim: "Vordering",
      objection: "Bezwaar of beroep",
      pending: "aanhangig",
      noObjection: "geen",
      supportTeam: "Begeleidingsteam (datum en uitkomst)",
      noProcedure: "geen procedure",
      enteredBy: "Ingevoerd door",
      officerOf: (organisation: string) => `een geautoriseerd functionaris van ${organisation}`,
      protocolVersion: "Vastgelegd volgens",
    },
    recipients: {
      heading: "Wie uw gegevens ontvangt",
      primarySource:
        "Geautoriseerde functionarissen van de primaire bron (de organisatie die u registreerde).",
      otherParticipants: (reg: string) =>
        `Andere deelnemers aan ${reg}: alleen dat er een blokkade is, of die ook voor hen geldt en welke organisatie u registreerde. Niet sinds of tot wanneer, en nooit de achterliggende reden.`,
      /** Where other participants' screenings show more (keurmerk-2013: 001 §5.2). */
      otherParticipantsScreening: (reg: string) =>
        `Andere deelnemers aan ${reg}: bij een toetsing alleen sinds wanneer u bent opgenomen, door welke deelnemer, in welke categorie en of er een begeleidingsprocedure was; nooit de achterliggende reden.`,
      consortium: "Medewerkers van het samenwerkingsverband dat het register beheert.",
      supplier:
        "De leverancier van het systeem, als verwerker, alleen voor beheer en ondersteuning.",
      committee: "De geschillencommissie, als u een zaak aan haar voorlegt.",
    },
    dataSource: {
      heading: "Herkomst van de gegevens",
      text: (organisation: string) =>
        `De gegevens zijn vastgelegd door ${organisation} (de primaire bron), uit haar eigen huuradministratie.`,
    },
  },
  {
    name: "Name",
    initials: "Initials",
    birthDate: "Date of birth",
    birthName: "Birth name",
    gender: "Gender",
    genders: { M: "male", V: "female", X: "X" },
    email: "E-mail address",
    seekerNumber: "House-seeker number",
    address: "Address",
    identity: { heading: "Your identification data" },
    postalAddress: {
      heading: "Your address",
      unknown:
        "No address of yours is known. This letter was drawn up, dated and recorded; once your address becomes known it will be sent to you.",
    },
    dwelling: {
      heading: "Address of the dwelling",
      asRecorded: "(the rented dwelling the registration is about)",
      notRecorded: "Not recorded.",
    },
    primarySource: {
      heading: "Who registered you (primary source)",
      registeredOn: "Registered on",
    },
    storedData: {
      heading: "What data we hold about you",
      none: (reg: string) => `No data about you are recorded in ${reg}.`,
      addressNotRecorded: "not recorded",
      categories: "Categories",
      criteria: "Formal criteria",
      placementDate: "Placement date (eviction)",
      enteredOn: "Date entered",
      endDate: "End date",
      scope: "Scope",
      claim: "Claim",
      objection: "Objection or appeal",
      pending: "pending",
      noObjection: "none",
      supportTeam: "Support team (date and outcome)",
      noProcedure: "no procedure",
      enteredBy: "Entered by",
      officerOf: (organisation: string) => `an authorised officer of ${organisation}`,
      protocolVersion: "Recorded under",
    },
    recipients: {
      heading: "Who receives your data",
      primarySource:
        "Authorised officers of the primary source (the organisation that registered you).",
      otherParticipants: (reg: string) =>
        `Other participants of ${reg}: only that there is a block, whether it applies to them too and which organisation registered you. Not since or until when, and never the underlying reason.`,
      otherParticipantsScreening: (reg: string) =>
        `Other participants of ${reg}: on a screening only since when you are registered, by which participant, in which category and whether there was a support procedure; never the underlying reason.`,
      consortium: "Staff of the consortium that runs the register.",
      supplier: "The system's supplier, as processor, for maintenance and support only.",
      committee: "The disputes committee, if you bring a case before it.",
    },
    dataSource: {
      heading: "Where the data come from",
      text: (organisation: string) =>
        `The data were recorded by ${organisation} (the primary source), from its own tenancy records.`,
    },
  },
);
