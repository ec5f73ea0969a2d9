export { decodeJsonBytes } from './decode';
export { reparseJsonDocument } from './incremental';
export { parseJsonDocument, type DuplicateKey, type JsonDocument, type JsonNode, type JsonSyntaxError } from './parse';
export { LineIndex, type LineCharacter } from './line-index';
export { createRawStringOffsetMapper, createStringOffsetMapper, type StringOffsetMapper } from './string-offsets';
export {
  arrayItems,
  booleanValue,
  forEachStringValue,
  keyOf,
  objectEntries,
  propertyNode,
  propertyValue,
  stringValue,
  valueAt,
} from './nodes';
export { detectFormatting, replaceEdit, setValueEdits, type TextEdit } from './edits';
export { findExcessiveNesting, MAX_JSON_DEPTH } from './depth';
export { DEFAULT_MAX_FILE_BYTES, fileErrorMessage, InputFileError, readJsonTextFile } from './read-file';
