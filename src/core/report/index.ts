export { renderMarkdown, COMMENT_MARKER, GITHUB_COMMENT_LIMIT, type MarkdownOptions } from "./markdown.js";
export { renderText } from "./text.js";
export { renderJsonReport, toJsonReport, REPORT_SCHEMA_VERSION } from "./json.js";
export { renderMermaid } from "./mermaid.js";
export { renderCheckRunOutput, type CheckRunOutput } from "./check-run.js";
export { encodeSnapshot, decodeSnapshot, type Snapshot } from "./snapshot.js";
