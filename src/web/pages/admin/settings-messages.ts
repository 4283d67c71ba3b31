import { defineCatalogue } from "../../../platform/i18n.ts";

/**
 * Texts of the region settings (SMTP included) and protocol pages (`m.admin.settings`,
 * `m.admin.protocol`); assembled in src/web/i18n.ts.
 */
const nl = {
  admin: {
    settings: {
      title: "Instellingen van de regio",
      intro:
        "Wijzigingen gelden direct en worden met de oude en nieuwe waarde in het auditlog vastgelegd.",
      matchThreshold: "Drempel voor matches (bits)",
      matchThresholdHint:
        "Een kandidaat-match met deze score of hoger wordt aan de primaire bron voorgelegd.",
      burst: "Toetsingen per uur voor een signaal",
      burstHint: "Meer toetsingen door één gebruiker binnen een uur geeft een misbruiksignaal.",
      caseRetention: "Bewaartermijn van afgeronde zaken (maanden)",
      caseRetentionHint: "Daarna worden de zaak en haar brieven verwijderd.",
      auditRetention: "Bewaartermijn auditlog",
      auditRetentionText: (n: number) =>
        `${n} maanden (alleen door de leverancier in te stellen; het auditlog wordt na elke ondertekende controlepost opgeschoond).`,
      saved: "De instellingen zijn opgeslagen.",
      notNumber: "Vul een getal in.",
      notWhole: "Vul een heel getal in.",
      atLeast: (n: number | string) => `Vul een getal in van ten minste ${n}.`,
      atMost: (n: number | string) => `Vul een getal in van ten hoogste ${n}.`,
      numbersTitle: "Drempels en bewaartermijnen",
      mail: {
        title: "E-mail (SMTP-server)",
        intro:
          "Brieven aan betrokkenen gaan per e-mail via deze server. Zonder server van de regio gelden de instellingen van de installatie (SMTP_URL).",
        current: "Nu in gebruik",
        usesRegion: (host: string, port: number) => `de server van de regio, ${host}:${port}`,
        usesEnvironment:
          "de instellingen van de installatie (SMTP_URL; zonder SMTP_URL buiten productie een map met e-mailbestanden)",
        host: "Server",
        hostHint: "Bijvoorbeeld smtp.example.nl",
        hostInvalid: "Vul een servernaam in zoals smtp.example.nl, of een IP-adres.",
        port: "Poort",
        portHint: "Meestal 587 (STARTTLS) of 465 (TLS)",
        portInvalid: "Vul een poortnummer in van 1 tot en met 65535.",
        tls: "Beveiliging van de verbinding",
        tlsModes: {
          implicit: "TLS vanaf het begin (meestal poort 465)",
          starttls: "STARTTLS verplicht (meestal poort 587)",
          none: "Geen versleuteling (alleen voor een relay in het eigen netwerk)",
        } as Record<string, string>,
        username: "Gebruikersnaam",
        usernameHint: "Leeg laten als de server geen aanmelding vraagt.",
        password: "Wachtwoord",
        passwordSet:
          "Er is een wachtwoord ingesteld. Het wordt nooit getoond; laat dit veld leeg om het te houden, of vul een nieuw in.",
        passwordNotSet: "Er is geen wachtwoord ingesteld.",
        clearPassword: "Het opgeslagen wachtwoord wissen",
        passwordState: "Wachtwoord",
        passwordIsSet: "ingesteld",
        passwordIsNotSet: "niet ingesteld",
        from: "Afzenderadres",
        fromHint: "Het adres waarvan brieven verstuurd worden, bijvoorbeeld brieven@regio.nl.",
        save: "E-mailinstellingen opslaan",
        saved: "De e-mailinstellingen zijn opgeslagen.",
        remove: "Server van de regio verwijderen",
        removeIntro:
          "Daarna gaan e-mails weer via de instellingen van de installatie. Het opgeslagen wachtwoord wordt gewist.",
        removed:
          "De server van de regio is verwijderd; e-mail gebruikt weer de instellingen van de installatie.",
        testTitle: "Testbericht versturen",
        testIntro:
          "Stuur een testbericht via de instellingen die nu gelden, om te zien of de server het bericht aanneemt.",
        testTo: "Naar",
        testSend: "Testbericht versturen",
        testSent: (to: string, via: string) =>
          `Het testbericht is aangenomen voor ${to}, via ${via}.`,
        viaRegion: "de server van de regio",
        viaEnvironment: "de instellingen van de installatie",
        viaOutbox: "de map met e-mailbestanden (geen echte verzending)",
        testFailed: "Het testbericht is niet verstuurd",
        serverSaid: "Antwoord van de server",
        notConfigured:
          "Er is geen e-mail ingesteld: vul hierboven een server in, of stel SMTP_URL in op de installatie.",
        errors: {
          EAUTH: "De server weigert de aanmelding: controleer gebruikersnaam en wachtwoord.",
          ECONNECTION:
            "Er is geen verbinding met de server: controleer server, poort en beveiliging.",
          ESOCKET: "Er is geen verbinding met de server: controleer server, poort en beveiliging.",
          ETIMEDOUT: "De server antwoordt niet op tijd: controleer server en poort.",
          EDNS: "De servernaam is niet gevonden.",
          ETLS: "De beveiligde verbinding lukt niet: controleer de beveiliging en de poort.",
          EENVELOPE: "De server weigert het afzender- of ontvangeradres.",
          EMESSAGE: "De server weigert het bericht.",
        } as Record<string, string>,
        otherError: "De server weigert het bericht of is niet bereikbaar.",
      },
    },
    protocol: {
      /**
       * A notice shown in English only: the rule texts quote the Dutch protocol (source
       * data). A function, so that Dutch can have none (a catalogue has no empty texts).
       */
      quotedDutch: (): string | null => null,
      title: "Het protocol van de regio",
      intro: (title: string, version: string, seed: string) =>
        `Profiel ${title}, versie ${version} (bron ${seed}). Elke regel noemt het artikel waar hij vandaan komt.`,
      twoStep: "Plaatsing in twee stappen",
      categories: "Categorieën",
      criteria: "Criteria",
      term: "Termijn",
      maxMonths: (n: number) => `ten hoogste ${n} maanden`,
      brackets: "Schadebedrag en termijn",
      scope: "Reikwijdte",
      claim: "Vordering",
      placement: "Plaatsing",
      removal: "Verwijdering",
      disclosure: "Wat bij een treffer te zien is",
      audience: "Wie",
      role: "Rol",
      fields: "Velden",
      confirmedMatch: "Alleen na bevestigde match",
      deadlines: "Termijnen",
      deadline: "Termijn",
      what: "Wat",
      source: "Artikel",
      generalRemoval: "Algemene verwijdergronden",
      none: "Geen.",
    },
  },
};

const en: typeof nl = {
  admin: {
    settings: {
      title: "Region settings",
      intro:
        "Changes take effect at once and are recorded with old and new values in the audit log.",
      matchThreshold: "Match threshold (bits)",
      matchThresholdHint:
        "A candidate match scoring this or more is proposed to the primary source.",
      burst: "Screenings per hour for a signal",
      burstHint: "More screenings by one user within an hour raise a misuse signal.",
      caseRetention: "Retention of finished cases (months)",
      caseRetentionHint: "After that the case and its letters are erased.",
      auditRetention: "Audit log retention",
      auditRetentionText: (n) =>
        `${n} months (set by the supplier only; the log is pruned after each signed checkpoint).`,
      saved: "The settings have been saved.",
      notNumber: "Enter a number.",
      notWhole: "Enter a whole number.",
      atLeast: (n) => `Enter a number of at least ${n}.`,
      atMost: (n) => `Enter a number of at most ${n}.`,
      numbersTitle: "Thresholds and retention",
      mail: {
        title: "E-mail (SMTP server)",
        intro:
          "Letters to people go by e-mail through this server. Without a region server, the installation's settings apply (SMTP_URL).",
        current: "In use now",
        usesRegion: (host, port) => `the region's server, ${host}:${port}`,
        usesEnvironment:
          "the installation's settings (SMTP_URL; without SMTP_URL, outside production, a folder of e-mail files)",
        host: "Server",
        hostHint: "For example smtp.example.nl",
        hostInvalid: "Enter a server name such as smtp.example.nl, or an IP address.",
        port: "Port",
        portHint: "Usually 587 (STARTTLS) or 465 (TLS)",
        portInvalid: "Enter a port number from 1 to 65535.",
        tls: "Connection security",
        tlsModes: {
          implicit: "TLS from the start (usually port 465)",
          starttls: "STARTTLS required (usually port 587)",
          none: "No encryption (only for a relay on your own network)",
        },
        username: "User name",
        usernameHint: "Leave empty when the server asks for no sign-in.",
        password: "Password",
        passwordSet:
          "A password is set. It is never shown; leave this field empty to keep it, or enter a new one.",
        passwordNotSet: "No password is set.",
        clearPassword: "Clear the stored password",
        passwordState: "Password",
        passwordIsSet: "set",
        passwordIsNotSet: "not set",
        from: "Sender address",
        fromHint: "The address letters are sent from, for example letters@region.nl.",
        save: "Save e-mail settings",
        saved: "The e-mail settings have been saved.",
        remove: "Remove the region's server",
        removeIntro:
          "E-mail then goes through the installation's settings again. The stored password is erased.",
        removed:
          "The region's server has been removed; e-mail uses the installation's settings again.",
        testTitle: "Send a test message",
        testIntro:
          "Send a test message through the settings in use now, to see whether the server accepts it.",
        testTo: "To",
        testSend: "Send test message",
        testSent: (to, via) => `The test message was accepted for ${to}, via ${via}.`,
        viaRegion: "the region's server",
        viaEnvironment: "the installation's settings",
        viaOutbox: "the folder of e-mail files (not really sent)",
        testFailed: "The test message was not sent",
        serverSaid: "The server's answer",
        notConfigured:
          "No e-mail is configured: enter a server above, or set SMTP_URL on the installation.",
        errors: {
          EAUTH: "The server refuses the sign-in: check the user name and password.",
          ECONNECTION: "No connection to the server: check the server, port and security.",
          ESOCKET: "No connection to the server: check the server, port and security.",
          ETIMEDOUT: "The server does not answer in time: check the server and port.",
          EDNS: "The server name was not found.",
          ETLS: "The secure connection fails: check the security setting and the port.",
          EENVELOPE: "The server refuses the sender or recipient address.",
          EMESSAGE: "The server refuses the message.",
        },
        otherError: "The server refuses the message or cannot be reached.",
      },
    },
    protocol: {
      quotedDutch: () =>
        "The rule texts are quoted from the Dutch protocol (its articles are cited); they are not translated.",
      title: "The region's protocol",
      intro: (title, version, seed) =>
        `Profile ${title}, version ${version} (source ${seed}). Every rule names the article it comes from. Rule texts are the protocol's own (Dutch) words.`,
      twoStep: "Two-step placement",
      categories: "Categories",
      criteria: "Criteria",
      term: "Term",
      maxMonths: (n) => `at most ${n} months`,
      brackets: "Damage amount and term",
      scope: "Scope",
      claim: "Claim",
      placement: "Placement",
      removal: "Removal",
      disclosure: "What a hit shows",
      audience: "Who",
      role: "Role",
      fields: "Fields",
      confirmedMatch: "Only after a confirmed match",
      deadlines: "Deadlines",
      deadline: "Term",
      what: "What",
      source: "Article",
      generalRemoval: "General grounds for removal",
      none: "None.",
    },
  },
};

export const adminSettingsMessages = defineCatalogue("web.admin.settings", nl, en);
