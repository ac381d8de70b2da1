// Model-based sequences 1–100 (support/model/sequences.ts says what they do and check; `npm test`
// plays the first 10, CI all): split in two files so jest's workers play them side by side.
import { defineModelBasedTests } from "./support/model/sequences.js";

defineModelBasedTests({ firstSeed: 1, sequences: 100 });
