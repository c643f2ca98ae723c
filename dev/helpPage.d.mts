/** dev/helpPage.mjs: a README section as a self-contained, script-free HTML page. */
export function helpPage(
  readme: string,
  heading: string,
  options: { css: string; homepage?: string; anchor: string },
): string;
