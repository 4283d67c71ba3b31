import { randomUUID } from "node:crypto";
import { actorOf, SYSTEM } from "../../platform/audit/actor.ts";
import { type RequestMeta, recordAudit } from "../../platform/audit/audit.ts";
import type { Principal } from "../../platform/auth/access.ts";
import type { AppContext } from "../../platform/context.ts";
import type { Db } from "../../platform/db/database.ts";
import { AppError, notFound } from "../../platform/errors.ts";
import { compareDates } from "../../platform/werkdagen.ts";
import { disclosureGrant } from "../../protocol/engine.ts";
import type { Profile } from "../../protocol/profile.ts";
import {
  type BlindIndexer,
  blindBlockingKeys,
  blindSurnameCountKeys,
  matchFingerprint,
  rememberingIndexer,
  SURNAME_COUNT_KIND,
  subjectValue,
  surnameCountValues,
} from "../matching/blind-keys.ts";
import { asNormalised, type NormalisedPerson, normalisePerson } from "../matching/normalise.ts";
import {
  type MatchResult,
  REGIONAL_FREQUENCY_RULES,
  regionalFrequencies,
  type ScoringConfig,
  scoreNormalised,
} from "../matching/score.ts";
import type { RegionSettings } from "../organisations/schemas.ts";
import type { Person } from "../registrations/schemas.ts";
import type { Candidate, RegistrationsService } from "../registrations/service.ts";
import * as repo from "./repository.ts";
import type { BlockView, MatchItem } from "./schemas.ts";

/** This module's encrypted column (listed in modules/index.ts ENCRYPTED_COLUMNS). */
export const SEEKER_ENCRYPTED_COLUMNS = {
  table: "seeker",
  idColumn: "seeker_number",
  organisationColumn: "organisation_id",
  columns: ["person_ciphertext"],
};

const seekerPlace = (n: string) => ({ table: "seeker", column: "person_ciphertext", rowId: n });

const SYSTEM_META: RequestMeta = { requestId: null, clientAddress: null };

interface Deps {
  organisations: {
    profile(): Promise<Profile>;
    settings(): Promise<RegionSettings>;
    getName(id: string): Promise<string | undefined>;
    consortiumId(): Promise<string | undefined>;
  };
  registrations: RegistrationsService;
  journal?: { record(kind: "seeker", ids: readonly string[]): void };
  /** When the region's own surname counts are used (default REGIONAL_FREQUENCY_RULES). */
  regionalFrequencyRules?: { minSeekers: number; minBearers: number };
}

/** A seeker with its person decrypted and normalised once. */
interface LoadedSeeker {
  row: repo.SeekerRow;
  person: Person;
  normalised: NormalisedPerson;
}

/** Reasons as stored and listed: fields and levels, never the compared values. */
function storedReasons(result: MatchResult) {
  return result.reasons.map(({ field, level, weight }) => ({ field, level, weight }));
}

export type SeekersService = ReturnType<typeof createSeekersService>;

/** The part of a ScoringConfig the region decides for a set of pairs. */
type PairScoring = Pick<ScoringConfig, "thresholds"> & Partial<ScoringConfig>;

export function createSeekersService(
  ctx: Pick<AppContext, "database" | "clock" | "keyring">,
  deps: Deps,
) {
  const { database, clock, keyring } = ctx;
  const db = database.db;

  async function loadSeeker(row: repo.SeekerRow): Promise<LoadedSeeker> {
    const person = JSON.parse(
      await keyring.decrypt(
        row.organisationId,
        row.personCiphertext,
        seekerPlace(row.seekerNumber),
      ),
    ) as Person;
    return { row, person, normalised: normalisePerson(person) };
  }

  /**
   * How many seekers the region has, counted at most once a minute: screenings and seeker
   * changes ask for every comparison, and a count over millions of rows is not free. The
   * share of a name does not move noticeably within a minute.
   */
  let total: { n: number; at: number } | undefined;
  async function seekerTotal(): Promise<number> {
    const now = clock.now().getTime();
    if (!total || now - total.at > 60_000) total = { n: await repo.countSeekers(db), at: now };
    return total.n;
  }

  /**
   * How pairs involving these persons are scored: the region's match threshold and how common
   * each of their surnames is among the region's own house seekers (score.ts
   * `regionalFrequencies`; counted under blind keys, never by name).
   */
  async function scoringFor(persons: readonly NormalisedPerson[]): Promise<PairScoring> {
    const thresholds = { match: (await deps.organisations.settings()).matchThreshold };
    const rules = deps.regionalFrequencyRules ?? REGIONAL_FREQUENCY_RULES;
    const seekers = await seekerTotal();
    if (seekers < rules.minSeekers) return { thresholds };
    const blind = new Map<string, string>();
    for (const p of persons) {
      for (const k of surnameCountValues(p)) {
        if (!blind.has(k)) blind.set(k, await keyring.blindIndex(SURNAME_COUNT_KIND, k));
      }
    }
    const counts = await repo.countBlindValues(db, SURNAME_COUNT_KIND, [...blind.values()]);
    const regional = regionalFrequencies(
      (k) => {
        const b = blind.get(k);
        return b === undefined ? undefined : (counts.get(b) ?? 0);
      },
      seekers,
      rules,
    );
    return regional ? { thresholds, regionalFrequencies: regional } : { thresholds };
  }

  /**
   * A seeker's stored blind keys: its blocking keys and its surname count keys. Bulk work
   * passes a `rememberingIndexer`: birth dates and surname cores repeat across a region.
   */
  async function seekerBlindKeys(
    person: Person | NormalisedPerson,
    indexer: BlindIndexer = keyring,
  ): Promise<{ kind: string; value: string }[]> {
    const normalised = asNormalised(person);
    return [
      ...(await blindBlockingKeys(indexer, normalised)),
      ...(await blindSurnameCountKeys(indexer, normalised)),
    ];
  }

  /**
   * Decides one pair (issue 5): a match is proposed (or its proposal refreshed); a pending
   * proposal that no longer matches is withdrawn; a rejection is remembered and the pair comes
   * back only when the data of either side changed; a confirmed pair is left to the human.
   */
  async function considerPair(
    registration: Candidate & { normalised: NormalisedPerson; fingerprint: string },
    seeker: LoadedSeeker,
    scoring: PairScoring,
  ): Promise<"proposed" | "refreshed" | "withdrawn" | "unchanged"> {
    const result = scoreNormalised(registration.normalised, seeker.normalised, scoring);
    const existing = await repo.findPair(db, registration.row.id, seeker.row.seekerNumber);
    const now = clock.now();
    const fingerprints = {
      registrationFingerprint: registration.fingerprint,
      seekerFingerprint: seeker.row.fingerprint,
    };
    if (result.decision === "match") {
      if (!existing) {
        const id = randomUUID();
        await db.transaction(async (tx) => {
          await repo.insertMatch(tx, {
            id,
            registrationId: registration.row.id,
            seekerNumber: seeker.row.seekerNumber,
            organisationId: registration.row.organisationId,
            status: "pending",
            score: result.score,
            reasons: storedReasons(result),
            ...fingerprints,
            proposedAt: now,
          });
          await recordAudit(tx, clock, SYSTEM_META, {
            actor: SYSTEM.audit,
            action: "match.proposed",
            objectType: "match",
            objectId: id,
            outcome: "success",
            details: { registrationId: registration.row.id, score: result.score },
          });
        });
        return "proposed";
      }
      const changed =
        existing.registrationFingerprint !== fingerprints.registrationFingerprint ||
        existing.seekerFingerprint !== fingerprints.seekerFingerprint;
      if (existing.status === "pending" && (changed || existing.score !== result.score)) {
        await repo.updateMatch(db, existing.id, {
          score: result.score,
          reasons: storedReasons(result),
          ...fingerprints,
        });
        return "refreshed";
      }
      if (existing.status === "rejected" && changed) {
        await db.transaction(async (tx) => {
          await repo.updateMatch(tx, existing.id, {
            status: "pending",
            score: result.score,
            reasons: storedReasons(result),
            ...fingerprints,
            proposedAt: now,
            decidedAt: null,
            decidedBy: null,
            decidedByKind: null,
          });
          await recordAudit(tx, clock, SYSTEM_META, {
            actor: SYSTEM.audit,
            action: "match.proposed",
            objectType: "match",
            objectId: existing.id,
            outcome: "success",
            details: {
              registrationId: registration.row.id,
              score: result.score,
              again: "data changed since the rejection",
            },
          });
        });
        return "proposed";
      }
      return "unchanged";
    }
    if (existing?.status === "pending") {
      await withdraw(existing, "no longer a match after a change");
      return "withdrawn";
    }
    return "unchanged";
  }

  async function withdraw(match: repo.MatchRow, why: string) {
    await db.transaction(async (tx) => {
      await repo.deleteMatch(tx, match.id);
      await recordAudit(tx, clock, SYSTEM_META, {
        actor: SYSTEM.audit,
        action: "match.withdrawn",
        objectType: "match",
        objectId: match.id,
        outcome: "success",
        details: { registrationId: match.registrationId, reason: why },
      });
    });
  }

  async function prepareRegistration(c: Candidate) {
    return {
      ...c,
      normalised: normalisePerson(c.person),
      fingerprint: await matchFingerprint(keyring, c.person),
    };
  }

  /** Matches one seeker against the registrations in effect (after a PUT or an import). */
  async function matchSeeker(seeker: LoadedSeeker) {
    const candidates = await Promise.all(
      (await deps.registrations.candidatesFor(seeker.person)).map(prepareRegistration),
    );
    const scoring = await scoringFor([seeker.normalised, ...candidates.map((c) => c.normalised)]);
    const seen = new Set<string>();
    for (const c of candidates) {
      seen.add(c.row.id);
      await considerPair(c, seeker, scoring);
    }
    // Pending proposals with registrations that no longer share a key (or ended) are withdrawn.
    for (const m of await repo.matchesOfSeeker(db, seeker.row.seekerNumber)) {
      if (m.status === "pending" && !seen.has(m.registrationId)) {
        await withdraw(m, "no longer a candidate after a change");
      }
    }
  }

  /**
   * A seeker's blocks with the facts of their registrations (end date, scope, status and
   * start), asked of the registrations module; a block whose registration is gone is none.
   */
  async function blocksWithRegistrations(seekerNumber: string) {
    const blocks = [];
    for (const b of await repo.blocksOfSeeker(db, seekerNumber)) {
      const registration = await deps.registrations.findRow(b.registrationId);
      if (!registration) continue;
      blocks.push({
        id: b.id,
        registrationId: b.registrationId,
        organisationId: b.organisationId,
        startDate: b.startDate,
        registrationStatus: registration.status,
        registrationStart: registration.startDate,
        endDate: registration.endDate,
        scope: registration.scope,
      });
    }
    return blocks;
  }

  function isBlockInForce(
    b: Awaited<ReturnType<typeof blocksWithRegistrations>>[number],
    today: string,
  ): boolean {
    return (
      b.registrationStatus === "active" &&
      compareDates(b.registrationStart, today) <= 0 &&
      compareDates(b.startDate, today) <= 0 &&
      compareDates(b.endDate, today) > 0
    );
  }

  function matchItem(row: repo.MatchRow): MatchItem {
    return {
      id: row.id,
      registrationId: row.registrationId,
      seekerNumber: row.seekerNumber,
      score: row.score,
      status: row.status,
      reasons: row.reasons as MatchItem["reasons"],
      proposedAt: row.proposedAt.toISOString(),
      decidedAt: row.decidedAt ? row.decidedAt.toISOString() : null,
    };
  }

  /** The primary source's officers see and decide their registrations' matches (003 §6). */
  async function ownMatch(principal: Principal, id: string) {
    const row = await repo.findMatch(db, id);
    if (!row || row.organisationId !== principal.organisationId) throw notFound("match");
    return row;
  }

  async function encryptSeeker(organisationId: string, seekerNumber: string, person: Person) {
    return {
      personCiphertext: await keyring.encrypt(
        organisationId,
        JSON.stringify(person),
        seekerPlace(seekerNumber),
      ),
      fingerprint: await matchFingerprint(keyring, person),
      subjectRef: await keyring.subjectRef(subjectValue(person)),
      indexes: await seekerBlindKeys(person),
    };
  }

  /** The data kept of a seeker: the person without the seeker number (it is the key). */
  function storedPerson(person: Person): Person {
    const { seekerNumber: _ignored, ...rest } = person;
    return rest;
  }

  return {
    scoringFor,

    /**
     * PUT /seekers/{n} (contract §3): the allocation system keeps the index in step. The
     * person is matched at once against the registrations in effect, so a proposal is on the
     * primary source's worklist before the answer leaves (well within 2 seconds).
     */
    async putSeeker(
      principal: Principal,
      meta: RequestMeta,
      seekerNumber: string,
      input: Person,
    ): Promise<{ seekerNumber: string; status: "created" | "updated" | "unchanged" }> {
      if (input.seekerNumber !== undefined && input.seekerNumber !== seekerNumber) {
        throw new AppError(
          "invalid_input",
          "The person's seekerNumber differs from the one in the address; leave it out or make them equal.",
          { code: "seeker_number_mismatch" },
        );
      }
      const person = storedPerson(input);
      const existing = await repo.findSeeker(db, seekerNumber);
      // An allocation system re-sending what it sent before (a full sync) costs one HMAC.
      if (existing?.fingerprint === (await matchFingerprint(keyring, person))) {
        return { seekerNumber, status: "unchanged" };
      }
      const encrypted = await encryptSeeker(principal.organisationId, seekerNumber, person);
      const now = clock.now();
      await db.transaction(async (tx) => {
        await repo.upsertSeeker(
          tx,
          {
            seekerNumber,
            organisationId: principal.organisationId,
            personCiphertext: encrypted.personCiphertext,
            fingerprint: encrypted.fingerprint,
            subjectRef: encrypted.subjectRef,
            createdAt: existing?.createdAt ?? now,
            updatedAt: now,
          },
          encrypted.indexes,
        );
        await recordAudit(tx, clock, meta, {
          actor: actorOf(principal).audit,
          action: existing ? "seeker.updated" : "seeker.created",
          objectType: "seeker",
          objectId: seekerNumber,
          outcome: "success",
        });
      });
      const row = (await repo.findSeeker(db, seekerNumber))!;
      await matchSeeker({ row, person, normalised: normalisePerson(person) });
      return { seekerNumber, status: existing ? "updated" : "created" };
    },

    /** DELETE /seekers/{n}: the seeker leaves the index with its matches and blocks. */
    async deleteSeeker(principal: Principal, meta: RequestMeta, seekerNumber: string) {
      await db.transaction(async (tx) => {
        if (!(await repo.deleteSeeker(tx, seekerNumber))) throw notFound("seeker");
        await recordAudit(tx, clock, meta, {
          actor: actorOf(principal).audit,
          action: "seeker.erased",
          objectType: "seeker",
          objectId: seekerNumber,
          outcome: "success",
        });
      });
      deps.journal?.record("seeker", [seekerNumber]);
    },

    /**
     * The initial load of a region's seekers (issue 5): all rows in one transaction or none;
     * then every registration in effect is matched against them (from the registrations' side:
     * far fewer look-ups than one per seeker, and the blocking keys are symmetric).
     */
    async importSeekers(
      organisationId: string,
      rows: AsyncIterable<{ seekerNumber: string; person: Person }>,
      options: { batchSize?: number } = {},
    ): Promise<{ imported: number; matchesProposed: number }> {
      const batchSize = options.batchSize ?? 500;
      const now = clock.now();
      let imported = 0;
      const seen = new Set<string>();
      // Inside the one transaction nothing may look anything up through another connection
      // (PGlite: D-009): the data key and the blind-index key are fetched before it opens.
      const encrypt = await keyring.encrypterFor(organisationId);
      await keyring.regionKey("blind_index");
      await keyring.regionKey("audit_subject");
      const iterator = rows[Symbol.asyncIterator]();
      const remembering = rememberingIndexer(keyring);
      await db.transaction(async (tx) => {
        // The database writes one batch while the next is encrypted and hashed here.
        let writing: Promise<void> | undefined;
        for (;;) {
          const batch: { seekerNumber: string; person: Person }[] = [];
          while (batch.length < batchSize) {
            const next = await iterator.next();
            if (next.done) break;
            batch.push(next.value);
          }
          if (batch.length === 0) break;
          const seekerRows: Parameters<typeof repo.upsertSeekers>[1] = [];
          const indexRows: { seekerNumber: string; kind: string; value: string }[] = [];
          for (const { seekerNumber, person } of batch) {
            if (seen.has(seekerNumber)) {
              throw new AppError("conflict", `Seeker number ${seekerNumber} occurs twice.`, {
                code: "duplicate_seeker_number",
              });
            }
            seen.add(seekerNumber);
            const stored = storedPerson(person);
            const normalised = normalisePerson(stored);
            seekerRows.push({
              seekerNumber,
              organisationId,
              personCiphertext: encrypt(JSON.stringify(stored), seekerPlace(seekerNumber)),
              fingerprint: await matchFingerprint(keyring, normalised),
              subjectRef: await keyring.subjectRef(subjectValue(normalised)),
              createdAt: now,
              updatedAt: now,
            });
            for (const k of await seekerBlindKeys(normalised, remembering)) {
              indexRows.push({ seekerNumber, ...k });
            }
            // Let the database's answer to the previous write in, so that its next statement
            // goes out while this batch is being prepared.
            if (seekerRows.length % 100 === 0) await new Promise((r) => setImmediate(r));
          }
          await writing;
          writing = repo.upsertSeekers(tx, seekerRows, indexRows);
          // Awaited before the next write or after the loop; a failure then ends the import.
          writing.catch(() => undefined);
          imported += batch.length;
        }
        await writing;
        await recordAudit(tx, clock, SYSTEM_META, {
          actor: { ...SYSTEM.audit, organisationId },
          action: "seekers.imported",
          objectType: "seeker",
          outcome: "success",
          details: { count: imported },
        });
      });
      let matchesProposed = 0;
      for (const id of await deps.registrations.effectiveIds()) {
        matchesProposed += await this.matchRegistration(id);
      }
      return { imported, matchesProposed };
    },

    /**
     * A registration was created or changed (registrations' afterChange hook): match it
     * against the seekers; pending proposals that no longer hold are withdrawn. Returns the
     * number of proposals made.
     */
    async matchRegistration(registrationId: string): Promise<number> {
      const candidate = await deps.registrations.effectiveCandidate(registrationId);
      const existing = await repo.matchesOfRegistration(db, registrationId);
      if (!candidate) {
        for (const m of existing) {
          if (m.status === "pending") await withdraw(m, "registration not in effect");
        }
        return 0;
      }
      const registration = await prepareRegistration(candidate);
      const keys = await blindBlockingKeys(keyring, candidate.person);
      const seekers = await Promise.all(
        (await repo.findSeekersByBlindKeys(db, keys)).map(loadSeeker),
      );
      const scoring = await scoringFor([
        registration.normalised,
        ...seekers.map((x) => x.normalised),
      ]);
      const seen = new Set<string>();
      let proposed = 0;
      for (const seeker of seekers) {
        seen.add(seeker.row.seekerNumber);
        const outcome = await considerPair(registration, seeker, scoring);
        if (outcome === "proposed") proposed++;
      }
      for (const m of existing) {
        if (m.status === "pending" && !seen.has(m.seekerNumber)) {
          await withdraw(m, "no longer a candidate after a change");
        }
      }
      return proposed;
    },

    /**
     * Recomputes seekers' blind indexes, a batch of seekers per transaction: every seeker
     * after a change of the phonetic rules (`woonsignaal matching reindex --all`), or with
     * `stale` only those stored before their surnames were counted (the server does this at
     * start, in the background).
     */
    async reindexBlindIndexes(batchSize = 500, options: { stale?: boolean } = {}): Promise<number> {
      let done = 0;
      let after = "";
      const remembering = rememberingIndexer(keyring);
      for (;;) {
        const rows = await repo.seekersAfter(
          db,
          after,
          batchSize,
          options.stale ? SURNAME_COUNT_KIND : undefined,
        );
        if (rows.length === 0) return done;
        const prepared: { row: repo.SeekerRow; indexes: { kind: string; value: string }[] }[] = [];
        for (const row of rows) {
          const { person } = await loadSeeker(row);
          prepared.push({ row, indexes: await seekerBlindKeys(person, remembering) });
        }
        await db.transaction(async (tx) => {
          await repo.upsertSeekers(
            tx,
            prepared.map((p) => p.row),
            prepared.flatMap((p) =>
              p.indexes.map((k) => ({ seekerNumber: p.row.seekerNumber, ...k })),
            ),
          );
        });
        done += rows.length;
        after = rows[rows.length - 1]!.seekerNumber;
      }
    },

    /** Which of these seeker numbers are in the index. */
    async existingNumbers(numbers: string[]): Promise<string[]> {
      return repo.existingNumbers(db, numbers);
    },

    /** Replays an erasure journalled after a backup (retention/journal.ts). */
    async replayErasure(seekerNumber: string): Promise<boolean> {
      return repo.deleteSeeker(db, seekerNumber);
    },

    /** Which screened persons (subject references) are house seekers: an allocation step. */
    async seekerSubjects(refs: string[]): Promise<Set<string>> {
      const found = new Set<string>();
      for (let i = 0; i < refs.length; i += 1000) {
        for (const r of await repo.seekerSubjects(db, refs.slice(i, i + 1000))) found.add(r);
      }
      return found;
    },

    async listMatches(
      principal: Principal,
      query: { status?: repo.MatchRow["status"] | undefined; page: number; pageSize: number },
    ) {
      const { rows, total } = await repo.listMatches(db, {
        organisationId: principal.organisationId,
        ...query,
      });
      return { items: rows.map(matchItem), page: query.page, pageSize: query.pageSize, total };
    },

    /** One proposal with both persons, for the officer who judges it; the look is logged. */
    async getMatch(principal: Principal, meta: RequestMeta, id: string) {
      const row = await ownMatch(principal, id);
      const registration = await deps.registrations.effectiveCandidate(row.registrationId);
      const seekerRow = await repo.findSeeker(db, row.seekerNumber);
      if (!registration || !seekerRow) throw notFound("match");
      const seeker = await loadSeeker(seekerRow);
      const person = normalisePerson(registration.person);
      const result = scoreNormalised(
        person,
        seeker.normalised,
        await scoringFor([person, seeker.normalised]),
      );
      const block = (await repo.blocksOfRegistration(db, row.registrationId)).find(
        (b) => b.matchId === row.id,
      );
      await recordAudit(db, clock, meta, {
        actor: actorOf(principal).audit,
        action: "match.viewed",
        objectType: "match",
        objectId: id,
        outcome: "success",
      });
      return {
        ...matchItem(row),
        reasons: result.reasons.map(({ field, level, weight, detail }) => ({
          field,
          level,
          weight,
          detail,
        })),
        registrationPerson: registration.person,
        seekerPerson: { ...seeker.person, seekerNumber: row.seekerNumber },
        block: block ? { id: block.id, startDate: block.startDate } : null,
      };
    },

    /**
     * The primary source's decision (003 §6 punten 3–5). Confirm: the block runs from today
     * (or the registration's later start) to the registration's end. Reject: remembered, so
     * the pair is not proposed again unless the data change.
     */
    async decide(
      principal: Principal,
      meta: RequestMeta,
      id: string,
      decision: "confirm" | "reject",
    ): Promise<MatchItem> {
      const row = await ownMatch(principal, id);
      if (row.status !== "pending") {
        throw new AppError("conflict", `This match was already ${row.status}.`, {
          code: "match_already_decided",
        });
      }
      const registration = await deps.registrations.findRow(row.registrationId);
      if (
        decision === "confirm" &&
        (!registration || !deps.registrations.isEffective(registration))
      ) {
        throw new AppError(
          "conflict",
          "The registration is not in effect (restricted, not yet started or ended): no block.",
          { code: "registration_not_in_effect" },
        );
      }
      const today = clock.today();
      await db.transaction(async (tx: Db) => {
        await repo.updateMatch(tx, id, {
          status: decision === "confirm" ? "confirmed" : "rejected",
          decidedAt: clock.now(),
          decidedByKind: principal.kind,
          decidedBy: principal.id,
        });
        if (decision === "confirm" && registration) {
          const blockId = randomUUID();
          const startDate =
            compareDates(registration.startDate, today) > 0 ? registration.startDate : today;
          await repo.insertBlock(tx, {
            id: blockId,
            matchId: id,
            registrationId: row.registrationId,
            seekerNumber: row.seekerNumber,
            organisationId: row.organisationId,
            startDate,
            createdAt: clock.now(),
          });
          await recordAudit(tx, clock, meta, {
            actor: actorOf(principal).audit,
            action: "block.created",
            objectType: "block",
            objectId: blockId,
            outcome: "success",
            details: { matchId: id, registrationId: row.registrationId, startDate },
          });
        }
        await recordAudit(tx, clock, meta, {
          actor: actorOf(principal).audit,
          action: decision === "confirm" ? "match.confirmed" : "match.rejected",
          objectType: "match",
          objectId: id,
          outcome: "success",
          details: { registrationId: row.registrationId },
        });
      });
      return matchItem((await repo.findMatch(db, id))!);
    },

    /**
     * GET /seekers/{n}/block: what other participants and the allocation system see — whether
     * the seeker is blocked, and only the fields the profile grants the caller's role. The look
     * itself is logged (001 §3.3).
     */
    async getBlock(
      principal: Principal,
      meta: RequestMeta,
      seekerNumber: string,
    ): Promise<BlockView> {
      const today = clock.today();
      const profile = await deps.organisations.profile();
      const blocks = (await blocksWithRegistrations(seekerNumber)).filter((b) =>
        isBlockInForce(b, today),
      );
      // The block that reaches furthest decides what is shown; a wider scope first.
      const order = { national: 3, region: 2, organisation: 1 } as const;
      blocks.sort((a, b) => order[b.scope] - order[a.scope] || compareDates(b.endDate, a.endDate));
      const view: BlockView = { blocked: false };
      for (const b of blocks) {
        const grant = disclosureGrant(
          profile,
          principal.organisationId,
          principal.roles,
          b.organisationId,
        );
        if (!grant) continue;
        view.blocked = true;
        if (grant.fields.includes("since")) view.since = b.startDate;
        if (grant.fields.includes("until")) view.until = b.endDate;
        if (grant.fields.includes("scope")) view.scope = b.scope;
        if (grant.fields.includes("primarySource")) {
          view.primarySource = {
            id: b.organisationId,
            name: (await deps.organisations.getName(b.organisationId)) ?? "",
          };
        }
        break;
      }
      await recordAudit(db, clock, meta, {
        actor: actorOf(principal).audit,
        action: "seeker.block_checked",
        objectType: "seeker",
        objectId: seekerNumber,
        outcome: view.blocked ? "hit" : "no_hit",
      });
      return view;
    },

    /**
     * For screenings: is there a block in force on this registration for a seeker who is this
     * person (the same seeker number, or a match under the region's threshold)?
     */
    async confirmedFor(registrationId: string, person: NormalisedPerson, seekerNumber?: string) {
      const today = clock.today();
      const blocks = await repo.blocksOfRegistration(db, registrationId);
      for (const b of blocks) {
        if (compareDates(b.startDate, today) > 0) continue;
        if (seekerNumber !== undefined && b.seekerNumber === seekerNumber) return true;
        const row = await repo.findSeeker(db, b.seekerNumber);
        if (!row) continue;
        const seeker = await loadSeeker(row);
        const scoring = await scoringFor([person, seeker.normalised]);
        if (scoreNormalised(person, seeker.normalised, scoring).decision === "match") {
          return true;
        }
      }
      return false;
    },
  };
}
