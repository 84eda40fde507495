/** `HtmlService` and `HtmlOutput`: the sidebar's page as the script builds it. */

import { gas, SERVICE_NAME, ServiceObject } from "./context";
import { AppsScriptError } from "./errors";

type HtmlOutput = GoogleAppsScript.HTML.HtmlOutput;

export const SANDBOX_MODE = { EMULATED: "EMULATED", IFRAME: "IFRAME", NATIVE: "NATIVE" } as const;
export const X_FRAME_OPTIONS_MODE = { ALLOWALL: "ALLOWALL", DEFAULT: "DEFAULT" } as const;

type HtmlOutputMethods =
  | "append"
  | "clear"
  | "getContent"
  | "getHeight"
  | "getTitle"
  | "getWidth"
  | "setContent"
  | "setHeight"
  | "setSandboxMode"
  | "setTitle"
  | "setWidth"
  | "setXFrameOptionsMode"
  | "addMetaTag";

export class EmuHtmlOutput extends ServiceObject implements Pick<HtmlOutput, HtmlOutputMethods> {
  readonly [SERVICE_NAME] = "HtmlOutput";
  #content: string;
  #title = "";
  #width = 300;
  #height = 400;
  readonly #meta: Array<{ name: string; content: string }> = [];

  constructor(content: string) {
    super();
    this.#content = content;
  }

  append(addedContent: string): HtmlOutput {
    this.#content += String(addedContent);
    return gas(this);
  }

  clear(): HtmlOutput {
    this.#content = "";
    return gas(this);
  }

  getContent(): string {
    return this.#content;
  }

  setContent(content: string): HtmlOutput {
    this.#content = String(content);
    return gas(this);
  }

  getTitle(): string {
    return this.#title;
  }

  setTitle(title: string): HtmlOutput {
    this.#title = String(title);
    return gas(this);
  }

  getWidth(): number {
    return this.#width;
  }

  setWidth(width: number): HtmlOutput {
    this.#width = Number(width);
    return gas(this);
  }

  getHeight(): number {
    return this.#height;
  }

  setHeight(height: number): HtmlOutput {
    this.#height = Number(height);
    return gas(this);
  }

  setSandboxMode(_mode: GoogleAppsScript.HTML.SandboxMode): HtmlOutput {
    return gas(this);
  }

  setXFrameOptionsMode(_mode: GoogleAppsScript.HTML.XFrameOptionsMode): HtmlOutput {
    return gas(this);
  }

  addMetaTag(name: string, content: string): HtmlOutput {
    this.#meta.push({ name: String(name), content: String(content) });
    return gas(this);
  }
}

type HtmlServiceMethods =
  | "createHtmlOutput"
  | "createHtmlOutputFromFile"
  | "SandboxMode"
  | "XFrameOptionsMode";

export class EmuHtmlService
  extends ServiceObject
  implements Pick<GoogleAppsScript.HTML.HtmlService, HtmlServiceMethods>
{
  readonly [SERVICE_NAME] = "HtmlService";
  readonly SandboxMode = SANDBOX_MODE as unknown as typeof GoogleAppsScript.HTML.SandboxMode;
  readonly XFrameOptionsMode =
    X_FRAME_OPTIONS_MODE as unknown as typeof GoogleAppsScript.HTML.XFrameOptionsMode;
  readonly #files: Readonly<Record<string, string>>;

  /** `files`: the project's HTML files by name (without ".html"), as `clasp push` uploads them. */
  constructor(files: Readonly<Record<string, string>>) {
    super();
    this.#files = files;
  }

  createHtmlOutput(html?: unknown): HtmlOutput {
    return gas(new EmuHtmlOutput(html === undefined ? "" : String(html)));
  }

  createHtmlOutputFromFile(filename: string): HtmlOutput {
    const name = String(filename).replace(/\.html$/, "");
    const content = this.#files[name];
    if (content === undefined) throw new AppsScriptError(`No HTML file named ${name} was found.`);
    return gas(new EmuHtmlOutput(content));
  }
}
