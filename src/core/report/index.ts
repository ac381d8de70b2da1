export { renderMarkdown, COMMENT_MARKER, type MarkdownOptions } from "./markdown.js";
export { renderText } from "./text.js";
export { renderJsonReport, toJsonReport, REPORT_SCHEMA_VERSION } from "./json.js";
export { renderMermaid } from "./mermaid.js";
export { renderCheckRunOutput, type CheckRunOutput } from "./check-run.js";
