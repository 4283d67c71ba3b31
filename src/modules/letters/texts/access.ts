/**
 * What an access answer says about everything held in the region (003 §15.2; AVG art. 15,
 * art. 26 lid 3): each registration with its primary source, the sender's own screenings, the
 * actual recipients; a registration's codes are said in words by texts/codes.ts.
 */
import { defineCatalogue } from "../../../platform/i18n.ts";

export const accessTexts = defineCatalogue(
  "letters.access",
  {
    registrationHeading: (n: number, organisation: string) =>
      `Registratie ${n}, vastgelegd door ${organisation}`,
    nothingAnywhere: (reg: string) =>
      `Er zijn over u geen gegevens opgenomen in ${reg}: niet bij ons en niet bij een andere deelnemer in de regio. Niemand heeft gegevens over u ontvangen.`,
    stillChecked: (reg: string) =>
      `Bij een andere deelnemer aan ${reg} wordt nog nagegaan of een registratie daar over u gaat. Die registratie staat niet in deze brief, omdat nog niet vaststaat dat zij over u gaat. U kunt ons later opnieuw om inzage vragen.`,
    notRegistered: (reg: string) =>
      `U staat niet geregistreerd in ${reg}, bij geen enkele deelnemer in de regio. Wel is nagegaan of u erin stond; dat leest u hieronder.`,
    ownScreenings: {
      heading: (sender: string) => `Toetsingen door ${sender}`,
      none: (sender: string, reg: string) => `${sender} heeft niet nagegaan of u in ${reg} staat.`,
      line: (date: string, purpose: string, hit: boolean, letterSentOn: string | null) =>
        !hit
          ? `${date}, voor ${purpose}: u stond er niet in.`
          : letterSentOn
            ? `${date}, voor ${purpose}: u stond erin. Op ${letterSentOn} stuurden wij u daarover een brief (de melding van een treffer).`
            : `${date}, voor ${purpose}: u stond erin. De brief daarover (de melding van een treffer) is nog niet verstuurd; u ontvangt hem alsnog.`,
    },
    recipients: {
      actualHeading: "Wie uw gegevens werkelijk heeft ontvangen",
      screening: (organisation: string, date: string) =>
        `${organisation}, op ${date}: bij een toetsing bleek dat u geregistreerd staat.`,
      block: (organisation: string, date: string) =>
        `${organisation}, op ${date}: zag dat u geblokkeerd bent.`,
      nobody:
        "Geen andere organisatie heeft tot nu toe gegevens over u uit het register ontvangen.",
      screeningsOnly:
        "Omdat u niet geregistreerd staat, heeft geen organisatie gegevens over u uit het register ontvangen.",
    },
    dataSource: {
      registration: (organisation: string) =>
        `${organisation} (de primaire bron) heeft de gegevens vastgelegd, uit haar eigen huuradministratie.`,
      screenings:
        "De gegevens van een toetsing (naam en geboortedatum) heeft de organisatie die u toetste zelf ingevoerd.",
    },
    retention: {
      until: (organisation: string, date: string) =>
        `De registratie door ${organisation} wordt bewaard tot ${date} en dan verwijderd.`,
      screenings:
        "Wie wanneer heeft nagegaan of u geregistreerd staat, wordt 24 maanden bewaard en dan verwijderd.",
    },
  },
  {
    registrationHeading: (n: number, organisation: string) =>
      `Registration ${n}, recorded by ${organisation}`,
    nothingAnywhere: (reg: string) =>
      `No data about you are recorded in ${reg}: neither by us nor by any other participant in the region. Nobody has received data about you.`,
    stillChecked: (reg: string) =>
      `Another participant in ${reg} is still checking whether a registration it holds is about you. That registration is not in this letter, because it has not been established that it is about you. You may ask us for access again later.`,
    notRegistered: (reg: string) =>
      `You are not registered in ${reg}, with any participant in the region. It was, however, checked whether you were; see below.`,
    ownScreenings: {
      heading: (sender: string) => `Checks by ${sender}`,
      none: (sender: string, reg: string) => `${sender} has not checked whether you are in ${reg}.`,
      line: (date: string, purpose: string, hit: boolean, letterSentOn: string | null) =>
        !hit
          ? `${date}, for ${purpose}: you were not registered.`
          : letterSentOn
            ? `${date}, for ${purpose}: you were registered. On ${letterSentOn} we sent you a letter about it (the notice of a hit).`
            : `${date}, for ${purpose}: you were registered. The letter about it (the notice of a hit) has not been sent yet; you will receive it.`,
    },
    recipients: {
      actualHeading: "Who actually received your data",
      screening: (organisation: string, date: string) =>
        `${organisation}, on ${date}: learnt at a check that you are registered.`,
      block: (organisation: string, date: string) =>
        `${organisation}, on ${date}: saw that you are blocked.`,
      nobody: "No other organisation has so far received data about you from the register.",
      screeningsOnly:
        "As you are not registered, no organisation has received data about you from the register.",
    },
    dataSource: {
      registration: (organisation: string) =>
        `${organisation} (the primary source) recorded the data, from its own tenancy records.`,
      screenings:
        "The data of a check (name and date of birth) were entered by the organisation that checked.",
    },
    retention: {
      until: (organisation: string, date: string) =>
        `The registration by ${organisation} is kept until ${date} and then erased.`,
      screenings:
        "Who checked whether you are registered, and when, is kept for 24 months and then erased.",
    },
  },
);
