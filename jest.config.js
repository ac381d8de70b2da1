/** @type {import('jest').Config} */
export default {
  testEnvironment: "node",
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
  testTimeout: 20000,
  // Most tests wait on loopback HTTP and child processes, not the CPU: on a 2-core machine two
  // workers (jest's default would be one) finish the suite sooner.
  maxWorkers: 2,
};
