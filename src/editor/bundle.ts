// Entry of dist/editor.js: the validator and everything the editor does with it, loaded by register.ts at first need.
export { createEditorValidation, type EditorValidation } from './feature';
