/**
 * A real SMTP server on a free local port that keeps what it receives, for tests of outgoing
 * mail: `const inbox = await openSmtpInbox(); process.env.SMTP_URL = inbox.url; … inbox.messages`.
 * `refuse` makes it reject every recipient (a mail server that does not accept the message);
 * `refuseRecipients` only those addresses (a mailbox that does not exist).
 */
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

/** `to` is the SMTP envelope (who it was delivered to); `headers` the unfolded header block as received. */
export type ReceivedMail = { to: string[]; subject: string; text: string; headers: string };

/** Quoted-printable body → text (soft line breaks and =XX bytes). */
function decodeQuotedPrintable(body: string): string {
  const joined = body.replace(/=\r?\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    if (joined[i] === "=" && /^[0-9A-F]{2}$/i.test(joined.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(joined.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(joined[i]!, "utf8"));
  }
  return Buffer.from(bytes).toString("utf8");
}

/** RFC 2047 encoded words in a header (=?UTF-8?Q?…?= and =?UTF-8?B?…?=). */
function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_match, kind: string, text: string) =>
      kind.toUpperCase() === "B"
        ? Buffer.from(text, "base64").toString("utf8")
        : decodeQuotedPrintable(text.replace(/_/g, " ")),
    );
}

function parse(raw: string, to: string[]): ReceivedMail {
  const split = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, " ");
  const body = raw.slice(split + 4);
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, "im").exec(head)?.[1] ?? "";
  const encoding = header("Content-Transfer-Encoding").toLowerCase();
  const text =
    encoding === "quoted-printable"
      ? decodeQuotedPrintable(body)
      : encoding === "base64"
        ? Buffer.from(body, "base64").toString("utf8")
        : body;
  return { to, subject: decodeHeader(header("Subject")), text: text.replace(/\r\n/g, "\n"), headers: head };
}

export async function openSmtpInbox(options: { refuse?: boolean; refuseRecipients?: readonly string[] } = {}) {
  const messages: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      const refused = options.refuse || options.refuseRecipients?.includes(address.address.toLowerCase());
      callback(refused ? Object.assign(new Error("mailbox unavailable"), { responseCode: 550 }) : undefined);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        messages.push(
          parse(
            Buffer.concat(chunks).toString("utf8"),
            session.envelope.rcptTo.map((rcpt) => rcpt.address),
          ),
        );
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type SmtpInbox = Awaited<ReturnType<typeof openSmtpInbox>>;

/** Runs `run` with the app's mail sent from `sender` to a fresh inbox, closed afterwards whatever happens. */
export async function withInbox<T>(
  sender: string,
  options: Parameters<typeof openSmtpInbox>[0],
  run: (inbox: SmtpInbox) => Promise<T>,
): Promise<T> {
  const inbox = await openSmtpInbox(options);
  Object.assign(process.env, { SMTP_URL: inbox.url, MAIL_FROM: sender });
  try {
    return await run(inbox);
  } finally {
    await inbox.close();
  }
}
