/**
 * `MailApp` with an outbox: recipients count against a daily quota (100 for consumer accounts)
 * over a rolling 24 hours — each recipient frees 24 h after the send that used it, not at
 * midnight (PLATFORM "Quotas") — and a test can make the next sends fail.
 */

import { type Execution, SERVICE_NAME, ServiceObject } from "./context";
import { AppsScriptError } from "./errors";

export interface SentMail {
  readonly to: string;
  readonly cc: string;
  readonly bcc: string;
  readonly subject: string;
  readonly body: string;
  readonly htmlBody?: string;
  readonly name?: string;
  readonly replyTo?: string;
  readonly noReply?: boolean;
  /** The user whose quota and address sent it. */
  readonly from: string;
  readonly sentAt: Date;
}

/** How long a recipient counts against the quota. */
const QUOTA_WINDOW_MS = 24 * 60 * 60 * 1000;
const MAX_RECIPIENTS_PER_MESSAGE = 50;
const MAX_BODY_BYTES = 200 * 1024;
const EMAIL = /^[^\s@,;<>]+@[^\s@,;<>]+$/;

/** Recipients used by one send (or set aside by `setRemaining`), at a virtual instant. */
interface QuotaUse {
  readonly at: number;
  readonly count: number;
}

function splitAddresses(list: string | undefined): string[] {
  if (list === undefined) return [];
  return String(list)
    .split(",")
    .map((a) => a.trim())
    .filter((a) => a !== "");
}

/** The mailbox state: outbox, quota use per user over the last 24 h, and injected failures. */
export class MailState {
  readonly outbox: SentMail[] = [];
  private used = new Map<string, QuotaUse[]>();
  private readonly failures: string[] = [];
  /**
   * Virtual milliseconds each `sendEmail` takes (a real send takes about a second), so a run
   * sending hundreds of e-mails meets its time budget as it would in Google.
   */
  sendMs = 0;

  constructor(
    /** Recipients per user per day. */
    public quota: number,
    private readonly now: () => number,
    /** Moves the virtual clock (the time a send takes). */
    private readonly advance: (ms: number) => void = () => {},
  ) {}

  /** The next `count` sends throw an Exception with this message (nothing is sent or counted). */
  failNext(message: string, count = 1): void {
    for (let i = 0; i < count; i++) this.failures.push(message);
  }

  /** The user's uses still inside the window (older ones are dropped). */
  private inWindow(user: string): QuotaUse[] {
    const since = this.now() - QUOTA_WINDOW_MS;
    const uses = (this.used.get(user) ?? []).filter((use) => use.at > since);
    this.used.set(user, uses);
    return uses;
  }

  remaining(user: string): number {
    const used = this.inWindow(user).reduce((sum, use) => sum + use.count, 0);
    return Math.max(0, this.quota - used);
  }

  /**
   * Sets how much of the quota a user has left now, as if they had just sent the rest elsewhere:
   * it all frees 24 h from now.
   */
  setRemaining(user: string, remaining: number): void {
    this.used.set(user, [{ at: this.now(), count: Math.max(0, this.quota - remaining) }]);
  }

  send(user: string, message: Omit<SentMail, "from" | "sentAt">): void {
    if (this.sendMs > 0) this.advance(this.sendMs);
    const failure = this.failures.shift();
    if (failure !== undefined) throw new AppsScriptError(failure);
    const recipients = [
      ...splitAddresses(message.to),
      ...splitAddresses(message.cc),
      ...splitAddresses(message.bcc),
    ];
    if (recipients.length === 0) throw new AppsScriptError("Failed to send email: no recipient");
    for (const address of recipients) {
      if (!EMAIL.test(address)) throw new AppsScriptError(`Invalid email: ${address}`);
    }
    if (recipients.length > MAX_RECIPIENTS_PER_MESSAGE) {
      throw new AppsScriptError("Limit Exceeded: Email Recipients Per Message.");
    }
    const size =
      Buffer.byteLength(message.body, "utf8") + Buffer.byteLength(message.htmlBody ?? "", "utf8");
    if (size > MAX_BODY_BYTES) throw new AppsScriptError("Limit Exceeded: Email Body Size.");
    if (recipients.length > this.remaining(user)) {
      throw new AppsScriptError("Service invoked too many times for one day: email.");
    }
    this.inWindow(user).push({ at: this.now(), count: recipients.length });
    this.outbox.push({ ...message, from: user, sentAt: new Date(this.now()) });
  }

  toJSON(): {
    quota: number;
    used: Record<string, QuotaUse[]>;
    outbox: Array<Omit<SentMail, "sentAt"> & { sentAt: string }>;
  } {
    return {
      quota: this.quota,
      used: Object.fromEntries(this.used),
      outbox: this.outbox.map((m) => ({ ...m, sentAt: m.sentAt.toISOString() })),
    };
  }

  static fromJSON(
    data: ReturnType<MailState["toJSON"]>,
    now: () => number,
    advance?: (ms: number) => void,
  ): MailState {
    const state = new MailState(data.quota, now, advance);
    for (const [user, uses] of Object.entries(data.used)) {
      // States saved before the rolling window kept one number per user and day: dropped.
      if (Array.isArray(uses))
        state.used.set(
          user,
          uses.map((use) => ({ ...use })),
        );
    }
    for (const m of data.outbox) state.outbox.push({ ...m, sentAt: new Date(m.sentAt) });
    return state;
  }
}

type Options = GoogleAppsScript.Mail.MailAdvancedParameters;

export class EmuMailApp
  extends ServiceObject
  implements Pick<GoogleAppsScript.Mail.MailApp, "getRemainingDailyQuota" | "sendEmail">
{
  readonly [SERVICE_NAME] = "MailApp";
  readonly #mail: MailState;
  readonly #exec: Execution;

  constructor(mail: MailState, exec: Execution) {
    super();
    this.#mail = mail;
    this.#exec = exec;
  }

  getRemainingDailyQuota(): number {
    return this.#mail.remaining(this.#exec.user);
  }

  sendEmail(a: string | Options, b?: string, c?: string, d?: string | Options): void {
    let message: Options;
    if (typeof a === "object" && a !== null) {
      message = a;
    } else if (typeof d === "string") {
      message = { to: a, replyTo: b, subject: c, body: d };
    } else {
      message = { ...(d ?? {}), to: a, subject: b, body: c };
    }
    if (message.subject === undefined || message.subject === null) {
      throw new AppsScriptError("Failed to send email: no subject");
    }
    this.#mail.send(this.#exec.user, {
      to: String(message.to ?? ""),
      cc: String(message.cc ?? ""),
      bcc: String(message.bcc ?? ""),
      subject: String(message.subject),
      body: String(message.body ?? ""),
      ...(message.htmlBody === undefined ? {} : { htmlBody: String(message.htmlBody) }),
      ...(message.name === undefined ? {} : { name: String(message.name) }),
      ...(message.replyTo === undefined ? {} : { replyTo: String(message.replyTo) }),
      ...(message.noReply === undefined ? {} : { noReply: Boolean(message.noReply) }),
    });
  }
}
