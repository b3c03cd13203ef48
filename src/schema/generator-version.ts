/**
 * Version of the schema generator (scripts/gen-schema.ts and `iacjudge schema import`). Bump it whenever the
 * artifact content would change for the same input; a test checks the committed artifact records this value,
 * which proves the artifact was regenerated rather than edited by hand.
 */
export const GENERATOR_VERSION = '1.2.0';
