import type { FastifyRequest } from "fastify";
import type { SafeHtml } from "../../platform/html.ts";
import { notice } from "../kit.ts";

/**
 * The text a page shows after a step that sent the person back to it with `?melding=<word>`
 * (saved, revoked, …): the one `texts` gives for that word, none for a word it does not know.
 */
export function meldingText(
  request: FastifyRequest,
  texts: Record<string, string>,
): string | undefined {
  const melding = (request.query as { melding?: unknown } | undefined)?.melding;
  return typeof melding === "string" && Object.hasOwn(texts, melding) ? texts[melding] : undefined;
}

/** `meldingText` as the page's banner. */
export function meldingBanner(
  request: FastifyRequest,
  texts: Record<string, string>,
): SafeHtml | undefined {
  const text = meldingText(request, texts);
  return text === undefined ? undefined : notice(text);
}
