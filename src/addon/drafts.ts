/**
 * The sidebar's unsaved edits, kept so that closing the sidebar (or the tab) loses nothing: the
 * draft's JSON text in the user's properties, one draft per spreadsheet.
 *
 * Why user properties rather than the browser's storage: they are per user by construction (the
 * same person on another computer gets the draft back; a collaborator never sees it), while the
 * sidebar's sandboxed frame has one origin for every spreadsheet and browsers may refuse or
 * partition its storage; and the server can see them, so the menu's Rescore can say that the
 * sidebar holds unsaved edits. User properties are shared by every document the user runs the
 * add-on in, so each key names the spreadsheet.
 *
 * Limits (Quotas for Google Services): 9 KB per value, 500 KB per store. A draft is cut into
 * pieces of at most CHUNK_BYTES of UTF-8 and written with one setProperties call; a draft larger
 * than MAX_DRAFT_CHARS (no rubric is) is refused in a sentence.
 */

/** Under the documented 9 KB per value, with room to spare (the limit counts bytes). */
export const CHUNK_BYTES = 8_000;
/** 60 pieces, under the 500 KB a user's store holds with other spreadsheets' drafts beside it. */
export const MAX_DRAFT_CHARS = 120_000;

const PREFIX = "healthscore.draft.";

/** `text` cut into pieces of at most `maxBytes` of UTF-8 each, never inside a character. */
export function utf8Chunks(text: string, maxBytes: number): string[] {
  const chunks: string[] = [];
  let start = 0;
  let bytes = 0;
  let i = 0;
  // A string iterates by code point: an emoji is one step of two UTF-16 units.
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    const width = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    if (bytes + width > maxBytes) {
      chunks.push(text.slice(start, i));
      start = i;
      bytes = 0;
    }
    bytes += width;
    i += char.length;
  }
  // The last piece: never empty, except that the empty text is one empty piece.
  chunks.push(text.slice(start));
  return chunks;
}

const headKey = (ss: GoogleAppsScript.Spreadsheet.Spreadsheet) => `${PREFIX}${ss.getId()}`;

/** The kept draft of this spreadsheet for the current user, or null. */
export function readDraft(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string | null {
  const props = PropertiesService.getUserProperties();
  const head = props.getProperty(headKey(ss));
  if (head === null) return null;
  const all = props.getProperties();
  const parts: string[] = [];
  for (let i = 0; i < Number(head); i++) {
    const part = all[`${headKey(ss)}.${i}`];
    if (part === undefined) return null; // a draft half written is no draft
    parts.push(part);
  }
  return parts.join("");
}

/** Keeps `text` as this spreadsheet's draft for the current user; null forgets it. */
export function keepDraft(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, text: string | null): void {
  if (text !== null && typeof text !== "string") throw new Error("A draft is kept as JSON text.");
  if (text !== null && text.length > MAX_DRAFT_CHARS) {
    throw new Error(
      `Your unsaved edits are too large to keep for when the sidebar reopens (${text.length} characters): save the rubric to keep them.`,
    );
  }
  const props = PropertiesService.getUserProperties();
  const key = headKey(ss);
  const before = Number(props.getProperty(key) ?? 0);
  const chunks = text === null ? [] : utf8Chunks(text, CHUNK_BYTES);
  if (text === null) props.deleteProperty(key);
  else {
    const values: Record<string, string> = { [key]: String(chunks.length) };
    chunks.forEach((chunk, i) => {
      values[`${key}.${i}`] = chunk;
    });
    try {
      props.setProperties(values);
    } catch (_full) {
      // The store is full (500 KB): other spreadsheets' forgotten drafts go first, then once more.
      for (const k of props.getKeys())
        if (k.startsWith(PREFIX) && k !== key && !k.startsWith(`${key}.`)) props.deleteProperty(k);
      props.setProperties(values);
    }
  }
  // Stryker disable next-line EqualityOperator: deleting the one property past the old draft's last piece, which is not there, does nothing
  for (let i = chunks.length; i < before; i++) props.deleteProperty(`${key}.${i}`);
}
