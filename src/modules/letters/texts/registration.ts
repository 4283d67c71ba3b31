/**
 * What a letter says about the registration: its reason (categories, ratings), purpose and
 * legal basis, term and consequence, continuation and removal, and how long data are kept.
 */
import { defineCatalogue } from "../../../platform/i18n.ts";
import type { ProfileId } from "../../../protocol/profile.ts";
import type { ContinuationGround, CorrectionReason, RemovalGround } from "../content.ts";

export const registrationTexts = defineCatalogue(
  "letters.registration",
  {
    categories: {
      heading: "Reden van de registratie",
      intro:
        "U bent geregistreerd in de volgende categorie(ën) van ongewenst huurdersgedrag. Achterliggende stukken worden niet in het register vastgelegd.",
      none: "Er is geen registratie over u opgenomen.",
      /** keurmerk-2013: the W-categories are ratings. */
      ratingHeading: "Waardering (W-categorie) en betekenis",
      ratedAs: (codes: string) =>
        `Uw opname is gewaardeerd als: ${codes}. De waarderingen betekenen:`,
      noRating: "Er is geen opname over u.",
      applies: " (van toepassing)",
    },
    ratingNumber: {
      heading: "Het cijfer van de waardering",
      number: "Cijfer",
      yours: " (uw waardering)",
      fixedTerm: (months: number) => `vaste termijn van ${months} maanden`,
      maxTerm: (months: number) => `ten hoogste ${months} maanden`,
    },
    purpose: {
      heading: "Doel en grondslag",
      byProfile: {
        "aedes-2021":
          "De deelnemers gebruiken de signaleringslijst om te voorkomen dat huurders die ernstig " +
          "ongewenst huurdersgedrag vertoonden, elders in de regio dezelfde problemen veroorzaken; om " +
          "veilig wonen en woongenot van huurders, omwonenden en medewerkers te beschermen; en om " +
          "betrokkenen onder voorwaarden en met begeleiding een nieuwe kans te bieden (het Protocol " +
          "Signaleringslijst, hoofdstuk 1 en artikel 12.1).",
        "keurmerk-2013":
          "Het Meldpunt dient de precontractuele beoordeling of een huurovereenkomst wordt aangegaan: " +
          "om een goed leefklimaat in buurten te bevorderen, het woongenot van omwonenden te " +
          "beschermen en nieuwe schadeposten te voorkomen, en om betrokkenen een eenduidig en " +
          "proportioneel systeem van klacht en herkansing te bieden (het Protocol Meldpunt Keurmerk " +
          "Verhuurdersbelangen, artikel 4.1).",
        kkr:
          "Het register gaat woonfraude en ernstige overlast tegen en helpt aangesloten verhuurders " +
          "huurders met een negatief huurverleden onder strikte voorwaarden een nieuwe kans te geven " +
          "(het reglement van het Klachten- en Kansenregister).",
      } satisfies Record<ProfileId, string>,
      legalBasis:
        "Grondslag: het gerechtvaardigd belang van de deelnemers (artikel 6 lid 1 onder f AVG), na een afweging tegen uw belangen en met toepassing van proportionaliteit.",
    },
    term: {
      heading: "Termijn van opname",
      runs: (start: string, end: string, months: number, placement: string) =>
        `De registratie loopt van ${start} tot ${end} (${months} maanden, gerekend vanaf ${placement}). Op ${end} vervalt zij en worden uw gegevens automatisch verwijderd.`,
      none: "Er is geen registratie over u.",
      /** A registration in parts: each category group has its own term (003 §7). */
      partsIntro: (start: string, placement: string) =>
        `De registratie bestaat uit delen met elk een eigen termijn, gerekend vanaf ${placement}. Elk deel loopt vanaf ${start}:`,
      part: (categories: string, end: string, months: number) =>
        `${categories}: tot ${end} (${months} maanden).`,
      partsEnd:
        "Op de einddatum van een deel vervalt dat deel; de andere delen lopen door. Als het laatste deel vervalt, worden uw gegevens automatisch verwijderd.",
      /** After one part ended: what still runs (D-950). */
      remainingHeading: "Wat nog loopt, en tot wanneer",
      remainingIntro: (placement: string) =>
        `Dit deel van uw registratie loopt nog door, met een eigen termijn gerekend vanaf ${placement}:`,
    },
    consequence: {
      heading: "Gevolgen voor u",
      /** What the registration's scope means, until its end. */
      scope: {
        organisation: (organisation: string, end: string, _reg: string) =>
          `${organisation} kan u tot ${end} weigeren als huurder. Andere deelnemers kunnen u een woning verhuren; zij mogen daarbij voorwaarden stellen, zoals begeleiding.`,
        region: (_organisation: string, end: string, reg: string) =>
          `Tot ${end} bent u uitgesloten van de toewijzing van huurwoningen bij de deelnemers aan ${reg}. Een deelnemer kan u wel onder aanvullende voorwaarden een woning aanbieden. U kunt zich blijven inschrijven als woningzoekende en inschrijftijd opbouwen.`,
        national: (_organisation: string, end: string, _reg: string) =>
          `Tot ${end} kan een aangesloten verhuurder in Nederland bij wie u een woning zoekt, u toetsen. Hij ziet dat u geregistreerd bent pas nadat de organisatie die u registreerde heeft bevestigd dat het om u gaat; de reden ziet hij niet. Hij kan u dan alleen onder strikte voorwaarden een woning verhuren.`,
      },
      noticeFirst:
        "De registratie gaat pas in nadat deze kennisgeving aan u is verzonden of, als er geen adres bekend is, is vastgelegd.",
    },
    participants: {
      heading: "Welke organisaties deelnemen",
      text: (baseUrl: string, reg: string) =>
        `Op ${baseUrl}/deelnemers staat welke organisaties deelnemen aan ${reg}.`,
    },
    continuation: {
      heading: "Voortzetting van uw opname",
      continues: (because: string) => `Uw opname wordt voortgezet, omdat ${because}.`,
      runsUntil: (end: string) => ` Zij loopt door tot ${end}.`,
      decided: "het begeleidingsteam daartoe besliste",
      /** Why a registration continues (001 §9.1 B). */
      grounds: {
        support_team_refused_rehousing:
          "het begeleidingsteam heeft uw verzoek om herhuisvesting afgewezen",
        conditions_not_met:
          "na uw herhuisvesting zijn de voorwaarden van de huurovereenkomst, de woonbegeleidingsovereenkomst of andere afspraken niet nagekomen",
      } satisfies Record<ContinuationGround, string>,
    },
    correction: {
      heading: "Wijziging van uw registratie",
      changed: (because: string) =>
        `Wij hebben uw registratie gewijzigd, omdat ${because}. Deze brief vervangt wat wij u eerder over uw registratie schreven: hieronder staat wat nu geldt.`,
      /** Why a decision was changed (the reason codes of a change). */
      reasons: {
        entry_error: "bij het invoeren een fout was gemaakt",
        placement_date_corrected:
          "de datum van de ontruiming, de oplevering of het vonnis anders bleek te zijn",
        decision_by_court_or_committee:
          "een rechter, de geschillencommissie of een beslissing op bezwaar dat nodig maakte",
        proportionality_reweighed: "wij opnieuw hebben afgewogen wat in uw geval redelijk is",
        new_documented_facts: "er nieuwe, vastgelegde feiten zijn",
      } satisfies Record<CorrectionReason, string>,
      decided: "wij dat opnieuw hebben besloten",
    },
    /** One part ended while others run on (003 §7, §12.4; D-950). */
    partEnded: {
      heading: "Welk deel van uw registratie is beëindigd",
      ended: (reg: string, date: string, because: string, categories: string) =>
        `Een deel van uw registratie in ${reg} is op ${date} beëindigd, omdat ${because}. Het gaat om: ${categories}. De gegevens die alleen bij dat deel hoorden, zijn gewist. De rest van uw registratie loopt door; hieronder leest u wat nog geldt, tot wanneer en waar.`,
      plain: "Een deel van uw registratie is beëindigd; de rest loopt door.",
      /** Why a part ended, where it differs from why a whole registration was removed. */
      grounds: {
        term_expired: "de termijn van dat deel is verstreken",
        claim_paid_in_full: "de vordering is volledig voldaan",
        claim_settled: "er is een schikking getroffen over de vordering",
      } as Partial<Record<RemovalGround, string>>,
    },
    removal: {
      heading: "Verwijdering van uw registratie",
      removed: (reg: string, date: string, because: string) =>
        `Uw registratie in ${reg} is op ${date} verwijderd, omdat ${because}. Uw persoonsgegevens zijn daarbij uit het register gewist.`,
      removedPlain: "Uw registratie is verwijderd.",
      /** Why a registration was removed. */
      grounds: {
        term_expired: "de termijn van de registratie is verstreken",
        objection_upheld: "uw bezwaar, klacht of beroep is gegrond verklaard",
        new_chance: "u heeft een nieuwe kans gekregen en aanvaard",
        participant_left: "de organisatie die u registreerde neemt niet meer deel aan het register",
        claim_paid_in_full: "de vordering is volledig voldaan",
        claim_settled: "er is een schikking getroffen over de vordering",
        claim_half_paid_with_arrangement:
          "ten minste de helft van de vordering is voldaan en voor de rest is een betalingsregeling getroffen die wordt nagekomen",
        support_team_rehousing:
          "het begeleidingsteam heeft beslist dat herhuisvesting mogelijk is en de voorwaarden zijn nagekomen",
        erased_by_primary_source:
          "de organisatie die u registreerde heeft de registratie verwijderd",
      } satisfies Record<RemovalGround, string>,
    },
    removalConsequence: {
      heading: "Wat dit voor u betekent",
      withoutReservation:
        "De deelnemers kunnen weer zonder voorbehoud een huurovereenkomst met u sluiten.",
      claimRemains:
        "Een openstaande vordering blijft wel opeisbaar; alleen de deelnemer bij wie die openstaat, mag vooraf een betalingsregeling vragen.",
    },
    retention: {
      heading: "Hoe lang wij uw gegevens bewaren",
      until: (end: string) =>
        `Tot ${end}; daarna worden zij automatisch gewist. Eerder als een grond voor verwijdering zich voordoet (zoals een gegrond bezwaar of een nieuwe kans).`,
      notApplicable: "Niet van toepassing.",
    },
    /** 001 Bijlage 1, toelichting punt 2: the W1 placement letter points to the support team. */
    supportTeam: {
      heading: "Begeleidingsteam: een kans op een nieuwe woning",
      text: (org: string, times: number, appeal: string, cite: string) =>
        "Heeft uw gemeente daarvoor voorzieningen, dan kunt u laten toetsen of u met " +
        "woonbegeleiding in aanmerking komt voor een woning. Dat beoordeelt het begeleidingsteam " +
        `waarmee ${org} samenwerkt. Ziet het begeleidingsteam een reëel perspectief op ` +
        "verbetering, met of zonder begeleiding, dan kunt u weer een woning krijgen en kan uw " +
        `opname eerder eindigen. U kunt dit tijdens uw opname tot ${times} keer vragen, bij ${org}. ` +
        `Bent u het niet eens met de beslissing van het begeleidingsteam, dan kunt u${appeal} in ` +
        `beroep gaan bij Keurmerk Verhuurdersbelangen B.V. (${cite}).`,
      within: (term: string) => ` binnen ${term}`,
    },
  },
  {
    categories: {
      heading: "Reason for the registration",
      intro:
        "You are registered in the following category (or categories) of unwanted tenant behaviour. No underlying documents are kept in the register.",
      none: "No registration about you is recorded.",
      ratingHeading: "Rating (W-category) and its meaning",
      ratedAs: (codes: string) => `Your registration is rated as: ${codes}. The ratings mean:`,
      noRating: "There is no registration about you.",
      applies: " (applies)",
    },
    ratingNumber: {
      heading: "The number of the rating",
      number: "Number",
      yours: " (your rating)",
      fixedTerm: (months: number) => `fixed term of ${months} months`,
      maxTerm: (months: number) => `at most ${months} months`,
    },
    purpose: {
      heading: "Purpose and legal basis",
      byProfile: {
        "aedes-2021":
          "The participants use the register to prevent tenants who behaved in a seriously unwanted " +
          "way from causing the same problems elsewhere in the region; to protect the safety and " +
          "quiet enjoyment of tenants, neighbours and staff; and to offer the person a new chance " +
          "under conditions and with support (the Protocol Signaleringslijst, chapter 1 and article 12.1).",
        "keurmerk-2013":
          "The register serves the assessment before a tenancy is entered into: to promote a good " +
          "living climate, to protect neighbours and to prevent new damage, and to offer the person a " +
          "clear and proportionate system of complaint and second chance (the Protocol Meldpunt Keurmerk " +
          "Verhuurdersbelangen, article 4.1).",
        kkr:
          "The register counters housing fraud and serious nuisance and helps affiliated landlords give " +
          "tenants with a negative rental history a new chance under strict conditions (the rules of the " +
          "Klachten- en Kansenregister).",
      },
      legalBasis:
        "Legal basis: the legitimate interests of the participants (Article 6(1)(f) GDPR), weighed against your interests and applied proportionately.",
    },
    term: {
      heading: "Term of the registration",
      runs: (start: string, end: string, months: number, placement: string) =>
        `The registration runs from ${start} until ${end} (${months} months, counted from ${placement}). On ${end} it ends and your data are erased automatically.`,
      none: "There is no registration about you.",
      partsIntro: (start: string, placement: string) =>
        `The registration consists of parts, each with its own term, counted from ${placement}. Each part runs from ${start}:`,
      part: (categories: string, end: string, months: number) =>
        `${categories}: until ${end} (${months} months).`,
      partsEnd:
        "On a part's end date that part ends; the other parts continue. When the last part ends, your data are erased automatically.",
      remainingHeading: "What still runs, and until when",
      remainingIntro: (placement: string) =>
        `This part of your registration continues, with its own term counted from ${placement}:`,
    },
    consequence: {
      heading: "What this means for you",
      scope: {
        organisation: (organisation: string, end: string, _reg: string) =>
          `${organisation} may refuse you as a tenant until ${end}. Other participants may let a dwelling to you; they may set conditions when they do, such as support.`,
        region: (_organisation: string, end: string, reg: string) =>
          `Until ${end} you are excluded from the allocation of rented dwellings by the participants of ${reg}. A participant may still offer you a dwelling under additional conditions. You can stay registered as a house seeker and build up registration time.`,
        national: (_organisation: string, end: string, _reg: string) =>
          `Until ${end} an affiliated landlord in the Netherlands with whom you look for a dwelling may screen you. It sees that you are registered only after the organisation that registered you has confirmed that it is you; it never sees the reason. It may then let a dwelling to you only under strict conditions.`,
      },
      noticeFirst:
        "The registration takes effect only once this notice has been sent to you or, if no address is known, has been recorded.",
    },
    participants: {
      heading: "Which organisations take part",
      text: (baseUrl: string, reg: string) =>
        `${baseUrl}/deelnemers lists the organisations that take part in ${reg}.`,
    },
    continuation: {
      heading: "Continuation of your registration",
      continues: (because: string) => `Your registration continues, because ${because}.`,
      runsUntil: (end: string) => ` It runs until ${end}.`,
      decided: "the support team so decided",
      grounds: {
        support_team_refused_rehousing: "the support team refused your request for rehousing",
        conditions_not_met:
          "after your rehousing the conditions of the tenancy, the support agreement or other arrangements were not met",
      },
    },
    correction: {
      heading: "Change to your registration",
      changed: (because: string) =>
        `We have changed your registration, because ${because}. This letter replaces what we wrote to you about your registration before: below is what applies now.`,
      reasons: {
        entry_error: "a mistake was made when it was entered",
        placement_date_corrected:
          "the date of the eviction, the handover or the judgment turned out to be different",
        decision_by_court_or_committee:
          "a court, the disputes committee or a decision on an objection required it",
        proportionality_reweighed: "we weighed again what is reasonable in your case",
        new_documented_facts: "there are new, recorded facts",
      },
      decided: "we decided so again",
    },
    partEnded: {
      heading: "Which part of your registration has ended",
      ended: (reg: string, date: string, because: string, categories: string) =>
        `A part of your registration in ${reg} ended on ${date}, because ${because}. It concerns: ${categories}. The data that belonged to that part only have been erased. The rest of your registration continues; below you can read what still applies, until when and where.`,
      plain: "A part of your registration has ended; the rest continues.",
      grounds: {
        term_expired: "the term of that part has ended",
        claim_paid_in_full: "the claim has been paid in full",
        claim_settled: "a settlement about the claim was reached",
      } as Partial<Record<RemovalGround, string>>,
    },
    removal: {
      heading: "Removal of your registration",
      removed: (reg: string, date: string, because: string) =>
        `Your registration in ${reg} was removed on ${date}, because ${because}. Your personal data were erased from the register.`,
      removedPlain: "Your registration was removed.",
      grounds: {
        term_expired: "the term of the registration has ended",
        objection_upheld: "your objection, complaint or appeal was upheld",
        new_chance: "you were offered and accepted a new chance",
        participant_left:
          "the organisation that registered you no longer takes part in the register",
        claim_paid_in_full: "the claim has been paid in full",
        claim_settled: "a settlement about the claim was reached",
        claim_half_paid_with_arrangement:
          "at least half of the claim was paid and a payment arrangement for the rest is kept",
        support_team_rehousing:
          "the support team decided that rehousing is possible and the conditions were met",
        erased_by_primary_source:
          "the organisation that registered you has removed the registration",
      },
    },
    removalConsequence: {
      heading: "What this means for you",
      withoutReservation:
        "The participants may again enter into a tenancy with you without reservation.",
      claimRemains:
        "An outstanding claim can still be collected; only the participant it is owed to may ask for a payment arrangement first.",
    },
    retention: {
      heading: "How long we keep your data",
      until: (end: string) =>
        `Until ${end}; then they are erased automatically. Earlier if a ground for removal arises (such as an upheld objection or a new chance).`,
      notApplicable: "Not applicable.",
    },
    supportTeam: {
      heading: "Support team: a chance of a new home",
      text: (org: string, times: number, appeal: string, cite: string) =>
        "Where your municipality has the facilities, you can have it assessed whether you " +
        "qualify for a home with housing support. The support team that " +
        `${org} works with decides. If the support team sees a real prospect of improvement, ` +
        "with or without support, you can be housed again and your registration may end " +
        `earlier. You can ask for this up to ${times} times during your registration, at ${org}. ` +
        `If you disagree with the support team's decision, you can appeal${appeal} to ` +
        `Keurmerk Verhuurdersbelangen B.V. (${cite}).`,
      within: (term: string) => ` within ${term}`,
    },
  },
);
