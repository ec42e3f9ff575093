/** Where `npm run build` writes the prebuilt workflow bundle, relative to the project root. */
export const WORKFLOW_BUNDLE_PATH = 'dist/workflow-bundle.js';
