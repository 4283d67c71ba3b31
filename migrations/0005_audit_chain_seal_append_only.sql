-- Tamper-evident audit log, step 3 of 3 (docs/audit.md).
--
-- 1. The events set aside by 0003 come back renumbered 1..n in their original order, each
--    hashed exactly as src/platform/audit/chain.ts does:
--      hash = sha256_hex(prev_hash || '\n' || canonical JSON of the event)
--    with keys sorted, timestamps as ISO strings in milliseconds, and details canonicalised
--    recursively. (The helper function below exists only for this migration.)
-- 2. The one-row chain head.
-- 3. Append-only: triggers refuse UPDATE, DELETE and TRUNCATE on the events, checkpoints and
--    prune anchors. The only delete is retention pruning through audit_prune(), which removes
--    events only up to a prune anchor, inside its own transaction.
CREATE FUNCTION "audit_legacy_canonical"(j jsonb) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  IF j IS NULL THEN
    RETURN 'null';
  END IF;
  CASE jsonb_typeof(j)
    WHEN 'object' THEN
      RETURN '{' || coalesce((
        SELECT string_agg(to_json(e.key)::text || ':' || audit_legacy_canonical(e.value), ','
                          ORDER BY e.key COLLATE "C")
        FROM jsonb_each(j) AS e), '') || '}';
    WHEN 'array' THEN
      RETURN '[' || coalesce((
        SELECT string_agg(audit_legacy_canonical(a.value), ',' ORDER BY a.ord)
        FROM jsonb_array_elements(j) WITH ORDINALITY AS a(value, ord)), '') || ']';
    ELSE
      RETURN j::text;
  END CASE;
END
$$;
--> statement-breakpoint
DO $$
DECLARE
  r record;
  prev text := repeat('0', 64);
  n bigint := 0;
  at timestamptz;
  content text;
  h text;
BEGIN
  FOR r IN SELECT * FROM "audit_event_legacy" ORDER BY "seq" LOOP
    n := n + 1;
    at := date_trunc('milliseconds', r.occurred_at);
    content := '{"action":' || to_json(r.action)::text
      || ',"actorId":' || coalesce(to_json(r.actor_id)::text, 'null')
      || ',"actorType":' || to_json(r.actor_type)::text
      || ',"clientAddress":' || coalesce(to_json(r.client_address)::text, 'null')
      || ',"details":' || audit_legacy_canonical(r.details)
      || ',"id":' || to_json(r.id)::text
      || ',"objectId":' || coalesce(to_json(r.object_id)::text, 'null')
      || ',"objectType":' || coalesce(to_json(r.object_type)::text, 'null')
      || ',"occurredAt":' || to_json(to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text
      || ',"organisationId":' || coalesce(to_json(r.organisation_id)::text, 'null')
      || ',"outcome":' || to_json(r.outcome)::text
      || ',"requestId":' || coalesce(to_json(r.request_id)::text, 'null')
      || ',"role":' || coalesce(to_json(r.role)::text, 'null')
      || ',"seq":' || n::text
      || ',"subjectRef":' || coalesce(to_json(r.subject_ref)::text, 'null')
      || ',"v":1}';
    h := encode(sha256(convert_to(prev || E'\n' || content, 'UTF8')), 'hex');
    INSERT INTO "audit_event" ("id", "seq", "occurred_at", "actor_type", "actor_id",
      "organisation_id", "role", "action", "object_type", "object_id", "outcome",
      "client_address", "request_id", "subject_ref", "details", "prev_hash", "hash")
    VALUES (r.id, n, at, r.actor_type, r.actor_id, r.organisation_id, r.role, r.action,
      r.object_type, r.object_id, r.outcome, r.client_address, r.request_id, r.subject_ref,
      r.details, prev, h);
    prev := h;
  END LOOP;
  INSERT INTO "audit_head" ("id", "seq", "hash") VALUES (1, n, prev);
END
$$;
--> statement-breakpoint
DROP TABLE "audit_event_legacy";
--> statement-breakpoint
DROP FUNCTION "audit_legacy_canonical"(jsonb);
--> statement-breakpoint
-- Signed times are ISO strings in milliseconds: the columns hold exactly those instants.
ALTER TABLE "audit_checkpoint" ADD CONSTRAINT "audit_checkpoint_created_at_ms"
  CHECK ("created_at" = date_trunc('milliseconds', "created_at"));
--> statement-breakpoint
ALTER TABLE "audit_prune_anchor" ADD CONSTRAINT "audit_prune_anchor_created_at_ms"
  CHECK ("created_at" = date_trunc('milliseconds', "created_at"));
--> statement-breakpoint
CREATE FUNCTION "audit_append_only"() RETURNS trigger LANGUAGE plpgsql
SET search_path FROM CURRENT AS $$
BEGIN
  IF TG_OP = 'DELETE' AND TG_TABLE_NAME = 'audit_event' THEN
    IF current_setting('woonsignaal.audit_prune', true) = 'on'
       AND OLD.seq <= (SELECT coalesce(max(a.seq), 0) FROM audit_prune_anchor AS a) THEN
      RETURN OLD;
    END IF;
  END IF;
  RAISE EXCEPTION 'The audit log is append-only: % on % is refused.', TG_OP, TG_TABLE_NAME
    USING HINT = 'Audit events, checkpoints and prune anchors can only be added. Retention '
      'pruning (audit_prune) alone removes old events, and only up to a signed prune anchor. '
      'See docs/audit.md.';
END
$$;
--> statement-breakpoint
CREATE TRIGGER "audit_event_append_only" BEFORE UPDATE OR DELETE ON "audit_event"
  FOR EACH ROW EXECUTE FUNCTION "audit_append_only"();
--> statement-breakpoint
CREATE TRIGGER "audit_event_no_truncate" BEFORE TRUNCATE ON "audit_event"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_append_only"();
--> statement-breakpoint
CREATE TRIGGER "audit_checkpoint_append_only" BEFORE UPDATE OR DELETE ON "audit_checkpoint"
  FOR EACH ROW EXECUTE FUNCTION "audit_append_only"();
--> statement-breakpoint
CREATE TRIGGER "audit_checkpoint_no_truncate" BEFORE TRUNCATE ON "audit_checkpoint"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_append_only"();
--> statement-breakpoint
CREATE TRIGGER "audit_prune_anchor_append_only" BEFORE UPDATE OR DELETE ON "audit_prune_anchor"
  FOR EACH ROW EXECUTE FUNCTION "audit_append_only"();
--> statement-breakpoint
CREATE TRIGGER "audit_prune_anchor_no_truncate" BEFORE TRUNCATE ON "audit_prune_anchor"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_append_only"();
--> statement-breakpoint
-- Retention pruning: the one way events leave the log. Runs with the owner's rights, so the
-- application's role needs no DELETE on audit_event (docs/audit.md, database roles), and only
-- removes events up to a prune anchor that the caller recorded first (verify checks that the
-- anchor is signed with the audit signing key).
CREATE FUNCTION "audit_prune"(p_up_to bigint) RETURNS bigint LANGUAGE plpgsql
SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
  n bigint;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM audit_prune_anchor AS a WHERE a.seq = p_up_to) THEN
    RAISE EXCEPTION 'audit_prune(%): there is no prune anchor at that seq.', p_up_to;
  END IF;
  PERFORM set_config('woonsignaal.audit_prune', 'on', true);
  DELETE FROM audit_event WHERE seq <= p_up_to;
  GET DIAGNOSTICS n = ROW_COUNT;
  PERFORM set_config('woonsignaal.audit_prune', 'off', true);
  RETURN n;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION "audit_prune"(bigint) FROM PUBLIC;
