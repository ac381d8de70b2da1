// Kept in step with package.json by test/cli/run.test.ts; embedded so the bundle needs no file lookup.
export const VERSION = "0.1.0";
