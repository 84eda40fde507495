/**
 * The add-on's sidebar beside the grid, 300 px wide as in Sheets: the page the add-on showed,
 * in an iframe, its `google.script.run` going to the playground server. After each call the
 * page is told (`onScriptRun`) so the grid shows what the endpoint wrote.
 */

import { byId, h } from "./dom";

export class SidebarPane {
  readonly #onScriptRun: () => void;
  #pane: HTMLElement | undefined;

  constructor(onScriptRun: () => void) {
    this.#onScriptRun = onScriptRun;
    window.addEventListener("message", (event) => {
      const frame = this.#pane?.querySelector("iframe");
      if (frame === null || frame === undefined || event.source !== frame.contentWindow) return;
      if (event.origin !== window.location.origin) return;
      const type = (event.data as { type?: unknown } | null)?.type;
      if (type === "smart-kpi:script-run") this.#onScriptRun();
      else if (type === "smart-kpi:close") this.close();
    });
  }

  /** Shows the sidebar the add-on opened (a newer one replaces it, as in Sheets). */
  open(title: string, opened: number): void {
    this.close();
    const close = h("button", {
      className: "sidebar-close",
      text: "×",
      attrs: { type: "button", "aria-label": "Close the sidebar" },
    });
    close.addEventListener("click", () => this.close());
    const frame = h("iframe", {
      className: "sidebar-frame",
      attrs: { src: `/sidebar?opened=${opened}`, title: `${title} sidebar`, width: 300 },
    });
    const pane = h(
      "aside",
      { className: "sidebar-pane", attrs: { "aria-label": `${title} sidebar` } },
      h("div", { className: "sidebar-header" }, h("h2", { text: title }), close),
      frame,
    );
    byId("workspace").append(pane);
    this.#pane = pane;
    frame.addEventListener("load", () => frame.focus(), { once: true });
  }

  close(): void {
    this.#pane?.remove();
    this.#pane = undefined;
  }
}
