/**
 * HtmlService: HTML outputs and templates built from the project's HTML files (given to
 * createEmulator as htmlFiles). Outputs are recorded when Ui shows them.
 *
 * Templates evaluate scriptlets as Apps Script does: <? code ?>, <?= escaped ?>, <?!= raw ?>,
 * with the template's properties in scope. Once a bundle is loaded, scriptlets run inside its
 * vm context, so they see the bundle's globals as they would in Apps Script.
 */
import { instrument } from "./calls";
import { EnumValue, SandboxMode, XFrameOptionsMode } from "./enums";
import { type EmulatorState, ServiceObject } from "./state";

export class HtmlOutput extends ServiceObject {
  content: string;
  title = "";
  width: number | null = null;
  height: number | null = null;
  faviconUrl: string | null = null;
  sandboxMode = "IFRAME";
  xFrameOptionsMode = "DEFAULT";
  readonly metaTags: { name: string; content: string }[] = [];

  constructor(ctx: EmulatorState, content = "") {
    super(ctx);
    this.content = content;
  }

  getContent(): string {
    return this.content;
  }

  setContent(content: string): HtmlOutput {
    this.content = String(content);
    return this;
  }

  append(addedContent: string): HtmlOutput {
    this.content += String(addedContent);
    return this;
  }

  appendUntrusted(addedContent: string): HtmlOutput {
    this.content += escapeHtml(String(addedContent));
    return this;
  }

  clear(): HtmlOutput {
    this.content = "";
    return this;
  }

  getTitle(): string {
    return this.title;
  }

  setTitle(title: string): HtmlOutput {
    this.title = String(title);
    return this;
  }

  getWidth(): number | null {
    return this.width;
  }

  setWidth(width: number): HtmlOutput {
    this.width = width;
    return this;
  }

  getHeight(): number | null {
    return this.height;
  }

  setHeight(height: number): HtmlOutput {
    this.height = height;
    return this;
  }

  getFaviconUrl(): string | null {
    return this.faviconUrl;
  }

  setFaviconUrl(iconUrl: string): HtmlOutput {
    this.faviconUrl = String(iconUrl);
    return this;
  }

  /** Every mode but IFRAME is deprecated; Apps Script serves IFRAME whatever is asked. */
  setSandboxMode(mode: EnumValue): HtmlOutput {
    this.sandboxMode = mode instanceof EnumValue ? mode.name() : String(mode);
    return this;
  }

  setXFrameOptionsMode(mode: EnumValue): HtmlOutput {
    this.xFrameOptionsMode = mode instanceof EnumValue ? mode.name() : String(mode);
    return this;
  }

  addMetaTag(name: string, content: string): HtmlOutput {
    this.metaTags.push({ name: String(name), content: String(content) });
    return this;
  }
}

export class HtmlTemplate extends ServiceObject {
  readonly #source: string;

  constructor(ctx: EmulatorState, source: string) {
    super(ctx);
    this.#source = source;
  }

  getRawContent(): string {
    return this.#source;
  }

  getCode(): string {
    return templateCode(this.#source);
  }

  evaluate(): HtmlOutput {
    const data: Record<string, unknown> = { ...this.ctx.globals };
    for (const [key, value] of Object.entries(this)) if (key !== "ctx") data[key] = value;
    const render = this.ctx.scriptEval(
      `(function (__data, __escape) { with (__data) { ${templateCode(this.#source)} } })`,
    ) as (data: Record<string, unknown>, escapeText: (v: unknown) => string) => string;
    const html = this.ctx.asScript(() => render(data, (v) => escapeHtml(String(v))));
    return new HtmlOutput(this.ctx, html);
  }
}

export class HtmlService extends ServiceObject {
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;

  createHtmlOutput(html?: string): HtmlOutput {
    return new HtmlOutput(this.ctx, html === undefined || html === null ? "" : String(html));
  }

  createHtmlOutputFromFile(filename: string): HtmlOutput {
    return new HtmlOutput(this.ctx, this.#file(filename));
  }

  createTemplate(html: string): HtmlTemplate {
    return new HtmlTemplate(this.ctx, String(html));
  }

  createTemplateFromFile(filename: string): HtmlTemplate {
    return new HtmlTemplate(this.ctx, this.#file(filename));
  }

  getUserAgent(): string {
    return "Mozilla/5.0 (emulated Apps Script)";
  }

  /** Project files are named without ".html"; Apps Script accepts the name with or without it. */
  #file(filename: string): string {
    const name = String(filename).replace(/\.html$/, "");
    const content = this.ctx.options.htmlFiles[name];
    if (content === undefined) throw this.ctx.fail(`No HTML file named ${name} was found.`);
    return content;
  }
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** Compiles a template to a function body: text is pushed as is, scriptlets become code. */
function templateCode(source: string): string {
  let code = "var __out = [];\n";
  let last = 0;
  for (const m of source.matchAll(/<\?(!=|=)?([\s\S]*?)\?>/g)) {
    code += `__out.push(${JSON.stringify(source.slice(last, m.index))});\n`;
    const body = m[2] ?? "";
    if (m[1] === "=") code += `__out.push(__escape(${body}));\n`;
    else if (m[1] === "!=") code += `__out.push(String(${body}));\n`;
    else code += `${body}\n`;
    last = (m.index ?? 0) + m[0].length;
  }
  code += `__out.push(${JSON.stringify(source.slice(last))});\nreturn __out.join("");`;
  return code;
}

instrument(HtmlOutput, "HtmlOutput");
instrument(HtmlTemplate, "HtmlTemplate");
instrument(HtmlService, "HtmlService");
