/** The protocol version a registration or case is decided under (issue 20 part 6, D-760). */
import type { Profile } from "./profile.ts";

/**
 * The identifier of the protocol version a registration or case is decided under: the
 * protocol text's edition and the profile's revision, in plain Dutch, e.g. "versie 1.4 van 13
 * december 2021, Woonsignaal-revisie 1". Stored on every registration and case at creation
 * (003 ch. 23; D-760); the migration that introduced it wrote the same words.
 */
export function protocolVersionOf(profile: Profile): string {
  return `${profile.edition}, Woonsignaal-revisie ${profile.revision.number}`;
}

/**
 * A stored protocol version for a letter or page: "Protocol Meldpunt Keurmerk
 * Verhuurdersbelangen (versie van 10 februari 2013, Woonsignaal-revisie 2)".
 */
export function protocolVersionText(profile: Profile, stored: string): string {
  return `${profile.title} (${stored})`;
}
