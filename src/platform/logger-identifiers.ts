/**
 * Identifiers that point at a person — a house seeker's number, a tenancy reference — never
 * reach a log line or the erasure journal in clear (issue 22, F11). They are replaced by a
 * keyed reference: HMAC-SHA256 under the region's audit key (the key of the audit log's
 * subject references), with the kind of identifier as its domain. The same identifier gives
 * the same reference on this installation for as long as the region exists, so an operator
 * can still follow one seeker or tenancy through the logs and the journal (docs/operations.md
 * "Logs"); without the key nobody can turn a reference back into the number.
 *
 * Imports only the HMAC itself: the keyring imports the logger, and this file is used by it.
 */
import { blindIndex } from "./crypto/blind-index.ts";

export const IDENTIFIER_KINDS = ["seeker_number", "tenancy_reference"] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

/** The keyed reference of one identifier (synchronous: a log serializer cannot wait). */
export type IdentifierRef = (kind: IdentifierKind, value: string) => string;

/** Marks a reference in a path, so nobody mistakes it for the identifier itself. */
export const REF_MARK = "~";

/** The reference function under the region's audit key (created on first use, like it). */
export async function identifierRefs(keyring: {
  regionKey(purpose: "audit_subject"): Promise<Buffer>;
}): Promise<IdentifierRef> {
  const key = await keyring.regionKey("audit_subject");
  return (kind, value) => blindIndex(key, kind, value);
}

/**
 * Path segments that are a person's identifier: the one right after each prefix (the routes
 * `/api/v1/seekers/:seekerNumber…`, `/api/v1/arrears/tenancies/:tenancyRef…` and the page
 * `/vroegsignalering/huurders/:ref…`). Matched on the raw path whatever route it reaches
 * (also a 404, any letter case, doubled slashes), so no route can forget to declare it.
 */
const PERSONAL_SEGMENTS: readonly { prefix: RegExp; kind: IdentifierKind }[] = [
  { prefix: /^(\/+api\/+v1\/+seekers\/+)([^/]+)/i, kind: "seeker_number" },
  { prefix: /^(\/+api\/+v1\/+arrears\/+tenancies\/+)([^/]+)/i, kind: "tenancy_reference" },
  { prefix: /^(\/+vroegsignalering\/+huurders\/+)([^/]+)/i, kind: "tenancy_reference" },
];

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * The path as it may be logged: without its query string, and with a person's identifier
 * replaced by `~` and its keyed reference — or by `~` alone while no key is known (a log line
 * written before the keyring is open loses the correlation, never the privacy).
 */
export function pseudonymisePath(url: string, ref?: IdentifierRef): string {
  const path = url.split("?")[0]!.split("#")[0]!;
  for (const { prefix, kind } of PERSONAL_SEGMENTS) {
    const m = prefix.exec(path);
    if (!m) continue;
    const replacement = `${REF_MARK}${ref ? ref(kind, decoded(m[2]!)) : ""}`;
    return `${m[1]}${replacement}${path.slice(m[0].length)}`;
  }
  return path;
}
