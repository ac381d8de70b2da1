// GitHub's size limits on what model-approval writes, defined once. GitHub answers 422 to a body
// over its limit, so writers clip to these (and say that they did).

export const GITHUB_LIMITS = {
  checkTitle: 255,
  checkSummary: 65_535,
  checkText: 65_535,
  annotationsPerRequest: 50,
  commentBody: 65_536,
  /** A deployment protection rule's comment. */
  deploymentComment: 1024,
  /** The pull request files API lists at most this many files. */
  pullRequestFiles: 3000,
  /** A comparison (compare API) lists at most this many files. */
  compareFiles: 300,
  /** GitHub does not send webhook payloads above 25 MB. */
  webhookPayloadBytes: 25 * 1024 * 1024,
} as const;

/** Cuts `text` to at most `max` UTF-16 units, never splitting a surrogate pair, marking the cut. */
export function clip(text: string, max: number, marker = "…"): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - marker.length);
  const last = text.charCodeAt(end - 1);
  if (end > 0 && last >= 0xd800 && last <= 0xdbff) end -= 1;
  return text.slice(0, end) + marker;
}
