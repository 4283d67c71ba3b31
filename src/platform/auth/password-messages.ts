import { defineCatalogue } from "../i18n.ts";

/**
 * Why a password is refused (the policy in password.ts), Dutch first. The length limits are
 * arguments, so this file needs nothing from password.ts (which imports it).
 */
export const passwordPolicyMessages = defineCatalogue(
  "password-policy",
  {
    password_too_short: (min: number) =>
      `Gebruik minstens ${min} tekens. Een zin van een paar woorden is makkelijk te onthouden.`,
    password_too_long: (max: number) => `Gebruik hoogstens ${max} tekens.`,
    password_common:
      "Dit wachtwoord staat in lijsten van veelgebruikte of uitgelekte wachtwoorden. Kies een ander wachtwoord.",
    password_contains_identity:
      "Het wachtwoord mag uw e-mailadres, uw naam of ‘Woonsignaal’ niet bevatten.",
    password_weak:
      "Dit wachtwoord is te makkelijk te raden (bijvoorbeeld herhalingen, toetsenbordreeksen of bekende woorden en namen). Kies een langere zin van een paar gewone woorden.",
    password_reused: "Het nieuwe wachtwoord is gelijk aan het huidige. Kies een ander wachtwoord.",
  },
  {
    password_too_short: (min: number) =>
      `Use at least ${min} characters. A sentence of a few words is easy to remember.`,
    password_too_long: (max: number) => `Use at most ${max} characters.`,
    password_common:
      "This password appears in lists of common or leaked passwords. Choose another one.",
    password_contains_identity:
      "The password must not contain your e-mail address, your name or “Woonsignaal”.",
    password_weak:
      "This password is too easy to guess (for example repetitions, keyboard runs or well-known words and names). Choose a longer sentence of a few ordinary words.",
    password_reused: "The new password is the same as the current one. Choose another one.",
  },
);
