/**
 * Letters by e-mail (nodemailer). With SMTP_URL set, over SMTP. Without it, outside production,
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
  attachment: { filename: string; content: Buffer };
  /** Our letter id, in a header and the outbox file name (no personal data). */
  letterId: string;
}

export interface Mailer {
  kind: "smtp" | "outbox" | "none";
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
    attachments: [
      {
        filename: mail.attachment.filename,
        content: mail.attachment.content,
        contentType: "application/pdf",
      },
    ],
  };
}

export function createMailer(config: MailConfig): Mailer {
  if (config.smtpUrl) {
    const transport = nodemailer.createTransport(config.smtpUrl);
    return {
      kind: "smtp",
      async send(mail) {
        const info = await transport.sendMail(message(mail, config.mailFrom));
        return { messageId: String(info.messageId) };
      },
    };
  }
  if (config.isProduction) {
    return {
      kind: "none",
      async send() {
        throw new Error("no SMTP_URL configured: e-mail is off");
      },
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true });
  return {
    kind: "outbox",
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
