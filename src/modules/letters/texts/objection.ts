/**
 * What a letter says about the person's rights and remedies: objection, consent to
 * disclosure, the register's and the committee's addresses, the GDPR rights, the DPO, and the
 * route after a decision: complaint committee, disputes committee, the court and the Autoriteit
 * Persoonsgegevens (003 §4.5, §16.4; 001 §11; AVG art. 77, 79; UAVG art. 35). Never the
 * Huurcommissie: it has no say over a registration (D-640).
 */
import { defineCatalogue } from "../../../platform/i18n.ts";

export const objectionTexts = defineCatalogue(
  "letters.objection",
  {
    rightToObject: {
      heading: "Uw recht van bezwaar",
      text: (reg: string) =>
        `U heeft het recht bezwaar te maken tegen uw opname in ${reg} (artikel 21 AVG), bijvoorbeeld als u vindt dat de registratie niet klopt of niet gerechtvaardigd is.`,
    },
    procedure: {
      heading: "Hoe u bezwaar maakt",
      howTo: {
        postOrEmail:
          "Stuur uw bezwaar schriftelijk (per brief of e-mail) naar het adres hieronder. Vermeld uw naam, woonplaats en adres, voeg een kopie van deze brief bij en geef aan waarom u het er niet mee eens bent.",
        post: "Stuur uw bezwaar per post naar het adres hieronder; een bezwaar per e-mail hoeft de organisatie niet in behandeling te nemen. Vermeld uw naam, woonplaats en adres, voeg een kopie van deze brief bij en geef aan waarom u het er niet mee eens bent.",
      },
      within: (term: string, until: string) =>
        `Dat kan binnen ${term} na de datum van deze brief, dus uiterlijk op ${until}.`,
      whileRunning: "Dat kan zolang de registratie loopt.",
      acknowledgementAndDecision: (ack: string, decision: string) =>
        `U krijgt binnen ${ack} een ontvangstbevestiging en binnen ${decision} na ontvangst een schriftelijke, gemotiveerde beslissing.`,
      appeal: (term: string, where: string, cite: string) =>
        `Verklaart de primaire bron uw bezwaar ongegrond, dan kunt u binnen ${term} na de datum van die beslissing in beroep bij de onafhankelijke geschillencommissie (${where}). Daarvoor betaalt u niets (${cite}).`,
      complaintRoute: (where: string, cite: string) =>
        `Wordt uw bezwaar afgewezen, of krijgt u niet binnen vier weken een schriftelijke reactie, dan kunt u verder. Is de organisatie die u registreerde een woningcorporatie, dan dient u eerst een klacht in bij haar klachtencommissie (artikel 55b Woningwet). Daarna, of als er geen klachtencommissie is, kunt u zich wenden tot de geschillencommissie van het samenwerkingsverband (${where}). Zo staat het in ${cite}.`,
    },
    objectionAddress: { heading: "Waar u uw bezwaar naartoe stuurt" },
    consentDisclosure: {
      heading: "Inzage door andere deelnemers",
      text: (afterReflection: string, cite: string) =>
        `Andere deelnemers zien bij een toetsing alleen sinds wanneer u bent opgenomen, door welke deelnemer, in welke W-categorie en of er een begeleidingsprocedure was. Meer (zoals de reden van opname en de einddatum) zien zij alleen met uw schriftelijke toestemming, voor het doel en de deelnemer die u noemt${afterReflection}. U kunt die toestemming weigeren of intrekken (${cite}).`,
      afterReflection: (term: string) => `, en pas na een bedenktijd van ${term}`,
    },
    registerAddress: {
      heading: (reg: string) => `Postadres van ${reg}`,
      see: (baseUrl: string) => `Zie ${baseUrl}/deelnemers.`,
    },
    rights: {
      heading: "Uw rechten",
      list: [
        "Inzage en een afschrift van uw gegevens (artikel 15 AVG).",
        "Correctie of aanvulling van onjuiste of onvolledige gegevens (artikel 16 AVG).",
        "Verwijdering van uw gegevens als zij niet langer nodig zijn of onrechtmatig worden verwerkt (artikel 17 AVG).",
        "Beperking van de verwerking, bijvoorbeeld zolang u de juistheid betwist of uw bezwaar loopt (artikel 18 AVG).",
        "Bezwaar tegen de verwerking (artikel 21 AVG).",
        "Overdraagbaarheid (artikel 20 AVG) heeft hier geen functie: de verwerking berust op gerechtvaardigd belang, niet op toestemming of een overeenkomst.",
        "Er vindt geen geautomatiseerde besluitvorming of profilering plaats (artikel 22 AVG): een medewerker beslist.",
      ],
      request: (answerWithin: string) =>
        `Een verzoek doet u schriftelijk, ook per e-mail, bij de organisatie die deze brief stuurt${answerWithin}. Een afwijzing wordt gemotiveerd. U kunt ook een klacht indienen bij de Autoriteit Persoonsgegevens (autoriteitpersoonsgegevens.nl) of naar de rechter gaan.`,
      answerWithin: (term: string) => `; u krijgt binnen ${term} antwoord`,
    },
    dpo: {
      heading: "Functionaris voor gegevensbescherming (FG)",
      name: "Naam",
      email: "E-mail",
      phone: "Telefoon",
    },
    appealRoute: {
      heading: "Als u het er niet mee eens bent",
      committee: "de geschillencommissie",
      appeal: (term: string, where: string) =>
        `Bent u het niet eens met deze beslissing, dan kunt u binnen ${term} na de datum van deze brief in beroep bij de onafhankelijke geschillencommissie (${where}). Vermeld uw naam, woonplaats en adres, voeg een kopie van deze beslissing bij en geef de gronden van uw beroep. U ontvangt binnen twee weken een ontvangstbevestiging; de commissie beslist binnen zes weken daarna. Het beroep kost u niets.`,
      toCommittee: (where: string) =>
        `Bent u het niet eens met deze beslissing, dan kunt u verder. Is de organisatie die u registreerde een woningcorporatie, dan dient u eerst een klacht in bij haar klachtencommissie (artikel 55b Woningwet). Daarna, of als er geen klachtencommissie is, kunt u zich wenden tot de geschillencommissie van het samenwerkingsverband (${where}). Vermeld uw naam, woonplaats en adres, voeg een kopie van deze beslissing bij en geef de gronden van uw klacht. De commissie beoordeelt of de registratie zorgvuldig is verlopen en geeft een gekwalificeerd advies.`,
      cite: (cite: string) => `Zo staat het in ${cite}.`,
    },
    courtAndAp: {
      court:
        "U kunt uw zaak ook voorleggen aan de rechter (de rechtbank; artikel 79 AVG en artikel 35 Uitvoeringswet AVG).",
      ap: "En u kunt op elk moment een klacht indienen bij de Autoriteit Persoonsgegevens (artikel 77 AVG; autoriteitpersoonsgegevens.nl).",
    },
    committeeAddress: {
      heading: "Postadres van de Geschillencommissie",
      onRequest: "Geschillencommissie (adres op aanvraag).",
    },
  },
  {
    rightToObject: {
      heading: "Your right to object",
      text: (reg: string) =>
        `You have the right to object to your registration in ${reg} (Article 21 GDPR), for example if you think it is wrong or not justified.`,
    },
    procedure: {
      heading: "How to object",
      howTo: {
        postOrEmail:
          "Send your objection in writing (by letter or e-mail) to the address below. Give your name, town and address, enclose a copy of this letter and say why you disagree.",
        post: "Send your objection by post to the address below; the organisation need not deal with an objection sent by e-mail. Give your name, town and address, enclose a copy of this letter and say why you disagree.",
      },
      within: (term: string, until: string) =>
        `You can do so within ${term} of the date of this letter, that is until ${until}.`,
      whileRunning: "You can do so for as long as the registration runs.",
      acknowledgementAndDecision: (ack: string, decision: string) =>
        `You will receive an acknowledgement within ${ack} and a written, reasoned decision within ${decision} of receipt.`,
      appeal: (term: string, where: string, cite: string) =>
        `If the primary source rejects your objection, you can appeal to the independent disputes committee (${where}) within ${term} of the date of that decision, free of charge (${cite}).`,
      complaintRoute: (where: string, cite: string) =>
        `If your objection is rejected, or you receive no written answer within four weeks, you can take it further. If the organisation that registered you is a housing corporation, first complain to its complaints committee (Article 55b of the Housing Act, Woningwet). After that, or if there is no complaints committee, you can turn to the consortium's disputes committee (${where}). This is laid down in ${cite}.`,
    },
    objectionAddress: { heading: "Where to send your objection" },
    consentDisclosure: {
      heading: "Access by other participants",
      text: (afterReflection: string, cite: string) =>
        `Other participants who screen you only see since when you are registered, by which participant, in which W-category and whether there was a support procedure. They see more (such as the reason and the end date) only with your written consent, for the purpose and participant you name${afterReflection}. You may refuse or withdraw that consent (${cite}).`,
      afterReflection: (term: string) => `, and only after a reflection period of ${term}`,
    },
    registerAddress: {
      heading: (reg: string) => `Postal address of ${reg}`,
      see: (baseUrl: string) => `See ${baseUrl}/deelnemers.`,
    },
    rights: {
      heading: "Your rights",
      list: [
        "Access to and a copy of your data (Article 15 GDPR).",
        "Rectification of inaccurate or incomplete data (Article 16 GDPR).",
        "Erasure of your data when no longer needed or unlawfully processed (Article 17 GDPR).",
        "Restriction of processing, for example while you contest accuracy or your objection is pending (Article 18 GDPR).",
        "Objection to the processing (Article 21 GDPR).",
        "Data portability (Article 20 GDPR) does not apply here: the processing rests on legitimate interests, not on consent or a contract.",
        "There is no automated decision-making or profiling (Article 22 GDPR): a person decides.",
      ],
      request: (answerWithin: string) =>
        `You make a request in writing, e-mail included, to the organisation sending this letter${answerWithin}. A refusal states its reasons. You may also complain to the Dutch Data Protection Authority (Autoriteit Persoonsgegevens, autoriteitpersoonsgegevens.nl) or go to court.`,
      answerWithin: (term: string) => `; you will have an answer within ${term}`,
    },
    dpo: {
      heading: "Data protection officer (DPO)",
      name: "Name",
      email: "E-mail",
      phone: "Phone",
    },
    appealRoute: {
      heading: "If you disagree",
      committee: "the disputes committee",
      appeal: (term: string, where: string) =>
        `If you disagree with this decision, you can appeal within ${term} of the date of this letter to the independent disputes committee (${where}). Give your name, town and address, enclose a copy of this decision and state your grounds. You will receive an acknowledgement within two weeks; the committee decides within six weeks after that. The appeal is free of charge.`,
      toCommittee: (where: string) =>
        `If you disagree with this decision, you can take it further. If the organisation that registered you is a housing corporation, first complain to its complaints committee (Article 55b of the Housing Act, Woningwet). After that, or if there is no complaints committee, you can turn to the consortium's disputes committee (${where}). Give your name, town and address, enclose a copy of this decision and state your grounds. The committee assesses whether the registration was done with due care and gives a qualified opinion.`,
      cite: (cite: string) => `This is laid down in ${cite}.`,
    },
    courtAndAp: {
      court:
        "You may also take your case to court (the district court; Article 79 GDPR and Article 35 of the Dutch GDPR Implementation Act).",
      ap: "And you may complain at any time to the Dutch Data Protection Authority (Autoriteit Persoonsgegevens; Article 77 GDPR; autoriteitpersoonsgegevens.nl).",
    },
    committeeAddress: {
      heading: "Postal address of the disputes committee",
      onRequest: "Disputes committee (address on request).",
    },
  },
);
