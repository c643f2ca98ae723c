/** The help page "Learn more" opens: one README section, rendered without running anything. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { helpPage } from "../../dev/helpPage.mjs";

const README = `# Project

## Usage

### The sidebar

![A screenshot](docs/sidebar.png)

It **edits** the rubric: \`3\` = 33%.

- Pick a column <script>alert(1)</script>
- See [the format](docs/rubric.md), [the site](https://example.com/x) and [this](javascript:alert(1))

<img src=x onerror=alert(1)>

#### Details

Still the sidebar.

### Rescore

Not the sidebar.
`;

const page = (homepage?: string) =>
  helpPage(README, "The sidebar", { css: "main{padding:0}", anchor: "the-sidebar", homepage });

describe("the help page", () => {
  it("holds the section from its heading, as the page's title, to the next heading of its level", () => {
    const html = page();
    expect(html).toContain("<h1>The sidebar</h1>");
    expect(html).toContain("<strong>edits</strong> the rubric: <code>3</code> = 33%.");
    expect(html).toContain("<h4>Details</h4>");
    expect(html).toContain("Still the sidebar.");
    expect(html).not.toContain("Rescore");
    expect(html).not.toContain("Usage");
    expect(html).toContain("<style>main{padding:0}</style>");
  });

  it("shows raw HTML from the markdown as text and keeps no script, image or javascript: link", () => {
    const html = page();
    expect(html).toContain("Pick a column &#60;script&#62;alert(1)&#60;/script&#62;");
    expect(html).toContain("&#60;img src=x onerror=alert(1)&#62;");
    expect(html).not.toMatch(/<script|<img|javascript:|<p>\s*<\/p>/i);
  });

  it("opens web links in a new tab and leaves a repository path as its text", () => {
    const html = page();
    expect(html).toContain('<a href="https://example.com/x" target="_blank" rel="noopener">the site</a>');
    expect(html).toContain("See the format, ");
    expect(html).toContain("</a> and this</li>");
  });

  it("links to the section on the project's page only when package.json names one", () => {
    expect(page()).not.toContain("project's page");
    expect(page("https://example.com/healthscore#readme")).toContain(
      '<a href="https://example.com/healthscore#the-sidebar" target="_blank" rel="noopener">Read it on the project\'s page</a>',
    );
  });

  it("fails the build with a sentence when the README lost the section", () => {
    expect(() => helpPage("# Other\n", "The sidebar", { css: "", anchor: "x" })).toThrow(
      'README.md has no heading "The sidebar", which the sidebar\'s Learn more shows: put it back or change dev/build.mjs.',
    );
  });

  it("is the README's own sidebar section in the build", () => {
    const built = readFileSync("dist/Help.html", "utf8");
    expect(built).toContain("<h1>The sidebar: Edit rubric</h1>");
    expect(built).not.toMatch(/<script|<img/i);
  });
});
