// The fake GitHub API grew into the local GitHub that `npm start` ships: src/local-github.
export * from "../../../src/local-github/index.js";
