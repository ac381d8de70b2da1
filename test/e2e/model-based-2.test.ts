// Model-based sequences 101–200 (support/model/sequences.ts says what they do and check; `npm test`
// plays the first 10, CI all): split in two files so jest's workers play them side by side.
import { defineModelBasedTests } from "./support/model/sequences.js";

defineModelBasedTests({ firstSeed: 101, sequences: 100 });
