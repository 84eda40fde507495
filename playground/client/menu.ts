/**
 * The add-on's menu in a menu bar, following the WAI-ARIA menu-button pattern: Enter, Space or
 * ArrowDown open it on the first item (ArrowUp on the last), arrows and Home/End move, Enter or
 * Space runs the item, Escape closes it and gives focus back to the menu's button.
 */

import type { MenuItemView, MenuView } from "../protocol";
import { h } from "./dom";

export class MenuBar {
  readonly #bar: HTMLElement;
  readonly #run: (item: Extract<MenuItemView, { kind: "item" }>) => void;
  #button: HTMLButtonElement | undefined;
  #popup: HTMLElement | undefined;
  #disabled = false;

  constructor(bar: HTMLElement, run: (item: Extract<MenuItemView, { kind: "item" }>) => void) {
    this.#bar = bar;
    this.#run = run;
    document.addEventListener("pointerdown", (event) => {
      const target = event.target as Node;
      if (this.#isOpen() && !this.#bar.contains(target)) this.close(false);
    });
  }

  render(menu: MenuView | null): void {
    const hadFocus = this.#button !== undefined && document.activeElement === this.#button;
    this.#bar.replaceChildren();
    this.#button = undefined;
    this.#popup = undefined;
    if (menu === null) return;

    const popupId = "addon-menu";
    const button = h("button", {
      className: "menubar-item",
      text: menu.caption,
      attrs: {
        type: "button",
        role: "menuitem",
        id: "addon-menu-button",
        "aria-haspopup": "menu",
        "aria-expanded": "false",
        "aria-controls": popupId,
      },
    });
    const popup = h("ul", {
      className: "menu",
      attrs: { role: "menu", id: popupId, "aria-labelledby": "addon-menu-button", hidden: true },
    });
    for (const item of menu.items) {
      if (item.kind === "separator") {
        popup.append(h("li", { className: "menu-separator", attrs: { role: "separator" } }));
        continue;
      }
      const entry = h("li", {
        className: "menu-item",
        text: item.caption,
        attrs: { role: "menuitem", tabindex: -1, "data-function": item.functionName },
      });
      entry.addEventListener("click", () => this.#choose(item));
      entry.addEventListener("keydown", (event) => this.#onItemKey(event, item));
      popup.append(entry);
    }
    button.addEventListener("click", () =>
      this.#isOpen() ? this.close(true) : this.open("first"),
    );
    button.addEventListener("keydown", (event) => this.#onButtonKey(event));
    this.#bar.append(
      h("div", { className: "menubar-slot", attrs: { role: "none" } }, button, popup),
    );
    this.#button = button;
    this.#popup = popup;
    if (this.#disabled) button.setAttribute("aria-disabled", "true");
    if (hadFocus) button.focus();
  }

  /**
   * While the add-on runs, the menu cannot be opened: Sheets runs one item at a time. The button
   * stays focusable (aria-disabled, not disabled) so keyboard focus is not lost meanwhile.
   */
  setDisabled(disabled: boolean): void {
    this.#disabled = disabled;
    if (disabled) this.#button?.setAttribute("aria-disabled", "true");
    else this.#button?.removeAttribute("aria-disabled");
    if (disabled) this.close(false);
  }

  focusButton(): void {
    this.#button?.focus();
  }

  #isOpen(): boolean {
    return this.#popup !== undefined && !this.#popup.hidden;
  }

  #items(): HTMLElement[] {
    return Array.from(this.#popup?.querySelectorAll<HTMLElement>("[role=menuitem]") ?? []);
  }

  open(focus: "first" | "last"): void {
    if (this.#popup === undefined || this.#button === undefined || this.#disabled) return;
    this.#popup.hidden = false;
    this.#button.setAttribute("aria-expanded", "true");
    const items = this.#items();
    (focus === "first" ? items[0] : items[items.length - 1])?.focus();
  }

  close(returnFocus: boolean): void {
    if (this.#popup === undefined || this.#button === undefined) return;
    this.#popup.hidden = true;
    this.#button.setAttribute("aria-expanded", "false");
    if (returnFocus) this.#button.focus();
  }

  #choose(item: Extract<MenuItemView, { kind: "item" }>): void {
    this.close(true);
    this.#run(item);
  }

  #onButtonKey(event: KeyboardEvent): void {
    if (event.key === "ArrowDown" || event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      this.open("first");
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      this.open("last");
    } else if (event.key === "Escape") {
      this.close(true);
    }
  }

  #onItemKey(event: KeyboardEvent, item: Extract<MenuItemView, { kind: "item" }>): void {
    const items = this.#items();
    const index = items.indexOf(event.currentTarget as HTMLElement);
    const focus = (i: number) => items[(i + items.length) % items.length]?.focus();
    switch (event.key) {
      case "ArrowDown":
        focus(index + 1);
        break;
      case "ArrowUp":
        focus(index - 1);
        break;
      case "Home":
        focus(0);
        break;
      case "End":
        focus(items.length - 1);
        break;
      case "Enter":
      case " ":
        this.#choose(item);
        break;
      case "Escape":
        this.close(true);
        break;
      case "Tab":
        this.close(false);
        return;
      default: {
        // Typing a letter moves to the next item that starts with it.
        if (event.key.length !== 1) return;
        const letter = event.key.toLowerCase();
        for (let step = 1; step <= items.length; step++) {
          const candidate = items[(index + step) % items.length];
          if (candidate?.textContent?.toLowerCase().startsWith(letter)) {
            candidate.focus();
            break;
          }
        }
      }
    }
    event.preventDefault();
  }
}
