/**
 * The spreadsheet's user interface as a script sees it (`SpreadsheetApp.getUi()`), recording what
 * the script shows — menus, sidebars, dialogs, alerts, prompts, toasts — so tests can assert on it,
 * and answering alerts and prompts from responses the test queued.
 */

import { type Execution, gas, SERVICE_NAME, ServiceObject } from "./context";
import { AppsScriptError } from "./errors";
import { EmuHtmlOutput } from "./html";

type Ui = GoogleAppsScript.Base.Ui;
type Menu = GoogleAppsScript.Base.Menu;

export type ButtonName = "CLOSE" | "OK" | "CANCEL" | "YES" | "NO";
export type ButtonSetName = "OK" | "OK_CANCEL" | "YES_NO" | "YES_NO_CANCEL";

export const BUTTON: Readonly<Record<ButtonName, ButtonName>> = {
  CLOSE: "CLOSE",
  OK: "OK",
  CANCEL: "CANCEL",
  YES: "YES",
  NO: "NO",
};
export const BUTTON_SET: Readonly<Record<ButtonSetName, ButtonSetName>> = {
  OK: "OK",
  OK_CANCEL: "OK_CANCEL",
  YES_NO: "YES_NO",
  YES_NO_CANCEL: "YES_NO_CANCEL",
};

export type MenuEntry =
  | { readonly caption: string; readonly functionName: string }
  | { readonly separator: true }
  | { readonly subMenu: MenuRecord };

export interface MenuRecord {
  readonly caption: string;
  /** True for `createAddonMenu()` (shown under Extensions › add-on name). */
  readonly addOn: boolean;
  readonly items: readonly MenuEntry[];
  readonly user: string;
}

export interface SidebarRecord {
  readonly title: string;
  readonly html: string;
  readonly user: string;
}

export interface DialogRecord {
  readonly title: string;
  readonly html: string;
  readonly modal: boolean;
  readonly width: number;
  readonly height: number;
  readonly user: string;
}

export interface AlertRecord {
  readonly kind: "alert" | "prompt";
  readonly title: string;
  readonly prompt: string;
  readonly buttons: ButtonSetName;
  /** What the (simulated) user answered. */
  readonly response: ButtonName;
  readonly text?: string;
}

export interface ToastRecord {
  readonly message: string;
  readonly title: string;
  readonly timeoutSeconds: number | null;
  readonly at: Date;
}

export interface QueuedResponse {
  readonly button: ButtonName;
  readonly text?: string;
}

/** Everything shown to the user, in order, plus the answers the user will give. */
export class UiRecorder {
  readonly menus: MenuRecord[] = [];
  readonly sidebars: SidebarRecord[] = [];
  readonly dialogs: DialogRecord[] = [];
  readonly alerts: AlertRecord[] = [];
  readonly toasts: ToastRecord[] = [];
  private readonly responses: QueuedResponse[] = [];

  constructor(readonly addOnName: string) {}

  /** Queues the user's answer to the next alert or prompt (default: the first button, empty text). */
  respond(button: ButtonName, text?: string): void {
    this.responses.push(text === undefined ? { button } : { button, text });
  }

  /** The latest sidebar shown, if any. */
  get sidebar(): SidebarRecord | undefined {
    return this.sidebars[this.sidebars.length - 1];
  }

  /** The menu a user sees now: the last one added under each caption. */
  menu(caption?: string): MenuRecord | undefined {
    const wanted = caption ?? this.addOnName;
    for (let i = this.menus.length - 1; i >= 0; i--) {
      const menu = this.menus[i];
      if (menu !== undefined && menu.caption === wanted) return menu;
    }
    return undefined;
  }

  nextResponse(buttons: ButtonSetName): QueuedResponse {
    const queued = this.responses.shift();
    if (queued !== undefined) return queued;
    const first: Record<ButtonSetName, ButtonName> = {
      OK: "OK",
      OK_CANCEL: "OK",
      YES_NO: "YES",
      YES_NO_CANCEL: "YES",
    };
    return { button: first[buttons] };
  }

  clear(): void {
    this.menus.length = 0;
    this.sidebars.length = 0;
    this.dialogs.length = 0;
    this.alerts.length = 0;
    this.toasts.length = 0;
    this.responses.length = 0;
  }
}

function isButtonSet(value: unknown): value is ButtonSetName {
  return typeof value === "string" && value in BUTTON_SET;
}

export class EmuMenu
  extends ServiceObject
  implements Pick<Menu, "addItem" | "addSeparator" | "addSubMenu" | "addToUi">
{
  readonly [SERVICE_NAME] = "Menu";
  readonly #items: MenuEntry[] = [];

  constructor(
    readonly recorder: UiRecorder,
    readonly caption: string,
    readonly addOn: boolean,
    readonly user: string,
  ) {
    super();
  }

  addItem(caption: string, functionName: string): Menu {
    this.#items.push({ caption: String(caption), functionName: String(functionName) });
    return gas(this);
  }

  addSeparator(): Menu {
    this.#items.push({ separator: true });
    return gas(this);
  }

  addSubMenu(menu: Menu): Menu {
    const sub = menu as unknown as EmuMenu;
    if (!(sub instanceof EmuMenu)) throw new AppsScriptError("Invalid argument: menu");
    this.#items.push({ subMenu: sub.record() });
    return gas(this);
  }

  addToUi(): void {
    this.recorder.menus.push(this.record());
  }

  record(): MenuRecord {
    return { caption: this.caption, addOn: this.addOn, items: [...this.#items], user: this.user };
  }
}

export class EmuPromptResponse
  extends ServiceObject
  implements Pick<GoogleAppsScript.Base.PromptResponse, "getResponseText" | "getSelectedButton">
{
  readonly [SERVICE_NAME] = "PromptResponse";

  constructor(
    readonly text: string,
    readonly button: ButtonName,
  ) {
    super();
  }

  getResponseText(): string {
    return this.text;
  }

  getSelectedButton(): GoogleAppsScript.Base.Button {
    return this.button as unknown as GoogleAppsScript.Base.Button;
  }
}

type UiMethods =
  | "alert"
  | "createAddonMenu"
  | "createMenu"
  | "prompt"
  | "showModalDialog"
  | "showModelessDialog"
  | "showSidebar";

export class EmuUi extends ServiceObject implements Pick<Ui, UiMethods | "Button" | "ButtonSet"> {
  readonly [SERVICE_NAME] = "Ui";
  readonly Button = BUTTON as unknown as typeof GoogleAppsScript.Base.Button;
  readonly ButtonSet = BUTTON_SET as unknown as typeof GoogleAppsScript.Base.ButtonSet;
  readonly #recorder: UiRecorder;
  readonly #exec: Execution;

  constructor(recorder: UiRecorder, exec: Execution) {
    super();
    this.#recorder = recorder;
    this.#exec = exec;
  }

  createAddonMenu(): Menu {
    return gas(new EmuMenu(this.#recorder, this.#recorder.addOnName, true, this.#exec.user));
  }

  createMenu(caption: string): Menu {
    return gas(new EmuMenu(this.#recorder, String(caption), false, this.#exec.user));
  }

  alert(a: string, b?: unknown, c?: unknown): GoogleAppsScript.Base.Button {
    const { title, prompt, buttons } = dialogArgs(a, b, c);
    const answer = this.#recorder.nextResponse(buttons);
    this.#recorder.alerts.push({ kind: "alert", title, prompt, buttons, response: answer.button });
    return answer.button as unknown as GoogleAppsScript.Base.Button;
  }

  prompt(a: string, b?: unknown, c?: unknown): GoogleAppsScript.Base.PromptResponse {
    const { title, prompt, buttons } = dialogArgs(a, b, c);
    const answer = this.#recorder.nextResponse(buttons);
    const text = answer.text ?? "";
    this.#recorder.alerts.push({
      kind: "prompt",
      title,
      prompt,
      buttons,
      response: answer.button,
      text,
    });
    return gas(new EmuPromptResponse(text, answer.button));
  }

  showSidebar(userInterface: GoogleAppsScript.HTML.HtmlOutput): void {
    const output = requireHtml(userInterface);
    this.#recorder.sidebars.push({
      title: output.getTitle(),
      html: output.getContent(),
      user: this.#exec.user,
    });
  }

  showModalDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this.#dialog(userInterface, title, true);
  }

  showModelessDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this.#dialog(userInterface, title, false);
  }

  #dialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string, modal: boolean): void {
    const output = requireHtml(userInterface);
    this.#recorder.dialogs.push({
      title: String(title),
      html: output.getContent(),
      modal,
      width: output.getWidth(),
      height: output.getHeight(),
      user: this.#exec.user,
    });
  }
}

function requireHtml(value: unknown): EmuHtmlOutput {
  if (!(value instanceof EmuHtmlOutput)) {
    throw new AppsScriptError("Invalid argument: userInterface");
  }
  return value;
}

function dialogArgs(
  a: unknown,
  b: unknown,
  c: unknown,
): { title: string; prompt: string; buttons: ButtonSetName } {
  if (c !== undefined) {
    return { title: String(a), prompt: String(b), buttons: isButtonSet(c) ? c : "OK" };
  }
  if (b !== undefined) return { title: "", prompt: String(a), buttons: isButtonSet(b) ? b : "OK" };
  return { title: "", prompt: String(a), buttons: "OK" };
}
