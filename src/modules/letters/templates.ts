/**
 * The letters' text, in Dutch and English, built item by item from a profile's content list
 * (content.ts). Pure: no I/O, no clock. `composeLetter` returns a LetterDocument (headings,
 * paragraphs, rows) that pdf.ts lays out; the content list decides what is in it, this file only
 * how each item reads. Every item produces a section whose heading names it, so that a reader
 * (and the tests) can find each required element.
 */
import { formatEuro } from "../../platform/money.ts";
import type { Block } from "../../platform/pdf/pdf.ts";
import { type Term, termEnd } from "../../platform/werkdagen.ts";
import type { CaseKind } from "../../protocol/case-kinds.ts";
import type { Profile, Scope } from "../../protocol/profile.ts";
import type { Letterhead } from "../organisations/service.ts";
import {
  type ContentItem,
  type ContinuationGround,
  type ElementKey,
  HUURCOMMISSIE,
  type Language,
  type LetterKind,
  letterContent,
  type RemovalGround,
} from "./content.ts";

export type {
  CaseFacts,
  HitFacts,
  LetterAddress,
  LetterDocument,
  LetterInput,
  LetterPerson,
  RegistrationFacts,
  Section,
} from "./letter-input.ts";

import type {
  CaseFacts,
  HitFacts,
  LetterAddress,
  LetterDocument,
  LetterInput,
  LetterPerson,
  Section,
} from "./letter-input.ts";

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

const tr = (lang: Language, nl: string, en: string) => (lang === "nl" ? nl : en);

export function formatDate(iso: string, lang: Language): string {
  return new Intl.DateTimeFormat(lang === "nl" ? "nl-NL" : "en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${iso}T12:00:00Z`));
}

export function termText(term: Term, lang: Language): string {
  const parts: string[] = [];
  const unit = (n: number, nl1: string, nlN: string, en1: string, enN: string) =>
    `${n} ${n === 1 ? tr(lang, nl1, en1) : tr(lang, nlN, enN)}`;
  if (term.months) parts.push(unit(term.months, "maand", "maanden", "month", "months"));
  if (term.weeks) parts.push(unit(term.weeks, "week", "weken", "week", "weeks"));
  if (term.days) parts.push(unit(term.days, "dag", "dagen", "day", "days"));
  if (term.workingDays) {
    parts.push(unit(term.workingDays, "werkdag", "werkdagen", "working day", "working days"));
  }
  return parts.join(tr(lang, " en ", " and "));
}

export function personName(p: LetterPerson): string {
  return [p.firstNames ?? p.initials, p.prefix, p.surname].filter(Boolean).join(" ");
}

function addressName(p: LetterPerson): string {
  return [p.initials, p.prefix, p.surname].filter(Boolean).join(" ");
}

export function addressLines(a: LetterAddress): string[] {
  const number = [a.houseNumber, a.houseNumberAddition].filter(Boolean).join("-");
  const lines = [`${a.street} ${number}`, `${a.postcode} ${a.city}`];
  if (a.country && a.country !== "NL") lines.push(a.country);
  return lines;
}

function orgAddress(o: Letterhead | undefined): string[] {
  if (!o?.address) return [];
  return [
    `${o.address.street} ${o.address.houseNumber}`,
    `${o.address.postcode} ${o.address.city}`,
  ];
}

function capitalise(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The name of the register, per profile. */
function registerName(profile: Profile, lang: Language): string {
  switch (profile.id) {
    case "aedes-2021":
      return tr(
        lang,
        "de Signaleringslijst ongewenst huurdersgedrag",
        "the Signaleringslijst (register of unwanted tenant behaviour)",
      );
    case "keurmerk-2013":
      return tr(
        lang,
        "het Meldpunt Keurmerk Verhuurdersbelangen",
        "the Meldpunt Keurmerk Verhuurdersbelangen (landlords' register)",
      );
    case "kkr":
      return tr(
        lang,
        "het Klachten- en Kansenregister",
        "the Klachten- en Kansenregister (national landlords' register)",
      );
  }
}

const PURPOSE: Record<Profile["id"], { nl: string; en: string }> = {
  "aedes-2021": {
    nl:
      "De deelnemers gebruiken de signaleringslijst om te voorkomen dat huurders die ernstig " +
      "ongewenst huurdersgedrag vertoonden, elders in de regio dezelfde problemen veroorzaken; om " +
      "veilig wonen en woongenot van huurders, omwonenden en medewerkers te beschermen; en om " +
      "betrokkenen onder voorwaarden en met begeleiding een nieuwe kans te bieden (003 hoofdstuk 1, " +
      "§12.1 Gebruik van gegevens).",
    en:
      "The participants use the register to prevent tenants who behaved in a seriously unwanted " +
      "way from causing the same problems elsewhere in the region; to protect the safety and " +
      "quiet enjoyment of tenants, neighbours and staff; and to offer the person a new chance " +
      "under conditions and with support (003 chapter 1, §12.1).",
  },
  "keurmerk-2013": {
    nl:
      "Het Meldpunt dient de precontractuele beoordeling of een huurovereenkomst wordt aangegaan: " +
      "om een goed leefklimaat in buurten te bevorderen, het woongenot van omwonenden te " +
      "beschermen en nieuwe schadeposten te voorkomen, en om betrokkenen een eenduidig en " +
      "proportioneel systeem van klacht en herkansing te bieden (001 §4.1).",
    en:
      "The register serves the assessment before a tenancy is entered into: to promote a good " +
      "living climate, to protect neighbours and to prevent new damage, and to offer the person a " +
      "clear and proportionate system of complaint and second chance (001 §4.1).",
  },
  kkr: {
    nl:
      "Het register gaat woonfraude en ernstige overlast tegen en helpt aangesloten verhuurders " +
      "huurders met een negatief huurverleden onder strikte voorwaarden een nieuwe kans te geven " +
      "(000).",
    en:
      "The register counters housing fraud and serious nuisance and helps affiliated landlords give " +
      "tenants with a negative rental history a new chance under strict conditions (000).",
  },
};

const CASE_TYPE_NAME: Record<CaseKind, { nl: string; en: string }> = {
  access: { nl: "verzoek om inzage", en: "request for access" },
  rectification: { nl: "verzoek om correctie", en: "request for rectification" },
  erasure: { nl: "verzoek om verwijdering", en: "request for erasure" },
  restriction: { nl: "verzoek om beperking van de verwerking", en: "request for restriction" },
  objection: { nl: "bezwaar", en: "objection" },
  complaint: { nl: "klacht", en: "complaint" },
  appeal: { nl: "beroep", en: "appeal" },
  hardship: { nl: "verzoek om toepassing van de hardheidsclausule", en: "hardship request" },
  new_chance: { nl: "aanvraag voor een nieuwe kans", en: "application for a new chance" },
  support_team: {
    nl: "verzoek om inschakeling van het begeleidingsteam",
    en: "request to involve the support team",
  },
  consent: { nl: "toestemming", en: "consent" },
};

const REMOVAL_TEXT: Record<RemovalGround, { nl: string; en: string }> = {
  term_expired: {
    nl: "de termijn van de registratie is verstreken",
    en: "the term of the registration has ended",
  },
  objection_upheld: {
    nl: "uw bezwaar, klacht of beroep is gegrond verklaard",
    en: "your objection, complaint or appeal was upheld",
  },
  new_chance: {
    nl: "u heeft een nieuwe kans gekregen en aanvaard",
    en: "you were offered and accepted a new chance",
  },
  participant_left: {
    nl: "de organisatie die u registreerde neemt niet meer deel aan het register",
    en: "the organisation that registered you no longer takes part in the register",
  },
  claim_paid_in_full: {
    nl: "de vordering is volledig voldaan",
    en: "the claim has been paid in full",
  },
  claim_settled: {
    nl: "er is een schikking getroffen over de vordering",
    en: "a settlement about the claim was reached",
  },
  claim_half_paid_with_arrangement: {
    nl: "ten minste de helft van de vordering is voldaan en voor de rest is een betalingsregeling getroffen die wordt nagekomen",
    en: "at least half of the claim was paid and a payment arrangement for the rest is kept",
  },
  support_team_rehousing: {
    nl: "het begeleidingsteam heeft beslist dat herhuisvesting mogelijk is en de voorwaarden zijn nagekomen",
    en: "the support team decided that rehousing is possible and the conditions were met",
  },
  erased_by_primary_source: {
    nl: "de organisatie die u registreerde heeft de registratie verwijderd",
    en: "the organisation that registered you has removed the registration",
  },
};

const CONTINUATION_TEXT: Record<ContinuationGround, { nl: string; en: string }> = {
  support_team_refused_rehousing: {
    nl: "het begeleidingsteam heeft uw verzoek om herhuisvesting afgewezen",
    en: "the support team refused your request for rehousing",
  },
  conditions_not_met: {
    nl: "na uw herhuisvesting zijn de voorwaarden van de huurovereenkomst, de woonbegeleidingsovereenkomst of andere afspraken niet nagekomen",
    en: "after your rehousing the conditions of the tenancy, the support agreement or other arrangements were not met",
  },
};

const PURPOSE_OF_SCREENING: Record<HitFacts["purpose"], { nl: string; en: string }> = {
  allocation: { nl: "de toewijzing van een woning", en: "the allocation of a dwelling" },
  urgency: { nl: "de toekenning van een urgentie", en: "granting an urgency status" },
  direct_mediation: { nl: "directe bemiddeling", en: "direct mediation" },
  subject_request: { nl: "uw eigen verzoek", en: "your own request" },
};

function scopeText(scope: Scope, org: string, profile: Profile, until: string, lang: Language) {
  const end = formatDate(until, lang);
  switch (scope) {
    case "organisation":
      return tr(
        lang,
        `${org} kan u tot ${end} weigeren als huurder. Andere deelnemers kunnen u alleen onder aanvullende voorwaarden (zoals begeleiding) een woning verhuren.`,
        `${org} may refuse you as a tenant until ${end}. Other participants may only set additional conditions (such as support) when letting to you.`,
      );
    case "region":
      return tr(
        lang,
        `Tot ${end} bent u uitgesloten van de toewijzing van huurwoningen bij de deelnemers aan ${registerName(profile, lang)}. Een deelnemer kan u wel onder aanvullende voorwaarden een woning aanbieden. U kunt zich blijven inschrijven als woningzoekende en inschrijftijd opbouwen.`,
        `Until ${end} you are excluded from the allocation of rented dwellings by the participants of ${registerName(profile, lang)}. A participant may still offer you a dwelling under additional conditions. You can stay registered as a house seeker and build up registration time.`,
      );
    case "national":
      return tr(
        lang,
        `Tot ${end} zien alle aangesloten verhuurders in Nederland dat u geregistreerd bent; zij kunnen u alleen onder strikte voorwaarden een woning verhuren.`,
        `Until ${end} every affiliated landlord in the Netherlands can see that you are registered; they may let a dwelling to you only under strict conditions.`,
      );
  }
}

function deadlineTerm(profile: Profile, key: string | undefined): Term | undefined {
  return key ? profile.deadlines[key]?.term : undefined;
}

// ---------------------------------------------------------------------------
// Items
// ---------------------------------------------------------------------------

type Render = (i: LetterInput) => { heading: string; blocks: Block[] } | null;

function categoryRows(i: LetterInput): Block[] {
  const { profile, language: l, registration: r } = i;
  if (!r) {
    return [
      {
        text: tr(
          l,
          "Er is geen registratie over u opgenomen.",
          "No registration about you is recorded.",
        ),
      },
    ];
  }
  return [
    {
      list: r.categories.map((code) => {
        const c = profile.categories.find((x) => x.code === code);
        return c ? `${c.code} ${c.title}: ${c.description}` : code;
      }),
    },
  ];
}

const RENDER: Record<ElementKey, Render> = {
  letter_date: () => null,
  recipient_address: () => null,

  person_identity: ({ person: p, language: l }) => {
    const rows: [string, string][] = [
      [tr(l, "Naam", "Name"), personName(p)],
      [tr(l, "Voorletters", "Initials"), p.initials],
      [tr(l, "Geboortedatum", "Date of birth"), formatDate(p.birthDate, l)],
    ];
    if (p.birthName && p.birthName !== p.surname) {
      rows.push([tr(l, "Geboortenaam", "Birth name"), p.birthName]);
    }
    if (p.gender) {
      const g = { M: tr(l, "man", "male"), V: tr(l, "vrouw", "female"), X: "X" }[p.gender];
      rows.push([tr(l, "Geslacht", "Gender"), g]);
    }
    if (p.email) rows.push([tr(l, "E-mailadres", "E-mail address"), p.email]);
    if (p.seekerNumber)
      rows.push([tr(l, "Inschrijfnummer", "House-seeker number"), p.seekerNumber]);
    return {
      heading: tr(l, "Uw identificatiegegevens", "Your identification data"),
      blocks: [{ rows }],
    };
  },

  postal_address: ({ address, language: l }) => ({
    heading: tr(l, "Uw adresgegevens", "Your address"),
    blocks: [
      {
        text: address
          ? addressLines(address).join(", ")
          : tr(
              l,
              "Er is geen adres van u bekend. Deze brief is opgesteld, gedateerd en vastgelegd; zodra uw adres bekend wordt, ontvangt u hem alsnog (003 hoofdstuk 10).",
              "No address of yours is known. This letter was drawn up, dated and recorded; once your address becomes known it will be sent to you (003 chapter 10).",
            ),
      },
    ],
  }),

  categories: (i) => {
    const l = i.language;
    if (i.profile.id === "keurmerk-2013") {
      const applies = new Set(i.registration?.categories ?? []);
      return {
        heading: tr(
          l,
          "Waardering (W-categorie) en betekenis",
          "Rating (W-category) and its meaning",
        ),
        blocks: [
          {
            text: i.registration
              ? tr(
                  l,
                  `Uw opname is gewaardeerd als: ${[...applies].join(", ")}. De waarderingen betekenen:`,
                  `Your registration is rated as: ${[...applies].join(", ")}. The ratings mean:`,
                )
              : tr(l, "Er is geen opname over u.", "There is no registration about you."),
          },
          {
            list: i.profile.categories.map(
              (c) =>
                `${c.code}${applies.has(c.code) ? tr(l, " (van toepassing)", " (applies)") : ""} — ${c.title}: ${c.description}`,
            ),
          },
        ],
      };
    }
    return {
      heading: tr(l, "Reden van de registratie", "Reason for the registration"),
      blocks: [
        {
          text: tr(
            l,
            "U bent geregistreerd in de volgende categorie(ën) van ongewenst huurdersgedrag. Achterliggende stukken worden niet in het register vastgelegd.",
            "You are registered in the following category (or categories) of unwanted tenant behaviour. No underlying documents are kept in the register.",
          ),
        },
        ...categoryRows(i),
      ],
    };
  },

  rating_number: ({ profile, registration, language: l }) => {
    const applies = new Set(registration?.categories ?? []);
    return {
      heading: tr(l, "Het cijfer van de waardering", "The number of the rating"),
      blocks: [
        {
          list: profile.categories.map((c) => {
            const n = c.code.replace(/\D/g, "");
            const term =
              c.term.kind === "fixed"
                ? tr(
                    l,
                    `vaste termijn van ${c.term.maxMonths} maanden`,
                    `fixed term of ${c.term.maxMonths} months`,
                  )
                : tr(
                    l,
                    `ten hoogste ${c.term.maxMonths} maanden`,
                    `at most ${c.term.maxMonths} months`,
                  );
            return `${tr(l, "Cijfer", "Number")} ${n}${applies.has(c.code) ? tr(l, " (uw waardering)", " (your rating)") : ""}: ${c.groupTitle.toLowerCase()}; ${term}.`;
          }),
        },
      ],
    };
  },

  purpose_legal_basis: ({ profile, language: l }) => ({
    heading: tr(l, "Doel en grondslag", "Purpose and legal basis"),
    blocks: [
      { text: PURPOSE[profile.id][l] },
      {
        text: tr(
          l,
          "Grondslag: het gerechtvaardigd belang van de deelnemers (artikel 6 lid 1 onder f AVG), na een afweging tegen uw belangen en met toepassing van proportionaliteit.",
          "Legal basis: the legitimate interests of the participants (Article 6(1)(f) GDPR), weighed against your interests and applied proportionately.",
        ),
      },
    ],
  }),

  term: ({ registration: r, language: l }) => ({
    heading: tr(l, "Termijn van opname", "Term of the registration"),
    blocks: [
      {
        text: r
          ? tr(
              l,
              `De registratie loopt van ${formatDate(r.startDate, l)} tot ${formatDate(r.endDate, l)} (${r.termMonths} maanden, gerekend vanaf ${formatDate(r.placementDate, l)}). Op ${formatDate(r.endDate, l)} vervalt zij en worden uw gegevens automatisch verwijderd.`,
              `The registration runs from ${formatDate(r.startDate, l)} until ${formatDate(r.endDate, l)} (${r.termMonths} months, counted from ${formatDate(r.placementDate, l)}). On ${formatDate(r.endDate, l)} it ends and your data are erased automatically.`,
            )
          : tr(l, "Er is geen registratie over u.", "There is no registration about you."),
      },
    ],
  }),

  consequence: (i) => {
    const l = i.language;
    const r = i.registration;
    const blocks: Block[] = [];
    if (r) {
      blocks.push({
        text: scopeText(r.scope, i.primarySource?.name ?? i.sender.name, i.profile, r.endDate, l),
      });
    }
    if (i.profile.twoStepPlacement.value && i.kind === "placement") {
      blocks.push({
        text: tr(
          l,
          "De registratie gaat pas in nadat deze kennisgeving aan u is verzonden of, als er geen adres bekend is, is vastgelegd.",
          "The registration takes effect only once this notice has been sent to you or, if no address is known, has been recorded.",
        ),
      });
    }
    return { heading: tr(l, "Gevolgen voor u", "What this means for you"), blocks };
  },

  participants_web_address: ({ publicBaseUrl, profile, language: l }) => ({
    heading: tr(l, "Welke organisaties deelnemen", "Which organisations take part"),
    blocks: [
      {
        text: tr(
          l,
          `Op ${publicBaseUrl}/deelnemers staat welke organisaties deelnemen aan ${registerName(profile, l)}.`,
          `${publicBaseUrl}/deelnemers lists the organisations that take part in ${registerName(profile, l)}.`,
        ),
      },
    ],
  }),

  primary_source: (i) => {
    const l = i.language;
    const o = i.primarySource ?? i.sender;
    const rows: [string, string][] = [[tr(l, "Naam", "Name"), o.name]];
    const addr = orgAddress(o);
    if (addr.length > 0) rows.push([tr(l, "Adres", "Address"), addr.join(", ")]);
    if (i.registration) {
      rows.push([
        tr(l, "Geregistreerd op", "Registered on"),
        formatDate(i.registration.enteredOn, l),
      ]);
    }
    return {
      heading: tr(
        l,
        "Wie u heeft geregistreerd (primaire bron)",
        "Who registered you (primary source)",
      ),
      blocks: [{ rows }],
    };
  },

  dwelling_address: ({ address, language: l }) => ({
    heading: tr(l, "Adres van de woning", "Address of the dwelling"),
    blocks: [
      {
        text: address
          ? `${addressLines(address).join(", ")} ${tr(l, "(het adres zoals bij de registratie vastgelegd)", "(the address as recorded with the registration)")}`
          : tr(l, "Niet vastgelegd.", "Not recorded."),
      },
    ],
  }),

  right_to_object: ({ profile, language: l }) => ({
    heading: tr(l, "Uw recht van bezwaar", "Your right to object"),
    blocks: [
      {
        text: tr(
          l,
          `U heeft het recht bezwaar te maken tegen uw opname in ${registerName(profile, l)} (artikel 21 AVG), bijvoorbeeld als u vindt dat de registratie niet klopt of niet gerechtvaardigd is.`,
          `You have the right to object to your registration in ${registerName(profile, l)} (Article 21 GDPR), for example if you think it is wrong or not justified.`,
        ),
      },
    ],
  }),

  objection_procedure: (i) => {
    const l = i.language;
    const p = i.profile;
    const window = deadlineTerm(p, "objection_window");
    const ack = deadlineTerm(p, "objection_acknowledgement");
    const decision = deadlineTerm(p, "objection_decision");
    const appeal = deadlineTerm(p, "appeal_window");
    const text: string[] = [
      tr(
        l,
        "Stuur uw bezwaar schriftelijk (per brief of e-mail) naar het adres hieronder. Vermeld uw naam, woonplaats en adres, voeg een kopie van deze brief bij en geef aan waarom u het er niet mee eens bent.",
        "Send your objection in writing (by letter or e-mail) to the address below. Give your name, town and address, enclose a copy of this letter and say why you disagree.",
      ),
    ];
    if (window) {
      const until = termEnd(i.letterDate, window).date;
      text.push(
        tr(
          l,
          `Dat kan binnen ${termText(window, l)} na de datum van deze brief, dus uiterlijk op ${formatDate(until, l)}.`,
          `You can do so within ${termText(window, l)} of the date of this letter, that is until ${formatDate(until, l)}.`,
        ),
      );
    } else {
      text.push(
        tr(
          l,
          "Dat kan zolang de registratie loopt.",
          "You can do so for as long as the registration runs.",
        ),
      );
    }
    if (ack && decision) {
      text.push(
        tr(
          l,
          `U krijgt binnen ${termText(ack, l)} een ontvangstbevestiging en binnen ${termText(decision, l)} na ontvangst een schriftelijke, gemotiveerde beslissing.`,
          `You will receive an acknowledgement within ${termText(ack, l)} and a written, reasoned decision within ${termText(decision, l)} of receipt.`,
        ),
      );
    }
    if (appeal) {
      text.push(
        tr(
          l,
          `Verklaart de primaire bron uw bezwaar ongegrond, dan kunt u binnen ${termText(appeal, l)} na de datum van die beslissing in beroep bij de onafhankelijke Geschillencommissie. Daarvoor betaalt u niets (001 §11).`,
          `If the primary source rejects your objection, you can appeal to the independent disputes committee (Geschillencommissie) within ${termText(appeal, l)} of the date of that decision, free of charge (001 §11).`,
        ),
      );
    } else {
      text.push(
        tr(
          l,
          "Wordt uw bezwaar ongegrond verklaard of krijgt u niet binnen vier weken een schriftelijke reactie, dan kunt u zich wenden tot de geschillencommissie van het samenwerkingsverband, en daarna tot de Huurcommissie (003 §16.4).",
          "If your objection is rejected, or you receive no written answer within four weeks, you can turn to the consortium's disputes committee (geschillencommissie), and after that to the Huurcommissie (003 §16.4).",
        ),
      );
    }
    return {
      heading: tr(l, "Hoe u bezwaar maakt", "How to object"),
      blocks: text.map((t) => ({ text: t })),
    };
  },

  objection_address: (i) => {
    const l = i.language;
    const o = i.primarySource ?? i.sender;
    const address = o.objectionAddress ?? [o.name, ...orgAddress(o)].join(", ");
    return {
      heading: tr(l, "Waar u uw bezwaar naartoe stuurt", "Where to send your objection"),
      blocks: [{ text: address }],
    };
  },

  consent_disclosure: ({ language: l, profile }) => {
    const reflection = deadlineTerm(profile, "consent_reflection");
    return {
      heading: tr(l, "Inzage door andere deelnemers", "Access by other participants"),
      blocks: [
        {
          text: tr(
            l,
            `Andere deelnemers zien bij een toetsing alleen sinds wanneer u bent opgenomen, door welke deelnemer, in welke W-categorie en of er een begeleidingsprocedure was. Meer (zoals de reden van opname en de einddatum) zien zij alleen met uw schriftelijke toestemming, voor het doel en de deelnemer die u noemt${reflection ? `, en pas na een bedenktijd van ${termText(reflection, l)}` : ""}. U kunt die toestemming weigeren of intrekken (001 §5.5).`,
            `Other participants who screen you only see since when you are registered, by which participant, in which W-category and whether there was a support procedure. They see more (such as the reason and the end date) only with your written consent, for the purpose and participant you name${reflection ? `, and only after a reflection period of ${termText(reflection, l)}` : ""}. You may refuse or withdraw that consent (001 §5.5).`,
          ),
        },
      ],
    };
  },

  register_address: ({ register, profile, publicBaseUrl, language: l }) => ({
    heading: tr(
      l,
      `Postadres van ${registerName(profile, l)}`,
      `Postal address of ${registerName(profile, l)}`,
    ),
    blocks: [
      {
        text: register
          ? [register.name, ...orgAddress(register)].join(", ")
          : tr(l, `Zie ${publicBaseUrl}/deelnemers.`, `See ${publicBaseUrl}/deelnemers.`),
      },
    ],
  }),

  rights: ({ profile, language: l }) => {
    const access = deadlineTerm(profile, "access_request_decision");
    return {
      heading: tr(l, "Uw rechten", "Your rights"),
      blocks: [
        {
          list: [
            tr(
              l,
              "Inzage en een afschrift van uw gegevens (artikel 15 AVG).",
              "Access to and a copy of your data (Article 15 GDPR).",
            ),
            tr(
              l,
              "Correctie of aanvulling van onjuiste of onvolledige gegevens (artikel 16 AVG).",
              "Rectification of inaccurate or incomplete data (Article 16 GDPR).",
            ),
            tr(
              l,
              "Verwijdering van uw gegevens als zij niet langer nodig zijn of onrechtmatig worden verwerkt (artikel 17 AVG).",
              "Erasure of your data when no longer needed or unlawfully processed (Article 17 GDPR).",
            ),
            tr(
              l,
              "Beperking van de verwerking, bijvoorbeeld zolang u de juistheid betwist of uw bezwaar loopt (artikel 18 AVG).",
              "Restriction of processing, for example while you contest accuracy or your objection is pending (Article 18 GDPR).",
            ),
            tr(
              l,
              "Bezwaar tegen de verwerking (artikel 21 AVG).",
              "Objection to the processing (Article 21 GDPR).",
            ),
            tr(
              l,
              "Overdraagbaarheid (artikel 20 AVG) heeft hier geen functie: de verwerking berust op gerechtvaardigd belang, niet op toestemming of een overeenkomst.",
              "Data portability (Article 20 GDPR) does not apply here: the processing rests on legitimate interests, not on consent or a contract.",
            ),
            tr(
              l,
              "Er vindt geen geautomatiseerde besluitvorming of profilering plaats (artikel 22 AVG): een medewerker beslist.",
              "There is no automated decision-making or profiling (Article 22 GDPR): a person decides.",
            ),
          ],
        },
        {
          text: tr(
            l,
            `Een verzoek doet u schriftelijk, ook per e-mail, bij de organisatie die deze brief stuurt${access ? `; u krijgt binnen ${termText(access, l)} antwoord` : ""}. Een afwijzing wordt gemotiveerd. U kunt ook een klacht indienen bij de Autoriteit Persoonsgegevens (autoriteitpersoonsgegevens.nl).`,
            `You make a request in writing, e-mail included, to the organisation sending this letter${access ? `; you will have an answer within ${termText(access, l)}` : ""}. A refusal states its reasons. You may also complain to the Dutch Data Protection Authority (Autoriteit Persoonsgegevens, autoriteitpersoonsgegevens.nl).`,
          ),
        },
      ],
    };
  },

  dpo: ({ sender, language: l }) => {
    if (!sender.dpo) return null;
    const rows: [string, string][] = [
      [tr(l, "Naam", "Name"), sender.dpo.name],
      [tr(l, "E-mail", "E-mail"), sender.dpo.email],
    ];
    if (sender.dpo.phone) rows.push([tr(l, "Telefoon", "Phone"), sender.dpo.phone]);
    return {
      heading: tr(l, "Functionaris voor gegevensbescherming (FG)", "Data protection officer (DPO)"),
      blocks: [{ rows }],
    };
  },

  continuation_details: ({ continuation, registration: r, language: l }) => ({
    heading: tr(l, "Voortzetting van uw opname", "Continuation of your registration"),
    blocks: [
      {
        text: tr(
          l,
          `Uw opname wordt voortgezet, omdat ${continuation ? CONTINUATION_TEXT[continuation.ground].nl : "het begeleidingsteam daartoe besliste"}.${r ? ` Zij loopt door tot ${formatDate(r.endDate, l)}.` : ""}`,
          `Your registration continues, because ${continuation ? CONTINUATION_TEXT[continuation.ground].en : "the support team so decided"}.${r ? ` It runs until ${formatDate(r.endDate, l)}.` : ""}`,
        ),
      },
    ],
  }),

  removal_details: ({ removal, profile, language: l }) => ({
    heading: tr(l, "Verwijdering van uw registratie", "Removal of your registration"),
    blocks: [
      {
        text: removal
          ? tr(
              l,
              `Uw registratie in ${registerName(profile, l)} is op ${formatDate(removal.date, l)} verwijderd, omdat ${REMOVAL_TEXT[removal.ground].nl}. Uw persoonsgegevens zijn daarbij uit het register gewist.`,
              `Your registration in ${registerName(profile, l)} was removed on ${formatDate(removal.date, l)}, because ${REMOVAL_TEXT[removal.ground].en}. Your personal data were erased from the register.`,
            )
          : tr(l, "Uw registratie is verwijderd.", "Your registration was removed."),
      },
    ],
  }),

  removal_consequence: ({ language: l, registration: r }) => {
    const blocks: Block[] = [
      {
        text: tr(
          l,
          "De deelnemers kunnen weer zonder voorbehoud een huurovereenkomst met u sluiten.",
          "The participants may again enter into a tenancy with you without reservation.",
        ),
      },
    ];
    if (r?.claimCents !== null && r?.claimCents !== undefined) {
      blocks.push({
        text: tr(
          l,
          "Een openstaande vordering blijft wel opeisbaar; alleen de deelnemer bij wie die openstaat, mag vooraf een betalingsregeling vragen (003 §12.4).",
          "An outstanding claim can still be collected; only the participant it is owed to may ask for a payment arrangement first (003 §12.4).",
        ),
      });
    }
    return { heading: tr(l, "Wat dit voor u betekent", "What this means for you"), blocks };
  },

  hit_details: (i) => {
    const l = i.language;
    const h = i.hit;
    const blocks: Block[] = [];
    if (h) {
      blocks.push({
        text: tr(
          l,
          `Op ${formatDate(h.screeningDate, l)} heeft ${i.sender.name} voor ${PURPOSE_OF_SCREENING[h.purpose].nl} nagegaan of u in ${registerName(i.profile, l)} staat. Dat bleek zo te zijn (een "hit").`,
          `On ${formatDate(h.screeningDate, l)} ${i.sender.name} checked, for ${PURPOSE_OF_SCREENING[h.purpose].en}, whether you are in ${registerName(i.profile, l)}. You are (a "hit").`,
        ),
      });
      const rows: [string, string][] = [];
      if (h.since)
        rows.push([tr(l, "Geregistreerd sinds", "Registered since"), formatDate(h.since, l)]);
      if (h.until) rows.push([tr(l, "Tot", "Until"), formatDate(h.until, l)]);
      if (rows.length > 0) blocks.push({ rows });
      blocks.push({
        text: h.scope
          ? scopeText(
              h.scope,
              i.primarySource?.name ?? "",
              i.profile,
              h.until ?? h.screeningDate,
              l,
            )
          : tr(
              l,
              "De deelnemer kan aanvullende voorwaarden stellen.",
              "The participant may set additional conditions.",
            ),
      });
      blocks.push({
        text: tr(
          l,
          "De reden van de registratie is aan ons niet bekendgemaakt. Meer weten of het er niet mee eens? Wend u tot de primaire bron hieronder.",
          "The reason for the registration has not been disclosed to us. Want to know more, or disagree? Contact the primary source below.",
        ),
      });
    }
    return { heading: tr(l, "Uitkomst van de toetsing", "Outcome of the screening"), blocks };
  },

  case_received: ({ case: c, language: l }) => ({
    heading: tr(l, "Uw verzoek of bezwaar", "Your request or objection"),
    blocks: [
      {
        text: c
          ? tr(
              l,
              `Wij ontvingen uw ${CASE_TYPE_NAME[c.type].nl} op ${formatDate(c.receivedDate, l)} (kenmerk ${c.reference}).`,
              `We received your ${CASE_TYPE_NAME[c.type].en} on ${formatDate(c.receivedDate, l)} (reference ${c.reference}).`,
            )
          : "",
      },
    ],
  }),

  decision_due: ({ case: c, profile, language: l }) => {
    const rule = c?.decisionDeadlineKey ? profile.deadlines[c.decisionDeadlineKey] : undefined;
    const due = c && rule ? termEnd(c.receivedDate, rule.term).date : undefined;
    return {
      heading: tr(l, "Wanneer u antwoord krijgt", "When you will have an answer"),
      blocks: [
        {
          text:
            due && rule
              ? tr(
                  l,
                  `U ontvangt uiterlijk op ${formatDate(due, l)} een schriftelijke beslissing (${termText(rule.term, l)} na ontvangst; ${rule.source}).`,
                  `You will receive a written decision no later than ${formatDate(due, l)} (${termText(rule.term, l)} after receipt; ${rule.source}).`,
                )
              : tr(
                  l,
                  "U ontvangt zo spoedig mogelijk een schriftelijke beslissing.",
                  "You will receive a written decision as soon as possible.",
                ),
        },
      ],
    };
  },

  placement_letter_date: ({ placementLetterSentOn, language: l }) => ({
    heading: tr(l, "Mededeling van opname", "Notice of registration"),
    blocks: [
      {
        text: placementLetterSentOn
          ? tr(
              l,
              `De brief waarin u werd gemeld dat u geregistreerd staat, is verzonden op ${formatDate(placementLetterSentOn, l)}.`,
              `The letter telling you that you are registered was sent on ${formatDate(placementLetterSentOn, l)}.`,
            )
          : tr(
              l,
              "Een brief over uw opname is (nog) niet verzonden.",
              "No letter about your registration has been sent (yet).",
            ),
      },
    ],
  }),

  entry_date: ({ registration: r, language: l }) => ({
    heading: tr(l, "Invoerdatum van de signalering", "Date the registration was entered"),
    blocks: [
      { text: r ? formatDate(r.enteredOn, l) : tr(l, "Niet van toepassing.", "Not applicable.") },
    ],
  }),

  decision_outcome: ({ case: c, profile, language: l }) => {
    const outcome = c?.outcome ?? "rejected";
    const text = {
      upheld: tr(
        l,
        "Wij verklaren uw bezwaar of verzoek gegrond en willigen het in.",
        "We uphold your objection or grant your request.",
      ),
      partly_upheld: tr(
        l,
        "Wij verklaren uw bezwaar of verzoek gedeeltelijk gegrond.",
        "We partly uphold your objection or request.",
      ),
      rejected: tr(
        l,
        "Wij verklaren uw bezwaar of verzoek ongegrond en wijzen het af.",
        "We reject your objection or request.",
      ),
    }[outcome];
    const removal =
      profile.deadlines.upheld_objection_removal ?? profile.deadlines.upheld_complaint_removal;
    const blocks: Block[] = [{ text }];
    if (outcome !== "rejected" && removal) {
      blocks.push({
        text: tr(
          l,
          `Wij verwijderen of corrigeren de registratie binnen ${termText(removal.term, l)} (${removal.source}) en laten u dat weten.`,
          `We will remove or correct the registration within ${termText(removal.term, l)} (${removal.source}) and let you know.`,
        ),
      });
    }
    return { heading: tr(l, "Beslissing", "Decision"), blocks };
  },

  decision_reasons: ({ case: c, language: l }) => ({
    heading: tr(l, "Redenen", "Reasons"),
    blocks: [
      { text: c?.reasons?.trim() || tr(l, "(geen redenen opgegeven)", "(no reasons given)") },
    ],
  }),

  appeal_route: (i) => {
    const l = i.language;
    const appeal = deadlineTerm(i.profile, "appeal_window");
    const committee = i.committee;
    const where = committee
      ? [committee.name, ...orgAddress(committee)].join(", ")
      : tr(l, "de geschillencommissie", "the disputes committee");
    const blocks: Block[] = [];
    if (appeal) {
      blocks.push({
        text: tr(
          l,
          `Bent u het niet eens met deze beslissing, dan kunt u binnen ${termText(appeal, l)} na de datum van deze brief in beroep bij de onafhankelijke Geschillencommissie (${where}). Vermeld uw naam, woonplaats en adres, voeg een kopie van deze beslissing bij en geef de gronden van uw beroep. U ontvangt binnen twee weken een ontvangstbevestiging; de commissie beslist binnen zes weken daarna. Het beroep kost u niets. U kunt uw zaak ook aan de rechter voorleggen of een klacht indienen bij de Autoriteit Persoonsgegevens.`,
          `If you disagree with this decision, you can appeal within ${termText(appeal, l)} of the date of this letter to the independent disputes committee (${where}). Give your name, town and address, enclose a copy of this decision and state your grounds. You will receive an acknowledgement within two weeks; the committee decides within six weeks after that. The appeal is free of charge. You may also go to court or complain to the Dutch Data Protection Authority.`,
        ),
      });
    } else {
      blocks.push({
        text: tr(
          l,
          `Bent u het niet eens met deze beslissing, of krijgt u niet binnen vier weken een schriftelijke reactie, dan kunt u zich wenden tot de geschillencommissie van het samenwerkingsverband (${where}). Vermeld uw naam, woonplaats en adres, voeg een kopie van deze beslissing bij en geef de gronden van uw klacht. De commissie beoordeelt of de registratie zorgvuldig is verlopen en geeft een gekwalificeerd advies.`,
          `If you disagree with this decision, or receive no written answer within four weeks, you can turn to the consortium's disputes committee (${where}). Give your name, town and address, enclose a copy of this decision and state your grounds. The committee assesses whether the registration was done with due care and gives a qualified opinion.`,
        ),
      });
    }
    return { heading: tr(l, "Als u het er niet mee eens bent", "If you disagree"), blocks };
  },

  huurcommissie: ({ language: l }) => ({
    heading: tr(l, "Huurcommissie", "Huurcommissie (rent tribunal)"),
    blocks: [
      {
        text: tr(
          l,
          "Is de uitkomst bij de geschillencommissie voor u niet toereikend, dan kunt u zich ten slotte wenden tot de Huurcommissie:",
          "If the outcome at the disputes committee is not sufficient for you, you can finally turn to the Huurcommissie:",
        ),
      },
      {
        rows: [
          [tr(l, "Postadres", "Postal address"), HUURCOMMISSIE.postalAddress.join(", ")],
          [tr(l, "Telefoon", "Phone"), HUURCOMMISSIE.phone],
          [tr(l, "Website", "Website"), HUURCOMMISSIE.website],
        ],
      },
    ],
  }),

  committee_address: ({ committee, language: l }) => ({
    heading: tr(
      l,
      "Postadres van de Geschillencommissie",
      "Postal address of the disputes committee",
    ),
    blocks: [
      {
        text: committee
          ? [committee.name, ...orgAddress(committee)].join(", ")
          : tr(
              l,
              "Geschillencommissie (adres op aanvraag).",
              "Disputes committee (address on request).",
            ),
      },
    ],
  }),

  stored_data: (i) => {
    const l = i.language;
    const r = i.registration;
    if (!r) {
      return {
        heading: tr(l, "Welke gegevens wij over u vastleggen", "What data we hold about you"),
        blocks: [
          {
            text: tr(
              l,
              `Er zijn over u geen gegevens opgenomen in ${registerName(i.profile, l)}.`,
              `No data about you are recorded in ${registerName(i.profile, l)}.`,
            ),
          },
        ],
      };
    }
    const p = i.person;
    const rows: [string, string][] = [
      [tr(l, "Naam", "Name"), personName(p)],
      [tr(l, "Voorletters", "Initials"), p.initials],
      [tr(l, "Geboortedatum", "Date of birth"), formatDate(p.birthDate, l)],
    ];
    if (p.birthName) rows.push([tr(l, "Geboortenaam", "Birth name"), p.birthName]);
    if (p.gender) rows.push([tr(l, "Geslacht", "Gender"), p.gender]);
    if (p.email) rows.push([tr(l, "E-mailadres", "E-mail address"), p.email]);
    if (p.seekerNumber)
      rows.push([tr(l, "Inschrijfnummer", "House-seeker number"), p.seekerNumber]);
    rows.push([
      tr(l, "Adres", "Address"),
      i.address ? addressLines(i.address).join(", ") : tr(l, "niet vastgelegd", "not recorded"),
    ]);
    rows.push([tr(l, "Categorieën", "Categories"), r.categories.join(", ")]);
    rows.push([
      tr(l, "Formele criteria", "Formal criteria"),
      r.criteria
        .map((code) => {
          const c = i.profile.criteria.find((x) => x.code === code);
          return c ? `${code} (${c.text})` : code;
        })
        .join("; "),
    ]);
    rows.push([
      tr(l, "Datum van plaatsing (ontruiming)", "Placement date (eviction)"),
      formatDate(r.placementDate, l),
    ]);
    rows.push([tr(l, "Invoerdatum", "Date entered"), formatDate(r.enteredOn, l)]);
    rows.push([tr(l, "Einddatum", "End date"), formatDate(r.endDate, l)]);
    rows.push([tr(l, "Reikwijdte", "Scope"), r.scope]);
    if (r.claimCents !== null)
      rows.push([tr(l, "Vordering", "Claim"), formatEuro(r.claimCents, l)]);
    rows.push([
      tr(l, "Bezwaar of beroep", "Objection or appeal"),
      r.objectionPending
        ? tr(l, "aanhangig", "pending")
        : r.objectionOutcome
          ? r.objectionOutcome
          : tr(l, "geen", "none"),
    ]);
    if (i.profile.id === "keurmerk-2013") {
      rows.push([
        tr(l, "Begeleidingsteam (datum en uitkomst)", "Support team (date and outcome)"),
        i.supportTeam
          ? `${formatDate(i.supportTeam.date, l)}: ${i.supportTeam.outcome}`
          : tr(l, "geen procedure", "no procedure"),
      ]);
    }
    rows.push([
      tr(l, "Ingevoerd door", "Entered by"),
      tr(
        l,
        `een geautoriseerd functionaris van ${(i.primarySource ?? i.sender).name}`,
        `an authorised officer of ${(i.primarySource ?? i.sender).name}`,
      ),
    ]);
    return {
      heading: tr(l, "Welke gegevens wij over u vastleggen", "What data we hold about you"),
      blocks: [{ rows }],
    };
  },

  recipients: ({ profile, language: l }) => ({
    heading: tr(l, "Wie uw gegevens ontvangt", "Who receives your data"),
    blocks: [
      {
        list: [
          tr(
            l,
            "Geautoriseerde functionarissen van de primaire bron (de organisatie die u registreerde).",
            "Authorised officers of the primary source (the organisation that registered you).",
          ),
          tr(
            l,
            `Andere deelnemers aan ${registerName(profile, l)}: alleen wat het protocol toestaat (bij een toetsing of blokkade: sinds wanneer, tot wanneer, de reikwijdte en de primaire bron), nooit de achterliggende reden.`,
            `Other participants of ${registerName(profile, l)}: only what the protocol allows (on a screening or block: since when, until when, the scope and the primary source), never the underlying reason.`,
          ),
          tr(
            l,
            "Medewerkers van het samenwerkingsverband dat het register beheert.",
            "Staff of the consortium that runs the register.",
          ),
          tr(
            l,
            "De leverancier van het systeem, als verwerker, alleen voor beheer en ondersteuning.",
            "The system's supplier, as processor, for maintenance and support only.",
          ),
          tr(
            l,
            "De geschillencommissie, als u een zaak aan haar voorlegt.",
            "The disputes committee, if you bring a case before it.",
          ),
        ],
      },
    ],
  }),

  data_source: (i) => ({
    heading: tr(i.language, "Herkomst van de gegevens", "Where the data come from"),
    blocks: [
      {
        text: tr(
          i.language,
          `De gegevens zijn vastgelegd door ${(i.primarySource ?? i.sender).name} (de primaire bron), uit haar eigen huuradministratie.`,
          `The data were recorded by ${(i.primarySource ?? i.sender).name} (the primary source), from its own tenancy records.`,
        ),
      },
    ],
  }),

  retention: ({ registration: r, language: l }) => ({
    heading: tr(l, "Hoe lang wij uw gegevens bewaren", "How long we keep your data"),
    blocks: [
      {
        text: r
          ? tr(
              l,
              `Tot ${formatDate(r.endDate, l)}; daarna worden zij automatisch gewist. Eerder als een grond voor verwijdering zich voordoet (zoals een gegrond bezwaar of een nieuwe kans).`,
              `Until ${formatDate(r.endDate, l)}; then they are erased automatically. Earlier if a ground for removal arises (such as an upheld objection or a new chance).`,
            )
          : tr(l, "Niet van toepassing.", "Not applicable."),
      },
    ],
  }),
};

// ---------------------------------------------------------------------------
// The letter
// ---------------------------------------------------------------------------

export function letterTitle(profile: Profile, kind: LetterKind, lang: Language): string {
  const reg = registerName(profile, lang);
  switch (kind) {
    case "placement":
      return tr(
        lang,
        `Mededeling van uw opname in ${reg}`,
        `Notice of your registration in ${reg}`,
      );
    case "continuation":
      return tr(
        lang,
        `Voortzetting van uw opname in ${reg}`,
        `Continuation of your registration in ${reg}`,
      );
    case "removal":
      return tr(
        lang,
        `Verwijdering van uw registratie uit ${reg}`,
        `Removal of your registration from ${reg}`,
      );
    case "hit":
      return tr(lang, `Uitkomst van een toetsing in ${reg}`, `Outcome of a screening in ${reg}`);
    case "acknowledgement":
      return tr(lang, "Ontvangstbevestiging", "Acknowledgement of receipt");
    case "decision":
      return tr(
        lang,
        "Beslissing op uw bezwaar of verzoek",
        "Decision on your objection or request",
      );
    case "access_answer":
      return tr(lang, `Inzage in uw gegevens in ${reg}`, `Access to your data in ${reg}`);
  }
}

function intro(i: LetterInput): string {
  const l = i.language;
  const reg = registerName(i.profile, l);
  switch (i.kind) {
    case "placement":
      return tr(
        l,
        `Met deze brief laten wij u weten dat ${i.sender.name} u heeft opgenomen in ${reg}. Hieronder leest u waarom, voor hoe lang, wat dat voor u betekent en wat u kunt doen als u het er niet mee eens bent.`,
        `With this letter we inform you that ${i.sender.name} has registered you in ${reg}. Below you can read why, for how long, what it means for you and what you can do if you disagree.`,
      );
    case "continuation":
      return tr(
        l,
        `Met deze brief laten wij u weten dat uw opname in ${reg} wordt voortgezet.`,
        `With this letter we inform you that your registration in ${reg} continues.`,
      );
    case "removal":
      return tr(
        l,
        `Met deze brief laten wij u weten dat uw registratie uit ${reg} is verwijderd.`,
        `With this letter we inform you that your registration has been removed from ${reg}.`,
      );
    case "hit":
      return tr(
        l,
        `Met deze brief laten wij u weten dat een toetsing van uw gegevens in ${reg} een hit opleverde.`,
        `With this letter we inform you that a screening of your details in ${reg} found a registration.`,
      );
    case "acknowledgement":
      return tr(
        l,
        "Hierbij bevestigen wij de ontvangst van uw brief.",
        "We hereby acknowledge receipt of your letter.",
      );
    case "decision":
      return tr(l, "Hierbij ontvangt u onze beslissing.", "Please find our decision below.");
    case "access_answer":
      return tr(
        l,
        `U vroeg welke gegevens over u in ${reg} staan. Hieronder vindt u ons antwoord.`,
        `You asked which data about you are held in ${reg}. Our answer follows.`,
      );
  }
}

function salutation(p: LetterPerson, lang: Language): string {
  const surname = [p.prefix ? capitalise(p.prefix) : undefined, p.surname]
    .filter(Boolean)
    .join(" ");
  if (lang === "nl") {
    if (p.gender === "M") return `Geachte heer ${surname},`;
    if (p.gender === "V") return `Geachte mevrouw ${surname},`;
    return `Geachte ${addressName(p)},`;
  }
  if (p.gender === "M") return `Dear Mr ${surname},`;
  if (p.gender === "V") return `Dear Ms ${surname},`;
  return `Dear ${addressName(p)},`;
}

/** Is an item required for this letter? (`when` conditions of the content list) */
export function itemApplies(item: ContentItem, input: LetterInput): boolean {
  if (item.when === "if_dpo") return input.sender.dpo !== null;
  if (item.when === "if_refused") return input.case?.outcome !== "upheld";
  return true;
}

export function composeLetter(input: LetterInput): LetterDocument {
  const content = letterContent(input.profile.id, input.kind);
  if (!content) {
    throw new Error(`profile ${input.profile.id} has no ${input.kind} letter`);
  }
  const l = input.language;
  const items = content.items.filter((item) => itemApplies(item, input));
  const sections: Section[] = [];
  for (const item of items) {
    const rendered = RENDER[item.key](input);
    if (rendered) sections.push({ key: item.key, ...rendered });
  }
  const recipientLines = [addressName(input.person)];
  if (input.address) recipientLines.push(...addressLines(input.address));
  else recipientLines.push(tr(l, "(geen adres bekend)", "(no address known)"));
  return {
    language: l,
    title: letterTitle(input.profile, input.kind, l),
    sender: input.sender,
    recipientLines,
    letterDateText: `${tr(l, "Datum", "Date")}: ${formatDate(input.letterDate, l)}`,
    referenceText: `${tr(l, "Kenmerk", "Reference")}: ${input.reference}`,
    salutation: salutation(input.person, l),
    intro: intro(input),
    sections,
    closing: [tr(l, "Met vriendelijke groet,", "Yours sincerely,"), input.sender.name],
    items,
  };
}
