import { defineCatalogue } from "../../../platform/i18n.ts";

/**
 * Texts of the person's route on the case page (src/web/pages/cases/route-sections.ts): who
 * asked and in their own words, the registrations the request was matched to ("koppelen"),
 * "geen registratie gevonden", and the committee's view of the objection an appeal follows.
 */
export const routeMessages = defineCatalogue(
  "web.caseRoute",
  {
    requesterTitle: "Wie vraagt dit",
    requesterIntro:
      "Dit zijn de gegevens die de verzoeker zelf opgaf. Dat u ze inziet, wordt vastgelegd.",
    name: "Naam",
    birthDate: "Geboortedatum",
    address: "Adres",
    email: "E-mailadres",
    phone: "Telefoonnummer",
    explanation: "Toelichting van de verzoeker",
    noExplanation: "De verzoeker gaf geen toelichting.",
    candidatesTitle: "Koppelen aan een registratie",
    candidatesIntro:
      "Bij ontvangst zijn de gegevens van de verzoeker vergeleken met de registraties in de regio. Hieronder staan uw registraties die over deze persoon kunnen gaan. Vergelijk de gegevens. Is het dezelfde persoon, koppel dan de zaak aan de registratie. Is het iemand anders, kies dan ‘Niet deze persoon’. Bij twijfel: neem contact op met de verzoeker.",
    candidatesNone: "Er is bij u geen registratie gevonden die over de verzoeker kan gaan.",
    provisional:
      "Deze registratie geeft voorlopig geen treffer en geen nieuwe blokkade, tot u koppelt of ‘Niet deze persoon’ kiest.",
    decisions: {
      pending: "Nog niet beoordeeld",
      linked: "Gekoppeld",
      rejected: "Niet deze persoon",
    } as Record<string, string>,
    score: (score: string) => `Overeenkomst: ${score}`,
    link: "Koppelen: dit is dezelfde persoon",
    reject: "Niet deze persoon",
    notLinked:
      "Deze zaak is nog niet gekoppeld aan een registratie. U kunt pas beslissen als de zaak gekoppeld is, of als u vastlegt dat er geen registratie is gevonden.",
    noneFound: "Geen registratie gevonden",
    noneFoundOption: "Er is in de hele regio geen registratie over de verzoeker gevonden",
    noneFoundHint:
      "Alleen als in de hele regio geen registratie over de verzoeker is gevonden. De brief zegt dat dan zo. Kies bij de uitkomst ‘Ongegrond / afgewezen’.",
    parentTitle: (reference: string) => `Het bezwaar waarop dit beroep volgt (${reference})`,
    parentDecision: "Beslissing op het bezwaar",
    parentReasons: "Motivering van de beslissing",
    parentOpen: "Bekijk de hele zaak",
    registrationTitle: "De registratie",
    categories: "Categorieën",
    period: "Looptijd",
    periodText: (from: string, until: string) => `van ${from} tot ${until}`,
    scope: "Geldt voor",
    scopes: { region: "de hele regio", organisation: "de primaire bron" } as Record<string, string>,
  },
  {
    requesterTitle: "Who is asking",
    requesterIntro:
      "These are the details the requester gave. That you view them is recorded in the audit log.",
    name: "Name",
    birthDate: "Date of birth",
    address: "Address",
    email: "E-mail address",
    phone: "Telephone number",
    explanation: "The requester's explanation",
    noExplanation: "The requester gave no explanation.",
    candidatesTitle: "Link to a registration",
    candidatesIntro:
      "On receipt, the requester's details were compared with the registrations in the region. Below are your registrations that may be about this person. Compare the details. If it is the same person, link the case to the registration. If it is someone else, choose ‘Not this person’. When in doubt: contact the requester.",
    candidatesNone: "None of your registrations may be about the requester.",
    provisional:
      "This registration gives no hit and no new block for now, until you link it or choose ‘Not this person’.",
    decisions: { pending: "Not judged yet", linked: "Linked", rejected: "Not this person" },
    score: (score) => `Similarity: ${score}`,
    link: "Link: this is the same person",
    reject: "Not this person",
    notLinked:
      "This case is not linked to a registration yet. You can decide only once it is linked, or when you record that no registration was found.",
    noneFound: "No registration found",
    noneFoundOption: "No registration about the requester was found anywhere in the region",
    noneFoundHint:
      "Only when no registration about the requester was found anywhere in the region. The letter then says so. Choose ‘Rejected’ as the outcome.",
    parentTitle: (reference) => `The objection this appeal follows (${reference})`,
    parentDecision: "Decision on the objection",
    parentReasons: "Reasons for the decision",
    parentOpen: "Open the whole case",
    registrationTitle: "The registration",
    categories: "Categories",
    period: "Term",
    periodText: (from, until) => `from ${from} to ${until}`,
    scope: "Applies to",
    scopes: { region: "the whole region", organisation: "the primary source" },
  },
);
