import assert from "node:assert/strict";
import { test } from "node:test";
import { dateHtml, dateTimeHtml, formatDate, formatDateTime } from "./format.ts";

test("dates read as words in Dutch and English, never shifted by a time zone", () => {
  assert.equal(formatDate("nl", "2026-12-03"), "3 december 2026");
  assert.equal(formatDate("en", "2026-12-03"), "3 December 2026");
  assert.equal(formatDate("nl", "2026-01-01"), "1 januari 2026");
  // 23:30 UTC on 31 December is already New Year's Day in Amsterdam.
  assert.equal(formatDate("nl", "2026-12-31T23:30:00Z"), "1 januari 2027");
  assert.equal(formatDate("en", new Date("2026-06-01T10:00:00Z")), "1 June 2026");
  assert.equal(formatDate("nl", "geen datum"), "geen datum");
});

test("times are Amsterdam's, summer and winter", () => {
  assert.equal(formatDateTime("nl", "2026-07-01T12:05:00Z"), "1 juli 2026, 14:05");
  assert.equal(formatDateTime("en", "2026-12-03T12:05:00Z"), "3 December 2026, 13:05");
  assert.equal(formatDateTime("nl", "2026-12-03"), "3 december 2026");
});

test("the machine form stays in <time datetime>", () => {
  assert.equal(
    dateHtml("nl", "2026-12-03").value,
    '<time datetime="2026-12-03">3 december 2026</time>',
  );
  assert.equal(
    dateTimeHtml("en", "2026-12-03T12:05:00Z").value,
    '<time datetime="2026-12-03T12:05:00.000Z">3 December 2026, 13:05</time>',
  );
  assert.equal(dateHtml("nl", "<x>").value, "&lt;x&gt;");
});
