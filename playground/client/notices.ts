/**
 * What the add-on shows the user besides the cells: toasts in the bottom-right corner, as Sheets
 * shows `Spreadsheet.toast`, and alerts as modal dialogs, as `Ui.alert` does. Also the page's own
 * confirmation before a reset.
 */

import type { AlertView, ToastView } from "../protocol";
import { byId, h } from "./dom";

/** Apps Script's toast stays 5 seconds unless told otherwise. */
const DEFAULT_TOAST_SECONDS = 5;

export function showToast(toast: ToastView): void {
  const region = byId("toasts");
  const close = h("button", {
    className: "toast-close",
    text: "×",
    attrs: { type: "button", "aria-label": "Close notification" },
  });
  const node = h(
    "div",
    { className: "toast" },
    toast.title === "" ? null : h("p", { className: "toast-title", text: toast.title }),
    h("p", { className: "toast-message", text: toast.message }),
    close,
  );
  close.addEventListener("click", () => node.remove());
  region.append(node);
  if (toast.timeoutSeconds !== null) {
    const seconds = toast.timeoutSeconds > 0 ? toast.timeoutSeconds : DEFAULT_TOAST_SECONDS;
    setTimeout(() => node.remove(), seconds * 1000);
  }
}

interface DialogButton {
  readonly label: string;
  readonly value: string;
  readonly primary?: boolean;
}

const queue: {
  title: string;
  message: string;
  buttons: DialogButton[];
  done: (value: string) => void;
}[] = [];

function showNext(): void {
  const dialog = byId<HTMLDialogElement>("dialog");
  const next = queue[0];
  if (next === undefined || dialog.open) return;
  byId("dialog-title").textContent = next.title;
  byId("dialog-message").textContent = next.message;
  const actions = byId("dialog-actions");
  actions.replaceChildren();
  let primary: HTMLButtonElement | undefined;
  for (const spec of next.buttons) {
    const button = h("button", {
      className: spec.primary === true ? "button primary" : "button",
      text: spec.label,
      attrs: { type: "button" },
    });
    button.addEventListener("click", () => dialog.close(spec.value));
    actions.append(button);
    if (spec.primary === true) primary = button;
  }
  const returnTo = document.activeElement as HTMLElement | null;
  dialog.addEventListener(
    "close",
    () => {
      queue.shift();
      next.done(dialog.returnValue);
      returnTo?.focus();
      showNext();
    },
    { once: true },
  );
  dialog.returnValue = "";
  dialog.showModal();
  primary?.focus();
}

function ask(title: string, message: string, buttons: DialogButton[]): Promise<string> {
  return new Promise((done) => {
    queue.push({ title, message, buttons, done });
    showNext();
  });
}

/** An alert the add-on showed; it was answered with OK when the script ran. */
export function showAlert(alert: AlertView): Promise<string> {
  return ask(alert.title === "" ? "SMART KPI" : alert.title, alert.message, [
    { label: "OK", value: "ok", primary: true },
  ]);
}

export function showError(message: string): Promise<string> {
  return ask("Error", message, [{ label: "Dismiss", value: "ok", primary: true }]);
}

export async function confirm(title: string, message: string, action: string): Promise<boolean> {
  const answer = await ask(title, message, [
    { label: "Cancel", value: "cancel" },
    { label: action, value: "yes", primary: true },
  ]);
  return answer === "yes";
}
