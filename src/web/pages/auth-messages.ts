import { defineCatalogue } from "../../platform/i18n.ts";

/**
 * Texts of the sign-in, second-step, declaration and account pages (src/web/pages/auth.ts),
 * assembled into `messages(lang)` in src/web/i18n.ts.
 */
const nl = {
  // sign-in
  signIn: {
    title: "Aanmelden",
    intro:
      "Meld u aan met uw e-mailadres en wachtwoord. Daarna vragen we de code uit uw authenticator-app.",
    email: "E-mailadres",
    password: "Wachtwoord",
    submit: "Verder",
    invalid: "Het e-mailadres of wachtwoord klopt niet.",
    emailMissing: "Vul uw e-mailadres in.",
    passwordMissing: "Vul uw wachtwoord in.",
    limited:
      "Vanaf dit internetadres is te vaak geprobeerd aan te melden. Probeer het binnen een uur opnieuw, of neem contact op met uw beheerder.",
    delayed: (s: number) =>
      `Er is vaak geprobeerd aan te melden. Wacht ${s} seconden en probeer het dan opnieuw. U kunt ook meteen aanmelden: vul hieronder ook de code uit uw app in.`,
    codeNow: "Code uit uw app (als u meteen wilt aanmelden)",
    expired: "Uw sessie is verlopen. Meld u opnieuw aan.",
    signedOut: "U bent afgemeld.",
    startAgain: "Begin opnieuw met uw e-mailadres en wachtwoord.",
    codeTitle: "Code uit uw authenticator-app",
    codeIntro: "Vul de zescijferige code in die uw authenticator-app nu toont.",
    code: "Code",
    codeHint: "6 cijfers, bijvoorbeeld 123456",
    codeMissing: "Vul de code in.",
    codeInvalid: "Die code klopt niet, of is al gebruikt. Wacht op de volgende code.",
    recoveryTitle: "Herstelcode gebruiken",
    recoveryIntro:
      "Geen toegang tot uw app? Gebruik een van uw herstelcodes. Elke code werkt één keer.",
    recovery: "Herstelcode",
    recoverySubmit: "Aanmelden met herstelcode",
    recoveryMissing: "Vul een herstelcode in.",
    confirm: "Aanmelden",
  },
  enrol: {
    title: "Authenticator-app koppelen",
    intro:
      "Voor Woonsignaal heeft u een tweede stap nodig. Scan de QR-code met een authenticator-app (bijvoorbeeld van uw organisatie) en vul daarna de code in die de app toont.",
    qrAlt: "QR-code om Woonsignaal aan uw authenticator-app toe te voegen",
    manual: "Kunt u niet scannen? Voer deze sleutel dan met de hand in:",
    submit: "Koppelen",
    codeInvalid: "Die code klopt niet. Controleer de tijd op uw telefoon en probeer het opnieuw.",
    recoveryTitle: "Uw herstelcodes",
    recoveryIntro:
      "Uw app is gekoppeld. Bewaar deze herstelcodes op een veilige plek: u ziet ze maar één keer. Met een herstelcode meldt u zich aan als u uw telefoon kwijt bent. Elke code werkt één keer.",
    continue: "Ik heb de codes bewaard, ga verder",
  },
  declaration: {
    title: "Verklaring van naleving en geheimhouding",
    intro: "Voordat u de signaleringslijst gebruikt, verklaart u het volgende:",
    accept: "Ik verklaar dit en houd mij eraan",
    submit: "Verklaring afleggen",
    missing: "Vink aan dat u de verklaring aflegt.",
    source: "Bron",
  },
  account: {
    title: "Mijn account",
    name: "Naam",
    email: "E-mailadres",
    organisation: "Organisatie",
    roles: "Rollen",
    changePassword: "Wachtwoord wijzigen",
  },
  password: {
    title: "Wachtwoord wijzigen",
    mustChange: "Kies eerst een nieuw wachtwoord voordat u verder gaat.",
    current: "Huidig wachtwoord",
    next: "Nieuw wachtwoord",
    nextHint: "Minstens 12 tekens. Een zin van een paar woorden is makkelijk te onthouden.",
    repeat: "Nieuw wachtwoord nogmaals",
    submit: "Wachtwoord wijzigen",
    currentWrong: "Het huidige wachtwoord klopt niet.",
    currentMissing: "Vul uw huidige wachtwoord in.",
    nextMissing: "Vul een nieuw wachtwoord in.",
    mismatch: "De twee nieuwe wachtwoorden zijn niet gelijk.",
    changed: "Uw wachtwoord is gewijzigd. Uw andere sessies zijn beëindigd.",
  },
};

const en: typeof nl = {
  signIn: {
    title: "Sign in",
    intro:
      "Sign in with your e-mail address and password. Next we ask for the code from your authenticator app.",
    email: "E-mail address",
    password: "Password",
    submit: "Continue",
    invalid: "The e-mail address or password is not right.",
    emailMissing: "Enter your e-mail address.",
    passwordMissing: "Enter your password.",
    limited:
      "Too many sign-in attempts from this internet address. Try again within the hour, or contact your administrator.",
    delayed: (s) =>
      `There were many attempts to sign in. Wait ${s} seconds, then try again. You can also sign in at once: give the code from your app below as well.`,
    codeNow: "Code from your app (to sign in at once)",
    expired: "Your session has expired. Please sign in again.",
    signedOut: "You have signed out.",
    startAgain: "Start again with your e-mail address and password.",
    codeTitle: "Code from your authenticator app",
    codeIntro: "Enter the six-digit code your authenticator app shows now.",
    code: "Code",
    codeHint: "6 digits, for example 123456",
    codeMissing: "Enter the code.",
    codeInvalid: "That code is not right, or was already used. Wait for the next code.",
    recoveryTitle: "Use a recovery code",
    recoveryIntro: "No access to your app? Use one of your recovery codes. Each code works once.",
    recovery: "Recovery code",
    recoverySubmit: "Sign in with recovery code",
    recoveryMissing: "Enter a recovery code.",
    confirm: "Sign in",
  },
  enrol: {
    title: "Set up your authenticator app",
    intro:
      "Woonsignaal needs a second step. Scan the QR code with an authenticator app, then enter the code the app shows.",
    qrAlt: "QR code to add Woonsignaal to your authenticator app",
    manual: "Cannot scan? Enter this key by hand:",
    submit: "Set up",
    codeInvalid: "That code is not right. Check the time on your phone and try again.",
    recoveryTitle: "Your recovery codes",
    recoveryIntro:
      "Your app is set up. Keep these recovery codes somewhere safe: you see them only once. A recovery code signs you in when you have lost your phone. Each code works once.",
    continue: "I have kept the codes, continue",
  },
  declaration: {
    title: "Declaration of compliance and confidentiality",
    intro: "Before you use the register, you declare the following (the protocol's Dutch text):",
    accept: "I make this declaration and will keep to it",
    submit: "Make the declaration",
    missing: "Tick the box to make the declaration.",
    source: "Source",
  },
  account: {
    title: "My account",
    name: "Name",
    email: "E-mail address",
    organisation: "Organisation",
    roles: "Roles",
    changePassword: "Change password",
  },
  password: {
    title: "Change password",
    mustChange: "Choose a new password before you continue.",
    current: "Current password",
    next: "New password",
    nextHint: "At least 12 characters. A sentence of a few words is easy to remember.",
    repeat: "New password again",
    submit: "Change password",
    currentWrong: "The current password is not right.",
    currentMissing: "Enter your current password.",
    nextMissing: "Enter a new password.",
    mismatch: "The two new passwords are not the same.",
    changed: "Your password has been changed. Your other sessions have ended.",
  },
};

export type AuthMessages = typeof nl;

export const authMessages = defineCatalogue("web.auth", nl, en);
