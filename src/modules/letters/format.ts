/** How a letter writes dates, terms, names and addresses, in either language. */
import type { Language } from "../../platform/i18n.ts";
import type { Term } from "../../platform/werkdagen.ts";
import type { Profile } from "../../protocol/profile.ts";
import type { Letterhead } from "../organisations/ports.ts";
import type { LetterAddress, LetterPerson } from "./letter-input.ts";
import { letterTexts } from "./texts/letter.ts";

export function formatDate(iso: string, lang: Language): string {
  return new Intl.DateTimeFormat(lang === "nl" ? "nl-NL" : "en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${iso}T12:00:00Z`));
}

export function termText(term: Term, lang: Language): string {
  const t = letterTexts[lang];
  const parts: string[] = [];
  const unit = (n: number, [one, many]: readonly string[]) => `${n} ${n === 1 ? one : many}`;
  if (term.months) parts.push(unit(term.months, t.units.month));
  if (term.weeks) parts.push(unit(term.weeks, t.units.week));
  if (term.days) parts.push(unit(term.days, t.units.day));
  if (term.workingDays) parts.push(unit(term.workingDays, t.units.workingDay));
  return parts.join(t.and);
}

/** The name of the register, per profile. */
export function registerName(profile: Profile, lang: Language): string {
  return letterTexts[lang].registerName[profile.id];
}

export function personName(p: LetterPerson): string {
  return [p.firstNames ?? p.initials, p.prefix, p.surname].filter(Boolean).join(" ");
}

export function addressName(p: LetterPerson): string {
  return [p.initials, p.prefix, p.surname].filter(Boolean).join(" ");
}

export function addressLines(a: LetterAddress): string[] {
  const number = [a.houseNumber, a.houseNumberAddition].filter(Boolean).join("-");
  const lines = [`${a.street} ${number}`, `${a.postcode} ${a.city}`];
  if (a.country && a.country !== "NL") lines.push(a.country);
  return lines;
}

export function orgAddress(o: Letterhead | undefined): string[] {
  if (!o?.address) return [];
  return [
    `${o.address.street} ${o.address.houseNumber}`,
    `${o.address.postcode} ${o.address.city}`,
  ];
}

export function capitalise(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
