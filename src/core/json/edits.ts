import { type FormattingOptions, type JSONPath, modify } from 'jsonc-parser';

export interface TextEdit {
  readonly range: { readonly start: number; readonly end: number };
  readonly newText: string;
}

/** Guesses the document's indentation (tabs or N spaces) and line ending from its text. */
export function detectFormatting(text: string): FormattingOptions {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const match = /\n([ \t]+)\S/.exec(text);
  if (match && match[1].startsWith('\t')) return { insertSpaces: false, tabSize: 4, eol };
  const size = match ? match[1].length : 2;
  return { insertSpaces: true, tabSize: size > 0 && size <= 8 ? size : 2, eol };
}

/**
 * Edits that set the value at `path` (creating missing objects on the way), formatted like the document.
 * Returns [] when the path cannot be edited (e.g. it runs through a non-object value).
 */
export function setValueEdits(text: string, path: JSONPath, value: unknown): TextEdit[] {
  try {
    // A byte-order mark would read as a syntax error; a space keeps every offset the same.
    const source = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
    return modify(source, path, value, { formattingOptions: detectFormatting(text) }).map((e) => ({
      range: { start: e.offset, end: e.offset + e.length },
      newText: e.content,
    }));
  } catch {
    return [];
  }
}

/** A single edit replacing the text between `start` and `end`. */
export function replaceEdit(start: number, end: number, newText: string): TextEdit {
  return { range: { start, end }, newText };
}
