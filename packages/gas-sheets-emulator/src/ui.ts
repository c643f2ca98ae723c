/**
 * Ui (SpreadsheetApp.getUi()): menus, alerts, prompts, sidebars and dialogs, recorded in
 * emu.ui for tests to read. Alerts and prompts take the answers tests queue
 * (emu.queueAlertResponse / queuePromptResponse); without one, the `ask` option's answer when
 * someone is there to click (the playground), else the set's affirmative button (OK, or YES for
 * YES_NO sets) and empty text.
 */
import { instrument } from "./calls";
import { Button, type ButtonName, ButtonSet, type ButtonSetName, EnumValue } from "./enums";
import { HtmlOutput } from "./html";
import { type EmulatorState, type MenuEntry, ServiceObject } from "./state";

const BUTTONS_OF: Record<ButtonSetName, ButtonName[]> = {
  OK: ["OK"],
  OK_CANCEL: ["OK", "CANCEL"],
  YES_NO: ["YES", "NO"],
  YES_NO_CANCEL: ["YES", "NO", "CANCEL"],
};

export class Menu extends ServiceObject {
  readonly items: MenuEntry[] = [];

  constructor(
    ctx: EmulatorState,
    readonly caption: string | null,
  ) {
    super(ctx);
  }

  addItem(caption: string, functionName: string): Menu {
    this.items.push({ caption: String(caption), functionName: String(functionName) });
    return this;
  }

  addSeparator(): Menu {
    this.items.push({ separator: true });
    return this;
  }

  addSubMenu(menu: Menu): Menu {
    if (!(menu instanceof Menu))
      throw this.ctx.fail("Menu.addSubMenu expects a Menu made with Ui.createMenu.");
    this.items.push({ caption: menu.caption ?? "", submenu: snapshot(menu.items) });
    return this;
  }

  /**
   * Puts the menu in the editor. Adding a menu with a caption already shown replaces it (the
   * add-on menu is one menu), so running onOpen twice does not duplicate menus.
   */
  addToUi(): void {
    const record = { caption: this.caption, addon: this.caption === null, items: snapshot(this.items) };
    const i = this.ctx.ui.menus.findIndex((m) => m.caption === record.caption);
    if (i === -1) this.ctx.ui.menus.push(record);
    else this.ctx.ui.menus[i] = record;
  }
}

function snapshot(items: MenuEntry[]): MenuEntry[] {
  return items.map((item) =>
    "submenu" in item ? { caption: item.caption, submenu: snapshot(item.submenu) } : { ...item },
  );
}

export class PromptResponse extends ServiceObject {
  constructor(
    ctx: EmulatorState,
    readonly button: ButtonName,
    readonly text: string,
  ) {
    super(ctx);
  }

  getResponseText(): string {
    return this.text;
  }

  getSelectedButton(): EnumValue {
    return Button[this.button];
  }
}

export class Ui extends ServiceObject {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;

  createAddonMenu(): Menu {
    return new Menu(this.ctx, null);
  }

  createMenu(caption: string): Menu {
    return new Menu(this.ctx, String(caption));
  }

  /** alert(prompt) | alert(prompt, buttons) | alert(title, prompt, buttons) */
  alert(...args: unknown[]): EnumValue {
    const { title, prompt, buttons } = this.#dialogArgs(args, "alert");
    const queued = this.ctx.alertQueue.shift() ?? this.#ask("alert", title, prompt, buttons)?.button;
    const response = this.#answer(queued, buttons);
    this.ctx.ui.alerts.push({ title, prompt, buttons, response });
    return Button[response];
  }

  /** prompt(prompt) | prompt(prompt, buttons) | prompt(title, prompt, buttons) */
  prompt(...args: unknown[]): PromptResponse {
    const { title, prompt, buttons } = this.#dialogArgs(args, "prompt");
    const queued = this.ctx.promptQueue.shift() ?? this.#ask("prompt", title, prompt, buttons);
    const response = this.#answer(queued?.button, buttons);
    const text = queued?.text ?? "";
    this.ctx.ui.prompts.push({ title, prompt, buttons, response, responseText: text });
    return new PromptResponse(this.ctx, response, text);
  }

  showSidebar(userInterface: HtmlOutput): void {
    this.ctx.ui.sidebars.push(this.#shown(userInterface, "sidebar", "showSidebar"));
  }

  showModalDialog(userInterface: HtmlOutput, title: string): void {
    this.ctx.ui.dialogs.push({
      ...this.#shown(userInterface, "modal", "showModalDialog"),
      title: String(title),
    });
  }

  showModelessDialog(userInterface: HtmlOutput, title: string): void {
    this.ctx.ui.dialogs.push({
      ...this.#shown(userInterface, "modeless", "showModelessDialog"),
      title: String(title),
    });
  }

  #shown(output: HtmlOutput, kind: "sidebar" | "modal" | "modeless", method: string) {
    if (!(output instanceof HtmlOutput)) {
      throw this.ctx.fail(
        `The parameters don't match the method signature for Ui.${method}: pass an HtmlOutput.`,
      );
    }
    return { kind, title: output.title, content: output.content, width: output.width, height: output.height };
  }

  #dialogArgs(
    args: unknown[],
    method: string,
  ): { title: string | null; prompt: string; buttons: ButtonSetName } {
    const setName = (v: unknown): ButtonSetName => {
      if (v instanceof EnumValue && v.enumName === "ButtonSet") return v.name() as ButtonSetName;
      throw this.ctx.fail(`The parameters don't match the method signature for Ui.${method}.`);
    };
    if (args.length === 3)
      return { title: String(args[0]), prompt: String(args[1]), buttons: setName(args[2]) };
    if (args.length === 2) return { title: null, prompt: String(args[0]), buttons: setName(args[1]) };
    if (args.length === 1) return { title: null, prompt: String(args[0]), buttons: "OK" };
    throw this.ctx.fail(`The parameters don't match the method signature for Ui.${method}.`);
  }

  /** The `ask` option's answer, when there is one to ask. */
  #ask(kind: "alert" | "prompt", title: string | null, prompt: string, buttonSet: ButtonSetName) {
    const ask = this.ctx.options.ask;
    return ask ? ask({ kind, title, prompt, buttonSet, buttons: [...BUTTONS_OF[buttonSet]] }) : undefined;
  }

  #answer(queued: ButtonName | undefined, buttons: ButtonSetName): ButtonName {
    const allowed = BUTTONS_OF[buttons];
    if (queued === undefined) return allowed[0] ?? "OK";
    if (queued !== "CLOSE" && !allowed.includes(queued)) {
      throw new Error(
        `The response ${queued} is not a button of ButtonSet.${buttons} (${allowed.join(", ")}, or CLOSE).`,
      );
    }
    return queued;
  }
}

instrument(Menu, "Menu");
instrument(PromptResponse, "PromptResponse");
instrument(Ui, "Ui");
