/**
 * The Outbox in the playground: the e-mails the add-on sent through the emulated MailApp, and a
 * way to fire the daily check's time-driven trigger from the page.
 *
 *   GET  /api/outbox          the sent e-mails, newest last (HTML and plain text)
 *   POST /api/fire-trigger {} runs every installed time-driven trigger now, as Google would
 */

import type { IncomingMessage, ServerResponse } from "node:http";
import type { OutboxMail } from "./protocol";
import type { PlaygroundSession } from "./session";

type Route = (request: IncomingMessage, response: ServerResponse) => Promise<void> | void;

export function outboxRoutes(
  session: () => PlaygroundSession,
  tools: {
    readonly sendJson: (response: ServerResponse, status: number, value: unknown) => void;
    readonly readJson: (request: IncomingMessage) => Promise<unknown>;
  },
): Record<string, Route> {
  return {
    "GET /api/outbox": (_, response) => {
      const mails: OutboxMail[] = session().emulator.outbox.map((mail) => ({
        to: mail.to,
        subject: mail.subject,
        body: mail.body,
        htmlBody: mail.htmlBody ?? "",
        sentAt: mail.sentAt.toISOString(),
      }));
      tools.sendJson(response, 200, mails);
    },
    "POST /api/fire-trigger": async (request, response) => {
      await tools.readJson(request);
      tools.sendJson(response, 200, session().fireTriggers());
    },
  };
}
