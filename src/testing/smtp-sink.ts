import net from "node:net";

/** A message the sink accepted: the envelope, who authenticated, and the raw RFC 822 text. */
export interface SunkMessage {
  from: string;
  to: string[];
  user: string | null;
  data: string;
}

export interface SmtpSink {
  port: number;
  messages: SunkMessage[];
  /** AUTH attempts, accepted or not (user names only). */
  logins: { user: string; ok: boolean }[];
  close(): Promise<void>;
}

/**
 * A tiny real SMTP server on 127.0.0.1 for tests (RFC 5321 subset: EHLO/HELO, AUTH PLAIN and
 * LOGIN, MAIL, RCPT, DATA, RSET, NOOP, QUIT; no TLS). With `credentials` it refuses other
 * logins with 535 and mail without a login with 530, as a real submission server does.
 */
export async function startSmtpSink(
  options: { credentials?: { user: string; password: string } } = {},
): Promise<SmtpSink> {
  const messages: SunkMessage[] = [];
  const logins: { user: string; ok: boolean }[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
    socket.setEncoding("utf8");
    let buffer = "";
    let mode: "command" | "data" | "auth-user" | "auth-pass" = "command";
    let user: string | null = null;
    let pendingUser = "";
    let from = "";
    let to: string[] = [];
    let data = "";
    const reply = (line: string) => socket.write(`${line}\r\n`);
    const login = (name: string, password: string) => {
      const ok =
        !options.credentials ||
        (name === options.credentials.user && password === options.credentials.password);
      logins.push({ user: name, ok });
      if (ok) {
        user = name;
        reply("235 2.7.0 Authentication successful");
      } else {
        reply("535 5.7.8 Authentication credentials invalid");
      }
    };
    const decode = (b64: string) => Buffer.from(b64, "base64").toString("utf8");
    const handle = (line: string) => {
      if (mode === "data") {
        if (line === ".") {
          messages.push({ from, to, user, data });
          mode = "command";
          from = "";
          to = [];
          data = "";
          reply("250 2.0.0 Ok: queued");
        } else {
          data += `${line.startsWith("..") ? line.slice(1) : line}\r\n`;
        }
        return;
      }
      if (mode === "auth-user") {
        pendingUser = decode(line);
        mode = "auth-pass";
        reply(`334 ${Buffer.from("Password:").toString("base64")}`);
        return;
      }
      if (mode === "auth-pass") {
        mode = "command";
        login(pendingUser, decode(line));
        return;
      }
      const [verb = "", ...rest] = line.split(" ");
      const arg = rest.join(" ");
      switch (verb.toUpperCase()) {
        case "EHLO":
          reply("250-sink.test");
          reply("250-AUTH PLAIN LOGIN");
          reply("250 8BITMIME");
          return;
        case "HELO":
          reply("250 sink.test");
          return;
        case "AUTH": {
          const [mech = "", initial] = arg.split(" ");
          if (mech.toUpperCase() === "PLAIN" && initial) {
            const [, name = "", password = ""] = decode(initial).split("\u0000");
            login(name, password);
          } else if (mech.toUpperCase() === "LOGIN") {
            if (initial) {
              pendingUser = decode(initial);
              mode = "auth-pass";
              reply(`334 ${Buffer.from("Password:").toString("base64")}`);
            } else {
              mode = "auth-user";
              reply(`334 ${Buffer.from("Username:").toString("base64")}`);
            }
          } else {
            reply("504 5.5.4 Unrecognized authentication type");
          }
          return;
        }
        case "MAIL":
          if (options.credentials && !user) {
            reply("530 5.7.0 Authentication required");
            return;
          }
          from = /<([^>]*)>/.exec(arg)?.[1] ?? "";
          reply("250 2.1.0 Ok");
          return;
        case "RCPT":
          to.push(/<([^>]*)>/.exec(arg)?.[1] ?? "");
          reply("250 2.1.5 Ok");
          return;
        case "DATA":
          mode = "data";
          reply("354 End data with <CR><LF>.<CR><LF>");
          return;
        case "RSET":
          from = "";
          to = [];
          reply("250 2.0.0 Ok");
          return;
        case "NOOP":
          reply("250 2.0.0 Ok");
          return;
        case "QUIT":
          reply("221 2.0.0 Bye");
          socket.end();
          return;
        default:
          reply("502 5.5.2 Command not recognized");
      }
    };
    socket.on("data", (chunk: string) => {
      buffer += chunk;
      for (let i = buffer.indexOf("\r\n"); i >= 0; i = buffer.indexOf("\r\n")) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        handle(line);
      }
    });
    reply("220 sink.test ESMTP test sink");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    messages,
    logins,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
