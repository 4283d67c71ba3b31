import { defineCatalogue } from "../../platform/i18n.ts";

/**
 * Texts of the public pages (`m.admin.pub`, src/web/pages/public.ts); assembled in
 * src/web/i18n.ts.
 */
const nl = {
  admin: {
    pub: {
      aboutTitle: "Wat is de signaleringslijst?",
      about: [
        "De signaleringslijst is een gezamenlijke lijst van de verhuurders in de regio. Er staan mensen op die zich volgens de verhuurder ernstig ongewenst als huurder hebben gedragen: bijvoorbeeld ernstige overlast, gevaar, fraude of grote schade. Voor elke soort gedrag staat in het protocol wat er moet vaststaan voordat iemand op de lijst komt. Dat is niet altijd een uitspraak van de rechter: soms volstaat een feit dat de verhuurder heeft vastgesteld, zoals onjuiste gegevens bij de inschrijving. Zie Categorieën.",
        "Een verhuurder zet iemand pas op de lijst als dat volgens het protocol mag. Welke soorten gedrag dat zijn en hoe lang een vermelding duurt, ziet u bij Categorieën.",
      ],
      howTitle: "Hoe werkt het?",
      how: [
        "De verhuurder die het gedrag heeft vastgesteld (de primaire bron) legt de vermelding vast en stuurt u daarover een brief.",
        "Wie een woning aanvraagt, kan door een andere deelnemer worden getoetst. Die ziet alleen óf er een vermelding is, en wat het protocol toestaat — nooit de reden.",
        "Een mogelijke treffer wordt eerst door een medewerker van de primaire bron bevestigd voordat er iets gebeurt.",
        "Elke vermelding duurt een beperkte tijd en verdwijnt daarna vanzelf. Elke raadpleging wordt vastgelegd.",
      ],
      categoriesTitle: "Categorieën en termijnen",
      categoriesIntro: (profile: string) =>
        `Deze regio werkt met het protocol ${profile}. De omschrijvingen hieronder zijn de woorden van het protocol zelf.`,
      maxTerm: (n: number) => `Een vermelding duurt ten hoogste ${n} maanden.`,
      criteria: "Wanneer",
      rightsTitle: "Uw rechten",
      rights: [
        [
          "Inzage",
          "U mag vragen of en welke gegevens over u zijn vastgelegd, waarvoor, en wie ze heeft ingezien.",
        ],
        [
          "Verbetering",
          "Kloppen uw gegevens niet, dan mag u vragen ze te verbeteren. Zodra de organisatie uw verzoek bij uw vermelding heeft gevonden, geeft de vermelding geen treffer tot het is uitgezocht.",
        ],
        [
          "Verwijdering",
          "U mag vragen om uw gegevens te verwijderen als ze er niet (meer) op horen te staan.",
        ],
        ["Bezwaar", "U mag bezwaar maken tegen een vermelding. Zie Bezwaar."],
        [
          "Klacht en rechter",
          "U kunt altijd een klacht indienen bij de Autoriteit Persoonsgegevens (autoriteitpersoonsgegevens.nl), en u kunt uw zaak voorleggen aan de rechter.",
        ],
      ] as [string, string][],
      rightsHow:
        "Dien uw verzoek in bij de organisatie die u op de lijst heeft gezet; die staat in de brief die u kreeg. Weet u dat niet, kies dan de organisatie waar u een woning huurt of zocht. U kunt het formulier Verzoek indienen gebruiken, of schrijven naar het adres op de deelnemerslijst.",
      rightsIdentity:
        "De organisatie controleert eerst wie u bent, voordat zij iets over u vertelt of verandert. Zij vraagt u niet om een kopie van uw identiteitsbewijs. Zij vergelijkt uw gegevens met wat zij al van u weet, belt of mailt u op het nummer of adres dat zij van u heeft, of vraagt u langs te komen met uw identiteitsbewijs; dat bekijkt zij alleen, zij maakt er geen kopie van.",
      requestLink: "Verzoek indienen",
      objectionTitle: "Bezwaar maken",
      objectionSteps: [
        "Stuur uw bezwaar naar de organisatie die u op de lijst heeft gezet. Het adres staat in uw brief en op de deelnemerslijst.",
        "Vanaf het moment dat uw bezwaar binnen is, geeft uw vermelding geen treffer, zolang uw bezwaar loopt.",
        "Is uw bezwaar terecht, dan wordt de vermelding verwijderd.",
      ],
      /** 001 Bijlage 2 art. 5 lid 3 (keurmerk): by post. */
      objectionByPost:
        "Stuur uw bezwaar per post; een bezwaar per e-mail hoeft de organisatie niet in behandeling te nemen.",
      /** What follows the decision (003 §4.5, §16.4; 000 follows 003). */
      complaintRoute: [
        "Bent u het niet eens met de beslissing, of krijgt u niet binnen vier weken antwoord? Is de organisatie een woningcorporatie, dan kunt u eerst een klacht indienen bij haar klachtencommissie (artikel 55b Woningwet).",
        "Daarna, of als er geen klachtencommissie is, kunt u naar de onafhankelijke geschillencommissie van het samenwerkingsverband. Het adres staat bij Contact.",
      ],
      /** 001 §11: appeal within a term. */
      appealRoute: (term: string) =>
        `Wordt uw bezwaar ongegrond verklaard, dan kunt u binnen ${term} in beroep bij de onafhankelijke geschillencommissie. Dat kost u niets. Het adres staat bij Contact.`,
      courtAndAp:
        "U kunt uw zaak ook aan de rechter voorleggen. En u kunt op elk moment een klacht indienen bij de Autoriteit Persoonsgegevens.",
      routeSource: (cite: string) => `Zo staat het in ${cite}.`,
      committee: "Geschillencommissie",
      committeeAddress: "Postadres",
      termsTitle: "Termijnen die de organisatie moet halen",
      contactTitle: "Contact",
      contactIntro:
        "Voor vragen over de signaleringslijst in het algemeen kunt u terecht bij het samenwerkingsverband van de regio. Voor vragen over uw eigen gegevens wendt u zich tot de organisatie die u op de lijst heeft gezet.",
      noContact: "De contactgegevens van het samenwerkingsverband zijn nog niet ingevuld.",
      dpo: "Functionaris gegevensbescherming",
      objectionAddress: "Adres voor bezwaar",
      participantsTitle: "Deelnemers",
      participantsIntro: (region: string) =>
        `Deze organisaties gebruiken de signaleringslijst van ${region}. Staat u op de lijst, dan kunt u bij de organisatie die u heeft ingeschreven (de primaire bron) bezwaar maken en uw rechten uitoefenen.`,
      participantsCaption: (region: string) => `Deelnemers aan de signaleringslijst van ${region}`,
      participantsEmpty: "Er zijn nog geen deelnemers.",
      organisation: "Organisatie",
      city: "Plaats",
      objectTo: "Bezwaar sturen naar",
      since: "Deelnemer sinds",
      requestTitle: "Verzoek indienen",
      requestIntro:
        "Met dit formulier vraagt u een deelnemer om inzage, verbetering, afscherming of verwijdering van uw gegevens, maakt u bezwaar of een klacht, vraagt u een nieuwe kans of een uitzondering (hardheidsclausule). U krijgt meteen een kenmerk en de data waarop u uiterlijk antwoord krijgt; de organisatie controleert eerst wie u bent en antwoordt daarna per brief of e-mail.",
      requestPrivacy:
        "Dit formulier zegt nooit of u op de lijst staat. Uw gegevens gaan versleuteld naar de organisatie die u kiest.",
      type: "Wat wilt u?",
      types: {
        access: "Inzage: welke gegevens zijn over mij vastgelegd?",
        rectification: "Verbetering van onjuiste gegevens",
        erasure: "Verwijdering van mijn gegevens",
        restriction: "Afscherming: mijn gegevens niet gebruiken zolang iets wordt uitgezocht",
        objection: "Bezwaar tegen een vermelding",
        complaint: "Klacht over hoe een organisatie met mij of mijn gegevens is omgegaan",
        new_chance: "Een nieuwe kans: toch weer een woning huren",
        hardship: "Een uitzondering (hardheidsclausule): de vermelding treft mij onredelijk hard",
      } as Record<string, string>,
      explanation: "Uw toelichting",
      explanationHint:
        "Schrijf waarom u bezwaar maakt, wat er niet klopt, of wat u vraagt en waarom. Hooguit 5.000 tekens. Alleen de medewerker die uw verzoek behandelt en de geschillencommissie lezen dit.",
      explanationTooLong: (max: number, length: number) =>
        `Uw toelichting is te lang: hooguit ${max} tekens, u hebt er ${length}. Uw tekst staat er nog; maak hem korter.`,
      identityTitle: "Hoe wij nagaan dat u het bent",
      summaryTitle: "Wat u hebt gestuurd",
      summaryType: "Uw verzoek",
      summaryOrganisation: "Naar",
      summaryReceived: "Ontvangen op",
      referenceLabel: "Uw kenmerk",
      dueTitle: "Wanneer u van ons hoort",
      acknowledgementBy: (date: string) =>
        `Uiterlijk ${date}: een bevestiging dat uw verzoek in behandeling is.`,
      decisionBy: (date: string) => `Uiterlijk ${date}: een schriftelijke beslissing.`,
      mailSent: (email: string) => `Wij hebben deze gegevens ook naar ${email} gestuurd.`,
      typeMissing: "Kies wat u wilt.",
      organisationLabel: "Bij welke organisatie?",
      organisationHint:
        "De organisatie die in uw brief staat, of waar u huurt of een woning zocht.",
      choose: "Kies een organisatie",
      organisationMissing: "Kies een organisatie.",
      personLegend: "Wie bent u?",
      addressLegend: "Uw adres",
      addressHint: "Hier stuurt de organisatie haar antwoord naartoe. Vul alle velden in.",
      contactLegend: "Hoe bereiken we u?",
      phone: "Telefoonnummer",
      phoneError: "Vul een telefoonnummer in, bijvoorbeeld 06 12345678.",
      contactMissing: "Vul een adres of een e-mailadres in, zodat de organisatie u kan antwoorden.",
      noticeDate: "Datum van de brief waartegen u bezwaar maakt",
      noticeHint: "JJJJ-MM-DD, als u die weet",
      submit: "Verzoek versturen",
      receivedTitle: "Verzoek ontvangen",
      received: (ref: string) => `Uw verzoek is ontvangen, met kenmerk ${ref}.`,
      receivedNext:
        "Bewaar het kenmerk en noem het als u contact opneemt. Neemt de organisatie meer tijd, dan laat zij u dat weten vóór de datum hierboven.",
    },
  },
};

const en: typeof nl = {
  admin: {
    pub: {
      aboutTitle: "What is the signaleringslijst?",
      about: [
        "The signaleringslijst is a shared list of the landlords in the region. It holds people who, according to the landlord, behaved as tenants in a seriously unwanted way: for example serious nuisance, danger, fraud or major damage. For each kind of behaviour the protocol says what must be established before someone is put on the list. That is not always a court judgment: sometimes a fact the landlord has established is enough, such as false details given when registering. See Categories.",
        "A landlord puts someone on the list only where the protocol allows it. Which kinds of behaviour and how long an entry lasts is shown under Categories.",
      ],
      howTitle: "How does it work?",
      how: [
        "The landlord who established the behaviour (the primary source) records the entry and sends you a letter about it.",
        "Someone applying for a home may be screened by another participant. They see only whether there is an entry, and what the protocol allows — never the reason.",
        "A possible hit is first confirmed by an employee of the primary source before anything happens.",
        "Every entry lasts a limited time and then disappears by itself. Every look is logged.",
      ],
      categoriesTitle: "Categories and terms",
      categoriesIntro: (profile) =>
        `This region uses the protocol ${profile}. The descriptions below are the protocol's own (Dutch) words.`,
      maxTerm: (n) => `An entry lasts at most ${n} months.`,
      criteria: "When",
      rightsTitle: "Your rights",
      rights: [
        [
          "Access",
          "You may ask whether and which data about you are recorded, why, and who has looked at them.",
        ],
        [
          "Rectification",
          "If your data are wrong, you may ask for them to be corrected. Once the organisation has found your entry, it gives no hit until that is settled.",
        ],
        [
          "Erasure",
          "You may ask for your data to be erased if they should not be (or no longer be) on the list.",
        ],
        ["Objection", "You may object to an entry. See Objection."],
        [
          "Complaint and court",
          "You may always complain to the Dutch Data Protection Authority (Autoriteit Persoonsgegevens, autoriteitpersoonsgegevens.nl), and you may take your case to court.",
        ],
      ],
      rightsHow:
        "Send your request to the organisation that put you on the list; it is named in the letter you received. If you do not know, choose the organisation where you rent or looked for a home. You can use the form Make a request, or write to the address on the participants list.",
      rightsIdentity:
        "The organisation first checks who you are before it tells you anything about you or changes anything. It does not ask you for a copy of your identity document. It compares your details with what it already knows about you, calls or e-mails you at the number or address it has, or asks you to come by with your identity document; it only looks at it and makes no copy.",
      requestLink: "Make a request",
      objectionTitle: "How to object",
      objectionSteps: [
        "Send your objection to the organisation that put you on the list. The address is in your letter and on the participants list.",
        "From the moment your objection is received, your entry gives no hit while your objection is pending.",
        "If your objection is upheld, the entry is removed.",
      ],
      objectionByPost:
        "Send your objection by post; the organisation need not deal with an objection sent by e-mail.",
      complaintRoute: [
        "Do you disagree with the decision, or have you had no answer within four weeks? If the organisation is a housing corporation, you can first complain to its complaints committee (Article 55b of the Housing Act, Woningwet).",
        "After that, or if there is no complaints committee, you can turn to the consortium's independent disputes committee. Its address is under Contact.",
      ],
      appealRoute: (term) =>
        `If your objection is rejected, you can appeal within ${term} to the independent disputes committee, free of charge. Its address is under Contact.`,
      courtAndAp:
        "You may also take your case to court. And you may complain at any time to the Dutch Data Protection Authority (Autoriteit Persoonsgegevens).",
      routeSource: (cite) => `This is laid down in ${cite}.`,
      committee: "Disputes committee",
      committeeAddress: "Postal address",
      termsTitle: "Deadlines the organisation must meet",
      contactTitle: "Contact",
      contactIntro:
        "For questions about the signaleringslijst in general, contact the region's consortium. For questions about your own data, contact the organisation that put you on the list.",
      noContact: "The consortium's contact details have not been filled in yet.",
      dpo: "Data protection officer",
      objectionAddress: "Address for objections",
      participantsTitle: "Participants",
      participantsIntro: (region) =>
        `These organisations use the signaleringslijst of ${region}. If you are on the list, you can object and exercise your rights with the organisation that registered you (the primary source).`,
      participantsCaption: (region) => `Participants in the signaleringslijst of ${region}`,
      participantsEmpty: "There are no participants yet.",
      organisation: "Organisation",
      city: "City",
      objectTo: "Send objections to",
      since: "Participant since",
      requestTitle: "Make a request",
      requestIntro:
        "With this form you ask a participant for access to, correction, restriction or erasure of your data, object or complain, ask for a new chance or for an exception (hardship clause). You get a reference at once and the dates by which you hear back; the organisation first checks who you are and then answers by letter or e-mail.",
      requestPrivacy:
        "This form never says whether you are on the list. Your details go encrypted to the organisation you choose.",
      type: "What do you want?",
      types: {
        access: "Access: which data about me are recorded?",
        rectification: "Correction of wrong data",
        erasure: "Erasure of my data",
        restriction: "Restriction: do not use my data while something is looked into",
        objection: "Objection to an entry",
        complaint: "Complaint about how an organisation treated me or my data",
        new_chance: "A new chance: to rent a home again",
        hardship: "An exception (hardship clause): the entry hits me unreasonably hard",
      },
      explanation: "Your explanation",
      explanationHint:
        "Write why you object, what is wrong, or what you ask and why. At most 5,000 characters. Only the officer handling your request and the disputes committee read this.",
      explanationTooLong: (max, length) =>
        `Your explanation is too long: at most ${max} characters, you have ${length}. Your text is still there; please shorten it.`,
      identityTitle: "How we check that it is you",
      summaryTitle: "What you sent",
      summaryType: "Your request",
      summaryOrganisation: "To",
      summaryReceived: "Received on",
      referenceLabel: "Your reference",
      dueTitle: "When you hear from us",
      acknowledgementBy: (date) =>
        `By ${date} at the latest: a confirmation that your request is being handled.`,
      decisionBy: (date) => `By ${date} at the latest: a written decision.`,
      mailSent: (email) => `We also sent these details to ${email}.`,
      typeMissing: "Choose what you want.",
      organisationLabel: "With which organisation?",
      organisationHint:
        "The organisation named in your letter, or where you rent or looked for a home.",
      choose: "Choose an organisation",
      organisationMissing: "Choose an organisation.",
      personLegend: "Who are you?",
      addressLegend: "Your address",
      addressHint: "The organisation sends its answer here. Fill in every field.",
      contactLegend: "How can we reach you?",
      phone: "Telephone number",
      phoneError: "Enter a telephone number, for example 06 12345678.",
      contactMissing:
        "Enter an address or an e-mail address, so that the organisation can answer you.",
      noticeDate: "Date of the letter you object to",
      noticeHint: "YYYY-MM-DD, if you know it",
      submit: "Send request",
      receivedTitle: "Request received",
      received: (ref) => `Your request has been received, with reference ${ref}.`,
      receivedNext:
        "Keep the reference and quote it when you get in touch. If the organisation needs more time, it tells you before the date above.",
    },
  },
};

export const publicMessages = defineCatalogue("web.public", nl, en);
