/**
 * Letters by e-mail (nodemailer). The region's own SMTP server when a consortium admin has set
 * one (region settings, `createRegionMailer`); otherwise, with SMTP_URL set, over that
 * server. Without either, outside production,
 * every message is written as an RFC 822 file (`.eml`, openable in any mail program) to the
 * outbox directory (MAIL_OUTBOX_DIR, default DATA_DIR/outbox) by nodemailer's stream transport;
 * tests read it there. In production without SMTP_URL there is no e-mail at all: letters wait
 * for the post (docs/letters.md).
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import type { Config } from "../../config.ts";

export interface OutgoingMail {
  to: string;
  /** Shown before MAIL_FROM: the sending organisation's name. */
  fromName: string;
  subject: string;
  text: string;
  /** The letter's PDF; absent for a test message. */
  attachment?: { filename: string; content: Buffer };
  /** Our letter id, in a header and the outbox file name (no personal data). */
  letterId: string;
}

/** The region's SMTP server (organisations' region settings), password already decrypted. */
export interface SmtpServer {
  host: string;
  port: number;
  tls: "implicit" | "starttls" | "none";
  username: string | null;
  password: string | null;
  from: string;
}

export interface Mailer {
  kind: "smtp" | "outbox" | "none";
  /** Where the settings come from: the region's settings page, or the environment. */
  source: "region" | "environment";
  /** Sends; throws when the message could not be handed over. */
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
}

type MailConfig = Pick<Config, "smtpUrl" | "mailFrom" | "outboxDir" | "isProduction">;

function message(mail: OutgoingMail, from: string) {
  return {
    from: { name: mail.fromName, address: from },
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    headers: { "X-Woonsignaal-Letter": mail.letterId },
    attachments: mail.attachment
      ? [
          {
            filename: mail.attachment.filename,
            content: mail.attachment.content,
            contentType: "application/pdf",
          },
        ]
      : [],
  };
}

/**
 * A mailer over the region's own SMTP server. `implicit` is TLS from the first byte (port 465),
 * `starttls` requires the upgrade (587; refused when the server does not offer it), `none`
 * speaks plain SMTP (a relay on the local network only). Timeouts keep a dead server from
 * holding a letter (or the test button) for minutes.
 */
export function createRegionMailer(server: SmtpServer): Mailer {
  const transport = nodemailer.createTransport({
    host: server.host,
    port: server.port,
    secure: server.tls === "implicit",
    requireTLS: server.tls === "starttls",
    ignoreTLS: server.tls === "none",
    ...(server.username ? { auth: { user: server.username, pass: server.password ?? "" } } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return smtpMailer(transport, "region", server.from);
}

/** A mailer that sends over an SMTP transport, from this address. */
function smtpMailer(
  transport: ReturnType<typeof nodemailer.createTransport>,
  source: Mailer["source"],
  from: string,
): Mailer {
  return {
    kind: "smtp",
    source,
    async send(mail) {
      const info = await transport.sendMail(message(mail, from));
      return { messageId: String(info.messageId) };
    },
  };
}

/**
 * What went wrong when an SMTP server refused or could not be reached, in one line without
 * secrets: nodemailer's error code (EAUTH, ECONNECTION, ETIMEDOUT, ESOCKET, EENVELOPE, …) and
 * the server's own reply when it gave one.
 */
export function describeMailError(error: unknown): { code: string; reply: string } {
  const e = error as { code?: unknown; response?: unknown; message?: unknown };
  const code = typeof e?.code === "string" ? e.code : "ERROR";
  const reply =
    typeof e?.response === "string" && e.response !== ""
      ? e.response
      : typeof e?.message === "string"
        ? e.message
        : String(error);
  return { code, reply: reply.slice(0, 500) };
}

export function createMailer(config: MailConfig): Mailer {
  if (config.smtpUrl) {
    return smtpMailer(nodemailer.createTransport(config.smtpUrl), "environment", config.mailFrom);
  }
  if (config.isProduction) {
    return {
      kind: "none",
      source: "environment",
      async send() {
        throw new Error("no SMTP_URL configured: e-mail is off");
      },
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true });
  return {
    kind: "outbox",
    source: "environment",
    async send(mail) {
      const info = await transport.sendMail(message(mail, config.mailFrom));
      await mkdir(config.outboxDir, { recursive: true, mode: 0o700 });
      const stamp = new Date().toISOString().replace(/[:.]/g, "-");
      const file = path.join(config.outboxDir, `${stamp}-${mail.letterId}.eml`);
      await writeFile(file, info.message as Buffer, { mode: 0o600 });
      return { messageId: String(info.messageId) };
    },
  };
}
