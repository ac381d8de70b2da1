import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair } from "yaml";
import type { Diagnostic, SourceLocation } from "../diagnostics.js";

export type PathSegment = string | number;

/** Where a value sits in the YAML tree: its node, and the key node when it is a mapping value. */
export interface Located {
  node?: Node | null;
  key?: Node | null;
}

/** Maps YAML nodes and data paths back to FILE:LINE:COL. */
export class Locator {
  constructor(
    readonly file: string,
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  atOffset(start: number, end?: number): SourceLocation {
    const from = this.lines.linePos(start);
    const location: SourceLocation = { file: this.file, line: from.line, column: from.col };
    if (end !== undefined && end > start) {
      const to = this.lines.linePos(end);
      location.endLine = to.line;
      location.endColumn = to.col;
    }
    return location;
  }

  atNode(node: Node | null | undefined): SourceLocation {
    const range = node?.range;
    return range ? this.atOffset(range[0], range[1]) : { file: this.file, line: 1, column: 1 };
  }

  private deref(node: unknown): unknown {
    return isAlias(node) ? node.resolve(this.doc) : node;
  }

  /** Finds the node for a data path; stops at the deepest node that exists. */
  find(path: readonly PathSegment[]): Located & { complete: boolean } {
    let node: unknown = this.deref(this.doc.contents);
    let key: Node | null = null;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((p: Pair) => isScalar(p.key) && String(p.key.value) === String(segment));
        if (!pair) return { node: node as Node, key, complete: false };
        key = pair.key as Node;
        node = this.deref(pair.value);
      } else if (isSeq(node)) {
        const item = node.items[Number(segment)];
        if (item === undefined) return { node: node as Node, key, complete: false };
        key = null;
        node = this.deref(item);
      } else {
        return { node: node as Node, key, complete: false };
      }
    }
    return { node: (node as Node | null) ?? key, key, complete: true };
  }

  /** The location of a path's value, falling back to its key (e.g. `key:` with no value). */
  at(path: readonly PathSegment[]): SourceLocation {
    const found = this.find(path);
    // `key:` with nothing after it has an empty node at the line's end; the key is where to look.
    const empty =
      isScalar(found.node) && found.node.value === null && found.node.range?.[0] === found.node.range?.[1];
    return this.atNode(found.node?.range && !empty ? found.node : (found.key ?? found.node));
  }

  /** The location of the key of a mapping entry, for "unknown key" messages. */
  atKey(path: readonly PathSegment[]): SourceLocation {
    const found = this.find(path);
    return this.atNode(found.key ?? found.node);
  }

  error(location: SourceLocation, message: string, hint?: string): Diagnostic {
    const diagnostic: Diagnostic = { ...location, severity: "error", message };
    if (hint) diagnostic.hint = hint;
    return diagnostic;
  }

  /** Offset in the source of a string scalar's first character, for column-accurate messages. */
  stringStart(path: readonly PathSegment[]): number | undefined {
    const { node } = this.find(path);
    if (!isScalar(node) || !node.range) return undefined;
    if (node.type === "BLOCK_LITERAL" || node.type === "BLOCK_FOLDED") return undefined;
    const quoted = node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE";
    return node.range[0] + (quoted ? 1 : 0);
  }
}
