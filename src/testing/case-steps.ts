import assert from "node:assert/strict";
import type { App } from "../platform/context.ts";
import type { DemoApi } from "./demo-app.ts";
import { apiCalls, placeRegistrationThroughApi } from "./http.ts";
import { pdfLayoutText } from "./letter-fixtures.ts";

type Headers = Record<string, string>;

/** A text to match literally inside a RegExp (organisation names have dots and brackets). */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The API steps of a case that the case and notice tests share, bound to an app (given lazily,
 * as apiCalls): each step asserts its status and returns the parsed JSON.
 */
export function caseSteps(app: () => App) {
  const { ok } = apiCalls(app);
  return {
    /** Registers a person on 1 May 2026 under one category and criterion; the 201 is asserted. */
    register: (headers: Headers, person: object, [category, criterion]: [string, string]) =>
      placeRegistrationThroughApi(app(), headers, {
        person,
        categories: [category],
        criteria: [criterion],
        placementDate: "2026-05-01",
      }),
    /** Opens a case of a type on a registration, received on a date; the 201 is asserted. */
    openCase: (headers: Headers, type: string, registrationId: string, receivedDate: string) =>
      ok("POST", "/api/v1/cases", headers, { type, registrationId, receivedDate }, 201),
    /** Records the identity check: an identity document seen on that date. */
    verifyIdentity: (headers: Headers, caseId: string, date: string) =>
      ok("POST", `/api/v1/cases/${caseId}/identity`, headers, { method: "id_document_seen", date }),
    /** Decides the case with this outcome and these reasons. */
    decide: (headers: Headers, caseId: string, outcome: string, reasons: string) =>
      ok("POST", `/api/v1/cases/${caseId}/decision`, headers, { outcome, reasons }),
    /**
     * A person's public access request to a participant (201 asserted) and the case as that
     * participant's officer finds it in its list. Each request needs its own address when the
     * public limit per address could be reached.
     */
    async publicAccessRequest(
      organisationId: string,
      person: object,
      officer: Headers,
      remoteAddress = `192.0.2.${Math.floor(Math.random() * 200) + 1}`,
    ) {
      const res = await app().inject({
        method: "POST",
        url: "/api/v1/public/requests",
        remoteAddress,
        payload: { organisationId, type: "access", person },
      });
      assert.equal(res.statusCode, 201, res.body);
      const { reference } = res.json();
      const list = await ok("GET", "/api/v1/cases?type=access", officer);
      const c = list.items.find((x: { reference: string }) => x.reference === reference);
      assert.ok(c, "the officer finds the public request");
      return c as { id: string };
    },
  };
}

/**
 * The region-wide access request (aedes-2021 demo region): the first organisation registers the
 * person (A.I, criterion a), then the person asks the second one for access from this address.
 * Answers the registration and the second organisation's case.
 */
export async function accessRequestElsewhere(fx: DemoApi, person: object, remoteAddress: string) {
  const steps = caseSteps(() => fx.app);
  const reg = await steps.register(fx.officerA, person, ["A.I", "a"]);
  const orgB = fx.demo.organisations[1]!.id;
  const c = await steps.publicAccessRequest(orgB, person, fx.officerB, remoteAddress);
  return { reg, c };
}

/** The text of a case's access answer letter as laid out, on one line (its PDF through pdftotext). */
export async function accessAnswerText(
  app: () => App,
  caseId: string,
  headers: Record<string, string>,
): Promise<string> {
  const { call, ok } = apiCalls(app);
  const letters = await ok("GET", "/api/v1/letters?pageSize=200", headers);
  const letter = letters.items.find(
    (l: { caseId: string; kind: string }) => l.caseId === caseId && l.kind === "access_answer",
  );
  assert.ok(letter, "the access answer was produced");
  const res = await call("GET", `/api/v1/letters/${letter.id}/pdf`, headers);
  assert.equal(res.statusCode, 200, res.body);
  return pdfLayoutText(res.rawPayload);
}
