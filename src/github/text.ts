// GitHub rejects bodies over its limits with a 422; clipping keeps a write valid and says so.

/** Cuts `text` to at most `max` UTF-16 units, never splitting a surrogate pair, marking the cut. */
export function clip(text: string, max: number, marker = "…"): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - marker.length);
  const last = text.charCodeAt(end - 1);
  if (end > 0 && last >= 0xd800 && last <= 0xdbff) end -= 1;
  return text.slice(0, end) + marker;
}

export const LIMITS = {
  checkSummary: 65_535,
  checkText: 65_535,
  checkTitle: 255,
  commentBody: 65_536,
  deploymentComment: 1024,
  annotationsPerRequest: 50,
} as const;
