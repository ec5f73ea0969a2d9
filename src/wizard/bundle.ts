// Entry of dist/wizard.js: the wizard's panels, flows and checks, loaded by register.ts at first use.
export { createWizardFeature, type WizardFeature } from './feature';
