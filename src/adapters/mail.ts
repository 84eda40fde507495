/**
 * MailApp, behind two functions: the server never names `MailApp` itself. The quota is the
 * number of recipients this user may still send to (PLATFORM "Quotas and services"); it frees
 * 24 hours after use, so it is asked for at the start of every run, never assumed.
 */

export interface OutgoingMail {
  readonly to: string;
  readonly subject: string;
  /** The plain-text alternative. */
  readonly body: string;
  readonly htmlBody: string;
  /** The sender's display name. */
  readonly name: string;
}

export function remainingMailQuota(): number {
  return MailApp.getRemainingDailyQuota();
}

export function sendMail(mail: OutgoingMail): void {
  MailApp.sendEmail({
    to: mail.to,
    subject: mail.subject,
    body: mail.body,
    htmlBody: mail.htmlBody,
    name: mail.name,
  });
}
