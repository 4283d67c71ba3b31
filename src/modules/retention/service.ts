/**
 * Guaranteed expiry (issue 9; 003 §12.4: "Het systeem assisteert de primaire bron door de
 * signalering automatisch te verwijderen"; 001 §3.7, §4.4.2). The daily `retention` job asks
 * each module to erase what its rules say has expired; every erasure is its own transaction
 * with an audit receipt (no personal data), so a run that stops half-way and runs again ends in
 * the same state. What was erased is journalled outside the database (journal.ts) and carried
 * out again after a restore.
 */

import { SYSTEM } from "../../platform/audit/actor.ts";
import type { RequestMeta } from "../../platform/audit/audit.ts";
import { recordSuccess } from "../../platform/audit/record.ts";
import type { AppContext } from "../../platform/context.ts";
import { identifierRefs } from "../../platform/logger-identifiers.ts";
import { todayInAmsterdam } from "../../platform/werkdagen.ts";
import type { CaseRetention } from "../cases/ports.ts";
import type { IdentityForRetention } from "../identity/ports.ts";
import type { OrganisationsForRetention } from "../organisations/ports.ts";
import type { RegistrationsForRetention } from "../registrations/ports.ts";
import type { SeekerErasure } from "../seekers/ports.ts";
import type { ErasureJournal, JournalEntry } from "./journal.ts";

const SYSTEM_META: RequestMeta = { requestId: null, clientAddress: null };

interface Deps {
  organisations: OrganisationsForRetention;
  identity: IdentityForRetention;
  registrations: RegistrationsForRetention;
  seekers: SeekerErasure;
  cases: CaseRetention;
  journal: ErasureJournal;
  /** Other modules' expiry (arrears), called with the job's date. */
  more?: (() => ((today: string) => Promise<Record<string, number>>)[]) | undefined;
}

export type RetentionService = ReturnType<typeof createRetentionService>;

export function createRetentionService(
  ctx: Pick<AppContext, "keyring" | "logger" | "database" | "clock">,
  deps: Deps,
) {
  /** Stops a run after `n` erasures (tests of an interrupted run only). */
  let failAfter: number | undefined;
  let erasures = 0;
  function counted() {
    erasures++;
    if (failAfter !== undefined && erasures > failAfter) {
      throw new Error(`retention interrupted after ${failAfter} erasures (test)`);
    }
  }

  /**
   * Journal lines from before issue 22 name a seeker by its number: they are rewritten with
   * the number's keyed reference (F11), each keeping its time, so they still replay.
   */
  async function upgradeJournal(): Promise<number> {
    if (!deps.journal.entries().some((e) => e.kind === "seeker")) return 0;
    const ref = await identifierRefs(ctx.keyring);
    return deps.journal.upgrade((e) =>
      e.kind === "seeker" ? { at: e.at, kind: "seeker_ref", id: ref("seeker_number", e.id) } : e,
    );
  }

  return {
    /** Where the erasure journal is kept (outside the database and its backups). */
    journalFile: deps.journal.file,

    /** For tests: make the next run stop after `n` erasures, as if the process were killed. */
    interruptAfter(n: number | undefined) {
      failAfter = n;
      erasures = 0;
    },

    async run(today: string) {
      erasures = 0;
      // 1. Registrations whose term has ended (003 §12.4 punt 2; 001 §3.7): the end date is
      //    exclusive, so on the end date the registration is gone. Blocks and matches go with
      //    it (cascade); the removal letter is owed (profile removal_letter).
      let termExpired = 0;
      for (const id of await deps.registrations.idsEnded(today)) {
        counted();
        if (await deps.registrations.eraseForRetention(id, "term_expired", SYSTEM_META))
          termExpired++;
      }
      // 1b. Parts whose term has ended while another part runs on (003 §7; issue #20): the
      //     part goes with its categories, the registration stays for the rest.
      let partsEnded = 0;
      for (const id of await deps.registrations.idsWithPartEnded(today)) {
        counted();
        if ((await deps.registrations.endPartsForRetention(id, today, SYSTEM_META)) !== "gone")
          partsEnded++;
      }
      // 2. Upheld objections, complaints and appeals not carried out in their term.
      const upheldRemoved = await deps.cases.carryOutDueRemovals(today);
      // 3. Participants whose withdrawal or exclusion date has come: their registrations go,
      //    and their data keys are shredded (003 §17, §20; 001 §7.2–7.3).
      const participantsLeft = await deps.organisations.applyDueTerminations();
      // 4. Finished cases and their letters after the region's retention.
      const { caseRetentionMonths } = await deps.organisations.settings();
      const cases = await deps.cases.eraseExpiredCases(today, caseRetentionMonths);
      deps.journal.record("case", cases);
      // 5. Dead sessions, old sign-in failures, API keys ended more than 90 days ago.
      const identity = await deps.identity.housekeeping();
      const apiKeysDeleted = await deps.identity.deleteEndedApiKeys(today);
      // 6. Other modules' rules (vroegsignalering).
      const more: Record<string, number> = {};
      for (const f of deps.more?.() ?? []) Object.assign(more, await f(today));
      // 7. The journal keeps what a backup could still bring back, no more — measured by the
      //    wall clock, never by the job's date (issue 22, F2). A run dated after today's real
      //    date (`jobs run retention --now <future>`, a clock set wrong) prunes nothing.
      const wallToday = todayInAmsterdam(new Date());
      const journalPruneRefused = today > wallToday;
      if (journalPruneRefused) {
        ctx.logger.warn(
          { jobDate: today, wallDate: wallToday },
          "erasure journal not pruned: the job's date is after the real date",
        );
      }
      const journalPruned = journalPruneRefused ? 0 : deps.journal.prune();
      await upgradeJournal();
      return {
        termExpired,
        partsEnded,
        upheldRemoved,
        participantsLeft,
        casesErased: cases.length,
        ...identity,
        apiKeysDeleted,
        ...more,
        journalPruned,
        // How many days the job's date is ahead of the real date, when pruning was refused.
        ...(journalPruneRefused
          ? {
              journalPruneRefusedDaysAhead: Math.round(
                (Date.parse(today) - Date.parse(wallToday)) / 86_400_000,
              ),
            }
          : {}),
      };
    },

    /** The restore itself is an audited event (with how many erasures were carried out again). */
    async recordRestore(backupCreatedAt: string, replayed: { entries: number; erased: number }) {
      await recordSuccess(ctx.database.db, ctx.clock, SYSTEM_META, SYSTEM, {
        action: "system.restored",
        objectType: "backup",
        objectId: backupCreatedAt,
        details: replayed,
      });
    },

    /**
     * Carries out again every erasure journalled at or after `since` (the backup's time): run
     * after a restore, before the server accepts requests. Idempotent: what is gone stays gone.
     */
    async replay(since?: Date): Promise<{ entries: number; erased: number }> {
      const entries: JournalEntry[] = deps.journal.entries(since);
      const ids = (kind: JournalEntry["kind"]) => [
        ...new Set(entries.filter((e) => e.kind === kind).map((e) => e.id)),
      ];
      // Only what still exists is touched: a start without a restore finds nothing to do.
      const present = async (all: string[], find: (batch: string[]) => Promise<string[]>) => {
        const out: string[] = [];
        for (let i = 0; i < all.length; i += 1000)
          out.push(...(await find(all.slice(i, i + 1000))));
        return out;
      };
      let erased = 0;
      for (const id of await present(ids("registration"), (b) =>
        deps.registrations.existingIds(b),
      )) {
        if (await deps.registrations.replayErasure(id, SYSTEM_META)) erased++;
      }
      const seekers = [
        ...(await present(ids("seeker"), (b) => deps.seekers.existingNumbers(b))),
        ...(await deps.seekers.numbersWithRefs(ids("seeker_ref"))),
      ];
      for (const n of new Set(seekers)) {
        if (await deps.seekers.replayErasure(n)) erased++;
      }
      for (const id of await present(ids("case"), (b) => deps.cases.existingIds(b))) {
        if (await deps.cases.replayErasure(id)) erased++;
      }
      for (const id of ids("organisation_keys")) {
        if ((await ctx.keyring.shredOrganisation(id)) > 0) erased++;
      }
      if (erased > 0) {
        ctx.logger.warn({ erased, entries: entries.length }, "erasures replayed after a restore");
      }
      await upgradeJournal();
      return { entries: entries.length, erased };
    },
  };
}
