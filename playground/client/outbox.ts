/**
 * The Outbox panel: every e-mail the add-on sent through the emulated MailApp, newest first,
 * each shown as its HTML (in a sandboxed frame: no script in an e-mail can run) and as its
 * plain-text alternative; and a button that fires the daily check's trigger as Google would.
 */

import type { ActionResult, OutboxMail } from "../protocol";
import { byId, h } from "./dom";

async function fetchOutbox(): Promise<OutboxMail[]> {
  const response = await fetch("/api/outbox");
  if (!response.ok) throw new Error(`The playground server answered ${response.status}`);
  return (await response.json()) as OutboxMail[];
}

async function fireTrigger(): Promise<ActionResult> {
  const response = await fetch("/api/fire-trigger", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: "{}",
  });
  if (!response.ok) throw new Error(`The playground server answered ${response.status}`);
  return (await response.json()) as ActionResult;
}

export class OutboxPanel {
  readonly #button: HTMLButtonElement;
  #panel: HTMLElement | undefined;

  /** `act` runs an action the way the page runs menu items (busy notice, toasts, alerts). */
  constructor(act: (label: string, action: () => Promise<ActionResult>) => Promise<void>) {
    this.#button = h("button", {
      className: "button",
      text: "Outbox",
      attrs: { type: "button", id: "outbox-button", "aria-expanded": "false" },
    });
    this.#button.addEventListener("click", () => void this.toggle());
    const fire = h("button", {
      className: "button",
      text: "Fire the daily trigger",
      attrs: { type: "button", id: "fire-trigger" },
    });
    fire.addEventListener("click", () => {
      void act("Running the daily check's trigger…", fireTrigger).then(() => this.refresh());
    });
    byId("reset").before(this.#button, fire);
  }

  /** Brings the count (and the open panel) up to date after an action. */
  async refresh(): Promise<void> {
    const mails = await fetchOutbox();
    this.#button.textContent = `Outbox (${mails.length})`;
    if (this.#panel !== undefined) this.#draw(this.#panel, mails);
  }

  async toggle(): Promise<void> {
    if (this.#panel !== undefined) {
      this.#panel.remove();
      this.#panel = undefined;
      this.#button.setAttribute("aria-expanded", "false");
      return;
    }
    this.#panel = h("aside", {
      className: "outbox-pane",
      attrs: { id: "outbox", "aria-label": "Outbox" },
    });
    byId("workspace").append(this.#panel);
    this.#button.setAttribute("aria-expanded", "true");
    await this.refresh();
  }

  #draw(panel: HTMLElement, mails: readonly OutboxMail[]): void {
    const list = h("ol", { className: "outbox-list", attrs: { reversed: true } });
    const view = h("div", { className: "outbox-view" });
    const show = (mail: OutboxMail, item: HTMLElement) => {
      list.querySelectorAll("[aria-current]").forEach((other) => {
        other.removeAttribute("aria-current");
      });
      item.setAttribute("aria-current", "true");
      // srcdoc in a frame with an empty sandbox: the HTML is drawn, nothing in it runs.
      const frame = h("iframe", {
        className: "outbox-html",
        attrs: { sandbox: "", title: `E-mail to ${mail.to}`, srcdoc: mail.htmlBody },
      });
      view.replaceChildren(
        h("p", {
          className: "outbox-meta",
          text: `To: ${mail.to} · ${mail.sentAt.replace("T", " ").slice(0, 16)} UTC`,
        }),
        h("p", { className: "outbox-subject", text: mail.subject }),
        frame,
        h(
          "details",
          {},
          h("summary", { text: "Plain-text part" }),
          h("pre", { className: "outbox-text", text: mail.body }),
        ),
      );
    };
    [...mails].reverse().forEach((mail, index) => {
      const item = h(
        "button",
        { className: "outbox-item", attrs: { type: "button" } },
        h("span", { className: "outbox-to", text: mail.to }),
        h("span", { className: "outbox-item-subject", text: mail.subject }),
      );
      item.addEventListener("click", () => show(mail, item));
      list.append(h("li", {}, item));
      if (index === 0) show(mail, item);
    });
    const close = h("button", {
      className: "sidebar-close",
      text: "×",
      attrs: { type: "button", "aria-label": "Close the Outbox" },
    });
    close.addEventListener("click", () => void this.toggle());
    panel.replaceChildren(
      h(
        "header",
        { className: "outbox-header" },
        h("h2", { text: `Outbox (${mails.length})` }),
        close,
      ),
      mails.length === 0
        ? h("p", {
            className: "outbox-empty",
            text: "No e-mail sent yet. Move Today past a due date and choose “Run the check now”.",
          })
        : list,
      view,
    );
  }
}
