import { defineCatalogue } from "../../../platform/i18n.ts";

/**
 * Texts of the officer's step before an access answer (src/web/pages/cases/access-candidates.ts):
 * the registrations elsewhere in the region that may be about the requester.
 */
export const accessCandidateMessages = defineCatalogue(
  "web.accessCandidates",
  {
    link: "Registraties in de regio bekijken en bevestigen",
    title: "Registraties in de regio",
    intro:
      "Alle deelnemers zijn samen verantwoordelijk voor het register. Daarom beantwoordt u dit inzageverzoek voor de hele regio. Hieronder staan de registraties die volgens de vergelijking dezelfde persoon kunnen zijn als de verzoeker, ook van andere deelnemers. Vergelijk de gegevens en bevestig of wijs elke registratie af. Pas daarna kunt u het verzoek toekennen. Dat u deze registraties inziet, wordt vastgelegd en is zichtbaar voor de deelnemer die registreerde.",
    decided:
      "Over dit inzageverzoek is beslist. Hieronder ziet u hoe de registraties in de regio zijn beoordeeld. Dat kan nu niet meer worden gewijzigd.",
    checking: (count: number, due: string) =>
      `${count === 1 ? "Eén registratie" : `${count} registraties`} van een andere deelnemer ${count === 1 ? "kan" : "kunnen"} over de verzoeker gaan, maar de gegevens zijn niet precies gelijk. Dat wordt gecontroleerd: de deelnemer die registreerde, beoordeelt uiterlijk ${due} of het dezelfde persoon is. Tot dan ziet u daarvan niets en kunt u het verzoek nog niet toekennen.`,
    none: "Er is in de regio geen registratie gevonden die over de verzoeker kan gaan.",
    registeredBy: (organisation: string) => `Geregistreerd door ${organisation}`,
    field: "Gegeven",
    requester: "Opgegeven door de verzoeker",
    registered: "In de registratie",
    same: "Gelijk",
    fields: {
      initials: "Voorletters",
      prefix: "Tussenvoegsel",
      surname: "Achternaam",
      birthName: "Geboortenaam",
      birthDate: "Geboortedatum",
      seekerNumber: "Inschrijfnummer",
      email: "E-mailadres",
    } as Record<string, string>,
    decisions: {
      pending: "Nog niet beoordeeld",
      confirmed: "Bevestigd: gaat over de verzoeker",
      rejected: "Afgewezen: een andere persoon",
    } as Record<string, string>,
    confirm: "Bevestigen: dit is de verzoeker",
    reject: "Afwijzen: een andere persoon",
    saved: "Uw beoordeling is vastgelegd.",
    back: "Terug naar de zaak",
    noneConfirmed: "Geen bevestigde registraties.",
    until: "tot",
    actualRecipients: "Wie de gegevens werkelijk ontving",
    how: {
      screening: "bij een toetsing bleek dat de persoon geregistreerd staat",
      block: "zag de blokkade",
    },
  },
  {
    link: "View and confirm registrations in the region",
    title: "Registrations in the region",
    intro:
      "All participants are jointly responsible for the register, so you answer this access request for the whole region. Below are the registrations that, by the comparison, may be the same person as the requester, including other participants' ones. Compare the data and confirm or reject each registration. Only then can you grant the request. That you view these registrations is recorded and visible to the participant that registered.",
    decided:
      "This access request has been decided. Below is how the registrations in the region were judged; that can no longer be changed.",
    checking: (count: number, due: string) =>
      `${count === 1 ? "One registration" : `${count} registrations`} of another participant may be about the requester, but the data are not exactly the same. This is being checked: the participant that registered decides by ${due} whether it is the same person. Until then you see nothing of it and cannot grant the request yet.`,
    none: "No registration in the region was found that may be about the requester.",
    registeredBy: (organisation: string) => `Registered by ${organisation}`,
    field: "Item",
    requester: "Given by the requester",
    registered: "In the registration",
    same: "Same",
    fields: {
      initials: "Initials",
      prefix: "Prefix",
      surname: "Surname",
      birthName: "Birth name",
      birthDate: "Date of birth",
      seekerNumber: "House-seeker number",
      email: "E-mail address",
    },
    decisions: {
      pending: "Not yet judged",
      confirmed: "Confirmed: about the requester",
      rejected: "Rejected: another person",
    },
    confirm: "Confirm: this is the requester",
    reject: "Reject: another person",
    saved: "Your judgement is recorded.",
    back: "Back to the case",
    noneConfirmed: "No confirmed registrations.",
    until: "until",
    actualRecipients: "Who actually received the data",
    how: {
      screening: "learnt at a screening that the person is registered",
      block: "saw the block",
    },
  },
);
