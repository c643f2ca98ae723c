// dist/Help.html: what the sidebar's "Learn more" opens, a README section rendered at build time.
//
// HtmlService serves only the project's files, and the add-on may have no public page at all
// (package.json names no "homepage" yet), so the README's own words travel with the add-on: the
// section is cut out of README.md (from its heading to the next heading of the same or a higher
// level) and turned into one self-contained page by marked. The README is ours, but the page must
// not run anything it did not mean to: raw HTML in the markdown is shown as text, never parsed;
// images (repository files Sheets cannot reach) are left out; only http(s) and mailto links stay
// links, opening a new tab, since the dialog's frame cannot navigate itself; a link into the
// repository (docs/architecture.md) stays as its text. The page has no script.
import { Marked } from "marked";

const escapeHtml = (text) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/**
 * @param {string} readme the README's markdown
 * @param {string} heading the section's heading, as written after its #s
 * @param {{ css: string; homepage?: string; anchor: string }} options the page's CSS; the project's
 *   public page, when there is one, linked at the end (at `anchor`, the section's id there)
 * @returns {string} the page
 */
export function helpPage(readme, heading, { css, homepage = "", anchor }) {
  const marked = new Marked({
    gfm: true,
    renderer: {
      html: ({ text }) => escapeHtml(text),
      image: () => "",
      link({ href, tokens }) {
        const text = this.parser.parseInline(tokens);
        return /^(https?:|mailto:)/i.test(href)
          ? `<a href="${escapeHtml(href)}" target="_blank" rel="noopener">${text}</a>`
          : text;
      },
    },
  });
  const tokens = marked.lexer(readme);
  const start = tokens.findIndex((t) => t.type === "heading" && t.text === heading);
  if (start === -1)
    throw new Error(
      `README.md has no heading "${heading}", which the sidebar's Learn more shows: put it back or change dev/build.mjs.`,
    );
  const depth = tokens[start].depth;
  const end = tokens.findIndex((t, i) => i > start && t.type === "heading" && t.depth <= depth);
  // A paragraph of images only (the README's screenshot) would be an empty one: it goes too.
  const pictureOnly = (t) =>
    t.type === "paragraph" && t.tokens.every((x) => x.type === "image" || !x.raw.trim());
  const section = tokens.slice(start, end === -1 ? undefined : end).filter((t) => !pictureOnly(t));
  section[0] = { ...section[0], depth: 1 }; // the page's title
  const body = marked.parser(Object.assign(section, { links: tokens.links }));
  const more = homepage
    ? `<p class="more"><a href="${escapeHtml(`${homepage.replace(/#.*$/, "")}#${anchor}`)}" target="_blank" rel="noopener">Read it on the project's page</a></p>`
    : "";
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(heading)}</title><style>${css}</style></head>
<body><main>
${body}${more}</main></body>
</html>
`;
}
