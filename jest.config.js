/** @type {import('jest').Config} */
export default {
  // jest's node environment with an ordinary global object (test/support/node-environment.js).
  testEnvironment: "<rootDir>/test/support/node-environment.js",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  extensionsToTreatAsEsm: [".ts"],
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  transform: {
    "^.+\\.ts$": [
      "@swc/jest",
      { jsc: { parser: { syntax: "typescript" }, target: "es2022" }, module: { type: "es6" } },
    ],
  },
  globalSetup: "<rootDir>/test/support/scratch-setup.js",
  globalTeardown: "<rootDir>/test/support/scratch-teardown.js",
  reporters: ["default", "<rootDir>/test/support/summary-reporter.js"],
  // A publishing run of the bundled Action takes seconds (Octokit's throttling spaces its writes,
  // issue 12), and a loaded 2-core machine runs several at once: 20 s timed out on such runs.
  testTimeout: 60000,
  // Most tests wait on loopback HTTP and child processes, not the CPU: on a 2-core machine two
  // workers (jest's default would be one) finish the suite sooner.
  maxWorkers: 2,
};
