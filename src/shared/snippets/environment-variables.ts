/**
 * Generated code reads the instance and the key from these environment variables, the names
 * Veza's documentation uses (seed: "export VEZA_TOKEN=...; export VEZA_URL=..."). A key never
 * appears in a snippet.
 */
export const urlVariable = 'VEZA_URL';
export const tokenVariable = 'VEZA_TOKEN';
