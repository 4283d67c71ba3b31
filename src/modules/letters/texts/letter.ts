/**
 * The letter's frame in both languages: the register's name, titles, openings, salutation,
 * closing and the head's labels, and the units of a term.
 */
import { defineCatalogue } from "../../../platform/i18n.ts";
import type { CaseKind } from "../../../protocol/case-kinds.ts";
import type { ProfileId } from "../../../protocol/profile.ts";
import type { LetterKind } from "../content.ts";

export const letterTexts = defineCatalogue(
  "letters.letter",
  {
    /** The name of the register, per profile. */
    registerName: {
      "aedes-2021": "de Signaleringslijst ongewenst huurdersgedrag",
      "keurmerk-2013": "het Meldpunt Keurmerk Verhuurdersbelangen",
      kkr: "het Klachten- en Kansenregister",
    } satisfies Record<ProfileId, string>,
    title: {
      placement: (reg: string) => `Mededeling van uw opname in ${reg}`,
      continuation: (reg: string) => `Voortzetting van uw opname in ${reg}`,
      removal: (reg: string) => `Verwijdering van uw registratie uit ${reg}`,
      hit: (reg: string) => `Uitkomst van een toetsing in ${reg}`,
      acknowledgement: (_reg: string) => "Ontvangstbevestiging",
      decision: (_reg: string) => "Beslissing op uw bezwaar of verzoek",
      access_answer: (reg: string) => `Inzage in uw gegevens in ${reg}`,
      block: (_reg: string) => "Blokkade van uw inschrijving als woningzoekende",
      correction: (reg: string) => `Wijziging van uw opname in ${reg}`,
      part_ended: (reg: string) => `Een deel van uw opname in ${reg} is beëindigd`,
    } satisfies Record<LetterKind, (reg: string) => string>,
    /** The decision letter's title says what it decides (G-11). */
    decisionTitle: {
      access: "Beslissing op uw verzoek om inzage",
      rectification: "Beslissing op uw verzoek om correctie",
      erasure: "Beslissing op uw verzoek om verwijdering",
      restriction: "Beslissing op uw verzoek om beperking van de verwerking",
      objection: "Beslissing op uw bezwaar",
      complaint: "Beslissing op uw klacht",
      appeal: "Beslissing op uw beroep",
      hardship: "Beslissing op uw verzoek om toepassing van de hardheidsclausule",
      new_chance: "Beslissing op uw aanvraag voor een nieuwe kans",
      support_team: "Beslissing op uw verzoek om inschakeling van het begeleidingsteam",
      consent: "Beslissing over uw toestemming",
    } satisfies Record<CaseKind, string>,
    intro: {
      placement: (sender: string, reg: string) =>
        `Met deze brief laten wij u weten dat ${sender} u heeft opgenomen in ${reg}. Hieronder leest u waarom, voor hoe lang, wat dat voor u betekent en wat u kunt doen als u het er niet mee eens bent.`,
      continuation: (_sender: string, reg: string) =>
        `Met deze brief laten wij u weten dat uw opname in ${reg} wordt voortgezet.`,
      removal: (_sender: string, reg: string) =>
        `Met deze brief laten wij u weten dat uw registratie uit ${reg} is verwijderd.`,
      hit: (_sender: string, reg: string) =>
        `Met deze brief laten wij u weten dat een toetsing van uw gegevens in ${reg} een hit opleverde.`,
      acknowledgement: (_sender: string, _reg: string) =>
        "Hierbij bevestigen wij de ontvangst van uw brief.",
      decision: (_sender: string, _reg: string) => "Hierbij ontvangt u onze beslissing.",
      access_answer: (_sender: string, reg: string) =>
        `U vroeg welke gegevens over u in ${reg} staan. Hieronder vindt u ons antwoord.`,
      block: (sender: string, reg: string) =>
        `Met deze brief laten wij u weten dat ${sender} uw inschrijving als woningzoekende heeft geblokkeerd, omdat u in ${reg} bent opgenomen. Hieronder leest u welke inschrijving het is, hoe lang de blokkade duurt, wat die voor u betekent en wat u kunt doen als u het er niet mee eens bent.`,
      correction: (sender: string, reg: string) =>
        `Met deze brief laten wij u weten dat ${sender} uw opname in ${reg} heeft gewijzigd. Hieronder leest u wat er is gewijzigd en waarom, wat nu geldt en wat u kunt doen als u het er niet mee eens bent.`,
      part_ended: (_sender: string, reg: string) =>
        `Met deze brief laten wij u weten dat een deel van uw opname in ${reg} is beëindigd. Hieronder leest u welk deel, waarom, wat nog loopt en tot wanneer, wat dat voor u betekent en wat u kunt doen als u het er niet mee eens bent.`,
    } satisfies Record<LetterKind, (sender: string, reg: string) => string>,
    salutation: {
      mr: (surname: string) => `Geachte heer ${surname},`,
      ms: (surname: string) => `Geachte mevrouw ${surname},`,
      other: (name: string) => `Geachte ${name},`,
    },
    noAddress: "(geen adres bekend)",
    date: "Datum",
    reference: "Kenmerk",
    closing: "Met vriendelijke groet,",
    /** A term's units: one, more. */
    units: {
      month: ["maand", "maanden"],
      week: ["week", "weken"],
      day: ["dag", "dagen"],
      workingDay: ["werkdag", "werkdagen"],
    },
    and: " en ",
  },
  {
    registerName: {
      "aedes-2021": "the Signaleringslijst (register of unwanted tenant behaviour)",
      "keurmerk-2013": "the Meldpunt Keurmerk Verhuurdersbelangen (landlords' register)",
      kkr: "the Klachten- en Kansenregister (national landlords' register)",
    },
    title: {
      placement: (reg: string) => `Notice of your registration in ${reg}`,
      continuation: (reg: string) => `Continuation of your registration in ${reg}`,
      removal: (reg: string) => `Removal of your registration from ${reg}`,
      hit: (reg: string) => `Outcome of a screening in ${reg}`,
      acknowledgement: (_reg: string) => "Acknowledgement of receipt",
      decision: (_reg: string) => "Decision on your objection or request",
      access_answer: (reg: string) => `Access to your data in ${reg}`,
      block: (_reg: string) => "Block of your registration as a house seeker",
      correction: (reg: string) => `Change to your registration in ${reg}`,
      part_ended: (reg: string) => `A part of your registration in ${reg} has ended`,
    },
    decisionTitle: {
      access: "Decision on your request for access",
      rectification: "Decision on your request for rectification",
      erasure: "Decision on your request for erasure",
      restriction: "Decision on your request for restriction of processing",
      objection: "Decision on your objection",
      complaint: "Decision on your complaint",
      appeal: "Decision on your appeal",
      hardship: "Decision on your hardship request",
      new_chance: "Decision on your application for a new chance",
      support_team: "Decision on your request to involve the support team",
      consent: "Decision about your consent",
    },
    intro: {
      placement: (sender: string, reg: string) =>
        `With this letter we inform you that ${sender} has registered you in ${reg}. Below you can read why, for how long, what it means for you and what you can do if you disagree.`,
      continuation: (_sender: string, reg: string) =>
        `With this letter we inform you that your registration in ${reg} continues.`,
      removal: (_sender: string, reg: string) =>
        `With this letter we inform you that your registration has been removed from ${reg}.`,
      hit: (_sender: string, reg: string) =>
        `With this letter we inform you that a screening of your details in ${reg} found a registration.`,
      acknowledgement: (_sender: string, _reg: string) =>
        "We hereby acknowledge receipt of your letter.",
      decision: (_sender: string, _reg: string) => "Please find our decision below.",
      access_answer: (_sender: string, reg: string) =>
        `You asked which data about you are held in ${reg}. Our answer follows.`,
      block: (sender: string, reg: string) =>
        `With this letter we inform you that ${sender} has blocked your registration as a house seeker, because you are registered in ${reg}. Below you can read which registration it is, how long the block lasts, what it means for you and what you can do if you disagree.`,
      correction: (sender: string, reg: string) =>
        `With this letter we let you know that ${sender} has changed your registration in ${reg}. Below you can read what changed and why, what applies now and what you can do if you disagree.`,
      part_ended: (_sender: string, reg: string) =>
        `With this letter we let you know that a part of your registration in ${reg} has ended. Below you can read which part, why, what still runs and until when, what that means for you and what you can do if you disagree.`,
    },
    salutation: {
      mr: (surname: string) => `Dear Mr ${surname},`,
      ms: (surname: string) => `Dear Ms ${surname},`,
      other: (name: string) => `Dear ${name},`,
    },
    noAddress: "(no address known)",
    date: "Date",
    reference: "Reference",
    closing: "Yours sincerely,",
    units: {
      month: ["month", "months"],
      week: ["week", "weeks"],
      day: ["day", "days"],
      workingDay: ["working day", "working days"],
    },
    and: " and ",
  },
);
