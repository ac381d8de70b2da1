#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  MetricsFormatError,
  formatLocated,
  isTensorboardEventFile,
  parseNumberText,
  refuseLfsPointer,
  textChunks,
  withFirst
} from "./chunks/chunk-OZM6T3MU.js";
import {
  cellOfPath,
  fileBytesReader,
  fileTextChunks,
  predictionValues,
  useResampleWorker
} from "./chunks/chunk-DWLFLQCB.js";
import {
  setOwnKey
} from "./chunks/chunk-EVBKJU2M.js";
import {
  GateError,
  GitHubError,
  describeError,
  failureOf,
  isForbidden,
  isNotFound,
  reading
} from "./chunks/chunk-PWOFXFLU.js";
import {
  __commonJS,
  __require,
  __toESM
} from "./chunks/chunk-EACAFJQG.js";

// node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "node_modules/yaml/dist/nodes/identity.js"(exports) {
    "use strict";
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
    var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
    var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
    var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
    var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
    var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
    var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
    var isAlias3 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
    var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
    var isMap3 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
    var isPair = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
    var isScalar4 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
    var isSeq3 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
    function isCollection(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case MAP:
          case SEQ:
            return true;
        }
      return false;
    }
    function isNode(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case ALIAS:
          case MAP:
          case SCALAR:
          case SEQ:
            return true;
        }
      return false;
    }
    var hasAnchor = (node) => (isScalar4(node) || isCollection(node)) && !!node.anchor;
    exports.ALIAS = ALIAS;
    exports.DOC = DOC;
    exports.MAP = MAP;
    exports.NODE_TYPE = NODE_TYPE;
    exports.PAIR = PAIR;
    exports.SCALAR = SCALAR;
    exports.SEQ = SEQ;
    exports.hasAnchor = hasAnchor;
    exports.isAlias = isAlias3;
    exports.isCollection = isCollection;
    exports.isDocument = isDocument;
    exports.isMap = isMap3;
    exports.isNode = isNode;
    exports.isPair = isPair;
    exports.isScalar = isScalar4;
    exports.isSeq = isSeq3;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/yaml/dist/visit.js"(exports) {
    "use strict";
    var identity = require_identity();
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit2(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        visit_(null, node, visitor_, Object.freeze([]));
    }
    visit2.BREAK = BREAK;
    visit2.SKIP = SKIP;
    visit2.REMOVE = REMOVE;
    function visit_(key, node, visitor, path) {
      const ctrl = callVisitor(key, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = visit_(i, node.items[i], visitor, path);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = visit_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = visit_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    async function visitAsync(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key, node, visitor, path) {
      const ctrl = await callVisitor(key, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = await visitAsync_(i, node.items[i], visitor, path);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = await visitAsync_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
          Alias: visitor.Node,
          Map: visitor.Node,
          Scalar: visitor.Node,
          Seq: visitor.Node
        }, visitor.Value && {
          Map: visitor.Value,
          Scalar: visitor.Value,
          Seq: visitor.Value
        }, visitor.Collection && {
          Map: visitor.Collection,
          Seq: visitor.Collection
        }, visitor);
      }
      return visitor;
    }
    function callVisitor(key, node, visitor, path) {
      if (typeof visitor === "function")
        return visitor(key, node, path);
      if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
      if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
      if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
      if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
      if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
      return void 0;
    }
    function replaceNode(key, path, node) {
      const parent = path[path.length - 1];
      if (identity.isCollection(parent)) {
        parent.items[key] = node;
      } else if (identity.isPair(parent)) {
        if (key === "key")
          parent.key = node;
        else
          parent.value = node;
      } else if (identity.isDocument(parent)) {
        parent.contents = node;
      } else {
        const pt = identity.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
      }
    }
    exports.visit = visit2;
    exports.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/yaml/dist/doc/directives.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit2 = require_visit();
    var escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    };
    var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
    var Directives = class _Directives {
      constructor(yaml, tags) {
        this.docStart = null;
        this.docEnd = false;
        this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, _Directives.defaultTags, tags);
      }
      clone() {
        const copy = new _Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        const res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = true;
            break;
          case "1.2":
            this.atNextDocument = false;
            this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            };
            this.tags = Object.assign({}, _Directives.defaultTags);
            break;
        }
        return res;
      }
      /**
       * @param onError - May be called even if the action was successful
       * @returns `true` on success
       */
      add(line, onError) {
        if (this.atNextDocument) {
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
          case "%TAG": {
            if (parts.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts.length < 2)
                return false;
            }
            const [handle, prefix] = parts;
            this.tags[handle] = prefix;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version] = parts;
            if (version === "1.1" || version === "1.2") {
              this.yaml.version = version;
              return true;
            } else {
              const isValid = /^\d+\.\d+$/.test(version);
              onError(6, `Unsupported YAML version ${version}`, isValid);
              return false;
            }
          }
          default:
            onError(0, `Unknown directive ${name}`, true);
            return false;
        }
      }
      /**
       * Resolves a tag, matching handles to those defined in %TAG directives.
       *
       * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
       *   `'!local'` tag, or `null` if unresolvable.
       */
      tagName(source, onError) {
        if (source === "!")
          return "!";
        if (source[0] !== "!") {
          onError(`Not a valid tag: ${source}`);
          return null;
        }
        if (source[1] === "<") {
          const verbatim = source.slice(2, -1);
          if (verbatim === "!" || verbatim === "!!") {
            onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
            return null;
          }
          if (source[source.length - 1] !== ">")
            onError("Verbatim tags must end with a >");
          return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error) {
            onError(String(error));
            return null;
          }
        }
        if (handle === "!")
          return source;
        onError(`Could not resolve tag: ${source}`);
        return null;
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
          if (tag.startsWith(prefix))
            return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
          const tags = {};
          visit2.visit(doc.contents, (_key, node) => {
            if (identity.isNode(node) && node.tag)
              tags[node.tag] = true;
          });
          tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (const [handle, prefix] of tagEntries) {
          if (handle === "!!" && prefix === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
            lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join("\n");
      }
    };
    Directives.defaultYaml = { explicit: false, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports.Directives = Directives;
  }
});

// node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "node_modules/yaml/dist/doc/anchors.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit2 = require_visit();
    function anchorIsValid(anchor) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
      }
      return true;
    }
    function anchorNames(root) {
      const anchors = /* @__PURE__ */ new Set();
      visit2.visit(root, {
        Value(_key, node) {
          if (node.anchor)
            anchors.add(node.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix, exclude) {
      for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
          return name;
      }
    }
    function createNodeAnchors(doc, prefix) {
      const aliasObjects = [];
      const sourceObjects = /* @__PURE__ */ new Map();
      let prevAnchors = null;
      return {
        onAnchor: (source) => {
          aliasObjects.push(source);
          prevAnchors ?? (prevAnchors = anchorNames(doc));
          const anchor = findNewAnchor(prefix, prevAnchors);
          prevAnchors.add(anchor);
          return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
          for (const source of aliasObjects) {
            const ref = sourceObjects.get(source);
            if (typeof ref === "object" && ref.anchor && (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
              ref.node.anchor = ref.anchor;
            } else {
              const error = new Error("Failed to resolve repeated object (this should not happen)");
              error.source = source;
              throw error;
            }
          }
        },
        sourceObjects
      };
    }
    exports.anchorIsValid = anchorIsValid;
    exports.anchorNames = anchorNames;
    exports.createNodeAnchors = createNodeAnchors;
    exports.findNewAnchor = findNewAnchor;
  }
});

// node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "node_modules/yaml/dist/doc/applyReviver.js"(exports) {
    "use strict";
    function applyReviver(reviver2, obj, key, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i = 0, len = val.length; i < len; ++i) {
            const v0 = val[i];
            const v1 = applyReviver(reviver2, val, String(i), v0);
            if (v1 === void 0)
              delete val[i];
            else if (v1 !== v0)
              val[i] = v1;
          }
        } else if (val instanceof Map) {
          for (const k of Array.from(val.keys())) {
            const v0 = val.get(k);
            const v1 = applyReviver(reviver2, val, k, v0);
            if (v1 === void 0)
              val.delete(k);
            else if (v1 !== v0)
              val.set(k, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver2, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver2, val, k, v0);
            if (v1 === void 0)
              delete val[k];
            else if (v1 !== v0)
              val[k] = v1;
          }
        }
      }
      return reviver2.call(obj, key, val);
    }
    exports.applyReviver = applyReviver;
  }
});

// node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "node_modules/yaml/dist/nodes/toJS.js"(exports) {
    "use strict";
    var identity = require_identity();
    function toJS(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
      if (value && typeof value.toJSON === "function") {
        if (!ctx || !identity.hasAnchor(value))
          return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value === "bigint" && !ctx?.keep)
        return Number(value);
      return value;
    }
    exports.toJS = toJS;
  }
});

// node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "node_modules/yaml/dist/nodes/Node.js"(exports) {
    "use strict";
    var applyReviver = require_applyReviver();
    var identity = require_identity();
    var toJS = require_toJS();
    var NodeBase = class {
      constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
      }
      /** Create a copy of this node.  */
      clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** A plain JavaScript representation of this node. */
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver: reviver2 } = {}) {
        if (!identity.isDocument(doc))
          throw new TypeError("A document argument is required");
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: true,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver2 === "function" ? applyReviver.applyReviver(reviver2, { "": res }, "", res) : res;
      }
    };
    exports.NodeBase = NodeBase;
  }
});

// node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "node_modules/yaml/dist/nodes/Alias.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var visit2 = require_visit();
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node.NodeBase {
      constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        if (ctx?.aliasResolveCache) {
          nodes = ctx.aliasResolveCache;
        } else {
          nodes = [];
          visit2.visit(doc, {
            Node: (_key, node) => {
              if (identity.isAlias(node) || identity.hasAnchor(node))
                nodes.push(node);
            }
          });
          if (ctx)
            ctx.aliasResolveCache = nodes;
        }
        let found = void 0;
        for (const node of nodes) {
          if (node === this)
            break;
          if (node.anchor === this.source)
            found = node;
        }
        if (found && ctx) {
          const { anchors: anchors2, doc: doc2, maxAliasCount } = ctx;
          let data = anchors2.get(found);
          if (!data) {
            toJS.toJS(found, null, ctx);
            data = anchors2.get(found);
          }
          if (data?.res === void 0) {
            const msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0) {
            data.count += 1;
            if (data.aliasCount === 0)
              data.aliasCount = getAliasCount(doc2, found, anchors2);
            if (data.count * data.aliasCount > maxAliasCount) {
              const msg = "Excessive alias count indicates a resource exhaustion attack";
              throw new ReferenceError(msg);
            }
          }
        }
        return found;
      }
      toJSON(_arg, ctx) {
        if (!ctx)
          return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
          const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
          throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
      }
      toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
          anchors.anchorIsValid(this.source);
          if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new Error(msg);
          }
          if (ctx.implicitKey)
            return `${src} `;
        }
        return src;
      }
    };
    function getAliasCount(doc, node, anchors2) {
      if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors2 && source && anchors2.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
      } else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
          const c = getAliasCount(doc, item, anchors2);
          if (c > count)
            count = c;
        }
        return count;
      } else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors2);
        const vc = getAliasCount(doc, node.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports.Alias = Alias;
  }
});

// node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "node_modules/yaml/dist/nodes/Scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
    var Scalar = class extends Node.NodeBase {
      constructor(value) {
        super(identity.SCALAR);
        this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar.PLAIN = "PLAIN";
    Scalar.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports.Scalar = Scalar;
    exports.isScalarValue = isScalarValue;
  }
});

// node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "node_modules/yaml/dist/doc/createNode.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value, tagName, tags) {
      if (tagName) {
        const match = tags.filter((t) => t.tag === tagName);
        const tagObj = match.find((t) => !t.format) ?? match[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t) => t.identify?.(value) && !t.format);
    }
    function createNode(value, tagName, ctx) {
      if (identity.isDocument(value))
        value = value.contents;
      if (identity.isNode(value))
        return value;
      if (identity.isPair(value)) {
        const map2 = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map2.items.push(value);
        return map2;
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
        value = value.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
      let ref = void 0;
      if (aliasDuplicateObjects && value && typeof value === "object") {
        ref = sourceObjects.get(value);
        if (ref) {
          ref.anchor ?? (ref.anchor = onAnchor(value));
          return new Alias.Alias(ref.anchor);
        } else {
          ref = { anchor: null, node: null };
          sourceObjects.set(value, ref);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value, tagName, schema.tags);
      if (!tagObj) {
        if (value && typeof value.toJSON === "function") {
          value = value.toJSON();
        }
        if (!value || typeof value !== "object") {
          const node2 = new Scalar.Scalar(value);
          if (ref)
            ref.node = node2;
          return node2;
        }
        tagObj = value instanceof Map ? schema[identity.MAP] : Symbol.iterator in Object(value) ? schema[identity.SEQ] : schema[identity.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar.Scalar(value);
      if (tagName)
        node.tag = tagName;
      else if (!tagObj.default)
        node.tag = tagObj.tag;
      if (ref)
        ref.node = node;
      return node;
    }
    exports.createNode = createNode;
  }
});

// node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "node_modules/yaml/dist/nodes/Collection.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var identity = require_identity();
    var Node = require_Node();
    function collectionFromPath(schema, path, value) {
      let v = value;
      for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v;
          v = a;
        } else {
          v = /* @__PURE__ */ new Map([[k, v]]);
        }
      }
      return createNode.createNode(v, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path) => path == null || typeof path === "object" && !!path[Symbol.iterator]().next().done;
    var Collection = class extends Node.NodeBase {
      constructor(type, schema) {
        super(type);
        Object.defineProperty(this, "schema", {
          value: schema,
          configurable: true,
          enumerable: false,
          writable: true
        });
      }
      /**
       * Create a copy of this collection.
       *
       * @param schema - If defined, overwrites the original's schema
       */
      clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
          copy.schema = schema;
        copy.items = copy.items.map((it) => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path, value) {
        if (isEmptyPath(path))
          this.add(value);
        else {
          const [key, ...rest] = path;
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.addIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
          return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
          return node.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
          return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
          return identity.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity.isPair(node))
            return false;
          const n = node.value;
          return n == null || allowScalar && identity.isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
          return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
          this.set(key, value);
        } else {
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.setIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
    };
    exports.Collection = Collection;
    exports.collectionFromPath = collectionFromPath;
    exports.isEmptyPath = isEmptyPath;
  }
});

// node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyComment.js"(exports) {
    "use strict";
    var stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment, indent) {
      if (/^\n+$/.test(comment))
        return comment.substring(1);
      return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
    }
    var lineComment = (str, indent, comment) => str.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str.endsWith(" ") ? "" : " ") + comment;
    exports.indentComment = indentComment;
    exports.lineComment = lineComment;
    exports.stringifyComment = stringifyComment;
  }
});

// node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "node_modules/yaml/dist/stringify/foldFlowLines.js"(exports) {
    "use strict";
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    function foldFlowLines(text2, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text2;
      if (lineWidth < minContentWidth)
        minContentWidth = 0;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
      if (text2.length <= endStep)
        return text2;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split = void 0;
      let prev = void 0;
      let overflow = false;
      let i = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text2, i, indent.length);
        if (i !== -1)
          end = i + endStep;
      }
      for (let ch; ch = text2[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i;
          switch (text2[i + 1]) {
            case "x":
              i += 3;
              break;
            case "u":
              i += 5;
              break;
            case "U":
              i += 9;
              break;
            default:
              i += 1;
          }
          escEnd = i;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i = consumeMoreIndentedLines(text2, i, indent.length);
          end = i + indent.length + endStep;
          split = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text2[i + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split = i;
          }
          if (i >= end) {
            if (split) {
              folds.push(split);
              end = split + endStep;
              split = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text2[i += 1];
                overflow = true;
              }
              const j = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j])
                return text2;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow)
        onOverflow();
      if (folds.length === 0)
        return text2;
      if (onFold)
        onFold();
      let res = text2.slice(0, folds[0]);
      for (let i2 = 0; i2 < folds.length; ++i2) {
        const fold = folds[i2];
        const end2 = folds[i2 + 1] || text2.length;
        if (fold === 0)
          res = `
${indent}${text2.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold])
            res += `${text2[fold]}\\`;
          res += `
${indent}${text2.slice(fold + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text2, i, indent) {
      let end = i;
      let start = i + 1;
      let ch = text2[start];
      while (ch === " " || ch === "	") {
        if (i < start + indent) {
          ch = text2[++i];
        } else {
          do {
            ch = text2[++i];
          } while (ch && ch !== "\n");
          end = i;
          start = i + 1;
          ch = text2[start];
        }
      }
      return end;
    }
    exports.FOLD_BLOCK = FOLD_BLOCK;
    exports.FOLD_FLOW = FOLD_FLOW;
    exports.FOLD_QUOTED = FOLD_QUOTED;
    exports.foldFlowLines = foldFlowLines;
  }
});

// node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyString.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    });
    var containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
    function lineLengthOverLimit(str, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str.length;
      if (strLen <= limit)
        return false;
      for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === "\n") {
          if (i - start > limit)
            return true;
          start = i + 1;
          if (strLen - start <= limit)
            return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value, ctx) {
      const json = JSON.stringify(value);
      if (ctx.options.doubleQuotedAsJSON)
        return json;
      const { implicitKey } = ctx;
      const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str = "";
      let start = 0;
      for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
          str += json.slice(start, i) + "\\ ";
          i += 1;
          start = i;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json[i + 1]) {
            case "u":
              {
                str += json.slice(start, i);
                const code2 = json.substr(i + 2, 4);
                switch (code2) {
                  case "0000":
                    str += "\\0";
                    break;
                  case "0007":
                    str += "\\a";
                    break;
                  case "000b":
                    str += "\\v";
                    break;
                  case "001b":
                    str += "\\e";
                    break;
                  case "0085":
                    str += "\\N";
                    break;
                  case "00a0":
                    str += "\\_";
                    break;
                  case "2028":
                    str += "\\L";
                    break;
                  case "2029":
                    str += "\\P";
                    break;
                  default:
                    if (code2.substr(0, 2) === "00")
                      str += "\\x" + code2.substr(2);
                    else
                      str += json.substr(i, 6);
                }
                i += 5;
                start = i + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
                i += 1;
              } else {
                str += json.slice(start, i) + "\n\n";
                while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
                  str += "\n";
                  i += 2;
                }
                str += indent;
                if (json[i + 2] === " ")
                  str += "\\";
                i += 1;
                start = i + 1;
              }
              break;
            default:
              i += 1;
          }
      }
      str = start ? str + json.slice(start) : json;
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
        return doubleQuotedString(value, ctx);
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function quotedString(value, ctx) {
      const { singleQuote } = ctx.options;
      let qs;
      if (singleQuote === false)
        qs = doubleQuotedString;
      else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
          qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
          qs = doubleQuotedString;
        else
          qs = singleQuote ? singleQuotedString : doubleQuotedString;
      }
      return qs(value, ctx);
    }
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
      }
      const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const literal = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar.Scalar.BLOCK_FOLDED ? false : type === Scalar.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
      if (!value)
        return literal ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
      }
      const indentSize = indent ? "2" : "1";
      let header = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal) {
        const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header}
${indent}${body}`;
      }
      value = value.replace(/\n+/g, `$&${indent}`);
      return `|${header}
${indent}${start}${value}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value } = item;
      const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
      if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
        return quotedString(value, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== Scalar.Scalar.PLAIN && value.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value)) {
        if (indent === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent === indentStep) {
          return quotedString(value, ctx);
        }
      }
      const str = value.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value, ctx);
      }
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const { implicitKey, inFlow } = ctx;
      const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type } = item;
      if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
          type = Scalar.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = (_type) => {
        switch (_type) {
          case Scalar.Scalar.BLOCK_FOLDED:
          case Scalar.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
          case Scalar.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss.value, ctx);
          case Scalar.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss.value, ctx);
          case Scalar.Scalar.PLAIN:
            return plainString(ss, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      let res = _stringify(type);
      if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t);
        if (res === null)
          throw new Error(`Unsupported default string type ${t}`);
      }
      return res;
    }
    exports.stringifyString = stringifyString;
  }
});

// node_modules/yaml/dist/stringify/stringify.js
var require_stringify = __commonJS({
  "node_modules/yaml/dist/stringify/stringify.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var identity = require_identity();
    var stringifyComment = require_stringifyComment();
    var stringifyString = require_stringifyString();
    function createStringifyContext(doc, options) {
      const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: "true",
        verifyAliasOrder: true
      }, doc.schema.toStringOptions, options);
      let inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = false;
          break;
        case "flow":
          inFlow = true;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    function getTagObject(tags, item) {
      if (item.tag) {
        const match = tags.filter((t) => t.tag === item.tag);
        if (match.length > 0)
          return match.find((t) => t.format === item.format) ?? match[0];
      }
      let tagObj = void 0;
      let obj;
      if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter((t) => t.identify?.(obj));
        if (match.length > 1) {
          const testMatch = match.filter((t) => t.test);
          if (testMatch.length > 0)
            match = testMatch;
        }
        tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
      } else {
        obj = item;
        tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
      }
      if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      const props = [];
      const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
      if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
      }
      const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
      if (tag)
        props.push(doc.directives.tagString(tag));
      return props.join(" ");
    }
    function stringify(item, ctx, onComment, onChompKeep) {
      if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
          throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        } else {
          if (ctx.resolvedAliases)
            ctx.resolvedAliases.add(item);
          else
            ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
          item = item.resolve(ctx.doc);
        }
      }
      let tagObj = void 0;
      const node = identity.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      const props = stringifyProps(node, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str;
      return identity.isScalar(node) || str[0] === "{" || str[0] === "[" ? `${props} ${str}` : `${props}
${ctx.indent}${str}`;
    }
    exports.createStringifyContext = createStringifyContext;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyPair.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity.isNode(key) && key.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity.isCollection(key) || !identity.isNode(key) && typeof key === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key || keyComment && value == null && !ctx.inFlow || identity.isCollection(key) || (identity.isScalar(key) ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL : typeof key === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str = stringify.stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str === "" ? "?" : explicitKey ? `? ${str}` : str;
        }
      } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}
${indent}:`;
      } else {
        str = `${str}:`;
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === "object")
          value = doc.createNode(value);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity.isSeq(value) && !value.flow && !value.tag && !value.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify.stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws = " ";
      if (keyComment || vsb || vcb) {
        ws = vsb ? "\n" : "";
        if (vcb) {
          const cs = commentString(vcb);
          ws += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws === "\n" && valueComment)
            ws = "\n\n";
        } else {
          ws += `
${ctx.indent}`;
        }
      } else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = false;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
              sp0 = valueStr.indexOf(" ", sp0 + 1);
            }
            if (sp0 === -1 || nl0 < sp0)
              hasPropsLine = true;
          }
          if (!hasPropsLine)
            ws = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws = "";
      }
      str += ws + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str;
    }
    exports.stringifyPair = stringifyPair;
  }
});

// node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "node_modules/yaml/dist/log.js"(exports) {
    "use strict";
    var node_process = __require("process");
    function debug(logLevel, ...messages) {
      if (logLevel === "debug")
        console.log(...messages);
    }
    function warn(logLevel, warning) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning);
        else
          console.warn(warning);
      }
    }
    exports.debug = debug;
    exports.warn = warn;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var MERGE_KEY = "<<";
    var merge = {
      identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    };
    var isMergeKey = (ctx, key) => (merge.identify(key) || identity.isScalar(key) && (!key.type || key.type === Scalar.Scalar.PLAIN) && merge.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge.tag && tag.default);
    function addMergeToJSMap(ctx, map2, value) {
      const source = resolveAliasValue(ctx, value);
      if (identity.isSeq(source))
        for (const it of source.items)
          mergeValue(ctx, map2, it);
      else if (Array.isArray(source))
        for (const it of source)
          mergeValue(ctx, map2, it);
      else
        mergeValue(ctx, map2, source);
    }
    function mergeValue(ctx, map2, value) {
      const source = resolveAliasValue(ctx, value);
      if (!identity.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source.toJSON(null, ctx, Map);
      for (const [key, value2] of srcMap) {
        if (map2 instanceof Map) {
          if (!map2.has(key))
            map2.set(key, value2);
        } else if (map2 instanceof Set) {
          map2.add(key);
        } else if (!Object.prototype.hasOwnProperty.call(map2, key)) {
          Object.defineProperty(map2, key, {
            value: value2,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
      return map2;
    }
    function resolveAliasValue(ctx, value) {
      return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
    }
    exports.addMergeToJSMap = addMergeToJSMap;
    exports.isMergeKey = isMergeKey;
    exports.merge = merge;
  }
});

// node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports) {
    "use strict";
    var log = require_log();
    var merge = require_merge();
    var stringify = require_stringify();
    var identity = require_identity();
    var toJS = require_toJS();
    function addPairToJSMap(ctx, map2, { key, value }) {
      if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map2, value);
      else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map2, value);
      else {
        const jsKey = toJS.toJS(key, "", ctx);
        if (map2 instanceof Map) {
          map2.set(jsKey, toJS.toJS(value, jsKey, ctx));
        } else if (map2 instanceof Set) {
          map2.add(jsKey);
        } else {
          const stringKey = stringifyKey(key, jsKey, ctx);
          const jsValue = toJS.toJS(value, stringKey, ctx);
          if (stringKey in map2)
            Object.defineProperty(map2, stringKey, {
              value: jsValue,
              writable: true,
              enumerable: true,
              configurable: true
            });
          else
            map2[stringKey] = jsValue;
        }
      }
      return map2;
    }
    function stringifyKey(key, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          if (jsonStr.length > 40)
            jsonStr = jsonStr.substring(0, 36) + '..."';
          log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
          ctx.mapKeyWarned = true;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports.addPairToJSMap = addPairToJSMap;
  }
});

// node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "node_modules/yaml/dist/nodes/Pair.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity = require_identity();
    function createPair(key, value, ctx) {
      const k = createNode.createNode(key, void 0, ctx);
      const v = createNode.createNode(value, void 0, ctx);
      return new Pair(k, v);
    }
    var Pair = class _Pair {
      constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
      }
      clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
          key = key.clone(schema);
        if (identity.isNode(value))
          value = value.clone(schema);
        return new _Pair(key, value);
      }
      toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports.Pair = Pair;
    exports.createPair = createPair;
  }
});

// node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyCollection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options) {
      const flow = ctx.inFlow ?? collection.flow;
      const stringify2 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify2(collection, ctx, options);
    }
    function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment2 = null;
        if (identity.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str2 = stringify.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
        if (comment2)
          str2 += stringifyComment.lineComment(str2, itemIndent, commentString(comment2));
        if (chompKeep && comment2)
          chompKeep = false;
        lines.push(blockItemPrefix + str2);
      }
      let str;
      if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
      } else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
          const line = lines[i];
          str += line ? `
${indent}${line}` : "\n";
        }
      }
      if (comment) {
        str += "\n" + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
        onChompKeep();
      return str;
    }
    function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
      const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep;
      const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
      });
      let reqNewline = false;
      let linesAtValue = 0;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
          if (item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, false);
          if (item.comment)
            comment = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, false);
            if (ik.comment)
              reqNewline = true;
          }
          const iv = identity.isNode(item.value) ? item.value : null;
          if (iv) {
            if (iv.comment)
              comment = iv.comment;
            if (iv.commentBefore)
              reqNewline = true;
          } else if (item.value == null && ik?.comment) {
            comment = ik.comment;
          }
        }
        if (comment)
          reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes("\n"));
        if (i < items.length - 1) {
          str += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) + (str.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str += ",";
          }
        }
        if (comment)
          str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
      }
      const { start, end } = flowChars;
      if (lines.length === 0) {
        return start + end;
      } else {
        if (!reqNewline) {
          const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str = start;
          for (const line of lines)
            str += line ? `
${indentStep}${indent}${line}` : "\n";
          return `${str}
${indent}${end}`;
        } else {
          return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
      if (comment && chompKeep)
        comment = comment.replace(/^\n+/, "");
      if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart());
      }
    }
    exports.stringifyCollection = stringifyCollection;
  }
});

// node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLMap.js"(exports) {
    "use strict";
    var stringifyCollection = require_stringifyCollection();
    var addPairToJSMap = require_addPairToJSMap();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    function findPair(items, key) {
      const k = identity.isScalar(key) ? key.value : key;
      for (const it of items) {
        if (identity.isPair(it)) {
          if (it.key === key || it.key === k)
            return it;
          if (identity.isScalar(it.key) && it.key.value === k)
            return it;
        }
      }
      return void 0;
    }
    var YAMLMap = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema, obj, ctx) {
        const { keepUndefined, replacer: replacer2 } = ctx;
        const map2 = new this(schema);
        const add2 = (key, value) => {
          if (typeof replacer2 === "function")
            value = replacer2.call(obj, key, value);
          else if (Array.isArray(replacer2) && !replacer2.includes(key))
            return;
          if (value !== void 0 || keepUndefined)
            map2.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
          for (const [key, value] of obj)
            add2(key, value);
        } else if (obj && typeof obj === "object") {
          for (const key of Object.keys(obj))
            add2(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === "function") {
          map2.items.sort(schema.sortMapEntries);
        }
        return map2;
      }
      /**
       * Adds a value to the collection.
       *
       * @param overwrite - If not set `true`, using a key that is already in the
       *   collection will throw. Otherwise, overwrites the previous value.
       */
      add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
          _pair = pair;
        else if (!pair || typeof pair !== "object" || !("key" in pair)) {
          _pair = new Pair.Pair(pair, pair?.value);
        } else
          _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i === -1)
            this.items.push(_pair);
          else
            this.items.splice(i, 0, _pair);
        } else {
          this.items.push(_pair);
        }
      }
      delete(key) {
        const it = findPair(this.items, key);
        if (!it)
          return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? void 0;
      }
      has(key) {
        return !!findPair(this.items, key);
      }
      set(key, value) {
        this.add(new Pair.Pair(key, value), true);
      }
      /**
       * @param ctx - Conversion context, originally set in Document#toJS()
       * @param {Class} Type - If set, forces the returned collection type
       * @returns Instance of Type, Map, or Object
       */
      toJSON(_, ctx, Type) {
        const map2 = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx?.onCreate)
          ctx.onCreate(map2);
        for (const item of this.items)
          addPairToJSMap.addPairToJSMap(ctx, map2, item);
        return map2;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        for (const item of this.items) {
          if (!identity.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
          ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports.YAMLMap = YAMLMap;
    exports.findPair = findPair;
  }
});

// node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "node_modules/yaml/dist/schema/common/map.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLMap = require_YAMLMap();
    var map2 = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map3, onError) {
        if (!identity.isMap(map3))
          onError("Expected a mapping for this tag");
        return map3;
      },
      createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
    };
    exports.map = map2;
  }
});

// node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLSeq.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyCollection = require_stringifyCollection();
    var Collection = require_Collection();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var toJS = require_toJS();
    var YAMLSeq = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
      }
      add(value) {
        this.items.push(value);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return void 0;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key) {
        const idx = asItemIndex(key);
        return typeof idx === "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
          prev.value = value;
        else
          this.items[idx] = value;
      }
      toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
          ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
          seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
          onChompKeep,
          onComment
        });
      }
      static from(schema, obj, ctx) {
        const { replacer: replacer2 } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
          let i = 0;
          for (let it of obj) {
            if (typeof replacer2 === "function") {
              const key = obj instanceof Set ? it : String(i++);
              it = replacer2.call(obj, key, it);
            }
            seq.items.push(createNode.createNode(it, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key) {
      let idx = identity.isScalar(key) ? key.value : key;
      if (idx && typeof idx === "string")
        idx = Number(idx);
      return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports.YAMLSeq = YAMLSeq;
  }
});

// node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "node_modules/yaml/dist/schema/common/seq.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLSeq = require_YAMLSeq();
    var seq = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        if (!identity.isSeq(seq2))
          onError("Expected a sequence for this tag");
        return seq2;
      },
      createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
    };
    exports.seq = seq;
  }
});

// node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "node_modules/yaml/dist/schema/common/string.js"(exports) {
    "use strict";
    var stringifyString = require_stringifyString();
    var string = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str) => str,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports.string = string;
  }
});

// node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "node_modules/yaml/dist/schema/common/null.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var nullTag = {
      identify: (value) => value == null,
      createNode: () => new Scalar.Scalar(null),
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar.Scalar(null),
      stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
    };
    exports.nullTag = nullTag;
  }
});

// node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "node_modules/yaml/dist/schema/core/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var boolTag = {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str) => new Scalar.Scalar(str[0] === "t" || str[0] === "T"),
      stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
          const sv = source[0] === "t" || source[0] === "T";
          if (value === sv)
            return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports.boolTag = boolTag;
  }
});

// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports) {
    "use strict";
    function stringifyNumber({ format, minFractionDigits, tag, value }) {
      if (typeof value === "bigint")
        return String(value);
      const num2 = typeof value === "number" ? value : Number(value);
      if (!isFinite(num2))
        return isNaN(num2) ? ".nan" : num2 < 0 ? "-.inf" : ".inf";
      let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
        let i = n.indexOf(".");
        if (i < 0) {
          i = n.length;
          n += ".";
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
          n += "0";
      }
      return n;
    }
    exports.stringifyNumber = stringifyNumber;
  }
});

// node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS({
  "node_modules/yaml/dist/schema/core/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str),
      stringify(node) {
        const num2 = Number(node.value);
        return isFinite(num2) ? num2.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf(".");
        if (dot !== -1 && str[str.length - 1] === "0")
          node.minFractionDigits = str.length - dot - 1;
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "node_modules/yaml/dist/schema/core/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    var intResolve = (str, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix);
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
      return stringifyNumber.stringifyNumber(node);
    }
    var intOct = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
      stringify: (node) => intStringify(node, 8, "0o")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "node_modules/yaml/dist/schema/core/schema.js"(exports) {
    "use strict";
    var map2 = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = [
      map2.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.boolTag,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "node_modules/yaml/dist/schema/json/schema.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var map2 = require_map();
    var seq = require_seq();
    function intIdentify(value) {
      return typeof value === "bigint" || Number.isInteger(value);
    }
    var stringifyJSON = ({ value }) => JSON.stringify(value);
    var jsonScalars = [
      {
        identify: (value) => typeof value === "string",
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: (str) => str,
        stringify: stringifyJSON
      },
      {
        identify: (value) => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value) => typeof value === "boolean",
        default: true,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str) => str === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
      },
      {
        identify: (value) => typeof value === "number",
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str) => parseFloat(str),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
      }
    };
    var schema = [map2.map, seq.seq].concat(jsonScalars, jsonError);
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports) {
    "use strict";
    var node_buffer = __require("buffer");
    var Scalar = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer === "function") {
          return node_buffer.Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str.length);
          for (let i = 0; i < str.length; ++i)
            buffer[i] = str.charCodeAt(i);
          return buffer;
        } else {
          onError("This environment does not support reading binary tags; either Buffer or atob is required");
          return src;
        }
      },
      stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
          return "";
        const buf = value;
        let str;
        if (typeof node_buffer.Buffer === "function") {
          str = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s = "";
          for (let i = 0; i < buf.length; ++i)
            s += String.fromCharCode(buf[i]);
          str = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n = Math.ceil(str.length / lineWidth);
          const lines = new Array(n);
          for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
            lines[i] = str.substr(o, lineWidth);
          }
          str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
      }
    };
    exports.binary = binary;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
          let item = seq.items[i];
          if (identity.isPair(item))
            continue;
          else if (identity.isMap(item)) {
            if (item.items.length > 1)
              onError("Each pair must have its own sequence indicator");
            const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
            if (item.commentBefore)
              pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore;
            if (item.comment) {
              const cn = pair.value ?? pair.key;
              cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
            }
            item = pair;
          }
          seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const { replacer: replacer2 } = ctx;
      const pairs2 = new YAMLSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          if (typeof replacer2 === "function")
            it = replacer2.call(iterable, String(i++), it);
          let key, value;
          if (Array.isArray(it)) {
            if (it.length === 2) {
              key = it[0];
              value = it[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          } else if (it && it instanceof Object) {
            const keys = Object.keys(it);
            if (keys.length === 1) {
              key = keys[0];
              value = it[key];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
            }
          } else {
            key = it;
          }
          pairs2.items.push(Pair.createPair(key, value, ctx));
        }
      return pairs2;
    }
    var pairs = {
      collection: "seq",
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports.createPairs = createPairs;
    exports.pairs = pairs;
    exports.resolvePairs = resolvePairs;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports) {
    "use strict";
    var identity = require_identity();
    var toJS = require_toJS();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var pairs = require_pairs();
    var YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_, ctx) {
        if (!ctx)
          return super.toJSON(_);
        const map2 = /* @__PURE__ */ new Map();
        if (ctx?.onCreate)
          ctx.onCreate(map2);
        for (const pair of this.items) {
          let key, value;
          if (identity.isPair(pair)) {
            key = toJS.toJS(pair.key, "", ctx);
            value = toJS.toJS(pair.value, key, ctx);
          } else {
            key = toJS.toJS(pair, "", ctx);
          }
          if (map2.has(key))
            throw new Error("Ordered maps must not include duplicate keys");
          map2.set(key, value);
        }
        return map2;
      }
      static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap2 = new this();
        omap2.items = pairs$1.items;
        return omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
          if (identity.isScalar(key)) {
            if (seenKeys.includes(key.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key.value}`);
            } else {
              seenKeys.push(key.value);
            }
          }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
    };
    exports.YAMLOMap = YAMLOMap;
    exports.omap = omap;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function boolStringify({ value, source }, ctx) {
      const boolObj = value ? trueTag : falseTag;
      if (source && boolObj.test.test(source))
        return source;
      return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value) => value === true,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar.Scalar(true),
      stringify: boolStringify
    };
    var falseTag = {
      identify: (value) => value === false,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar.Scalar(false),
      stringify: boolStringify
    };
    exports.falseTag = falseTag;
    exports.trueTag = trueTag;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str.replace(/_/g, "")),
      stringify(node) {
        const num2 = Number(node.value);
        return isFinite(num2) ? num2.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, "")));
        const dot = str.indexOf(".");
        if (dot !== -1) {
          const f = str.substring(dot + 1).replace(/_/g, "");
          if (f[f.length - 1] === "0")
            node.minFractionDigits = f.length;
        }
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    function intResolve(str, offset, radix, { intAsBigInt }) {
      const sign = str[0];
      if (sign === "-" || sign === "+")
        offset += 1;
      str = str.substring(offset).replace(/_/g, "");
      if (intAsBigInt) {
        switch (radix) {
          case 2:
            str = `0b${str}`;
            break;
          case 8:
            str = `0o${str}`;
            break;
          case 16:
            str = `0x${str}`;
            break;
        }
        const n2 = BigInt(str);
        return sign === "-" ? BigInt(-1) * n2 : n2;
      }
      const n = parseInt(str, radix);
      return sign === "-" ? -1 * n : n;
    }
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? "-" + prefix + str.substr(1) : prefix + str;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
      stringify: (node) => intStringify(node, 2, "0b")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
      stringify: (node) => intStringify(node, 8, "0")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intBin = intBin;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      constructor(schema) {
        super(schema);
        this.tag = _YAMLSet.tag;
      }
      add(key) {
        let pair;
        if (identity.isPair(key))
          pair = key;
        else if (key && typeof key === "object" && "key" in key && "value" in key && key.value === null)
          pair = new Pair.Pair(key.key, null);
        else
          pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
          this.items.push(pair);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair) ? identity.isScalar(pair.key) ? pair.key.value : pair.key : pair;
      }
      set(key, value) {
        if (typeof value !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value) {
          this.items.push(new Pair.Pair(key));
        }
      }
      toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        if (this.hasAllNullValues(true))
          return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
          throw new Error("Set items must all have null values");
      }
      static from(schema, iterable, ctx) {
        const { replacer: replacer2 } = ctx;
        const set2 = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value of iterable) {
            if (typeof replacer2 === "function")
              value = replacer2.call(iterable, value, value);
            set2.items.push(Pair.createPair(value, null, ctx));
          }
        return set2;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set = {
      collection: "map",
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
      resolve(map2, onError) {
        if (identity.isMap(map2)) {
          if (map2.hasAllNullValues(true))
            return Object.assign(new YAMLSet(), map2);
          else
            onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map2;
      }
    };
    exports.YAMLSet = YAMLSet;
    exports.set = set;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str, asBigInt) {
      const sign = str[0];
      const parts = sign === "-" || sign === "+" ? str.substring(1) : str;
      const num2 = (n) => asBigInt ? BigInt(n) : Number(n);
      const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num2(60) + num2(p), num2(0));
      return sign === "-" ? num2(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value } = node;
      let num2 = (n) => n;
      if (typeof value === "bigint")
        num2 = (n) => BigInt(n);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
      let sign = "";
      if (value < 0) {
        sign = "-";
        value *= num2(-1);
      }
      const _60 = num2(60);
      const parts = [value % _60];
      if (value < 60) {
        parts.unshift(0);
      } else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60);
        if (value >= 60) {
          value = (value - parts[0]) / _60;
          parts.unshift(value);
        }
      }
      return sign + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value) => typeof value === "bigint" || Number.isInteger(value),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str) => parseSexagesimal(str, false),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value) => value instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz, false);
          if (Math.abs(d) < 30)
            d *= 60;
          date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports.floatTime = floatTime;
    exports.intTime = intTime;
    exports.timestamp = timestamp;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports) {
    "use strict";
    var map2 = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var binary = require_binary();
    var bool = require_bool2();
    var float = require_float2();
    var int = require_int2();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var set = require_set();
    var timestamp = require_timestamp();
    var schema = [
      map2.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.trueTag,
      bool.falseTag,
      int.intBin,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary.binary,
      merge.merge,
      omap.omap,
      pairs.pairs,
      set.set,
      timestamp.intTime,
      timestamp.floatTime,
      timestamp.timestamp
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "node_modules/yaml/dist/schema/tags.js"(exports) {
    "use strict";
    var map2 = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = require_schema();
    var schema$1 = require_schema2();
    var binary = require_binary();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var schema$2 = require_schema3();
    var set = require_set();
    var timestamp = require_timestamp();
    var schemas = /* @__PURE__ */ new Map([
      ["core", schema.schema],
      ["failsafe", [map2.map, seq.seq, string.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]);
    var tagsByName = {
      binary: binary.binary,
      bool: bool.boolTag,
      float: float.float,
      floatExp: float.floatExp,
      floatNaN: float.floatNaN,
      floatTime: timestamp.floatTime,
      int: int.int,
      intHex: int.intHex,
      intOct: int.intOct,
      intTime: timestamp.intTime,
      map: map2.map,
      merge: merge.merge,
      null: _null.nullTag,
      omap: omap.omap,
      pairs: pairs.pairs,
      seq: seq.seq,
      set: set.set,
      timestamp: timestamp.timestamp
    };
    var coreKnownTags = {
      "tag:yaml.org,2002:binary": binary.binary,
      "tag:yaml.org,2002:merge": merge.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs.pairs,
      "tag:yaml.org,2002:set": set.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags, schemaName, addMergeTag) {
      const schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge) ? schemaTags.concat(merge.merge) : schemaTags.slice();
      }
      let tags = schemaTags;
      if (!tags) {
        if (Array.isArray(customTags))
          tags = [];
        else {
          const keys = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
      }
      if (Array.isArray(customTags)) {
        for (const tag of customTags)
          tags = tags.concat(tag);
      } else if (typeof customTags === "function") {
        tags = customTags(tags.slice());
      }
      if (addMergeTag)
        tags = tags.concat(merge.merge);
      return tags.reduce((tags2, tag) => {
        const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          const tagName = JSON.stringify(tag);
          const keys = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags2.includes(tagObj))
          tags2.push(tagObj);
        return tags2;
      }, []);
    }
    exports.coreKnownTags = coreKnownTags;
    exports.getTags = getTags;
  }
});

// node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "node_modules/yaml/dist/schema/Schema.js"(exports) {
    "use strict";
    var identity = require_identity();
    var map2 = require_map();
    var seq = require_seq();
    var string = require_string();
    var tags = require_tags();
    var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    var Schema = class _Schema {
      constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null;
        this.name = typeof schema === "string" && schema || "core";
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map2.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
      }
      clone() {
        const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
      }
    };
    exports.Schema = Schema;
  }
});

// node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyDocument.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options) {
      const lines = [];
      let hasDirectives = options.directives === true;
      if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines.push("---");
      const ctx = stringify.createStringifyContext(doc, options);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines.length !== 1)
          lines.unshift("");
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body = stringify.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body += stringifyComment.lineComment(body, "", commentString(contentComment));
        if ((body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---") {
          lines[lines.length - 1] = `--- ${body}`;
        } else
          lines.push(body);
      } else {
        lines.push(stringify.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines.push("...");
            lines.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines.push(`... ${cs}`);
          }
        } else {
          lines.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
            lines.push("");
          lines.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines.join("\n") + "\n";
    }
    exports.stringifyDocument = stringifyDocument;
  }
});

// node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "node_modules/yaml/dist/doc/Document.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var toJS = require_toJS();
    var Schema = require_Schema();
    var stringifyDocument = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode = require_createNode();
    var directives = require_directives();
    var Document = class _Document {
      constructor(value, replacer2, options) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer2 === "function" || Array.isArray(replacer2)) {
          _replacer = replacer2;
        } else if (options === void 0 && replacer2) {
          options = replacer2;
          replacer2 = void 0;
        }
        const opt = Object.assign({
          intAsBigInt: false,
          keepSourceTokens: false,
          logLevel: "warn",
          prettyErrors: true,
          strict: true,
          stringKeys: false,
          uniqueKeys: true,
          version: "1.2"
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
          this.directives = options._directives.atDocument();
          if (this.directives.yaml.explicit)
            version = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        const copy = Object.create(_Document.prototype, {
          [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
          copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        copy.contents = identity.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** Adds a value to the document. */
      add(value) {
        if (assertCollection(this.contents))
          this.contents.add(value);
      }
      /** Adds a value to the document. */
      addIn(path, value) {
        if (assertCollection(this.contents))
          this.contents.addIn(path, value);
      }
      /**
       * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
       *
       * If `node` already has an anchor, `name` is ignored.
       * Otherwise, the `node.anchor` value will be set to `name`,
       * or if an anchor with that name is already present in the document,
       * `name` will be used as a prefix for a new unique anchor.
       * If `name` is undefined, the generated anchor will use 'a' as a prefix.
       */
      createAlias(node, name) {
        if (!node.anchor) {
          const prev = anchors.anchorNames(this);
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name || prev.has(name) ? anchors.findNewAnchor(name || "a", prev) : name;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value, replacer2, options) {
        let _replacer = void 0;
        if (typeof replacer2 === "function") {
          value = replacer2.call({ "": value }, "", value);
          _replacer = replacer2;
        } else if (Array.isArray(replacer2)) {
          const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
          const asStr = replacer2.filter(keyToStr).map(String);
          if (asStr.length > 0)
            replacer2 = replacer2.concat(asStr);
          _replacer = replacer2;
        } else if (options === void 0 && replacer2) {
          options = replacer2;
          replacer2 = void 0;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        );
        const ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? true,
          keepUndefined: keepUndefined ?? false,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
          node.flow = true;
        setAnchors();
        return node;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key, keepScalar) {
        return identity.isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
          return !keepScalar && identity.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity.isCollection(this.contents) ? this.contents.getIn(path, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path) {
        if (Collection.isEmptyPath(path))
          return this.contents !== void 0;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key, value) {
        if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, [key], value);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key, value);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
          this.contents = value;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path, value);
        }
      }
      /**
       * Change the YAML version and schema used by the document.
       * A `null` version disables support for directives, explicit tags, anchors, and aliases.
       * It also requires the `schema` option to be given as a `Schema` instance value.
       *
       * Overrides all previously set schema options.
       */
      setSchema(version, options = {}) {
        if (typeof version === "number")
          version = String(version);
        let opt;
        switch (version) {
          case "1.1":
            if (this.directives)
              this.directives.yaml.version = "1.1";
            else
              this.directives = new directives.Directives({ version: "1.1" });
            opt = { resolveKnownTags: false, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            if (this.directives)
              this.directives.yaml.version = version;
            else
              this.directives = new directives.Directives({ version });
            opt = { resolveKnownTags: true, schema: "core" };
            break;
          case null:
            if (this.directives)
              delete this.directives;
            opt = null;
            break;
          default: {
            const sv = JSON.stringify(version);
            throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
          }
        }
        if (options.schema instanceof Object)
          this.schema = options.schema;
        else if (opt)
          this.schema = new Schema.Schema(Object.assign(opt, options));
        else
          throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
      }
      // json & jsonArg are only used from toJSON()
      toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver: reviver2 } = {}) {
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver2 === "function" ? applyReviver.applyReviver(reviver2, { "": res }, "", res) : res;
      }
      /**
       * A JSON representation of the document `contents`.
       *
       * @param jsonArg Used by `JSON.stringify` to indicate the array index or
       *   property name.
       */
      toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
      }
      /** A YAML representation of the document. */
      toString(options = {}) {
        if (this.errors.length > 0)
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
          const s = JSON.stringify(options.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
      }
    };
    function assertCollection(contents) {
      if (identity.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports.Document = Document;
  }
});

// node_modules/yaml/dist/errors.js
var require_errors = __commonJS({
  "node_modules/yaml/dist/errors.js"(exports) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name, pos, code2, message) {
        super();
        this.name = name;
        this.code = code2;
        this.message = message;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code2, message) {
        super("YAMLParseError", pos, code2, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code2, message) {
        super("YAMLWarning", pos, code2, message);
      }
    };
    var prettifyError = (src, lc) => (error) => {
      if (error.pos[0] === -1)
        return;
      error.linePos = error.pos.map((pos) => lc.linePos(pos));
      const { line, col } = error.linePos[0];
      error.message += ` at line ${line}, column ${col}`;
      let ci = col - 1;
      let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "\u2026" + lineStr.substring(trimStart);
        ci -= trimStart - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "\u2026";
      if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "\u2026\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
          count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count);
        error.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports.YAMLError = YAMLError;
    exports.YAMLParseError = YAMLParseError;
    exports.YAMLWarning = YAMLWarning;
    exports.prettifyError = prettifyError;
  }
});

// node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "node_modules/yaml/dist/compose/resolve-props.js"(exports) {
    "use strict";
    function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = false;
      let atNewline = startOnNewline;
      let hasSpace = startOnNewline;
      let comment = "";
      let commentSep = "";
      let hasNewline = false;
      let reqSpace = false;
      let tab = null;
      let anchor = null;
      let tag = null;
      let newlineAfterProp = null;
      let comma = null;
      let found = null;
      let start = null;
      for (const token of tokens) {
        if (reqSpace) {
          if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
            onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
          reqSpace = false;
        }
        if (tab) {
          if (atNewline && token.type !== "comment" && token.type !== "newline") {
            onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
          }
          tab = null;
        }
        switch (token.type) {
          case "space":
            if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
              tab = token;
            }
            hasSpace = true;
            break;
          case "comment": {
            if (!hasSpace)
              onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            const cb = token.source.substring(1) || " ";
            if (!comment)
              comment = cb;
            else
              comment += commentSep + cb;
            commentSep = "";
            atNewline = false;
            break;
          }
          case "newline":
            if (atNewline) {
              if (comment)
                comment += token.source;
              else if (!found || indicator !== "seq-item-ind")
                spaceBefore = true;
            } else
              commentSep += token.source;
            atNewline = true;
            hasNewline = true;
            if (anchor || tag)
              newlineAfterProp = token;
            hasSpace = true;
            break;
          case "anchor":
            if (anchor)
              onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
            if (token.source.endsWith(":"))
              onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
            anchor = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag)
              onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          }
          case indicator:
            if (anchor || tag)
              onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
            if (found)
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
            found = token;
            atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
            hasSpace = false;
            break;
          case "comma":
            if (flow) {
              if (comma)
                onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
              comma = token;
              atNewline = false;
              hasSpace = false;
              break;
            }
          // else fallthrough
          default:
            onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
            atNewline = false;
            hasSpace = false;
        }
      }
      const last = tokens[tokens.length - 1];
      const end = last ? last.offset + last.source.length : offset;
      if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
        onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      }
      if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
      };
    }
    exports.resolveProps = resolveProps;
  }
});

// node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "node_modules/yaml/dist/compose/util-contains-newline.js"(exports) {
    "use strict";
    function containsNewline(key) {
      if (!key)
        return null;
      switch (key.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key.source.includes("\n"))
            return true;
          if (key.end) {
            for (const st of key.end)
              if (st.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it of key.items) {
            for (const st of it.start)
              if (st.type === "newline")
                return true;
            if (it.sep) {
              for (const st of it.sep)
                if (st.type === "newline")
                  return true;
            }
            if (containsNewline(it.key) || containsNewline(it.value))
              return true;
          }
          return false;
        default:
          return true;
      }
    }
    exports.containsNewline = containsNewline;
  }
});

// node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
          const msg = "Flow end indicator should be more indented than parent";
          onError(end, "BAD_INDENT", msg, true);
        }
      }
    }
    exports.flowIndentCheck = flowIndentCheck;
  }
});

// node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "node_modules/yaml/dist/compose/util-map-includes.js"(exports) {
    "use strict";
    var identity = require_identity();
    function mapIncludes(ctx, items, search) {
      const { uniqueKeys } = ctx.options;
      if (uniqueKeys === false)
        return false;
      const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || identity.isScalar(a) && identity.isScalar(b) && a.value === b.value;
      return items.some((pair) => isEqual(pair.key, search));
    }
    exports.mapIncludes = mapIncludes;
  }
});

// node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-map.js"(exports) {
    "use strict";
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    var utilMapIncludes = require_util_map_includes();
    var startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
      const map2 = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      let offset = bm.offset;
      let commentEnd = null;
      for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        const keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key) {
            if (key.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key && key.indent !== bm.indent)
              onError(offset, "BAD_INDENT", startColMsg);
          }
          if (!keyProps.anchor && !keyProps.tag && !sep) {
            commentEnd = keyProps.end;
            if (keyProps.comment) {
              if (map2.comment)
                map2.comment += "\n" + keyProps.comment;
              else
                map2.comment = keyProps.comment;
            }
            continue;
          }
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
            onError(key ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key ? composeNode(ctx, key, keyProps, onError) : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map2.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep ?? [], {
          indicator: "map-value-ind",
          next: value,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key || key.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
          offset = valueNode.range[2];
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map2.items.push(pair);
        } else {
          if (implicitKey)
            onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
          if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map2.items.push(pair);
        }
      }
      if (commentEnd && commentEnd < offset)
        onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
      map2.range = [bm.offset, offset, commentEnd ?? offset];
      return map2;
    }
    exports.resolveBlockMap = resolveBlockMap;
  }
});

// node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-seq.js"(exports) {
    "use strict";
    var YAMLSeq = require_YAMLSeq();
    var resolveProps = require_resolve_props();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
      const seq = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = bs.offset;
      let commentEnd = null;
      for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
          indicator: "seq-item-ind",
          next: value,
          offset,
          onError,
          parentIndent: bs.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value) {
            if (value?.type === "block-seq")
              onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
            else
              onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          } else {
            commentEnd = props.end;
            if (props.comment)
              seq.comment = props.comment;
            continue;
          }
        }
        const node = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
      }
      seq.range = [bs.offset, offset, commentEnd ?? offset];
      return seq;
    }
    exports.resolveBlockSeq = resolveBlockSeq;
  }
});

// node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "node_modules/yaml/dist/compose/resolve-end.js"(exports) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = false;
        let sep = "";
        for (const token of end) {
          const { source, type } = token;
          switch (type) {
            case "space":
              hasSpace = true;
              break;
            case "comment": {
              if (reqSpace && !hasSpace)
                onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              const cb = source.substring(1) || " ";
              if (!comment)
                comment = cb;
              else
                comment += sep + cb;
              sep = "";
              break;
            }
            case "newline":
              if (comment)
                sep += source;
              hasSpace = true;
              break;
            default:
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment, offset };
    }
    exports.resolveEnd = resolveEnd;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilMapIncludes = require_util_map_includes();
    var blockMsg = "Block collections are not allowed within flow collections";
    var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      const isMap3 = fc.start.source === "{";
      const fcName = isMap3 ? "flow map" : "flow sequence";
      const NodeClass = tag?.nodeClass ?? (isMap3 ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq);
      const coll = new NodeClass(ctx.schema);
      coll.flow = true;
      const atRoot = ctx.atRoot;
      if (atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = fc.offset + fc.start.source.length;
      for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep && !value) {
            if (i === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i < fc.items.length - 1)
              onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
            if (props.comment) {
              if (coll.comment)
                coll.comment += "\n" + props.comment;
              else
                coll.comment = props.comment;
            }
            offset = props.end;
            continue;
          }
          if (!isMap3 && ctx.options.strict && utilContainsNewline.containsNewline(key))
            onError(
              key,
              // checked by containsNewline()
              "MULTILINE_IMPLICIT_KEY",
              "Implicit keys of flow sequence pairs need to be on a single line"
            );
        }
        if (i === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st of start) {
              switch (st.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
                  prevItemComment = st.source.substring(1);
                  break loop;
                default:
                  break loop;
              }
            }
            if (prevItemComment) {
              let prev = coll.items[coll.items.length - 1];
              if (identity.isPair(prev))
                prev = prev.value ?? prev.key;
              if (prev.comment)
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap3 && !sep && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key ? composeNode(ctx, key, props, onError) : composeEmptyNode(ctx, keyStart, start, null, props, onError);
          if (isBlock(key))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
          });
          if (valueProps.found) {
            if (!isMap3 && !props.found && ctx.options.strict) {
              if (sep)
                for (const st of sep) {
                  if (st === valueProps.found)
                    break;
                  if (st.type === "newline") {
                    onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              if (props.start < valueProps.found.offset - 1024)
                onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else if (value) {
            if ("source" in value && value.source?.[0] === ":")
              onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock(value))
              onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
          } else if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          if (isMap3) {
            const map2 = coll;
            if (utilMapIncludes.mapIncludes(ctx, map2.items, keyNode))
              onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
            map2.items.push(pair);
          } else {
            const map2 = new YAMLMap.YAMLMap(ctx.schema);
            map2.flow = true;
            map2.items.push(pair);
            const endRange = (valueNode ?? keyNode).range;
            map2.range = [keyNode.range[0], endRange[1], endRange[2]];
            coll.items.push(map2);
          }
          offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
      }
      const expectedEnd = isMap3 ? "}" : "]";
      const [ce, ...ee] = fc.end;
      let cePos = offset;
      if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
      else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
        if (ce && ce.source.length !== 1)
          ee.unshift(ce);
      }
      if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
          if (coll.comment)
            coll.comment += "\n" + end.comment;
          else
            coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
      } else {
        coll.range = [fc.offset, cePos, cePos];
      }
      return coll;
    }
    exports.resolveFlowCollection = resolveFlowCollection;
  }
});

// node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "node_modules/yaml/dist/compose/compose-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveBlockMap = require_resolve_block_map();
    var resolveBlockSeq = require_resolve_block_seq();
    var resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token, onError, tagName, tag) {
      const coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
      const Coll = coll.constructor;
      if (tagName === "!" || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
      }
      if (tagName)
        coll.tag = tagName;
      return coll;
    }
    function composeCollection(CN, ctx, token, props, onError) {
      const tagToken = props.tag;
      const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
      if (token.type === "block-seq") {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
          const message = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message);
        }
      }
      const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq") {
        return resolveCollection(CN, ctx, token, onError, tagName);
      }
      let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
      if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
          tag = kt;
        } else {
          if (kt) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
          } else {
            onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
          }
          return resolveCollection(CN, ctx, token, onError, tagName);
        }
      }
      const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
      const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
      const node = identity.isNode(res) ? res : new Scalar.Scalar(res);
      node.range = coll.range;
      node.tag = tagName;
      if (tag?.format)
        node.format = tag.format;
      return node;
    }
    exports.composeCollection = composeCollection;
  }
});

// node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function resolveBlockScalar(ctx, scalar, onError) {
      const start = scalar.offset;
      const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
      if (!header)
        return { value: "", type: null, comment: "", range: [start, start, start] };
      const type = header.mode === ">" ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
      const lines = scalar.source ? splitLines(scalar.source) : [];
      let chompStart = lines.length;
      for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === "" || content === "\r")
          chompStart = i;
        else
          break;
      }
      if (chompStart === 0) {
        const value2 = header.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
        let end2 = start + header.length;
        if (scalar.source)
          end2 += scalar.source.length;
        return { value: value2, type, comment: header.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar.indent + header.indent;
      let offset = scalar.offset + header.length;
      let contentStart = 0;
      for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === "" || content === "\r") {
          if (header.indent === 0 && indent.length > trimIndent)
            trimIndent = indent.length;
        } else {
          if (indent.length < trimIndent) {
            const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent.length, "MISSING_CHAR", message);
          }
          if (header.indent === 0)
            trimIndent = indent.length;
          contentStart = i;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message);
          }
          break;
        }
        offset += indent.length + content.length + 1;
      }
      for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
          chompStart = i + 1;
      }
      let value = "";
      let sep = "";
      let prevMoreIndented = false;
      for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + "\n";
      for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent.length < trimIndent) {
          const src = header.indent ? "explicit indentation indicator" : "first line";
          const message = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
          indent = "";
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
        } else if (indent.length > trimIndent || content[0] === "	") {
          if (sep === " ")
            sep = "\n";
          else if (!prevMoreIndented && sep === "\n")
            sep = "\n\n";
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep === "\n")
            value += "\n";
          else
            sep = "\n";
        } else {
          value += sep + content;
          sep = " ";
          prevMoreIndented = false;
        }
      }
      switch (header.chomp) {
        case "-":
          break;
        case "+":
          for (let i = chompStart; i < lines.length; ++i)
            value += "\n" + lines[i][0].slice(trimIndent);
          if (value[value.length - 1] !== "\n")
            value += "\n";
          break;
        default:
          value += "\n";
      }
      const end = start + header.length + scalar.source.length;
      return { value, type, comment: header.comment, range: [start, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode = source[0];
      let indent = 0;
      let chomp = "";
      let error = -1;
      for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n = Number(ch);
          if (!indent && n)
            indent = n;
          else if (error === -1)
            error = offset + i;
        }
      }
      if (error !== -1)
        onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment = "";
      let length = source.length;
      for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length += token.source.length;
            break;
          case "comment":
            if (strict && !hasSpace) {
              const message = "Comments must be separated from other tokens by white space characters";
              onError(token, "MISSING_CHAR", message);
            }
            length += token.source.length;
            comment = token.source.substring(1);
            break;
          case "error":
            onError(token, "UNEXPECTED_TOKEN", token.message);
            length += token.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            const message = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message);
            const ts = token.source;
            if (ts && typeof ts === "string")
              length += ts.length;
          }
        }
      }
      return { mode, indent, chomp, comment, length };
    }
    function splitLines(source) {
      const split = source.split(/\n( *)/);
      const first = split[0];
      const m = first.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
      const lines = [line0];
      for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
      return lines;
    }
    exports.resolveBlockScalar = resolveBlockScalar;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar, strict, onError) {
      const { offset, type, source, end } = scalar;
      let _type;
      let value;
      const _onError = (rel, code2, msg) => onError(offset + rel, code2, msg);
      switch (type) {
        case "scalar":
          _type = Scalar.Scalar.PLAIN;
          value = plainValue(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_SINGLE;
          value = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_DOUBLE;
          value = doubleQuotedValue(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          onError(scalar, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
          return {
            value: "",
            type: null,
            comment: "",
            range: [offset, offset + source.length, offset + source.length]
          };
      }
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
      return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
      };
    }
    function plainValue(source, onError) {
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      if (badChar)
        onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
      return unfoldLines(source);
    }
    function singleQuotedValue(source, onError) {
      if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
      return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines(source) {
      const line = /(.*?)\r?\n/sy;
      let match = line.exec(source);
      if (!match)
        return source;
      let trimEnd, trimBoth;
      try {
        trimEnd = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match[1].replace(trimEnd, "");
      let sep = " ";
      let pos = line.lastIndex;
      while (match = line.exec(source)) {
        const lm = match[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep === "\n")
            res += sep;
          else
            sep = "\n";
        } else {
          res += sep + lm;
          sep = " ";
        }
        pos = line.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match = last.exec(source);
      return res + sep + (match?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === "\r" && source[i + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold, offset } = foldNewline(source, i);
          res += fold;
          i = offset;
        } else if (ch === "\\") {
          let next = source[++i];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "\r" && source[i + 1] === "\n") {
            next = source[++i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i + 1, length, onError);
            i += length;
          } else {
            const raw = source.substr(i - 1, 2);
            onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i;
          let next = source[i + 1];
          while (next === " " || next === "	")
            next = source[++i + 1];
          if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
            res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        } else {
          res += ch;
        }
      }
      if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
      return res;
    }
    function foldNewline(source, offset) {
      let fold = "";
      let ch = source[offset + 1];
      while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[offset + 2] !== "\n")
          break;
        if (ch === "\n")
          fold += "\n";
        offset += 1;
        ch = source[offset + 1];
      }
      if (!fold)
        fold = " ";
      return { fold, offset };
    }
    var escapeCodes = {
      "0": "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: "\n",
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "\x85",
      // Unicode next line
      _: "\xA0",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length, onError) {
      const cc = source.substr(offset, length);
      const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
      const code2 = ok ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code2);
      } catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        return raw;
      }
    }
    exports.resolveFlowScalar = resolveFlowScalar;
  }
});

// node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "node_modules/yaml/dist/compose/compose-scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      const { value, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
      else if (token.type === "scalar")
        tag = findScalarTagByTest(ctx, value, token, onError);
      else
        tag = ctx.schema[identity.SCALAR];
      let scalar;
      try {
        const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
      } catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
        scalar = new Scalar.Scalar(value);
      }
      scalar.range = range;
      scalar.source = value;
      if (type)
        scalar.type = type;
      if (tagName)
        scalar.tag = tagName;
      if (tag.format)
        scalar.format = tag.format;
      if (comment)
        scalar.comment = comment;
      return scalar;
    }
    function findScalarTagByName(schema, value, tagName, tagToken, onError) {
      if (tagName === "!")
        return schema[identity.SCALAR];
      const matchWithTest = [];
      for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
          if (tag.default && tag.test)
            matchWithTest.push(tag);
          else
            return tag;
        }
      }
      for (const tag of matchWithTest)
        if (tag.test?.test(value))
          return tag;
      const kt = schema.knownTags[tagName];
      if (kt && !kt.collection) {
        schema.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
        return kt;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema[identity.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
      const tag = schema.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema[identity.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
          const ts = directives.tagString(tag.tag);
          const cs = directives.tagString(compat.tag);
          const msg = `Value may be parsed as either ${ts} or ${cs}`;
          onError(token, "TAG_RESOLVE_FAILED", msg, true);
        }
      }
      return tag;
    }
    exports.composeScalar = composeScalar;
  }
});

// node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports) {
    "use strict";
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
          let st = before[i];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before[++i];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before[++i];
          }
          break;
        }
      }
      return offset;
    }
    exports.emptyScalarPosition = emptyScalarPosition;
  }
});

// node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "node_modules/yaml/dist/compose/compose-node.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var composeCollection = require_compose_collection();
    var composeScalar = require_compose_scalar();
    var resolveEnd = require_resolve_end();
    var utilEmptyScalarPosition = require_util_empty_scalar_position();
    var CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token, props, onError) {
      const atKey = ctx.atKey;
      const { spaceBefore, comment, anchor, tag } = props;
      let node;
      let isSrcToken = true;
      switch (token.type) {
        case "alias":
          node = composeAlias(ctx, token, onError);
          if (anchor || tag)
            onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node = composeScalar.composeScalar(ctx, token, tag, onError);
          if (anchor)
            node.anchor = anchor.source.substring(1);
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node = composeCollection.composeCollection(CN, ctx, token, props, onError);
            if (anchor)
              node.anchor = anchor.source.substring(1);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            onError(token, "RESOURCE_EXHAUSTION", message);
          }
          break;
        default: {
          const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message);
          isSrcToken = false;
        }
      }
      node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
      if (anchor && node.anchor === "")
        onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      if (atKey && ctx.options.stringKeys && (!identity.isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
        const msg = "With stringKeys, all keys must be strings";
        onError(tag ?? token, "NON_STRING_KEY", msg);
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        if (token.type === "scalar" && token.source === "")
          node.comment = comment;
        else
          node.commentBefore = comment;
      }
      if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
      return node;
    }
    function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
      const token = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ""
      };
      const node = composeScalar.composeScalar(ctx, token, tag, onError);
      if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === "")
          onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        node.comment = comment;
        node.range[2] = end;
      }
      return node;
    }
    function composeAlias({ options }, { offset, source, end }, onError) {
      const alias = new Alias.Alias(source.substring(1));
      if (alias.source === "")
        onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
      if (alias.source.endsWith(":"))
        onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
      alias.range = [offset, valueEnd, re.offset];
      if (re.comment)
        alias.comment = re.comment;
      return alias;
    }
    exports.composeEmptyNode = composeEmptyNode;
    exports.composeNode = composeNode;
  }
});

// node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "node_modules/yaml/dist/compose/compose-doc.js"(exports) {
    "use strict";
    var Document = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start, value, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options);
      const doc = new Document.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start, {
        indicator: "doc-start",
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
      const contentEnd = doc.contents.range[2];
      const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
      if (re.comment)
        doc.comment = re.comment;
      doc.range = [offset, contentEnd, re.offset];
      return doc;
    }
    exports.composeDoc = composeDoc;
  }
});

// node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "node_modules/yaml/dist/compose/composer.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var directives = require_directives();
    var Document = require_Document();
    var errors2 = require_errors();
    var identity = require_identity();
    var composeDoc = require_compose_doc();
    var resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src === "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      const { offset, source } = src;
      return [offset, offset + (typeof source === "string" ? source.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment = "";
      let atComment = false;
      let afterEmptyLine = false;
      for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i + 1]?.[0] !== "#")
              i += 1;
            atComment = false;
            break;
          default:
            if (!atComment)
              afterEmptyLine = true;
            atComment = false;
        }
      }
      return { comment, afterEmptyLine };
    }
    var Composer = class {
      constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code2, message, warning) => {
          const pos = getErrorPos(source);
          if (warning)
            this.warnings.push(new errors2.YAMLWarning(pos, code2, message));
          else
            this.errors.push(new errors2.YAMLParseError(pos, code2, message));
        };
        this.directives = new directives.Directives({ version: options.version || "1.2" });
        this.options = options;
      }
      decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment) {
          const dc = doc.contents;
          if (afterDoc) {
            doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
          } else if (afterEmptyLine || doc.directives.docStart || !dc) {
            doc.commentBefore = comment;
          } else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it = dc.items[0];
            if (identity.isPair(it))
              it = it.key;
            const cb = it.commentBefore;
            it.commentBefore = cb ? `${comment}
${cb}` : comment;
          } else {
            const cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment}
${cb}` : comment;
          }
        }
        if (afterDoc) {
          for (let i = 0; i < this.errors.length; ++i)
            doc.errors.push(this.errors[i]);
          for (let i = 0; i < this.warnings.length; ++i)
            doc.warnings.push(this.warnings[i]);
        } else {
          doc.errors = this.errors;
          doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
      }
      /**
       * Current stream status information.
       *
       * Mostly useful at the end of input for an empty stream.
       */
      streamInfo() {
        return {
          comment: parsePrelude(this.prelude).comment,
          directives: this.directives,
          errors: this.errors,
          warnings: this.warnings
        };
      }
      /**
       * Compose tokens into documents.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
          yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
      }
      /** Advance the composer by one CST token. */
      *next(token) {
        if (node_process.env.LOG_STREAM)
          console.dir(token, { depth: null });
        switch (token.type) {
          case "directive":
            this.directives.add(token.source, (offset, message, warning) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message, warning);
            });
            this.prelude.push(token.source);
            this.atDirectives = true;
            break;
          case "document": {
            const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
            if (this.atDirectives && !doc.directives.docStart)
              this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
            this.decorate(doc, false);
            if (this.doc)
              yield this.doc;
            this.doc = doc;
            this.atDirectives = false;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token.source);
            break;
          case "error": {
            const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
            const error = new errors2.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error);
            else
              this.doc.errors.push(error);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              const msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors2.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = true;
            const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
            this.decorate(this.doc, true);
            if (end.comment) {
              const dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors2.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
        }
      }
      /**
       * Call at end of input to yield any remaining document.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
          this.decorate(this.doc, true);
          yield this.doc;
          this.doc = null;
        } else if (forceDoc) {
          const opts = Object.assign({ _directives: this.directives }, this.options);
          const doc = new Document.Document(void 0, opts);
          if (this.atDirectives)
            this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
          doc.range = [0, endOffset, endOffset];
          this.decorate(doc, false);
          yield doc;
        }
      }
    };
    exports.Composer = Composer;
  }
});

// node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "node_modules/yaml/dist/parse/cst-scalar.js"(exports) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors2 = require_errors();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict = true, onError) {
      if (token) {
        const _onError = (pos, code2, message) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code2, message);
          else
            throw new errors2.YAMLParseError([offset, offset + 1], code2, message);
        };
        switch (token.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value, context) {
      const { implicitKey = false, indent, inFlow = false, offset = -1, type = "PLAIN" } = context;
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context.end ?? [
        { type: "newline", offset: -1, indent, source: "\n" }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          const he = source.indexOf("\n");
          const head = source.substring(0, he);
          const body = source.substring(he + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent, source: "\n" });
          return { type: "block-scalar", offset, indent, props, source: body };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent, source, end };
        default:
          return { type: "scalar", offset, indent, source, end };
      }
    }
    function setScalarValue(token, value, context = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
      let indent = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent === "number")
        indent += 2;
      if (!type)
        switch (token.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header = token.props[0];
            if (header.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token, source);
          break;
        case '"':
          setFlowScalarValue(token, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token, source, "scalar");
      }
    }
    function setBlockScalarValue(token, source) {
      const he = source.indexOf("\n");
      const head = source.substring(0, he);
      const body = source.substring(he + 1) + "\n";
      if (token.type === "block-scalar") {
        const header = token.props[0];
        if (header.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header.source = head;
        token.source = body;
      } else {
        const { offset } = token;
        const indent = "indent" in token ? token.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
          props.push({ type: "newline", offset: -1, indent, source: "\n" });
        for (const key of Object.keys(token))
          if (key !== "type" && key !== "offset")
            delete token[key];
        Object.assign(token, { type: "block-scalar", indent, props, source: body });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (const st of end)
          switch (st.type) {
            case "space":
            case "comment":
              props.push(st);
              break;
            case "newline":
              props.push(st);
              return true;
          }
      return false;
    }
    function setFlowScalarValue(token, source, type) {
      switch (token.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token.type = type;
          token.source = source;
          break;
        case "block-scalar": {
          const end = token.props.slice(1);
          let oa = source.length;
          if (token.props[0].type === "block-scalar-header")
            oa -= token.props[0].source.length;
          for (const tok of end)
            tok.offset += oa;
          delete token.props;
          Object.assign(token, { type, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          const offset = token.offset + source.length;
          const nl = { type: "newline", offset, indent: token.indent, source: "\n" };
          delete token.items;
          Object.assign(token, { type, source, end: [nl] });
          break;
        }
        default: {
          const indent = "indent" in token ? token.indent : -1;
          const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
          for (const key of Object.keys(token))
            if (key !== "type" && key !== "offset")
              delete token[key];
          Object.assign(token, { type, indent, source, end });
        }
      }
    }
    exports.createScalarToken = createScalarToken;
    exports.resolveAsScalar = resolveAsScalar;
    exports.setScalarValue = setScalarValue;
  }
});

// node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "node_modules/yaml/dist/parse/cst-stringify.js"(exports) {
    "use strict";
    var stringify = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token) {
      switch (token.type) {
        case "block-scalar": {
          let res = "";
          for (const tok of token.props)
            res += stringifyToken(tok);
          return res + token.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (const item of token.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token.start.source;
          for (const item of token.items)
            res += stringifyItem(item);
          for (const st of token.end)
            res += st.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
      }
    }
    function stringifyItem({ start, key, sep, value }) {
      let res = "";
      for (const st of start)
        res += st.source;
      if (key)
        res += stringifyToken(key);
      if (sep)
        for (const st of sep)
          res += st.source;
      if (value)
        res += stringifyToken(value);
      return res;
    }
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "node_modules/yaml/dist/parse/cst-visit.js"(exports) {
    "use strict";
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit2(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit2.BREAK = BREAK;
    visit2.SKIP = SKIP;
    visit2.REMOVE = REMOVE;
    visit2.itemAtPath = (cst, path) => {
      let item = cst;
      for (const [field2, index] of path) {
        const tok = item?.[field2];
        if (tok && "items" in tok) {
          item = tok.items[index];
        } else
          return void 0;
      }
      return item;
    };
    visit2.parentCollection = (cst, path) => {
      const parent = visit2.itemAtPath(cst, path.slice(0, -1));
      const field2 = path[path.length - 1][0];
      const coll = parent?.[field2];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path, item, visitor) {
      let ctrl = visitor(item, path);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field2 of ["key", "value"]) {
        const token = item[field2];
        if (token && "items" in token) {
          for (let i = 0; i < token.items.length; ++i) {
            const ci = _visit(Object.freeze(path.concat([[field2, i]])), token.items[i], visitor);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              token.items.splice(i, 1);
              i -= 1;
            }
          }
          if (typeof ctrl === "function" && field2 === "key")
            ctrl = ctrl(item, path);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path) : ctrl;
    }
    exports.visit = visit2;
  }
});

// node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "node_modules/yaml/dist/parse/cst.js"(exports) {
    "use strict";
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM = "\uFEFF";
    var DOCUMENT = "";
    var FLOW_END = "";
    var SCALAR = "";
    var isCollection = (token) => !!token && "items" in token;
    var isScalar4 = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
    function prettyToken(token) {
      switch (token) {
        case BOM:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR:
          return "<SCALAR>";
        default:
          return JSON.stringify(token);
      }
    }
    function tokenType(source) {
      switch (source) {
        case BOM:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case "\n":
        case "\r\n":
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    exports.createScalarToken = cstScalar.createScalarToken;
    exports.resolveAsScalar = cstScalar.resolveAsScalar;
    exports.setScalarValue = cstScalar.setScalarValue;
    exports.stringify = cstStringify.stringify;
    exports.visit = cstVisit.visit;
    exports.BOM = BOM;
    exports.DOCUMENT = DOCUMENT;
    exports.FLOW_END = FLOW_END;
    exports.SCALAR = SCALAR;
    exports.isCollection = isCollection;
    exports.isScalar = isScalar4;
    exports.prettyToken = prettyToken;
    exports.tokenType = tokenType;
  }
});

// node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "node_modules/yaml/dist/parse/lexer.js"(exports) {
    "use strict";
    var cst = require_cst();
    function isEmpty(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case "\n":
        case "\r":
        case "	":
          return true;
        default:
          return false;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef");
    var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
    var flowIndicatorChars = new Set(",[]{}");
    var invalidAnchorChars = new Set(" ,[]{}\n\r	");
    var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
    var Lexer = class {
      constructor() {
        this.atEnd = false;
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        this.buffer = "";
        this.flowKey = false;
        this.flowLevel = 0;
        this.indentNext = 0;
        this.indentValue = 0;
        this.lineEndPos = null;
        this.next = null;
        this.pos = 0;
      }
      /**
       * Generate YAML tokens from the `source` string. If `incomplete`,
       * a part of the last line may be left as a buffer for the next call.
       *
       * @returns A generator of lexical tokens
       */
      *lex(source, incomplete = false) {
        if (source) {
          if (typeof source !== "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source;
          this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        while (next && (incomplete || this.hasChars(1)))
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i + 1] === "\n";
        return false;
      }
      charAt(n) {
        return this.buffer[this.pos + n];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent = 0;
          while (ch === " ")
            ch = this.buffer[++indent + offset];
          if (ch === "\r") {
            const next = this.buffer[indent + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent + 1;
          }
          return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
        }
        if (ch === "-" || ch === ".") {
          const dt = this.buffer.substr(offset, 3);
          if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        if (typeof end !== "number" || end !== -1 && end < this.pos) {
          end = this.buffer.indexOf("\n", this.pos);
          this.lineEndPos = end;
        }
        if (end === -1)
          return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === "\r")
          end -= 1;
        return this.buffer.substring(this.pos, end);
      }
      hasChars(n) {
        return this.pos + n <= this.buffer.length;
      }
      setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
      }
      peek(n) {
        return this.buffer.substr(this.pos, n);
      }
      *parseNext(next) {
        switch (next) {
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line = this.getLine();
        if (line === null)
          return this.setNext("stream");
        if (line[0] === cst.BOM) {
          yield* this.pushCount(1);
          line = line.substring(1);
        }
        if (line[0] === "%") {
          let dirEnd = line.length;
          let cs = line.indexOf("#");
          while (cs !== -1) {
            const ch = line[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else {
              cs = line.indexOf("#", cs + 1);
            }
          }
          while (true) {
            const ch = line[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line.length - n);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line.length - sp);
          yield* this.pushNewline();
          return "stream";
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
      }
      *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          const s = this.peek(3);
          if ((s === "---" || s === "...") && isEmpty(this.charAt(3))) {
            yield* this.pushCount(3);
            this.indentValue = 0;
            this.indentNext = 0;
            return s === "---" ? "doc" : "stream";
          }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
          this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
      }
      *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
          const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n = yield* this.pushIndicators();
        switch (line[n]) {
          case "#":
            yield* this.pushCount(line.length - n);
          // fallthrough
          case void 0:
            yield* this.pushNewline();
            return yield* this.parseLineStart();
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel = 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            return "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
            n += yield* this.parseBlockScalarHeader();
            n += yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - n);
            yield* this.pushNewline();
            return yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
          nl = yield* this.pushNewline();
          if (nl > 0) {
            sp = yield* this.pushSpaces(false);
            this.indentValue = indent = sp;
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
          return this.setNext("flow");
        if (indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) {
          const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n = 0;
        while (line[n] === ",") {
          n += yield* this.pushCount(1);
          n += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line.length - n);
            return "flow";
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel += 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            this.flowKey = true;
            this.flowLevel -= 1;
            return this.flowLevel ? "flow" : "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "flow";
          case '"':
          case "'":
            this.flowKey = true;
            return yield* this.parseQuotedScalar();
          case ":": {
            const next = this.charAt(1);
            if (this.flowKey || isEmpty(next) || next === ",") {
              this.flowKey = false;
              yield* this.pushCount(1);
              yield* this.pushSpaces(true);
              return "flow";
            }
          }
          // fallthrough
          default:
            this.flowKey = false;
            return yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
          while (end !== -1 && this.buffer[end + 1] === "'")
            end = this.buffer.indexOf("'", end + 2);
        } else {
          while (end !== -1) {
            let n = 0;
            while (this.buffer[end - 1 - n] === "\\")
              n += 1;
            if (n % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        }
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf("\n", this.pos);
        if (nl !== -1) {
          while (nl !== -1) {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = qb.indexOf("\n", cs);
          }
          if (nl !== -1) {
            end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
          }
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
          const ch = this.buffer[++i];
          if (ch === "+")
            this.blockScalarKeep = true;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl = this.pos - 1;
        let indent = 0;
        let ch;
        loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
          switch (ch) {
            case " ":
              indent += 1;
              break;
            case "\n":
              nl = i2;
              indent = 0;
              break;
            case "\r": {
              const next = this.buffer[i2 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === "\n")
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent;
          else {
            this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          }
          do {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = this.buffer.indexOf("\n", cs);
          } while (nl !== -1);
          if (nl === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl = this.buffer.length;
          }
        }
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === " ")
          ch = this.buffer[++i];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i];
          nl = i - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i2 = nl - 1;
            let ch2 = this.buffer[i2];
            if (ch2 === "\r")
              ch2 = this.buffer[--i2];
            const lastChar = i2;
            while (ch2 === " ")
              ch2 = this.buffer[--i2];
            if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent > lastChar)
              nl = i2;
            else
              break;
          } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
      }
      *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while (ch = this.buffer[++i]) {
          if (ch === ":") {
            const next = this.buffer[i + 1];
            if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i;
          } else if (isEmpty(ch)) {
            let next = this.buffer[i + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i += 1;
                ch = "\n";
                next = this.buffer[i + 1];
              } else
                end = i;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs = this.continueScalar(i + 1);
              if (cs === -1)
                break;
              i = Math.max(i, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
      }
      *pushCount(n) {
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos += n;
          return n;
        }
        return 0;
      }
      *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
          yield s;
          this.pos += s.length;
          return s.length;
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n += yield* this.pushTag();
              n += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n += yield* this.pushUntil(isNotAnchorChar);
              n += yield* this.pushSpaces(true);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              const inFlow = this.flowLevel > 0;
              const ch1 = this.charAt(1);
              if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
                if (!inFlow)
                  this.indentNext = this.indentValue + 1;
                else if (this.flowKey)
                  this.flowKey = false;
                n += yield* this.pushCount(1);
                n += yield* this.pushSpaces(true);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i = this.pos + 2;
          let ch = this.buffer[i];
          while (!isEmpty(ch) && ch !== ">")
            ch = this.buffer[++i];
          return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
        } else {
          let i = this.pos + 1;
          let ch = this.buffer[i];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i];
            else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
              ch = this.buffer[i += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i, false);
        }
      }
      *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === "\n")
          return yield* this.pushCount(1);
        else if (ch === "\r" && this.charAt(1) === "\n")
          return yield* this.pushCount(2);
        else
          return 0;
      }
      *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i];
        } while (ch === " " || allowTabs && ch === "	");
        const n = i - this.pos;
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos = i;
        }
        return n;
      }
      *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
          ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
      }
    };
    exports.Lexer = Lexer;
  }
});

// node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "node_modules/yaml/dist/parse/line-counter.js"(exports) {
    "use strict";
    var LineCounter3 = class {
      constructor() {
        this.lineStarts = [];
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        this.linePos = (offset) => {
          let low = 0;
          let high = this.lineStarts.length;
          while (low < high) {
            const mid = low + high >> 1;
            if (this.lineStarts[mid] < offset)
              low = mid + 1;
            else
              high = mid;
          }
          if (this.lineStarts[low] === offset)
            return { line: low + 1, col: 1 };
          if (low === 0)
            return { line: 0, col: offset };
          const start = this.lineStarts[low - 1];
          return { line: low, col: offset - start + 1 };
        };
      }
    };
    exports.LineCounter = LineCounter3;
  }
});

// node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS({
  "node_modules/yaml/dist/parse/parser.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list, type) {
      for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list) {
      for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i;
        }
      }
      return -1;
    }
    function isFlowToken(token) {
      switch (token?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return true;
        default:
          return false;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          const it = parent.items[parent.items.length - 1];
          return it.sep ?? it.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i = prev.length;
      loop: while (--i >= 0) {
        switch (prev[i].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i]?.type === "space") {
      }
      return prev.splice(i, prev.length);
    }
    function arrayPushArray(target, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
      else
        for (let i = 0; i < source.length; ++i)
          target.push(source[i]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start") {
        for (const it of fc.items) {
          if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
            if (it.key)
              it.value = it.key;
            delete it.key;
            if (isFlowToken(it.value)) {
              if (it.value.end)
                arrayPushArray(it.value.end, it.sep);
              else
                it.value.end = it.sep;
            } else
              arrayPushArray(it.start, it.sep);
            delete it.sep;
          }
        }
      }
    }
    var Parser = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = true;
        this.atScalar = false;
        this.indent = 0;
        this.offset = 0;
        this.onKeyLine = false;
        this.stack = [];
        this.source = "";
        this.type = "";
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
      }
      /**
       * Parse `source` as a YAML stream.
       * If `incomplete`, a part of the last line may be left as a buffer for the next call.
       *
       * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
       *
       * @returns A generator of tokens representing each directive, document, and other structure.
       */
      *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
          this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
          yield* this.next(lexeme);
        if (!incomplete)
          yield* this.end();
      }
      /**
       * Advance the parser by the `source` of one lexical token.
       */
      *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
          console.log("|", cst.prettyToken(source));
        if (this.atScalar) {
          this.atScalar = false;
          yield* this.step();
          this.offset += source.length;
          return;
        }
        const type = cst.tokenType(source);
        if (!type) {
          const message = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message, source });
          this.offset += source.length;
        } else if (type === "scalar") {
          this.atNewLine = false;
          this.atScalar = true;
          this.type = "scalar";
        } else {
          this.type = type;
          yield* this.step();
          switch (type) {
            case "newline":
              this.atNewLine = true;
              this.indent = 0;
              if (this.onNewLine)
                this.onNewLine(this.offset + source.length);
              break;
            case "space":
              if (this.atNewLine && source[0] === " ")
                this.indent += source.length;
              break;
            case "explicit-key-ind":
            case "map-value-ind":
            case "seq-item-ind":
              if (this.atNewLine)
                this.indent += source.length;
              break;
            case "doc-mode":
            case "flow-error-end":
              return;
            default:
              this.atNewLine = false;
          }
          this.offset += source.length;
        }
      }
      /** Call at end of input to push out any remaining constructions */
      *end() {
        while (this.stack.length > 0)
          yield* this.pop();
      }
      get sourceToken() {
        const st = {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
        return st;
      }
      *step() {
        const top = this.peek(1);
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n) {
        return this.stack[this.stack.length - n];
      }
      *pop(error) {
        const token = error ?? this.stack.pop();
        if (!token) {
          const message = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message };
        } else if (this.stack.length === 0) {
          yield token;
        } else {
          const top = this.peek(1);
          if (token.type === "block-scalar") {
            token.indent = "indent" in top ? top.indent : 0;
          } else if (token.type === "flow-collection" && top.type === "document") {
            token.indent = 0;
          }
          if (token.type === "flow-collection")
            fixFlowSeqItems(token);
          switch (top.type) {
            case "document":
              top.value = token;
              break;
            case "block-scalar":
              top.props.push(token);
              break;
            case "block-map": {
              const it = top.items[top.items.length - 1];
              if (it.value) {
                top.items.push({ start: [], key: token, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it.sep) {
                it.value = token;
              } else {
                Object.assign(it, { key: token, sep: [] });
                this.onKeyLine = !it.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it = top.items[top.items.length - 1];
              if (it.value)
                top.items.push({ start: [], value: token });
              else
                it.value = token;
              break;
            }
            case "flow-collection": {
              const it = top.items[top.items.length - 1];
              if (!it || it.value)
                top.items.push({ start: [], key: token, sep: [] });
              else if (it.sep)
                it.value = token;
              else
                Object.assign(it, { key: token, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop();
              yield* this.pop(token);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            const last = token.items[token.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
              if (top.type === "document")
                top.end = last.start;
              else
                top.items.push({ start: last.start });
              token.items.splice(-1, 1);
            }
          }
        }
      }
      *stream() {
        switch (this.type) {
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            const doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            if (this.type === "doc-start")
              doc.start.push(this.sourceToken);
            this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            if (findNonEmptyIndex(doc.start) !== -1) {
              yield* this.pop();
              yield* this.step();
            } else
              doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
          this.stack.push(bv);
        else {
          yield {
            type: "error",
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML document`,
            source: this.source
          };
        }
      }
      *scalar(scalar) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start = getFirstKeyStartProps(prev);
          let sep;
          if (scalar.end) {
            sep = scalar.end;
            sep.push(this.sourceToken);
            delete scalar.end;
          } else
            sep = [this.sourceToken];
          const map2 = {
            type: "block-map",
            offset: scalar.offset,
            indent: scalar.indent,
            items: [{ start, key: scalar, sep }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map2;
        } else
          yield* this.lineEnd(scalar);
      }
      *blockScalar(scalar) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar.source = this.source;
            this.atNewLine = true;
            this.indent = 0;
            if (this.onNewLine) {
              let nl = this.source.indexOf("\n") + 1;
              while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf("\n", nl) + 1;
              }
            }
            yield* this.pop();
            break;
          /* istanbul ignore next should not happen */
          default:
            yield* this.pop();
            yield* this.step();
        }
      }
      *blockMap(map2) {
        const it = map2.items[map2.items.length - 1];
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                map2.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              it.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it.value) {
              map2.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              if (this.atIndentedComment(it.start, map2.indent)) {
                const prev = map2.items[map2.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  map2.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map2.indent) {
          const atMapIndent = !this.onKeyLine && this.indent === map2.indent;
          const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
          let start = [];
          if (atNextItem && it.sep && !it.value) {
            const nl = [];
            for (let i = 0; i < it.sep.length; ++i) {
              const st = it.sep[i];
              switch (st.type) {
                case "newline":
                  nl.push(i);
                  break;
                case "space":
                  break;
                case "comment":
                  if (st.indent > map2.indent)
                    nl.length = 0;
                  break;
                default:
                  nl.length = 0;
              }
            }
            if (nl.length >= 2)
              start = it.sep.splice(nl[1]);
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map2.items.push({ start });
                this.onKeyLine = true;
              } else if (it.sep) {
                it.sep.push(this.sourceToken);
              } else {
                it.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it.sep && !it.explicitKey) {
                it.start.push(this.sourceToken);
                it.explicitKey = true;
              } else if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map2.items.push({ start, explicitKey: true });
              } else {
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [this.sourceToken], explicitKey: true }]
                });
              }
              this.onKeyLine = true;
              return;
            case "map-value-ind":
              if (it.explicitKey) {
                if (!it.sep) {
                  if (includesToken(it.start, "newline")) {
                    Object.assign(it, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start2 = getFirstKeyStartProps(it.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it.value) {
                  map2.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                  const start2 = getFirstKeyStartProps(it.start);
                  const key = it.key;
                  const sep = it.sep;
                  sep.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key, sep }]
                  });
                } else if (start.length > 0) {
                  it.sep = it.sep.concat(start, this.sourceToken);
                } else {
                  it.sep.push(this.sourceToken);
                }
              } else {
                if (!it.sep) {
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                } else if (it.value || atNextItem) {
                  map2.items.push({ start, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map2.items.push({ start, key: fs, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs);
              } else {
                Object.assign(it, { key: fs, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map2);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else if (atMapIndent) {
                  map2.items.push({ start });
                }
                this.stack.push(bv);
                return;
              }
            }
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq.items.push({ start: [this.sourceToken] });
            } else
              it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it.value)
              seq.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it.start, seq.indent)) {
                const prev = seq.items[seq.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  seq.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it.value || this.indent <= seq.indent)
              break;
            it.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            if (it.value || includesToken(it.start, "seq-item-ind"))
              seq.items.push({ start: [this.sourceToken] });
            else
              it.start.push(this.sourceToken);
            return;
        }
        if (this.indent > seq.indent) {
          const bv = this.startBlockValue(seq);
          if (bv) {
            this.stack.push(bv);
            return;
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === "flow-error-end") {
          let top;
          do {
            yield* this.pop();
            top = this.peek(1);
          } while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              if (!it || it.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it || it.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it || it.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                it.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs, sep: [] });
              else if (it.sep)
                this.stack.push(fs);
              else
                Object.assign(it, { key: fs, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          const bv = this.startBlockValue(fc);
          if (bv)
            this.stack.push(bv);
          else {
            yield* this.pop();
            yield* this.step();
          }
        } else {
          const parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
            yield* this.pop();
            yield* this.step();
          } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep = fc.end.splice(1, fc.end.length);
            sep.push(this.sourceToken);
            const map2 = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map2;
          } else {
            yield* this.lineEnd(fc);
          }
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        return {
          type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      startBlockValue(parent) {
        switch (this.type) {
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            start.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start, indent) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent)
          return false;
        return start.every((st) => st.type === "newline" || st.type === "space");
      }
      *documentEnd(docEnd) {
        if (this.type !== "doc-mode") {
          if (docEnd.end)
            docEnd.end.push(this.sourceToken);
          else
            docEnd.end = [this.sourceToken];
          if (this.type === "newline")
            yield* this.pop();
        }
      }
      *lineEnd(token) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop();
            yield* this.step();
            break;
          case "newline":
            this.onKeyLine = false;
          // fallthrough
          case "space":
          case "comment":
          default:
            if (token.end)
              token.end.push(this.sourceToken);
            else
              token.end = [this.sourceToken];
            if (this.type === "newline")
              yield* this.pop();
        }
      }
    };
    exports.Parser = Parser;
  }
});

// node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "node_modules/yaml/dist/public-api.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var errors2 = require_errors();
    var log = require_log();
    var identity = require_identity();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    function parseOptions(options) {
      const prettyErrors = options.prettyErrors !== false;
      const lineCounter$1 = options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    function parseAllDocuments2(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      const docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (const doc of docs) {
          doc.errors.forEach(errors2.prettifyError(source, lineCounter2));
          doc.warnings.forEach(errors2.prettifyError(source, lineCounter2));
        }
      if (docs.length > 0)
        return docs;
      return Object.assign([], { empty: true }, composer$1.streamInfo());
    }
    function parseDocument4(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      let doc = null;
      for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors2.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      }
      if (prettyErrors && lineCounter2) {
        doc.errors.forEach(errors2.prettifyError(source, lineCounter2));
        doc.warnings.forEach(errors2.prettifyError(source, lineCounter2));
      }
      return doc;
    }
    function parse(src, reviver2, options) {
      let _reviver = void 0;
      if (typeof reviver2 === "function") {
        _reviver = reviver2;
      } else if (options === void 0 && reviver2 && typeof reviver2 === "object") {
        options = reviver2;
      }
      const doc = parseDocument4(src, options);
      if (!doc)
        return null;
      doc.warnings.forEach((warning) => log.warn(doc.options.logLevel, warning));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    function stringify(value, replacer2, options) {
      let _replacer = null;
      if (typeof replacer2 === "function" || Array.isArray(replacer2)) {
        _replacer = replacer2;
      } else if (options === void 0 && replacer2) {
        options = replacer2;
      }
      if (typeof options === "string")
        options = options.length;
      if (typeof options === "number") {
        const indent = Math.round(options);
        options = indent < 1 ? void 0 : indent > 8 ? { indent: 8 } : { indent };
      }
      if (value === void 0) {
        const { keepUndefined } = options ?? replacer2 ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
      return new Document.Document(value, _replacer, options).toString(options);
    }
    exports.parse = parse;
    exports.parseAllDocuments = parseAllDocuments2;
    exports.parseDocument = parseDocument4;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var Schema = require_Schema();
    var errors2 = require_errors();
    var Alias = require_Alias();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    var publicApi = require_public_api();
    var visit2 = require_visit();
    exports.Composer = composer.Composer;
    exports.Document = Document.Document;
    exports.Schema = Schema.Schema;
    exports.YAMLError = errors2.YAMLError;
    exports.YAMLParseError = errors2.YAMLParseError;
    exports.YAMLWarning = errors2.YAMLWarning;
    exports.Alias = Alias.Alias;
    exports.isAlias = identity.isAlias;
    exports.isCollection = identity.isCollection;
    exports.isDocument = identity.isDocument;
    exports.isMap = identity.isMap;
    exports.isNode = identity.isNode;
    exports.isPair = identity.isPair;
    exports.isScalar = identity.isScalar;
    exports.isSeq = identity.isSeq;
    exports.Pair = Pair.Pair;
    exports.Scalar = Scalar.Scalar;
    exports.YAMLMap = YAMLMap.YAMLMap;
    exports.YAMLSeq = YAMLSeq.YAMLSeq;
    exports.CST = cst;
    exports.Lexer = lexer.Lexer;
    exports.LineCounter = lineCounter.LineCounter;
    exports.Parser = parser.Parser;
    exports.parse = publicApi.parse;
    exports.parseAllDocuments = publicApi.parseAllDocuments;
    exports.parseDocument = publicApi.parseDocument;
    exports.stringify = publicApi.stringify;
    exports.visit = visit2.visit;
    exports.visitAsync = visit2.visitAsync;
  }
});

// node_modules/picomatch/lib/constants.js
var require_constants = __commonJS({
  "node_modules/picomatch/lib/constants.js"(exports, module) {
    "use strict";
    var WIN_SLASH = "\\\\/";
    var WIN_NO_SLASH = `[^${WIN_SLASH}]`;
    var DEFAULT_MAX_EXTGLOB_RECURSION = 0;
    var DOT_LITERAL = "\\.";
    var PLUS_LITERAL = "\\+";
    var QMARK_LITERAL = "\\?";
    var SLASH_LITERAL = "\\/";
    var ONE_CHAR = "(?=.)";
    var QMARK = "[^/]";
    var END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
    var START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
    var DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
    var NO_DOT = `(?!${DOT_LITERAL})`;
    var NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
    var NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
    var NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
    var QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
    var STAR = `${QMARK}*?`;
    var SEP = "/";
    var POSIX_CHARS = {
      DOT_LITERAL,
      PLUS_LITERAL,
      QMARK_LITERAL,
      SLASH_LITERAL,
      ONE_CHAR,
      QMARK,
      END_ANCHOR,
      DOTS_SLASH,
      NO_DOT,
      NO_DOTS,
      NO_DOT_SLASH,
      NO_DOTS_SLASH,
      QMARK_NO_DOT,
      STAR,
      START_ANCHOR,
      SEP
    };
    var WINDOWS_CHARS = {
      ...POSIX_CHARS,
      SLASH_LITERAL: `[${WIN_SLASH}]`,
      QMARK: WIN_NO_SLASH,
      STAR: `${WIN_NO_SLASH}*?`,
      DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
      NO_DOT: `(?!${DOT_LITERAL})`,
      NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
      NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
      START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
      END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
      SEP: "\\"
    };
    var POSIX_REGEX_SOURCE = {
      __proto__: null,
      alnum: "a-zA-Z0-9",
      alpha: "a-zA-Z",
      ascii: "\\x00-\\x7F",
      blank: " \\t",
      cntrl: "\\x00-\\x1F\\x7F",
      digit: "0-9",
      graph: "\\x21-\\x7E",
      lower: "a-z",
      print: "\\x20-\\x7E ",
      punct: "\\-!\"#$%&'()\\*+,./:;<=>?@[\\]^_`{|}~",
      space: " \\t\\r\\n\\v\\f",
      upper: "A-Z",
      word: "A-Za-z0-9_",
      xdigit: "A-Fa-f0-9"
    };
    module.exports = {
      DEFAULT_MAX_EXTGLOB_RECURSION,
      MAX_LENGTH: 1024 * 64,
      POSIX_REGEX_SOURCE,
      // regular expressions
      REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
      REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
      REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
      REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
      REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
      REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,
      // Replace globs with equivalent patterns to reduce parsing time.
      REPLACEMENTS: {
        __proto__: null,
        "***": "*",
        "**/**": "**",
        "**/**/**": "**"
      },
      // Digits
      CHAR_0: 48,
      /* 0 */
      CHAR_9: 57,
      /* 9 */
      // Alphabet chars.
      CHAR_UPPERCASE_A: 65,
      /* A */
      CHAR_LOWERCASE_A: 97,
      /* a */
      CHAR_UPPERCASE_Z: 90,
      /* Z */
      CHAR_LOWERCASE_Z: 122,
      /* z */
      CHAR_LEFT_PARENTHESES: 40,
      /* ( */
      CHAR_RIGHT_PARENTHESES: 41,
      /* ) */
      CHAR_ASTERISK: 42,
      /* * */
      // Non-alphabetic chars.
      CHAR_AMPERSAND: 38,
      /* & */
      CHAR_AT: 64,
      /* @ */
      CHAR_BACKWARD_SLASH: 92,
      /* \ */
      CHAR_CARRIAGE_RETURN: 13,
      /* \r */
      CHAR_CIRCUMFLEX_ACCENT: 94,
      /* ^ */
      CHAR_COLON: 58,
      /* : */
      CHAR_COMMA: 44,
      /* , */
      CHAR_DOT: 46,
      /* . */
      CHAR_DOUBLE_QUOTE: 34,
      /* " */
      CHAR_EQUAL: 61,
      /* = */
      CHAR_EXCLAMATION_MARK: 33,
      /* ! */
      CHAR_FORM_FEED: 12,
      /* \f */
      CHAR_FORWARD_SLASH: 47,
      /* / */
      CHAR_GRAVE_ACCENT: 96,
      /* ` */
      CHAR_HASH: 35,
      /* # */
      CHAR_HYPHEN_MINUS: 45,
      /* - */
      CHAR_LEFT_ANGLE_BRACKET: 60,
      /* < */
      CHAR_LEFT_CURLY_BRACE: 123,
      /* { */
      CHAR_LEFT_SQUARE_BRACKET: 91,
      /* [ */
      CHAR_LINE_FEED: 10,
      /* \n */
      CHAR_NO_BREAK_SPACE: 160,
      /* \u00A0 */
      CHAR_PERCENT: 37,
      /* % */
      CHAR_PLUS: 43,
      /* + */
      CHAR_QUESTION_MARK: 63,
      /* ? */
      CHAR_RIGHT_ANGLE_BRACKET: 62,
      /* > */
      CHAR_RIGHT_CURLY_BRACE: 125,
      /* } */
      CHAR_RIGHT_SQUARE_BRACKET: 93,
      /* ] */
      CHAR_SEMICOLON: 59,
      /* ; */
      CHAR_SINGLE_QUOTE: 39,
      /* ' */
      CHAR_SPACE: 32,
      /*   */
      CHAR_TAB: 9,
      /* \t */
      CHAR_UNDERSCORE: 95,
      /* _ */
      CHAR_VERTICAL_LINE: 124,
      /* | */
      CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279,
      /* \uFEFF */
      /**
       * Create EXTGLOB_CHARS
       */
      extglobChars(chars) {
        return {
          "!": { type: "negate", open: "(?:(?!(?:", close: `))${chars.STAR})` },
          "?": { type: "qmark", open: "(?:", close: ")?" },
          "+": { type: "plus", open: "(?:", close: ")+" },
          "*": { type: "star", open: "(?:", close: ")*" },
          "@": { type: "at", open: "(?:", close: ")" }
        };
      },
      /**
       * Create GLOB_CHARS
       */
      globChars(win32) {
        return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
      }
    };
  }
});

// node_modules/picomatch/lib/utils.js
var require_utils = __commonJS({
  "node_modules/picomatch/lib/utils.js"(exports) {
    "use strict";
    var {
      REGEX_BACKSLASH,
      REGEX_REMOVE_BACKSLASH,
      REGEX_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_GLOBAL
    } = require_constants();
    exports.isObject = (val) => val !== null && typeof val === "object" && !Array.isArray(val);
    exports.hasRegexChars = (str) => REGEX_SPECIAL_CHARS.test(str);
    exports.isRegexChar = (str) => str.length === 1 && exports.hasRegexChars(str);
    exports.escapeRegex = (str) => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, "\\$1");
    exports.toPosixSlashes = (str) => str.replace(REGEX_BACKSLASH, "/");
    exports.isWindows = () => {
      if (typeof navigator !== "undefined" && navigator.platform) {
        const platform = navigator.platform.toLowerCase();
        return platform === "win32" || platform === "windows";
      }
      if (typeof process !== "undefined" && process.platform) {
        return process.platform === "win32";
      }
      return false;
    };
    exports.removeBackslashes = (str) => {
      return str.replace(REGEX_REMOVE_BACKSLASH, (match) => {
        return match === "\\" ? "" : match;
      });
    };
    exports.escapeLast = (input, char, lastIdx) => {
      const idx = input.lastIndexOf(char, lastIdx);
      if (idx === -1) return input;
      if (input[idx - 1] === "\\") return exports.escapeLast(input, char, idx - 1);
      return `${input.slice(0, idx)}\\${input.slice(idx)}`;
    };
    exports.removePrefix = (input, state = {}) => {
      let output = input;
      if (output.startsWith("./")) {
        output = output.slice(2);
        state.prefix = "./";
      }
      return output;
    };
    exports.wrapOutput = (input, state = {}, options = {}) => {
      const prepend = options.contains ? "" : "^";
      const append = options.contains ? "" : "$";
      let output = `${prepend}(?:${input})${append}`;
      if (state.negated === true) {
        output = `(?:^(?!${output}).*$)`;
      }
      return output;
    };
    exports.basename = (path, { windows } = {}) => {
      const segs = path.split(windows ? /[\\/]/ : "/");
      const last = segs[segs.length - 1];
      if (last === "") {
        return segs[segs.length - 2];
      }
      return last;
    };
  }
});

// node_modules/picomatch/lib/scan.js
var require_scan = __commonJS({
  "node_modules/picomatch/lib/scan.js"(exports, module) {
    "use strict";
    var utils = require_utils();
    var {
      CHAR_ASTERISK,
      /* * */
      CHAR_AT,
      /* @ */
      CHAR_BACKWARD_SLASH,
      /* \ */
      CHAR_COMMA,
      /* , */
      CHAR_DOT,
      /* . */
      CHAR_EXCLAMATION_MARK,
      /* ! */
      CHAR_FORWARD_SLASH,
      /* / */
      CHAR_LEFT_CURLY_BRACE,
      /* { */
      CHAR_LEFT_PARENTHESES,
      /* ( */
      CHAR_LEFT_SQUARE_BRACKET,
      /* [ */
      CHAR_PLUS,
      /* + */
      CHAR_QUESTION_MARK,
      /* ? */
      CHAR_RIGHT_CURLY_BRACE,
      /* } */
      CHAR_RIGHT_PARENTHESES,
      /* ) */
      CHAR_RIGHT_SQUARE_BRACKET
      /* ] */
    } = require_constants();
    var isPathSeparator = (code2) => {
      return code2 === CHAR_FORWARD_SLASH || code2 === CHAR_BACKWARD_SLASH;
    };
    var depth = (token) => {
      if (token.isPrefix !== true) {
        token.depth = token.isGlobstar ? Infinity : 1;
      }
    };
    var scan = (input, options) => {
      const opts = options || {};
      const length = input.length - 1;
      const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
      const slashes = [];
      const tokens = [];
      const parts = [];
      let str = input;
      let index = -1;
      let start = 0;
      let lastIndex = 0;
      let isBrace = false;
      let isBracket = false;
      let isGlob = false;
      let isExtglob = false;
      let isGlobstar = false;
      let braceEscaped = false;
      let backslashes = false;
      let negated = false;
      let negatedExtglob = false;
      let finished = false;
      let braces = 0;
      let prev;
      let code2;
      let token = { value: "", depth: 0, isGlob: false };
      const eos = () => index >= length;
      const peek = () => str.charCodeAt(index + 1);
      const advance = () => {
        prev = code2;
        return str.charCodeAt(++index);
      };
      while (index < length) {
        code2 = advance();
        let next;
        if (code2 === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          code2 = advance();
          if (code2 === CHAR_LEFT_CURLY_BRACE) {
            braceEscaped = true;
          }
          continue;
        }
        if (braceEscaped === true || code2 === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          while (eos() !== true && (code2 = advance())) {
            if (code2 === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (code2 === CHAR_LEFT_CURLY_BRACE) {
              braces++;
              continue;
            }
            if (braceEscaped !== true && code2 === CHAR_DOT && (code2 = advance()) === CHAR_DOT) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (braceEscaped !== true && code2 === CHAR_COMMA) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (code2 === CHAR_RIGHT_CURLY_BRACE) {
              braces--;
              if (braces === 0) {
                braceEscaped = false;
                isBrace = token.isBrace = true;
                finished = true;
                break;
              }
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code2 === CHAR_FORWARD_SLASH) {
          slashes.push(index);
          tokens.push(token);
          token = { value: "", depth: 0, isGlob: false };
          if (finished === true) continue;
          if (prev === CHAR_DOT && index === start + 1) {
            start += 2;
            continue;
          }
          lastIndex = index + 1;
          continue;
        }
        if (opts.noext !== true) {
          const isExtglobChar = code2 === CHAR_PLUS || code2 === CHAR_AT || code2 === CHAR_ASTERISK || code2 === CHAR_QUESTION_MARK || code2 === CHAR_EXCLAMATION_MARK;
          if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
            isGlob = token.isGlob = true;
            isExtglob = token.isExtglob = true;
            finished = true;
            if (code2 === CHAR_EXCLAMATION_MARK && index === start) {
              negatedExtglob = true;
            }
            if (scanToEnd === true) {
              let parens = 0;
              while (eos() !== true && (code2 = advance())) {
                if (code2 === CHAR_BACKWARD_SLASH) {
                  backslashes = token.backslashes = true;
                  advance();
                  continue;
                }
                if (code2 === CHAR_LEFT_PARENTHESES) {
                  parens++;
                  continue;
                }
                if (code2 === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                  finished = true;
                  break;
                }
              }
              continue;
            }
            break;
          }
        }
        if (code2 === CHAR_ASTERISK) {
          if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code2 === CHAR_QUESTION_MARK) {
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code2 === CHAR_LEFT_SQUARE_BRACKET) {
          while (eos() !== true && (next = advance())) {
            if (next === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (next === CHAR_RIGHT_SQUARE_BRACKET) {
              isBracket = token.isBracket = true;
              isGlob = token.isGlob = true;
              finished = true;
              break;
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (opts.nonegate !== true && code2 === CHAR_EXCLAMATION_MARK && index === start) {
          negated = token.negated = true;
          start++;
          continue;
        }
        if (opts.noparen !== true && code2 === CHAR_LEFT_PARENTHESES) {
          isGlob = token.isGlob = true;
          if (scanToEnd === true) {
            let parens = 1;
            while (eos() !== true && (code2 = advance())) {
              if (code2 === CHAR_BACKWARD_SLASH) {
                backslashes = token.backslashes = true;
                advance();
                continue;
              }
              if (code2 === CHAR_LEFT_PARENTHESES) {
                parens++;
                continue;
              }
              if (code2 === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                finished = true;
                break;
              }
            }
            continue;
          }
          break;
        }
        if (isGlob === true) {
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
      }
      if (opts.noext === true) {
        isExtglob = false;
        isGlob = false;
      }
      let base = str;
      let prefix = "";
      let glob = "";
      if (start > 0) {
        prefix = str.slice(0, start);
        str = str.slice(start);
        lastIndex -= start;
      }
      if (base && isGlob === true && lastIndex > 0) {
        base = str.slice(0, lastIndex);
        glob = str.slice(lastIndex);
      } else if (isGlob === true) {
        base = "";
        glob = str;
      } else {
        base = str;
      }
      if (base && base !== "" && base !== "/" && base !== str) {
        if (isPathSeparator(base.charCodeAt(base.length - 1))) {
          base = base.slice(0, -1);
        }
      }
      if (opts.unescape === true) {
        if (glob) glob = utils.removeBackslashes(glob);
        if (base && backslashes === true) {
          base = utils.removeBackslashes(base);
        }
      }
      const state = {
        prefix,
        input,
        start,
        base,
        glob,
        isBrace,
        isBracket,
        isGlob,
        isExtglob,
        isGlobstar,
        negated,
        negatedExtglob
      };
      if (opts.tokens === true) {
        state.maxDepth = 0;
        if (!isPathSeparator(code2)) {
          tokens.push(token);
        }
        state.tokens = tokens;
      }
      if (opts.parts === true || opts.tokens === true) {
        let prevIndex;
        for (let idx = 0; idx < slashes.length; idx++) {
          const n2 = prevIndex !== void 0 ? prevIndex + 1 : start;
          const i = slashes[idx];
          const value2 = input.slice(n2, i);
          if (opts.tokens) {
            if (idx === 0 && start !== 0) {
              tokens[idx].isPrefix = true;
              tokens[idx].value = prefix;
            } else {
              tokens[idx].value = value2;
            }
            depth(tokens[idx]);
            state.maxDepth += tokens[idx].depth;
          }
          if (i >= start) {
            parts.push(value2);
            prevIndex = i;
          }
        }
        const n = prevIndex !== void 0 ? prevIndex + 1 : start;
        const value = input.slice(n);
        parts.push(value);
        if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
          tokens[tokens.length - 1].value = value;
          depth(tokens[tokens.length - 1]);
          state.maxDepth += tokens[tokens.length - 1].depth;
        }
        state.slashes = slashes;
        state.parts = parts;
      }
      return state;
    };
    module.exports = scan;
  }
});

// node_modules/picomatch/lib/parse.js
var require_parse = __commonJS({
  "node_modules/picomatch/lib/parse.js"(exports, module) {
    "use strict";
    var constants = require_constants();
    var utils = require_utils();
    var {
      MAX_LENGTH,
      POSIX_REGEX_SOURCE,
      REGEX_NON_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_BACKREF,
      REPLACEMENTS
    } = constants;
    var expandRange = (args, options) => {
      if (typeof options.expandRange === "function") {
        return options.expandRange(...args, options);
      }
      args.sort();
      const value = `[${args.join("-")}]`;
      try {
        new RegExp(value);
      } catch (ex) {
        return args.map((v) => utils.escapeRegex(v)).join("..");
      }
      return value;
    };
    var syntaxError = (type, char) => {
      return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
    };
    var splitTopLevel = (input) => {
      const parts = [];
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let value = "";
      let escaped = false;
      for (const ch of input) {
        if (escaped === true) {
          value += ch;
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          value += ch;
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          value += ch;
          continue;
        }
        if (quote === 0) {
          if (ch === "[") {
            bracket++;
          } else if (ch === "]" && bracket > 0) {
            bracket--;
          } else if (bracket === 0) {
            if (ch === "(") {
              paren++;
            } else if (ch === ")" && paren > 0) {
              paren--;
            } else if (ch === "|" && paren === 0) {
              parts.push(value);
              value = "";
              continue;
            }
          }
        }
        value += ch;
      }
      parts.push(value);
      return parts;
    };
    var isPlainBranch = (branch) => {
      let escaped = false;
      for (const ch of branch) {
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (/[?*+@!()[\]{}]/.test(ch)) {
          return false;
        }
      }
      return true;
    };
    var normalizeSimpleBranch = (branch) => {
      let value = branch.trim();
      let changed = true;
      while (changed === true) {
        changed = false;
        if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
          value = value.slice(2, -1);
          changed = true;
        }
      }
      if (!isPlainBranch(value)) {
        return;
      }
      return value.replace(/\\(.)/g, "$1");
    };
    var hasRepeatedCharPrefixOverlap = (branches) => {
      const values = branches.map(normalizeSimpleBranch).filter(Boolean);
      for (let i = 0; i < values.length; i++) {
        for (let j = i + 1; j < values.length; j++) {
          const a = values[i];
          const b = values[j];
          const char = a[0];
          if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
            continue;
          }
          if (a === b || a.startsWith(b) || b.startsWith(a)) {
            return true;
          }
        }
      }
      return false;
    };
    var parseRepeatedExtglob = (pattern, requireEnd = true) => {
      if (pattern[0] !== "+" && pattern[0] !== "*" || pattern[1] !== "(") {
        return;
      }
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let escaped = false;
      for (let i = 1; i < pattern.length; i++) {
        const ch = pattern[i];
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          continue;
        }
        if (quote === 1) {
          continue;
        }
        if (ch === "[") {
          bracket++;
          continue;
        }
        if (ch === "]" && bracket > 0) {
          bracket--;
          continue;
        }
        if (bracket > 0) {
          continue;
        }
        if (ch === "(") {
          paren++;
          continue;
        }
        if (ch === ")") {
          paren--;
          if (paren === 0) {
            if (requireEnd === true && i !== pattern.length - 1) {
              return;
            }
            return {
              type: pattern[0],
              body: pattern.slice(2, i),
              end: i
            };
          }
        }
      }
    };
    var buildCharClassStar = (chars) => {
      const source = chars.length === 1 ? utils.escapeRegex(chars[0]) : `[${chars.map((ch) => utils.escapeRegex(ch)).join("")}]`;
      return `${source}*`;
    };
    var getStarExtglobSequenceChars = (pattern) => {
      let index = 0;
      const chars = [];
      while (index < pattern.length) {
        const match = parseRepeatedExtglob(pattern.slice(index), false);
        if (!match || match.type !== "*") {
          return;
        }
        const branches = splitTopLevel(match.body).map((branch2) => branch2.trim());
        if (branches.length !== 1) {
          return;
        }
        const branch = normalizeSimpleBranch(branches[0]);
        if (!branch || branch.length !== 1) {
          return;
        }
        chars.push(branch);
        index += match.end + 1;
      }
      if (chars.length < 1) {
        return;
      }
      return chars;
    };
    var repeatedExtglobRecursion = (pattern) => {
      let depth = 0;
      let value = pattern.trim();
      let match = parseRepeatedExtglob(value);
      while (match) {
        depth++;
        value = match.body.trim();
        match = parseRepeatedExtglob(value);
      }
      return depth;
    };
    var analyzeRepeatedExtglob = (body, options) => {
      if (options.maxExtglobRecursion === false) {
        return { risky: false };
      }
      const max = typeof options.maxExtglobRecursion === "number" ? options.maxExtglobRecursion : constants.DEFAULT_MAX_EXTGLOB_RECURSION;
      const branches = splitTopLevel(body).map((branch) => branch.trim());
      if (branches.length > 1) {
        if (branches.some((branch) => branch === "") || branches.some((branch) => /^[*?]+$/.test(branch)) || hasRepeatedCharPrefixOverlap(branches)) {
          return { risky: true };
        }
      }
      const safeChars = [];
      let sawStarSequence = false;
      let combinable = true;
      for (const branch of branches) {
        const chars = getStarExtglobSequenceChars(branch);
        if (chars) {
          sawStarSequence = true;
          safeChars.push(...chars);
          continue;
        }
        const literal = normalizeSimpleBranch(branch);
        if (literal && literal.length === 1) {
          safeChars.push(literal);
          continue;
        }
        combinable = false;
        if (repeatedExtglobRecursion(branch) > max) {
          return { risky: true };
        }
      }
      if (sawStarSequence) {
        return combinable ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) } : { risky: true };
      }
      return { risky: false };
    };
    var parse = (input, options) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected a string");
      }
      input = REPLACEMENTS[input] || input;
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      let len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      const bos = { type: "bos", value: "", output: opts.prepend || "" };
      const tokens = [bos];
      const capture = opts.capture ? "" : "?:";
      const PLATFORM_CHARS = constants.globChars(opts.windows);
      const EXTGLOB_CHARS = constants.extglobChars(PLATFORM_CHARS);
      const {
        DOT_LITERAL,
        PLUS_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOT_SLASH,
        NO_DOTS_SLASH,
        QMARK,
        QMARK_NO_DOT,
        STAR,
        START_ANCHOR
      } = PLATFORM_CHARS;
      const globstar = (opts2) => {
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const nodot = opts.dot ? "" : NO_DOT;
      const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
      let star = opts.bash === true ? globstar(opts) : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      if (typeof opts.noext === "boolean") {
        opts.noextglob = opts.noext;
      }
      const state = {
        input,
        index: -1,
        start: 0,
        dot: opts.dot === true,
        consumed: "",
        output: "",
        prefix: "",
        backtrack: false,
        negated: false,
        brackets: 0,
        braces: 0,
        parens: 0,
        quotes: 0,
        globstar: false,
        tokens
      };
      input = utils.removePrefix(input, state);
      len = input.length;
      const extglobs = [];
      const braces = [];
      const stack = [];
      let prev = bos;
      let value;
      const eos = () => state.index === len - 1;
      const peek = state.peek = (n = 1) => input[state.index + n];
      const advance = state.advance = () => input[++state.index] || "";
      const remaining = () => input.slice(state.index + 1);
      const consume = (value2 = "", num2 = 0) => {
        state.consumed += value2;
        state.index += num2;
      };
      const append = (token) => {
        state.output += token.output != null ? token.output : token.value;
        consume(token.value);
      };
      const negate = () => {
        let count = 1;
        while (peek() === "!" && (peek(2) !== "(" || peek(3) === "?")) {
          advance();
          state.start++;
          count++;
        }
        if (count % 2 === 0) {
          return false;
        }
        state.negated = true;
        state.start++;
        return true;
      };
      const increment = (type) => {
        state[type]++;
        stack.push(type);
      };
      const decrement = (type) => {
        state[type]--;
        stack.pop();
      };
      const push = (tok) => {
        if (prev.type === "globstar") {
          const isBrace = state.braces > 0 && (tok.type === "comma" || tok.type === "brace");
          const isExtglob = tok.extglob === true || extglobs.length && (tok.type === "pipe" || tok.type === "paren");
          if (tok.type !== "slash" && tok.type !== "paren" && !isBrace && !isExtglob) {
            state.output = state.output.slice(0, -prev.output.length);
            prev.type = "star";
            prev.value = "*";
            prev.output = star;
            state.output += prev.output;
          }
        }
        if (extglobs.length && tok.type !== "paren") {
          extglobs[extglobs.length - 1].inner += tok.value;
        }
        if (tok.value || tok.output) append(tok);
        if (prev && prev.type === "text" && tok.type === "text") {
          prev.output = (prev.output || prev.value) + tok.value;
          prev.value += tok.value;
          return;
        }
        tok.prev = prev;
        tokens.push(tok);
        prev = tok;
      };
      const extglobOpen = (type, value2) => {
        const token = { ...EXTGLOB_CHARS[value2], conditions: 1, inner: "" };
        token.prev = prev;
        token.parens = state.parens;
        token.output = state.output;
        token.startIndex = state.index;
        token.tokensIndex = tokens.length;
        const output = (opts.capture ? "(" : "") + token.open;
        increment("parens");
        push({ type, value: value2, output: state.output ? "" : ONE_CHAR });
        push({ type: "paren", extglob: true, value: advance(), output });
        extglobs.push(token);
      };
      const extglobClose = (token) => {
        const literal = input.slice(token.startIndex, state.index + 1);
        const body = input.slice(token.startIndex + 2, state.index);
        const analysis = analyzeRepeatedExtglob(body, opts);
        if ((token.type === "plus" || token.type === "star") && analysis.risky) {
          const safeOutput = analysis.safeOutput ? (token.output ? "" : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput) : void 0;
          const open = tokens[token.tokensIndex];
          open.type = "text";
          open.value = literal;
          open.output = safeOutput || utils.escapeRegex(literal);
          for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
            tokens[i].value = "";
            tokens[i].output = "";
            delete tokens[i].suffix;
          }
          state.output = token.output + open.output;
          state.backtrack = true;
          push({ type: "paren", extglob: true, value, output: "" });
          decrement("parens");
          return;
        }
        let output = token.close + (opts.capture ? ")" : "");
        let rest;
        if (token.type === "negate") {
          let extglobStar = star;
          if (token.inner && token.inner.length > 1 && token.inner.includes("/")) {
            extglobStar = globstar(opts);
          }
          if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
            output = token.close = `)$))${extglobStar}`;
          }
          if (token.inner.includes("*") && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
            const expression = parse(rest, { ...options, fastpaths: false }).output;
            output = token.close = `)${expression})${extglobStar})`;
          }
          if (token.prev.type === "bos") {
            state.negatedExtglob = true;
          }
        }
        push({ type: "paren", extglob: true, value, output });
        decrement("parens");
      };
      if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
        let backslashes = false;
        let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
          if (first === "\\") {
            backslashes = true;
            return m;
          }
          if (first === "?") {
            if (esc) {
              return esc + first + (rest ? QMARK.repeat(rest.length) : "");
            }
            if (index === 0) {
              return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : "");
            }
            return QMARK.repeat(chars.length);
          }
          if (first === ".") {
            return DOT_LITERAL.repeat(chars.length);
          }
          if (first === "*") {
            if (esc) {
              return esc + first + (rest ? star : "");
            }
            return star;
          }
          return esc ? m : `\\${m}`;
        });
        if (backslashes === true) {
          if (opts.unescape === true) {
            output = output.replace(/\\/g, "");
          } else {
            output = output.replace(/\\+/g, (m) => {
              return m.length % 2 === 0 ? "\\\\" : m ? "\\" : "";
            });
          }
        }
        if (output === input && opts.contains === true) {
          state.output = input;
          return state;
        }
        state.output = utils.wrapOutput(output, state, options);
        return state;
      }
      while (!eos()) {
        value = advance();
        if (value === "\0") {
          continue;
        }
        if (value === "\\") {
          const next = peek();
          if (next === "/" && opts.bash !== true) {
            continue;
          }
          if (next === "." || next === ";") {
            continue;
          }
          if (!next) {
            value += "\\";
            push({ type: "text", value });
            continue;
          }
          const match = /^\\+/.exec(remaining());
          let slashes = 0;
          if (match && match[0].length > 2) {
            slashes = match[0].length;
            state.index += slashes;
            if (slashes % 2 !== 0) {
              value += "\\";
            }
          }
          if (opts.unescape === true) {
            value = advance();
          } else {
            value += advance();
          }
          if (state.brackets === 0) {
            push({ type: "text", value });
            continue;
          }
        }
        if (state.brackets > 0 && (value !== "]" || prev.value === "[" || prev.value === "[^")) {
          if (opts.posix !== false && value === ":") {
            const inner = prev.value.slice(1);
            if (inner.includes("[")) {
              prev.posix = true;
              if (inner.includes(":")) {
                const idx = prev.value.lastIndexOf("[");
                const pre = prev.value.slice(0, idx);
                const rest2 = prev.value.slice(idx + 2);
                const posix2 = POSIX_REGEX_SOURCE[rest2];
                if (posix2) {
                  prev.value = pre + posix2;
                  state.backtrack = true;
                  advance();
                  if (!bos.output && tokens.indexOf(prev) === 1) {
                    bos.output = ONE_CHAR;
                  }
                  continue;
                }
              }
            }
          }
          if (value === "[" && peek() !== ":" || value === "-" && peek() === "]") {
            value = `\\${value}`;
          }
          if (value === "]" && (prev.value === "[" || prev.value === "[^")) {
            value = `\\${value}`;
          }
          if (opts.posix === true && value === "!" && prev.value === "[") {
            value = "^";
          }
          prev.value += value;
          append({ value });
          continue;
        }
        if (state.quotes === 1 && value !== '"') {
          value = utils.escapeRegex(value);
          prev.value += value;
          append({ value });
          continue;
        }
        if (value === '"') {
          state.quotes = state.quotes === 1 ? 0 : 1;
          if (opts.keepQuotes === true) {
            push({ type: "text", value });
          }
          continue;
        }
        if (value === "(") {
          increment("parens");
          push({ type: "paren", value });
          continue;
        }
        if (value === ")") {
          if (state.parens === 0 && opts.strictBrackets === true) {
            throw new SyntaxError(syntaxError("opening", "("));
          }
          const extglob = extglobs[extglobs.length - 1];
          if (extglob && state.parens === extglob.parens + 1) {
            extglobClose(extglobs.pop());
            continue;
          }
          push({ type: "paren", value, output: state.parens ? ")" : "\\)" });
          decrement("parens");
          continue;
        }
        if (value === "[") {
          if (opts.nobracket === true || !remaining().includes("]")) {
            if (opts.nobracket !== true && opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("closing", "]"));
            }
            value = `\\${value}`;
          } else {
            increment("brackets");
          }
          push({ type: "bracket", value });
          continue;
        }
        if (value === "]") {
          if (opts.nobracket === true || prev && prev.type === "bracket" && prev.value.length === 1) {
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          if (state.brackets === 0) {
            if (opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("opening", "["));
            }
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          decrement("brackets");
          const prevValue = prev.value.slice(1);
          if (prev.posix !== true && prevValue[0] === "^" && !prevValue.includes("/")) {
            value = `/${value}`;
          }
          prev.value += value;
          append({ value });
          if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
            continue;
          }
          const escaped = utils.escapeRegex(prev.value);
          state.output = state.output.slice(0, -prev.value.length);
          if (opts.literalBrackets === true) {
            state.output += escaped;
            prev.value = escaped;
            continue;
          }
          prev.value = `(${capture}${escaped}|${prev.value})`;
          state.output += prev.value;
          continue;
        }
        if (value === "{" && opts.nobrace !== true) {
          increment("braces");
          const open = {
            type: "brace",
            value,
            output: "(",
            outputIndex: state.output.length,
            tokensIndex: state.tokens.length
          };
          braces.push(open);
          push(open);
          continue;
        }
        if (value === "}") {
          const brace = braces[braces.length - 1];
          if (opts.nobrace === true || !brace) {
            push({ type: "text", value, output: value });
            continue;
          }
          let output = ")";
          if (brace.dots === true) {
            const arr = tokens.slice();
            const range = [];
            for (let i = arr.length - 1; i >= 0; i--) {
              tokens.pop();
              if (arr[i].type === "brace") {
                break;
              }
              if (arr[i].type !== "dots") {
                range.unshift(arr[i].value);
              }
            }
            output = expandRange(range, opts);
            state.backtrack = true;
          }
          if (brace.comma !== true && brace.dots !== true) {
            const out = state.output.slice(0, brace.outputIndex);
            const toks = state.tokens.slice(brace.tokensIndex);
            brace.value = brace.output = "\\{";
            value = output = "\\}";
            state.output = out;
            for (const t of toks) {
              state.output += t.output || t.value;
            }
          }
          push({ type: "brace", value, output });
          decrement("braces");
          braces.pop();
          continue;
        }
        if (value === "|") {
          if (extglobs.length > 0) {
            extglobs[extglobs.length - 1].conditions++;
          }
          push({ type: "text", value });
          continue;
        }
        if (value === ",") {
          let output = value;
          const brace = braces[braces.length - 1];
          if (brace && stack[stack.length - 1] === "braces") {
            brace.comma = true;
            output = "|";
          }
          push({ type: "comma", value, output });
          continue;
        }
        if (value === "/") {
          if (prev.type === "dot" && state.index === state.start + 1) {
            state.start = state.index + 1;
            state.consumed = "";
            state.output = "";
            tokens.pop();
            prev = bos;
            continue;
          }
          push({ type: "slash", value, output: SLASH_LITERAL });
          continue;
        }
        if (value === ".") {
          if (state.braces > 0 && prev.type === "dot") {
            if (prev.value === ".") prev.output = DOT_LITERAL;
            const brace = braces[braces.length - 1];
            prev.type = "dots";
            prev.output += value;
            prev.value += value;
            brace.dots = true;
            continue;
          }
          if (state.braces + state.parens === 0 && prev.type !== "bos" && prev.type !== "slash") {
            push({ type: "text", value, output: DOT_LITERAL });
            continue;
          }
          push({ type: "dot", value, output: DOT_LITERAL });
          continue;
        }
        if (value === "?") {
          const isGroup = prev && prev.value === "(";
          if (!isGroup && opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("qmark", value);
            continue;
          }
          if (prev && prev.type === "paren") {
            const next = peek();
            let output = value;
            if (prev.value === "(" && !/[!=<:]/.test(next) || next === "<" && !/<([!=]|\w+>)/.test(remaining())) {
              output = `\\${value}`;
            }
            push({ type: "text", value, output });
            continue;
          }
          if (opts.dot !== true && (prev.type === "slash" || prev.type === "bos")) {
            push({ type: "qmark", value, output: QMARK_NO_DOT });
            continue;
          }
          push({ type: "qmark", value, output: QMARK });
          continue;
        }
        if (value === "!") {
          if (opts.noextglob !== true && peek() === "(") {
            if (peek(2) !== "?" || !/[!=<:]/.test(peek(3))) {
              extglobOpen("negate", value);
              continue;
            }
          }
          if (opts.nonegate !== true && state.index === 0) {
            negate();
            continue;
          }
        }
        if (value === "+") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("plus", value);
            continue;
          }
          if (prev && prev.value === "(" || opts.regex === false) {
            push({ type: "plus", value, output: PLUS_LITERAL });
            continue;
          }
          if (prev && (prev.type === "bracket" || prev.type === "paren" || prev.type === "brace") || state.parens > 0) {
            push({ type: "plus", value });
            continue;
          }
          push({ type: "plus", value: PLUS_LITERAL });
          continue;
        }
        if (value === "@") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            push({ type: "at", extglob: true, value, output: "" });
            continue;
          }
          push({ type: "text", value });
          continue;
        }
        if (value !== "*") {
          if (value === "$" || value === "^") {
            value = `\\${value}`;
          }
          const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
          if (match) {
            value += match[0];
            state.index += match[0].length;
          }
          push({ type: "text", value });
          continue;
        }
        if (prev && (prev.type === "globstar" || prev.star === true)) {
          prev.type = "star";
          prev.star = true;
          prev.value += value;
          prev.output = star;
          state.backtrack = true;
          state.globstar = true;
          consume(value);
          continue;
        }
        let rest = remaining();
        if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
          extglobOpen("star", value);
          continue;
        }
        if (prev.type === "star") {
          if (opts.noglobstar === true) {
            consume(value);
            continue;
          }
          const prior = prev.prev;
          const before = prior.prev;
          const isStart = prior.type === "slash" || prior.type === "bos";
          const afterStar = before && (before.type === "star" || before.type === "globstar");
          if (opts.bash === true && (!isStart || rest[0] && rest[0] !== "/")) {
            push({ type: "star", value, output: "" });
            continue;
          }
          const isBrace = state.braces > 0 && (prior.type === "comma" || prior.type === "brace");
          const isExtglob = extglobs.length && (prior.type === "pipe" || prior.type === "paren");
          if (!isStart && prior.type !== "paren" && !isBrace && !isExtglob) {
            push({ type: "star", value, output: "" });
            continue;
          }
          while (rest.slice(0, 3) === "/**") {
            const after = input[state.index + 4];
            if (after && after !== "/") {
              break;
            }
            rest = rest.slice(3);
            consume("/**", 3);
          }
          const isEnd = eos() || state.parens > 0 && rest === ")".repeat(state.parens) && !extglobs.some((extglob) => extglob.type === "negate");
          if (prior.type === "bos" && eos()) {
            prev.type = "globstar";
            prev.value += value;
            prev.output = globstar(opts);
            state.output = prev.output;
            state.globstar = true;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && !afterStar && isEnd) {
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = globstar(opts) + (opts.strictSlashes ? ")" : "|$)");
            prev.value += value;
            state.globstar = true;
            state.output += prior.output + prev.output;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && rest[0] === "/") {
            const end = rest[1] !== void 0 ? "|$" : "";
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
            prev.value += value;
            state.output += prior.output + prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          if (prior.type === "bos" && rest[0] === "/") {
            prev.type = "globstar";
            prev.value += value;
            prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
            state.output = prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          state.output = state.output.slice(0, -prev.output.length);
          prev.type = "globstar";
          prev.output = globstar(opts);
          prev.value += value;
          state.output += prev.output;
          state.globstar = true;
          consume(value);
          continue;
        }
        const token = { type: "star", value, output: star };
        if (opts.bash === true) {
          token.output = ".*?";
          if (prev.type === "bos" || prev.type === "slash") {
            token.output = nodot + token.output;
          }
          push(token);
          continue;
        }
        if (prev && (prev.type === "bracket" || prev.type === "paren") && opts.regex === true) {
          token.output = value;
          push(token);
          continue;
        }
        if (state.index === state.start || prev.type === "slash" || prev.type === "dot") {
          if (prev.type === "dot") {
            state.output += NO_DOT_SLASH;
            prev.output += NO_DOT_SLASH;
          } else if (opts.dot === true) {
            state.output += NO_DOTS_SLASH;
            prev.output += NO_DOTS_SLASH;
          } else {
            state.output += nodot;
            prev.output += nodot;
          }
          if (peek() !== "*") {
            state.output += ONE_CHAR;
            prev.output += ONE_CHAR;
          }
        }
        push(token);
      }
      while (state.brackets > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "]"));
        state.output = utils.escapeLast(state.output, "[");
        decrement("brackets");
      }
      while (state.parens > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", ")"));
        state.output = utils.escapeLast(state.output, "(");
        decrement("parens");
      }
      while (state.braces > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "}"));
        state.output = utils.escapeLast(state.output, "{");
        decrement("braces");
      }
      if (opts.strictSlashes !== true && (prev.type === "star" || prev.type === "bracket")) {
        push({ type: "maybe_slash", value: "", output: `${SLASH_LITERAL}?` });
      }
      if (state.backtrack === true) {
        state.output = "";
        for (const token of state.tokens) {
          state.output += token.output != null ? token.output : token.value;
          if (token.suffix) {
            state.output += token.suffix;
          }
        }
      }
      return state;
    };
    parse.fastpaths = (input, options) => {
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      const len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      input = REPLACEMENTS[input] || input;
      const {
        DOT_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOTS,
        NO_DOTS_SLASH,
        STAR,
        START_ANCHOR
      } = constants.globChars(opts.windows);
      const nodot = opts.dot ? NO_DOTS : NO_DOT;
      const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
      const capture = opts.capture ? "" : "?:";
      const state = { negated: false, prefix: "" };
      let star = opts.bash === true ? ".*?" : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      const globstar = (opts2) => {
        if (opts2.noglobstar === true) return star;
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const create = (str) => {
        switch (str) {
          case "*":
            return `${nodot}${ONE_CHAR}${star}`;
          case ".*":
            return `${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*.*":
            return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*/*":
            return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;
          case "**":
            return nodot + globstar(opts);
          case "**/*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;
          case "**/*.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "**/.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;
          default: {
            const match = /^(.*?)\.(\w+)$/.exec(str);
            if (!match) return;
            const source2 = create(match[1]);
            if (!source2) return;
            return source2 + DOT_LITERAL + match[2];
          }
        }
      };
      const output = utils.removePrefix(input, state);
      let source = create(output);
      if (source && opts.strictSlashes !== true) {
        source += `${SLASH_LITERAL}?`;
      }
      return source;
    };
    module.exports = parse;
  }
});

// node_modules/picomatch/lib/picomatch.js
var require_picomatch = __commonJS({
  "node_modules/picomatch/lib/picomatch.js"(exports, module) {
    "use strict";
    var scan = require_scan();
    var parse = require_parse();
    var utils = require_utils();
    var constants = require_constants();
    var isObject = (val) => val && typeof val === "object" && !Array.isArray(val);
    var picomatch2 = (glob, options, returnState = false) => {
      if (Array.isArray(glob)) {
        const fns = glob.map((input) => picomatch2(input, options, returnState));
        const arrayMatcher = (str) => {
          for (const isMatch of fns) {
            const state2 = isMatch(str);
            if (state2) return state2;
          }
          return false;
        };
        return arrayMatcher;
      }
      const isState = isObject(glob) && glob.tokens && glob.input;
      if (glob === "" || typeof glob !== "string" && !isState) {
        throw new TypeError("Expected pattern to be a non-empty string");
      }
      const opts = options || {};
      const posix2 = opts.windows;
      const regex = isState ? picomatch2.compileRe(glob, options) : picomatch2.makeRe(glob, options, false, true);
      const state = regex.state;
      delete regex.state;
      let isIgnored = () => false;
      if (opts.ignore) {
        const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
        isIgnored = picomatch2(opts.ignore, ignoreOpts, returnState);
      }
      const matcher = (input, returnObject = false) => {
        const { isMatch, match, output } = picomatch2.test(input, regex, options, { glob, posix: posix2 });
        const result = { glob, state, regex, posix: posix2, input, output, match, isMatch };
        if (typeof opts.onResult === "function") {
          opts.onResult(result);
        }
        if (isMatch === false) {
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (isIgnored(input)) {
          if (typeof opts.onIgnore === "function") {
            opts.onIgnore(result);
          }
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (typeof opts.onMatch === "function") {
          opts.onMatch(result);
        }
        return returnObject ? result : true;
      };
      if (returnState) {
        matcher.state = state;
      }
      return matcher;
    };
    picomatch2.test = (input, regex, options, { glob, posix: posix2 } = {}) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected input to be a string");
      }
      if (input === "") {
        return { isMatch: false, output: "" };
      }
      const opts = options || {};
      const format = opts.format || (posix2 ? utils.toPosixSlashes : null);
      let match = input === glob;
      let output = match && format ? format(input) : input;
      if (match === false) {
        output = format ? format(input) : input;
        match = output === glob;
      }
      if (match === false || opts.capture === true) {
        if (opts.matchBase === true || opts.basename === true) {
          match = picomatch2.matchBase(input, regex, options, posix2);
        } else {
          match = regex.exec(output);
        }
      }
      return { isMatch: Boolean(match), match, output };
    };
    picomatch2.matchBase = (input, glob, options, posix2 = options && options.windows) => {
      const regex = glob instanceof RegExp ? glob : picomatch2.makeRe(glob, options);
      return regex.test(utils.basename(input, { windows: posix2 }));
    };
    picomatch2.isMatch = (str, patterns, options) => picomatch2(patterns, options)(str);
    picomatch2.parse = (pattern, options) => {
      if (Array.isArray(pattern)) return pattern.map((p) => picomatch2.parse(p, options));
      return parse(pattern, { ...options, fastpaths: false });
    };
    picomatch2.scan = (input, options) => scan(input, options);
    picomatch2.compileRe = (state, options, returnOutput = false, returnState = false) => {
      if (returnOutput === true) {
        return state.output;
      }
      const opts = options || {};
      const prepend = opts.contains ? "" : "^";
      const append = opts.contains ? "" : "$";
      let source = `${prepend}(?:${state.output})${append}`;
      if (state && state.negated === true) {
        source = `^(?!${source}).*$`;
      }
      const regex = picomatch2.toRegex(source, options);
      if (returnState === true) {
        regex.state = state;
      }
      return regex;
    };
    picomatch2.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
      if (!input || typeof input !== "string") {
        throw new TypeError("Expected a non-empty string");
      }
      let parsed = { negated: false, fastpaths: true };
      if (options.fastpaths !== false && (input[0] === "." || input[0] === "*")) {
        parsed.output = parse.fastpaths(input, options);
      }
      if (!parsed.output) {
        parsed = parse(input, options);
      }
      return picomatch2.compileRe(parsed, options, returnOutput, returnState);
    };
    picomatch2.toRegex = (source, options) => {
      try {
        const opts = options || {};
        return new RegExp(source, opts.flags || (opts.nocase ? "i" : ""));
      } catch (err) {
        if (options && options.debug === true) throw err;
        return /$^/;
      }
    };
    picomatch2.constants = constants;
    module.exports = picomatch2;
  }
});

// node_modules/picomatch/index.js
var require_picomatch2 = __commonJS({
  "node_modules/picomatch/index.js"(exports, module) {
    "use strict";
    var pico = require_picomatch();
    var utils = require_utils();
    function picomatch2(glob, options, returnState = false) {
      if (options && (options.windows === null || options.windows === void 0)) {
        options = { ...options, windows: utils.isWindows() };
      }
      return pico(glob, options, returnState);
    }
    Object.assign(picomatch2, pico);
    module.exports = picomatch2;
  }
});

// src/core/diagnostics.ts
function formatDiagnostic(d) {
  const head = `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message}`;
  return d.hint ? `${head}
  hint: ${d.hint}` : head;
}
function compareDiagnostics(a, b) {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column;
}

// src/core/config/parse.ts
var import_yaml2 = __toESM(require_dist(), 1);

// src/core/config/locate.ts
var import_yaml = __toESM(require_dist(), 1);
var Locator = class {
  constructor(file, doc, lines) {
    this.file = file;
    this.doc = doc;
    this.lines = lines;
  }
  file;
  doc;
  lines;
  atOffset(start, end) {
    const from = this.lines.linePos(start);
    const location = { file: this.file, line: from.line, column: from.col };
    if (end !== void 0 && end > start) {
      const to = this.lines.linePos(end);
      location.endLine = to.line;
      location.endColumn = to.col;
    }
    return location;
  }
  atNode(node) {
    const range = node?.range;
    return range ? this.atOffset(range[0], range[1]) : { file: this.file, line: 1, column: 1 };
  }
  deref(node) {
    return (0, import_yaml.isAlias)(node) ? node.resolve(this.doc) : node;
  }
  /** Finds the node for a data path; stops at the deepest node that exists. */
  find(path) {
    let node = this.deref(this.doc.contents);
    let key = null;
    for (const segment of path) {
      if ((0, import_yaml.isMap)(node)) {
        const pair = node.items.find((p) => (0, import_yaml.isScalar)(p.key) && String(p.key.value) === String(segment));
        if (!pair) return { node, key, complete: false };
        key = pair.key;
        node = this.deref(pair.value);
      } else if ((0, import_yaml.isSeq)(node)) {
        const item = node.items[Number(segment)];
        if (item === void 0) return { node, key, complete: false };
        key = null;
        node = this.deref(item);
      } else {
        return { node, key, complete: false };
      }
    }
    return { node: node ?? key, key, complete: true };
  }
  /** The location of a path's value, falling back to its key (e.g. `key:` with no value). */
  at(path) {
    const found = this.find(path);
    const empty = (0, import_yaml.isScalar)(found.node) && found.node.value === null && found.node.range?.[0] === found.node.range?.[1];
    return this.atNode(found.node?.range && !empty ? found.node : found.key ?? found.node);
  }
  /** The location of the key of a mapping entry, for "unknown key" messages. */
  atKey(path) {
    const found = this.find(path);
    return this.atNode(found.key ?? found.node);
  }
  error(location, message, hint) {
    const diagnostic = { ...location, severity: "error", message };
    if (hint) diagnostic.hint = hint;
    return diagnostic;
  }
  /** Offset in the source of a string scalar's first character, for column-accurate messages. */
  stringStart(path) {
    const { node } = this.find(path);
    if (!(0, import_yaml.isScalar)(node) || !node.range) return void 0;
    if (node.type === "BLOCK_LITERAL" || node.type === "BLOCK_FOLDED") return void 0;
    const quoted2 = node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE";
    return node.range[0] + (quoted2 ? 1 : 0);
  }
};

// src/core/config/schema-validator.generated.js
var validate = validate10;
var schema11 = { "$schema": "http://json-schema.org/draft-07/schema#", "title": "model-approval config (.github/model-approval.yml)", "description": "Declares the approval workflow for a trained model: metric sources, automatic checks, approvers and the gated deploy environment.", "type": "object", "additionalProperties": false, "required": ["steps"], "properties": { "version": { "description": "Config format version.", "const": 1 }, "model": { "type": "object", "additionalProperties": false, "properties": { "name": { "type": "string", "pattern": "\\S", "description": "Display name of the model." }, "artifacts": { "description": "Files whose sha256 digests identify the candidate model.", "type": "array", "items": { "type": "string", "pattern": "\\S" } } } }, "metrics": { "description": "Metric sources: a bare path (one source named `metrics`), or named sources `name: path` or `name: {path, format}`.", "if": { "type": "string" }, "then": { "type": "string", "pattern": "\\S" }, "else": { "$ref": "#/definitions/metricSources" } }, "baseline": { "description": "Metrics of the model in production, for change checks: a bare path (one source named `metrics`), named sources `name: path`, `name: {path, format, ref}` or `name: {environment, when_missing}`, or `{environment, when_missing}` for every source: the metrics recorded for the commit most recently deployed successfully to that GitHub environment.", "if": { "type": "string" }, "then": { "type": "string", "pattern": "\\S" }, "else": { "if": { "type": "object", "required": ["environment"], "properties": { "environment": true } }, "then": { "$ref": "#/definitions/deployedBaseline" }, "else": { "$ref": "#/definitions/baselineSources" } } }, "protected_paths": { "description": "Glob patterns; a PR touching any of them never gets auto-approval.", "type": "array", "items": { "type": "string", "pattern": "\\S" } }, "evidence": { "description": "Which workflow runs record the evidence (metrics and model digest) the gate judges.", "type": "object", "additionalProperties": false, "properties": { "workflow": { "description": "The training workflow file (or a list of them), e.g. .github/workflows/train.yml. Only runs of these files count; by default any workflow file that exists on the default branch.", "if": { "type": "string" }, "then": { "$ref": "#/definitions/workflowPath" }, "else": { "type": "array", "minItems": 1, "items": { "$ref": "#/definitions/workflowPath" } } } } }, "notify": { "description": "Where state changes are announced. Each entry names a destination; its URL (and a webhook's secret) is in the App's or the Action's environment: MODEL_APPROVAL_NOTIFY_<NAME>_URL and MODEL_APPROVAL_NOTIFY_<NAME>_SECRET.", "type": "array", "minItems": 1, "items": { "type": "object", "additionalProperties": false, "required": ["to", "type"], "properties": { "to": { "description": "The destination's name: lower-case letters, digits and dashes, at most 40 characters.", "type": "string", "pattern": "^[a-z][a-z0-9-]{0,39}$" }, "type": { "description": "slack (an incoming webhook) or webhook (a signed JSON POST).", "enum": ["slack", "webhook"] }, "on": { "description": "The events sent (default: all).", "type": "array", "minItems": 1, "items": { "enum": ["pending", "approved", "rejected", "timed_out", "escalated", "overridden", "deployed"] } } } } }, "steps": { "description": "The workflow steps, in order.", "type": "array", "minItems": 1, "items": { "$ref": "#/definitions/step" } } }, "definitions": { "workflowPath": { "type": "string", "pattern": "^(\\./)?\\.github/workflows/[^/]+\\.ya?ml$" }, "metricSources": { "type": "object", "propertyNames": { "pattern": "^[A-Za-z0-9_][A-Za-z0-9_-]*$" }, "additionalProperties": { "$ref": "#/definitions/metricSource" } }, "metricSource": { "if": { "type": "string" }, "then": { "type": "string", "pattern": "\\S" }, "else": { "if": { "type": "object", "required": ["format"], "properties": { "format": { "const": "predictions" } } }, "then": { "$ref": "#/definitions/predictionsSource" }, "else": { "type": "object", "additionalProperties": false, "required": ["path"], "properties": { "path": { "type": "string", "pattern": "\\S", "description": "File (or MLflow run directory) to read." }, "format": { "description": "Detected from the file name and shape when omitted.", "enum": ["json", "yaml", "csv", "dvc", "mlflow", "huggingface", "wandb", "sklearn", "tensorboard"] }, "step": { "type": "integer", "minimum": 0, "description": "TensorBoard event files: read each tag at this step instead of its latest." }, "ref": { "type": "string", "pattern": "\\S", "description": "Baselines: git ref to read from; `base` is the PR's base branch." }, "checkpoint": { "description": "A Hugging Face trainer_state.json: which evaluation in log_history is the candidate's, the final one (default) or that of best_model_checkpoint.", "enum": ["final", "best"] } } } } }, "baselineSources": { "type": "object", "propertyNames": { "pattern": "^[A-Za-z0-9_][A-Za-z0-9_-]*$" }, "additionalProperties": { "$ref": "#/definitions/baselineSource" } }, "baselineSource": { "if": { "type": "object", "required": ["environment"], "properties": { "environment": true } }, "then": { "$ref": "#/definitions/deployedBaseline" }, "else": { "$ref": "#/definitions/metricSource" } }, "deployedBaseline": { "type": "object", "additionalProperties": false, "required": ["environment"], "properties": { "environment": { "type": "string", "pattern": "\\S", "description": "The GitHub environment whose live model is the baseline: the metrics snapshot a trusted training run recorded for the commit most recently deployed there successfully by GitHub Actions." }, "when_missing": { "description": "When nothing has been deployed there successfully yet: `fail` (default) fails the change checks, `pass` lets them pass, saying why.", "enum": ["fail", "pass"] } } }, "condition": { "description": "`METRIC OP VALUE`, e.g. `accuracy >= 0.9`, `f1 >= baseline - 0.01`, or {metric, op, value}.", "if": { "type": "string" }, "then": { "type": "string", "pattern": "\\S" }, "else": { "type": "object", "additionalProperties": false, "required": ["metric", "op", "value"], "properties": { "metric": { "type": "string", "pattern": "\\S" }, "op": { "enum": [">", ">=", "<", "<=", "==", "!="] }, "value": { "type": ["number", "string"] } } } }, "conditions": { "type": "array", "items": { "$ref": "#/definitions/condition" } }, "step": { "type": "object", "additionalProperties": false, "required": ["name", "type"], "properties": { "name": { "type": "string", "pattern": "\\S" }, "type": { "enum": ["training", "test", "approval", "deploy"] }, "inputs": { "type": "object" }, "on_fail": { "description": "test steps: what a failed check does (default fail_pipeline).", "enum": ["fail_pipeline", "require_approval", "warn"] }, "on_reject": { "description": "approval steps: what a rejection does (default fail_pipeline).", "enum": ["fail_pipeline", "block"] }, "timeout": { "description": "approval steps: how long the approval may stay pending, from when the candidate's model was recorded (or its commit pushed), e.g. 72h.", "$ref": "#/definitions/duration" }, "on_timeout": { "description": "approval steps: what a timeout does (default reject): reject the candidate, escalate to escalate_to and wait one more timeout, or only report it and keep waiting.", "enum": ["reject", "escalate", "wait"] } }, "allOf": [{ "if": { "required": ["type"], "properties": { "type": { "const": "training" } } }, "then": { "properties": { "inputs": { "type": "object", "additionalProperties": false, "properties": {} } } } }, { "if": { "required": ["type"], "properties": { "type": { "const": "test" } } }, "then": { "required": ["inputs"], "properties": { "inputs": { "$ref": "#/definitions/testInputs" } } } }, { "if": { "required": ["type"], "properties": { "type": { "const": "approval" } } }, "then": { "required": ["inputs"], "properties": { "inputs": { "$ref": "#/definitions/approvalInputs" } } } }, { "if": { "required": ["type"], "properties": { "type": { "const": "deploy" } } }, "then": { "required": ["inputs"], "properties": { "inputs": { "$ref": "#/definitions/deployInputs" } } } }] }, "testInputs": { "type": "object", "additionalProperties": false, "required": ["checks"], "properties": { "checks": { "description": "All must hold.", "type": "array", "minItems": 1, "items": { "$ref": "#/definitions/condition" } } } }, "approvalInputs": { "type": "object", "additionalProperties": false, "required": ["approvers"], "properties": { "approvers": { "description": "GitHub logins (Enterprise Managed Users' logins end in _SHORTCODE, e.g. team_lead) and org/team slugs.", "type": "array", "minItems": 1, "items": { "type": "string", "pattern": "^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:_[A-Za-z0-9]+|/[A-Za-z0-9_.-]+)?$" } }, "min_approvals": { "description": "Distinct eligible approvals needed (default 1).", "type": "integer", "minimum": 1 }, "auto_approve_if": { "description": "All hold: approved without a human.", "$ref": "#/definitions/conditions" }, "allow_self_approval": { "description": "Whether the PR author's own review counts (default false).", "type": "boolean" }, "escalate_to": { "description": "on_timeout: escalate: logins and org/team slugs whose approvals also count once the timeout has passed; they are asked for a review then.", "$ref": "#/definitions/approverList" }, "override_by": { "description": "Logins and org/team slugs who may approve the current candidate by break-glass override: a PR comment or review body `/model-approval override <reason>`. Never the PR author, never under an untrusted config.", "$ref": "#/definitions/approverList" } } }, "deployInputs": { "type": "object", "additionalProperties": false, "required": ["environment"], "properties": { "environment": { "description": "The GitHub environment whose deploy job is gated.", "type": "string", "pattern": "\\S" } } }, "approverList": { "type": "array", "minItems": 1, "items": { "type": "string", "pattern": "^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:_[A-Za-z0-9]+|/[A-Za-z0-9_.-]+)?$" } }, "duration": { "description": "A duration: a whole number and a unit, m (minutes), h (hours), d (days) or w (weeks), or several, e.g. 30m, 72h, 3d, 1w, 1d12h.", "type": "string", "pattern": "^\\s*(?:[0-9]+\\s*[mhdw]\\s*)+$" }, "predictionsSource": { "type": "object", "additionalProperties": false, "required": ["path", "format"], "properties": { "path": { "type": "string", "pattern": "\\S", "description": "File (or MLflow run directory) to read." }, "format": { "const": "predictions", "description": "Metrics computed from a predictions file (CSV, JSON Lines or Parquet) with their intervals and slices." }, "ref": { "type": "string", "pattern": "\\S", "description": "Baselines: git ref to read from; `base` is the PR's base branch." }, "task": { "description": "format: predictions: what the model predicts: binary (label 0/1 and a score), multiclass (a label and one score column per class) or regression (a target and a prediction).", "enum": ["binary", "multiclass", "regression"] }, "file": { "description": "format: predictions: the file's format, when its extension does not say (.csv, .jsonl, .ndjson, .parquet).", "enum": ["csv", "jsonl", "parquet"] }, "label": { "description": "format: predictions: the column of the true label (binary: 0/1 or true/false; multiclass: the class; regression: the target).", "type": "string", "pattern": "\\S" }, "score": { "description": "format: predictions, task: binary: the column of the predicted probability of label 1.", "type": "string", "pattern": "\\S" }, "scores": { "description": "format: predictions, task: multiclass: each class, as the label column writes it, and the column of its predicted probability, e.g. {cat: p_cat, dog: p_dog, bird: p_bird}.", "type": "object", "minProperties": 3, "additionalProperties": { "type": "string", "pattern": "\\S" } }, "prediction": { "description": "format: predictions, task: regression: the column of the predicted value.", "type": "string", "pattern": "\\S" }, "id": { "description": "format: predictions: the column of each example's id; needed to pair a baseline's predictions with these.", "type": "string", "pattern": "\\S" }, "weight": { "description": "format: predictions: the column of sample weights.", "type": "string", "pattern": "\\S" }, "slices": { "description": "format: predictions: columns whose values slice the metrics (each value's examples get their own metrics), e.g. [country, device].", "type": "array", "items": { "type": "string", "pattern": "\\S" } }, "threshold": { "description": "format: predictions, task: binary: the predicted class is 1 when the score is at or above this (default 0.5).", "type": "number", "minimum": 0, "maximum": 1 }, "min_slice_count": { "description": "format: predictions: slices with fewer examples are reported, not judged (default 100).", "type": "integer", "minimum": 1 }, "calibration_bins": { "description": "format: predictions, task: binary: equal-width bins of the expected calibration error (default 10).", "type": "integer", "minimum": 1, "maximum": 255 }, "bootstrap": { "description": "format: predictions: the bootstrap behind every interval: resamples (default 1000), seed (default 0) and confidence (default 0.95).", "type": "object", "additionalProperties": false, "properties": { "resamples": { "type": "integer", "minimum": 100, "maximum": 1e5 }, "seed": { "type": "integer", "minimum": 0, "maximum": 4294967295 }, "confidence": { "type": "number", "exclusiveMinimum": 0.5, "exclusiveMaximum": 1 } } } } } } };
var schema15 = { "type": "object", "additionalProperties": false, "required": ["environment"], "properties": { "environment": { "type": "string", "pattern": "\\S", "description": "The GitHub environment whose live model is the baseline: the metrics snapshot a trusted training run recorded for the commit most recently deployed there successfully by GitHub Actions." }, "when_missing": { "description": "When nothing has been deployed there successfully yet: `fail` (default) fails the change checks, `pass` lets them pass, saying why.", "enum": ["fail", "pass"] } } };
var pattern0 = new RegExp("\\S", "u");
var pattern21 = new RegExp("^(\\./)?\\.github/workflows/[^/]+\\.ya?ml$", "u");
var pattern23 = new RegExp("^[a-z][a-z0-9-]{0,39}$", "u");
var pattern3 = new RegExp("^[A-Za-z0-9_][A-Za-z0-9_-]*$", "u");
var schema13 = { "if": { "type": "string" }, "then": { "type": "string", "pattern": "\\S" }, "else": { "if": { "type": "object", "required": ["format"], "properties": { "format": { "const": "predictions" } } }, "then": { "$ref": "#/definitions/predictionsSource" }, "else": { "type": "object", "additionalProperties": false, "required": ["path"], "properties": { "path": { "type": "string", "pattern": "\\S", "description": "File (or MLflow run directory) to read." }, "format": { "description": "Detected from the file name and shape when omitted.", "enum": ["json", "yaml", "csv", "dvc", "mlflow", "huggingface", "wandb", "sklearn", "tensorboard"] }, "step": { "type": "integer", "minimum": 0, "description": "TensorBoard event files: read each tag at this step instead of its latest." }, "ref": { "type": "string", "pattern": "\\S", "description": "Baselines: git ref to read from; `base` is the PR's base branch." }, "checkpoint": { "description": "A Hugging Face trainer_state.json: which evaluation in log_history is the candidate's, the final one (default) or that of best_model_checkpoint.", "enum": ["final", "best"] } } } } };
var schema14 = { "type": "object", "additionalProperties": false, "required": ["path", "format"], "properties": { "path": { "type": "string", "pattern": "\\S", "description": "File (or MLflow run directory) to read." }, "format": { "const": "predictions", "description": "Metrics computed from a predictions file (CSV, JSON Lines or Parquet) with their intervals and slices." }, "ref": { "type": "string", "pattern": "\\S", "description": "Baselines: git ref to read from; `base` is the PR's base branch." }, "task": { "description": "format: predictions: what the model predicts: binary (label 0/1 and a score), multiclass (a label and one score column per class) or regression (a target and a prediction).", "enum": ["binary", "multiclass", "regression"] }, "file": { "description": "format: predictions: the file's format, when its extension does not say (.csv, .jsonl, .ndjson, .parquet).", "enum": ["csv", "jsonl", "parquet"] }, "label": { "description": "format: predictions: the column of the true label (binary: 0/1 or true/false; multiclass: the class; regression: the target).", "type": "string", "pattern": "\\S" }, "score": { "description": "format: predictions, task: binary: the column of the predicted probability of label 1.", "type": "string", "pattern": "\\S" }, "scores": { "description": "format: predictions, task: multiclass: each class, as the label column writes it, and the column of its predicted probability, e.g. {cat: p_cat, dog: p_dog, bird: p_bird}.", "type": "object", "minProperties": 3, "additionalProperties": { "type": "string", "pattern": "\\S" } }, "prediction": { "description": "format: predictions, task: regression: the column of the predicted value.", "type": "string", "pattern": "\\S" }, "id": { "description": "format: predictions: the column of each example's id; needed to pair a baseline's predictions with these.", "type": "string", "pattern": "\\S" }, "weight": { "description": "format: predictions: the column of sample weights.", "type": "string", "pattern": "\\S" }, "slices": { "description": "format: predictions: columns whose values slice the metrics (each value's examples get their own metrics), e.g. [country, device].", "type": "array", "items": { "type": "string", "pattern": "\\S" } }, "threshold": { "description": "format: predictions, task: binary: the predicted class is 1 when the score is at or above this (default 0.5).", "type": "number", "minimum": 0, "maximum": 1 }, "min_slice_count": { "description": "format: predictions: slices with fewer examples are reported, not judged (default 100).", "type": "integer", "minimum": 1 }, "calibration_bins": { "description": "format: predictions, task: binary: equal-width bins of the expected calibration error (default 10).", "type": "integer", "minimum": 1, "maximum": 255 }, "bootstrap": { "description": "format: predictions: the bootstrap behind every interval: resamples (default 1000), seed (default 0) and confidence (default 0.95).", "type": "object", "additionalProperties": false, "properties": { "resamples": { "type": "integer", "minimum": 100, "maximum": 1e5 }, "seed": { "type": "integer", "minimum": 0, "maximum": 4294967295 }, "confidence": { "type": "number", "exclusiveMinimum": 0.5, "exclusiveMaximum": 1 } } } } };
var func2 = Object.prototype.hasOwnProperty;
function validate12(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors2 = 0;
  const _errs0 = errors2;
  let valid0 = true;
  const _errs1 = errors2;
  if (typeof data !== "string") {
    const err0 = {};
    if (vErrors === null) {
      vErrors = [err0];
    } else {
      vErrors.push(err0);
    }
    errors2++;
  }
  var _valid0 = _errs1 === errors2;
  errors2 = _errs0;
  if (vErrors !== null) {
    if (_errs0) {
      vErrors.length = _errs0;
    } else {
      vErrors = null;
    }
  }
  let ifClause0;
  if (_valid0) {
    const _errs3 = errors2;
    if (typeof data === "string") {
      if (!pattern0.test(data)) {
        const err1 = { instancePath, schemaPath: "#/then/pattern", keyword: "pattern", params: { pattern: "\\S" }, message: 'must match pattern "\\S"' };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors2++;
      }
    } else {
      const err2 = { instancePath, schemaPath: "#/then/type", keyword: "type", params: { type: "string" }, message: "must be string" };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors2++;
    }
    var _valid0 = _errs3 === errors2;
    valid0 = _valid0;
    ifClause0 = "then";
  } else {
    const _errs5 = errors2;
    const _errs6 = errors2;
    let valid1 = true;
    const _errs7 = errors2;
    if (errors2 === _errs7) {
      if (data && typeof data == "object" && !Array.isArray(data)) {
        let missing0;
        if (data.format === void 0 && (missing0 = "format")) {
          const err3 = {};
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors2++;
        } else {
          if (data.format !== void 0) {
            if ("predictions" !== data.format) {
              const err4 = {};
              if (vErrors === null) {
                vErrors = [err4];
              } else {
                vErrors.push(err4);
              }
              errors2++;
            }
          }
        }
      } else {
        const err5 = {};
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors2++;
      }
    }
    var _valid1 = _errs7 === errors2;
    errors2 = _errs6;
    if (vErrors !== null) {
      if (_errs6) {
        vErrors.length = _errs6;
      } else {
        vErrors = null;
      }
    }
    let ifClause1;
    if (_valid1) {
      const _errs10 = errors2;
      if (data && typeof data == "object" && !Array.isArray(data)) {
        if (data.path === void 0) {
          const err6 = { instancePath, schemaPath: "#/definitions/predictionsSource/required", keyword: "required", params: { missingProperty: "path" }, message: "must have required property 'path'" };
          if (vErrors === null) {
            vErrors = [err6];
          } else {
            vErrors.push(err6);
          }
          errors2++;
        }
        if (data.format === void 0) {
          const err7 = { instancePath, schemaPath: "#/definitions/predictionsSource/required", keyword: "required", params: { missingProperty: "format" }, message: "must have required property 'format'" };
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors2++;
        }
        for (const key0 in data) {
          if (!func2.call(schema14.properties, key0)) {
            const err8 = { instancePath, schemaPath: "#/definitions/predictionsSource/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
              vErrors = [err8];
            } else {
              vErrors.push(err8);
            }
            errors2++;
          }
        }
        if (data.path !== void 0) {
          let data1 = data.path;
          if (typeof data1 === "string") {
            if (!pattern0.test(data1)) {
              const err9 = { instancePath: instancePath + "/path", schemaPath: "#/definitions/predictionsSource/properties/path/pattern", keyword: "pattern", params: { pattern: "\\S" }, message: 'must match pattern "\\S"' };
              if (vErrors === null) {
                vErrors = [err9];
              } else {
                vErrors.push(err9);
              }
              errors2++;
            }
          } else {
            const err10 = { instancePath: instancePath + "/path", schemaPath: "#/definitions/predictionsSource/properties/path/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err10];
            } else {
              vErrors.push(err10);
            }
            errors2++;
          }
        }
        if (data.format !== void 0) {
          if ("predictions" !== data.format) {
            const err11 = { instancePath: instancePath + "/format", schemaPath: "#/definitions/predictionsSource/properties/format/const", keyword: "const", params: { allowedValue: "predictions" }, message: "must be equal to constant" };
            if (vErrors === null) {
              vErrors = [err11];
            } else {
              vErrors.push(err11);
            }
            errors2++;
          }
        }
        if (data.ref !== void 0) {
          let data3 = data.ref;
          if (typeof data3 === "string") {
            if (!pattern0.test(data3)) {
              const err12 = { instancePath: instancePath + "/ref", schemaPath: "#/definitions/predictionsSource/properties/ref/pattern", keyword: "pattern", params: { pattern: "\\S" }, message: 'must match pattern "\\S"' };
              if (vErrors === null) {
                vErrors = [err12];
              } else {
                vErrors.push(err12);
              }
              errors2++;
            }
          } else {
            const err13 = { instancePath: instancePath + "/ref", schemaPath: "#/definitions/predictionsSource/properties/ref/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err13];
            } else {
              vErrors.push(err13);
            }
            errors2++;
          }
        }
        if (data.task !== void 0) {
          let data4 = data.task;
          if (!(data4 === "binary" || data4 === "multiclass" || data4 === "regression")) {
            const err14 = { instancePath: instancePath + "/task", schemaPath: "#/definitions/predictionsSource/properties/task/enum", keyword: "enum", params: { allowedValues: schema14.properties.task.enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err14];
            } else {
              vErrors.push(err14);
            }
            errors2++;
          }
        }
        if (data.file !== void 0) {
          let data5 = data.file;
          if (!(data5 === "csv" || data5 === "jsonl" || data5 === "parquet")) {
            const err15 = { instancePath: instancePath + "/file", schemaPath: "#/definitions/predictionsSource/properties/file/enum", keyword: "enum", params: { allowedValues: schema14.properties.file.enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err15];
            } else {
              vErrors.push(err15);
            }
            errors2++;
          }
        }
        if (data.label !== void 0) {
          let data6 = data.label;
          if (typeof data6 === "string") {
            if (!pattern0.test(data6)) {
              const err16 = { instancePath: instancePath + "/label", schemaPath: "#/definitions/predictionsSource/properties/label/pattern", keyword: "pattern", params: { pattern: "\\S" }, message: 'must match pattern "\\S"' };
              if (vErrors === null) {
                vErrors = [err16];
              } else {
                vErrors.push(err16);
              }
              errors2++;
            }
          } else {
            const err17 = { instancePath: instancePath + "/label", schemaPath: "#/definitions/predictionsSource/properties/label/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err17];
            } else {
              vErrors.push(err17);
            }
            errors2++;
          }
        }
        if (data.score !== void 0) {
          let data7 = data.score;
          if (typeof data7 === "string") {
            if (!pattern0.test(data7)) {
              const err18 = { instancePath: instancePath + "/score", schemaPath: "#/definitions/predictionsSource/properties/score/pattern", keyword: "pattern", params: { pattern: "\\S" }, message: 'must match pattern "\\S"' };
              if (vErrors === null) {
                vErrors = [err18];
              } else {
                vErrors.push(err18);
              }
              errors2++;
            }
          } else {
            const err19 = { instancePath: instancePath + "/score", schemaPath: "#/definitions/predictionsSource/properties/score/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err19];
            } else {
              vErrors.push(err19);
            }
            errors2++;
          }
        }
        if (data.scores !== void 0) {
          let data8 = data.scores;
          if (data8 && typeof data8 == "object" && !Array.isArray(data8)) {
            if (Object.keys(data8).length < 3) {
              const err20 = { instancePath: instancePath + "/scores", schemaPath: "#/definitions/predictionsSource/properties/scores/minProperties", keyword: "minProperties", params: { limit: 3 }, message: "must NOT have fewer than 3 properties" };
              if (vErrors === null) {
                vErrors = [err20];
              } else {
                vErrors.push(err20);
              }
              errors2++;
            }
            for (const key1 in data8) {
              let data9 = data8[key1];
              if (typeof data9 === "string") {
                if (!pattern0.test(data9)) {
                  const err21 = { instancePath: instancePath + "/scores/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/predictionsSource/properties/scores/additionalProperties/pattern", keyword: "pattern", params: { pattern: "\\S" }, message: 'must match pattern "\\S"' };
                  if (vErrors === null) {
                    vErrors = [err21];
                  } else {
                    vErrors.push(err21);
                  }
                  errors2++;
                }
              } else {
                const err22 = { instancePath: instancePath + "/scores/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/predictionsSource/properties/scores/additionalProperties/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err22];
                } else {
                  vErrors.push(err22);
                }
                errors2++;
              }
            }
          } else {
            const err23 = { instancePath: instancePath + "/scores", schemaPath: "#/definitions/predictionsSource/properties/scores/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err23];
            } else {
              vErrors.push(err23);
            }
            errors2++;
          }
        }
        if (data.prediction !== void 0) {
          let data10 = data.prediction;
          if (typeof data10 === "string") {
            if (!pattern0.test(data10)) {
              const err24 = { instancePath: instancePath + "/prediction", schemaPath: "#/definitions/predictionsSource/properties/prediction/pattern", keyword: "pattern", params: { pattern: "\\S" }, message: 'must match pattern "\\S"' };
              if (vErrors === null) {
                vErrors = [err24];
              } else {
                vErrors.push(err24);
              }
              errors2++;
            }
          } else {
            const err25 = { instancePath: instancePath + "/prediction", schemaPath: "#/definitions/predictionsSource/properties/prediction/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err25];
            } else {
              vErrors.push(err25);
            }
            errors2++;
          }
        }
        if (data.id !== void 0) {
          let data11 = data.id;
          if (typeof data11 === "string") {
            if (!pattern0.test(data11)) {
              const err26 = { instancePath: instancePath + "/id", schemaPath: "#/definitions/predictionsSource/properties/id/pattern", keyword: "pattern", params: { pattern: "\\S" }, message: 'must match pattern "\\S"' };
              if (vErrors === null) {
                vErrors = [err26];
              } else {
                vErrors.push(err26);
              }
              errors2++;
            }
          } else {
            const err27 = { instancePath: instancePath + "/id", schemaPath: "#/definitions/predictionsSource/properties/id/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err27];
            } else {
              vErrors.push(err27);
            }
            errors2++;
          }
        }
        if (data.weight !== void 0) {
          let data12 = data.weight;
          if (typeof data12 === "string") {
            if (!pattern0.test(data12)) {
              const err28 = { instancePath: instancePath + "/weight", schemaPath: "#/definitions/predictionsSource/properties/weight/pattern", keyword: "pattern", params: { pattern: "\\S" }, message: 'must match pattern "\\S"' };
              if (vErrors === null) {
                vErrors = [err28];
              } else {
                vErrors.push(err28);
              }
              errors2++;
            }
          } else {
            const err29 = { instancePath: instancePath + "/weight", schemaPath: "#/definitions/predictionsSource/properties/weight/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err29];
            } else {
              vErrors.push(err29);
            }
            errors2++;
          }
        }
        if (data.slices !== void 0) {
          let data13 = data.slices;
          if (Array.isArray(data13)) {
            const len0 = data13.length;
            for (let i0 = 0; i0 < len0; i0++) {
              let data14 = data13[i0];
              if (typeof data14 === "string") {
                if (!pattern0.test(data14)) {
                  const err30 = { instancePath: instancePath + "/slices/" + i0, schemaPath: "#/definitions/predictionsSource/properties/slices/items/pattern", keyword: "pattern", params: { pattern: "\\S" }, message: 'must match pattern "\\S"' };
                  if (vErrors === null) {
                    vErrors = [err30];
                  } else {
                    vErrors.push(err30);
                  }
                  errors2++;
                }
              } else {
                const err31 = { instancePath: instancePath + "/slices/" + i0, schemaPath: "#/definitions/predictionsSource/properties/slices/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err31];
                } else {
                  vErrors.push(err31);
                }
                errors2++;
              }
            }
          } else {
            const err32 = { instancePath: instancePath + "/slices", schemaPath: "#/definitions/predictionsSource/properties/slices/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
              vErrors = [err32];
            } else {
              vErrors.push(err32);
            }
            errors2++;
          }
        }
        if (data.threshold !== void 0) {
          let data15 = data.threshold;
          if (typeof data15 == "number" && isFinite(data15)) {
            if (data15 > 1 || isNaN(data15)) {
              const err33 = { instancePath: instancePath + "/threshold", schemaPath: "#/definitions/predictionsSource/properties/threshold/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1 }, message: "must be <= 1" };
              if (vErrors === null) {
                vErrors = [err33];
              } else {
                vErrors.push(err33);
              }
              errors2++;
            }
            if (data15 < 0 || isNaN(data15)) {
              const err34 = { instancePath: instancePath + "/threshold", schemaPath: "#/definitions/predictionsSource/properties/threshold/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
              if (vErrors === null) {
                vErrors = [err34];
              } else {
                vErrors.push(err34);
              }
              errors2++;
            }
          } else {
            const err35 = { instancePath: instancePath + "/threshold", schemaPath: "#/definitions/predictionsSource/properties/threshold/type", keyword: "type", params: { type: "number" }, message: "must be number" };
            if (vErrors === null) {
              vErrors = [err35];
            } else {
              vErrors.push(err35);
            }
            errors2++;
          }
        }
        if (data.min_slice_count !== void 0) {
          let data16 = data.min_slice_count;
          if (!(typeof data16 == "number" && (!(data16 % 1) && !isNaN(data16)) && isFinite(data16))) {
            const err36 = { instancePath: instancePath + "/min_slice_count", schemaPath: "#/definitions/predictionsSource/properties/min_slice_count/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err36];
            } else {
              vErrors.push(err36);
            }
            errors2++;
          }
          if (typeof data16 == "number" && isFinite(data16)) {
            if (data16 < 1 || isNaN(data16)) {
              const err37 = { instancePath: instancePath + "/min_slice_count", schemaPath: "#/definitions/predictionsSource/properties/min_slice_count/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
              if (vErrors === null) {
                vErrors = [err37];
              } else {
                vErrors.push(err37);
              }
              errors2++;
            }
          }
        }
        if (data.calibration_bins !== void 0) {
          let data17 = data.calibration_bins;
          if (!(typeof data17 == "number" && (!(data17 % 1) && !isNaN(data17)) && isFinite(data17))) {
            const err38 = { instancePath: instancePath + "/calibration_bins", schemaPath: "#/definitions/predictionsSource/properties/calibration_bins/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err38];
            } else {
              vErrors.push(err38);
            }
            errors2++;
          }
          if (typeof data17 == "number" && isFinite(data17)) {
            if (data17 > 255 || isNaN(data17)) {
              const err39 = { instancePath: instancePath + "/calibration_bins", schemaPath: "#/definitions/predictionsSource/properties/calibration_bins/maximum", keyword: "maximum", params: { comparison: "<=", limit: 255 }, message: "must be <= 255" };
              if (vErrors === null) {
                vErrors = [err39];
              } else {
                vErrors.push(err39);
              }
              errors2++;
            }
            if (data17 < 1 || isNaN(data17)) {
              const err40 = { instancePath: instancePath + "/calibration_bins", schemaPath: "#/definitions/predictionsSource/properties/calibration_bins/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
              if (vErrors === null) {
                vErrors = [err40];
              } else {
                vErrors.push(err40);
              }
              errors2++;
            }
          }
        }
        if (data.bootstrap !== void 0) {
          let data18 = data.bootstrap;
          if (data18 && typeof data18 == "object" && !Array.isArray(data18)) {
            for (const key2 in data18) {
              if (!(key2 === "resamples" || key2 === "seed" || key2 === "confidence")) {
                const err41 = { instancePath: instancePath + "/bootstrap", schemaPath: "#/definitions/predictionsSource/properties/bootstrap/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err41];
                } else {
                  vErrors.push(err41);
                }
                errors2++;
              }
            }
            if (data18.resamples !== void 0) {
              let data19 = data18.resamples;
              if (!(typeof data19 == "number" && (!(data19 % 1) && !isNaN(data19)) && isFinite(data19))) {
                const err42 = { instancePath: instancePath + "/bootstrap/resamples", schemaPath: "#/definitions/predictionsSource/properties/bootstrap/properties/resamples/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                if (vErrors === null) {
                  vErrors = [err42];
                } else {
                  vErrors.push(err42);
                }
                errors2++;
              }
              if (typeof data19 == "number" && isFinite(data19)) {
                if (data19 > 1e5 || isNaN(data19)) {
                  const err43 = { instancePath: instancePath + "/bootstrap/resamples", schemaPath: "#/definitions/predictionsSource/properties/bootstrap/properties/resamples/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1e5 }, message: "must be <= 100000" };
                  if (vErrors === null) {
                    vErrors = [err43];
                  } else {
                    vErrors.push(err43);
                  }
                  errors2++;
                }
                if (data19 < 100 || isNaN(data19)) {
                  const err44 = { instancePath: instancePath + "/bootstrap/resamples", schemaPath: "#/definitions/predictionsSource/properties/bootstrap/properties/resamples/minimum", keyword: "minimum", params: { comparison: ">=", limit: 100 }, message: "must be >= 100" };
                  if (vErrors === null) {
                    vErrors = [err44];
                  } else {
                    vErrors.push(err44);
                  }
                  errors2++;
                }
              }
            }
            if (data18.seed !== void 0) {
              let data20 = data18.seed;
              if (!(typeof data20 == "number" && (!(data20 % 1) && !isNaN(data20)) && isFinite(data20))) {
                const err45 = { instancePath: instancePath + "/bootstrap/seed", schemaPath: "#/definitions/predictionsSource/properties/bootstrap/properties/seed/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                if (vErrors === null) {
                  vErrors = [err45];
                } else {
                  vErrors.push(err45);
                }
                errors2++;
              }
              if (typeof data20 == "number" && isFinite(data20)) {
                if (data20 > 4294967295 || isNaN(data20)) {
                  const err46 = { instancePath: instancePath + "/bootstrap/seed", schemaPath: "#/definitions/predictionsSource/properties/bootstrap/properties/seed/maximum", keyword: "maximum", params: { comparison: "<=", limit: 4294967295 }, message: "must be <= 4294967295" };
                  if (vErrors === null) {
                    vErrors = [err46];
                  } else {
                    vErrors.push(err46);
                  }
                  errors2++;
                }
                if (data20 < 0 || isNaN(data20)) {
                  const err47 = { instancePath: instancePath + "/bootstrap/seed", schemaPath: "#/definitions/predictionsSource/properties/bootstrap/properties/seed/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                  if (vErrors === null) {
                    vErrors = [err47];
                  } else {
                    vErrors.push(err47);
                  }
                  errors2++;
                }
              }
            }
            if (data18.confidence !== void 0) {
              let data21 = data18.confidence;
              if (typeof data21 == "number" && isFinite(data21)) {
                if (data21 >= 1 || isNaN(data21)) {
                  const err48 = { instancePath: instancePath + "/bootstrap/confidence", schemaPath: "#/definitions/predictionsSource/properties/bootstrap/properties/confidence/exclusiveMaximum", keyword: "exclusiveMaximum", params: { comparison: "<", limit: 1 }, message: "must be < 1" };
                  if (vErrors === null) {
                    vErrors = [err48];
                  } else {
                    vErrors.push(err48);
                  }
                  errors2++;
                }
                if (data21 <= 0.5 || isNaN(data21)) {
                  const err49 = { instancePath: instancePath + "/bootstrap/confidence", schemaPath: "#/definitions/predictionsSource/properties/bootstrap/properties/confidence/exclusiveMinimum", keyword: "exclusiveMinimum", params: { comparison: ">", limit: 0.5 }, message: "must be > 0.5" };
                  if (vErrors === null) {
                    vErrors = [err49];
                  } else {
                    vErrors.push(err49);
                  }
                  errors2++;
                }
              } else {
                const err50 = { instancePath: instancePath + "/bootstrap/confidence", schemaPath: "#/definitions/predictionsSource/properties/bootstrap/properties/confidence/type", keyword: "type", params: { type: "number" }, message: "must be number" };
                if (vErrors === null) {
                  vErrors = [err50];
                } else {
                  vErrors.push(err50);
                }
                errors2++;
              }
            }
          } else {
            const err51 = { instancePath: instancePath + "/bootstrap", schemaPath: "#/definitions/predictionsSource/properties/bootstrap/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err51];
            } else {
              vErrors.push(err51);
            }
            errors2++;
          }
        }
      } else {
        const err52 = { instancePath, schemaPath: "#/definitions/predictionsSource/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err52];
        } else {
          vErrors.push(err52);
        }
        errors2++;
      }
      var _valid1 = _errs10 === errors2;
      valid1 = _valid1;
      ifClause1 = "then";
    } else {
      const _errs55 = errors2;
      if (data && typeof data == "object" && !Array.isArray(data)) {
        if (data.path === void 0) {
          const err53 = { instancePath, schemaPath: "#/else/else/required", keyword: "required", params: { missingProperty: "path" }, message: "must have required property 'path'" };
          if (vErrors === null) {
            vErrors = [err53];
          } else {
            vErrors.push(err53);
          }
          errors2++;
        }
        for (const key3 in data) {
          if (!(key3 === "path" || key3 === "format" || key3 === "step" || key3 === "ref" || key3 === "checkpoint")) {
            const err54 = { instancePath, schemaPath: "#/else/else/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
              vErrors = [err54];
            } else {
              vErrors.push(err54);
            }
            errors2++;
          }
        }
        if (data.path !== void 0) {
          let data22 = data.path;
          if (typeof data22 === "string") {
            if (!pattern0.test(data22)) {
              const err55 = { instancePath: instancePath + "/path", schemaPath: "#/else/else/properties/path/pattern", keyword: "pattern", params: { pattern: "\\S" }, message: 'must match pattern "\\S"' };
              if (vErrors === null) {
                vErrors = [err55];
              } else {
                vErrors.push(err55);
              }
              errors2++;
            }
          } else {
            const err56 = { instancePath: instancePath + "/path", schemaPath: "#/else/else/properties/path/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err56];
            } else {
              vErrors.push(err56);
            }
            errors2++;
          }
        }
        if (data.format !== void 0) {
          let data23 = data.format;
          if (!(data23 === "json" || data23 === "yaml" || data23 === "csv" || data23 === "dvc" || data23 === "mlflow" || data23 === "huggingface" || data23 === "wandb" || data23 === "sklearn" || data23 === "tensorboard")) {
            const err57 = { instancePath: instancePath + "/format", schemaPath: "#/else/else/properties/format/enum", keyword: "enum", params: { allowedValues: schema13.else.else.properties.format.enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err57];
            } else {
              vErrors.push(err57);
            }
            errors2++;
          }
        }
        if (data.step !== void 0) {
          let data24 = data.step;
          if (!(typeof data24 == "number" && (!(data24 % 1) && !isNaN(data24)) && isFinite(data24))) {
            const err58 = { instancePath: instancePath + "/step", schemaPath: "#/else/else/properties/step/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err58];
            } else {
              vErrors.push(err58);
            }
            errors2++;
          }
          if (typeof data24 == "number" && isFinite(data24)) {
            if (data24 < 0 || isNaN(data24)) {
              const err59 = { instancePath: instancePath + "/step", schemaPath: "#/else/else/properties/step/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
              if (vErrors === null) {
                vErrors = [err59];
              } else {
                vErrors.push(err59);
              }
              errors2++;
            }
          }
        }
        if (data.ref !== void 0) {
          let data25 = data.ref;
          if (typeof data25 === "string") {
            if (!pattern0.test(data25)) {
              const err60 = { instancePath: instancePath + "/ref", schemaPath: "#/else/else/properties/ref/pattern", keyword: "pattern", params: { pattern: "\\S" }, message: 'must match pattern "\\S"' };
              if (vErrors === null) {
                vErrors = [err60];
              } else {
                vErrors.push(err60);
              }
              errors2++;
            }
          } else {
            const err61 = { instancePath: instancePath + "/ref", schemaPath: "#/else/else/properties/ref/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err61];
            } else {
              vErrors.push(err61);
            }
            errors2++;
          }
        }
        if (data.checkpoint !== void 0) {
          let data26 = data.checkpoint;
          if (!(data26 === "final" || data26 === "best")) {
            const err62 = { instancePath: instancePath + "/checkpoint", schemaPath: "#/else/else/properties/checkpoint/enum", keyword: "enum", params: { allowedValues: schema13.else.else.properties.checkpoint.enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err62];
            } else {
              vErrors.push(err62);
            }
            errors2++;
          }
        }
      } else {
        const err63 = { instancePath, schemaPath: "#/else/else/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err63];
        } else {
          vErrors.push(err63);
        }
        errors2++;
      }
      var _valid1 = _errs55 === errors2;
      valid1 = _valid1;
      ifClause1 = "else";
    }
    if (!valid1) {
      const err64 = { instancePath, schemaPath: "#/else/if", keyword: "if", params: { failingKeyword: ifClause1 }, message: 'must match "' + ifClause1 + '" schema' };
      if (vErrors === null) {
        vErrors = [err64];
      } else {
        vErrors.push(err64);
      }
      errors2++;
    }
    var _valid0 = _errs5 === errors2;
    valid0 = _valid0;
    ifClause0 = "else";
  }
  if (!valid0) {
    const err65 = { instancePath, schemaPath: "#/if", keyword: "if", params: { failingKeyword: ifClause0 }, message: 'must match "' + ifClause0 + '" schema' };
    if (vErrors === null) {
      vErrors = [err65];
    } else {
      vErrors.push(err65);
    }
    errors2++;
  }
  validate12.errors = vErrors;
  return errors2 === 0;
}
function validate11(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors2 = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    for (const key0 in data) {
      const _errs1 = errors2;
      if (typeof key0 === "string") {
        if (!pattern3.test(key0)) {
          const err0 = { instancePath, schemaPath: "#/propertyNames/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9_][A-Za-z0-9_-]*$" }, message: 'must match pattern "^[A-Za-z0-9_][A-Za-z0-9_-]*$"', propertyName: key0 };
          if (vErrors === null) {
            vErrors = [err0];
          } else {
            vErrors.push(err0);
          }
          errors2++;
        }
      }
      var valid0 = _errs1 === errors2;
      if (!valid0) {
        const err1 = { instancePath, schemaPath: "#/propertyNames", keyword: "propertyNames", params: { propertyName: key0 }, message: "property name must be valid" };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors2++;
      }
    }
    for (const key1 in data) {
      if (!validate12(data[key1], { instancePath: instancePath + "/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), parentData: data, parentDataProperty: key1, rootData })) {
        vErrors = vErrors === null ? validate12.errors : vErrors.concat(validate12.errors);
        errors2 = vErrors.length;
      }
    }
  } else {
    const err2 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err2];
    } else {
      vErrors.push(err2);
    }
    errors2++;
  }
  validate11.errors = vErrors;
  return errors2 === 0;
}
function validate16(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors2 = 0;
  const _errs0 = errors2;
  let valid0 = true;
  const _errs1 = errors2;
  if (errors2 === _errs1) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (data.environment === void 0 && (missing0 = "environment")) {
        const err0 = {};
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors2++;
      }
    } else {
      const err1 = {};
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors2++;
    }
  }
  var _valid0 = _errs1 === errors2;
  errors2 = _errs0;
  if (vErrors !== null) {
    if (_errs0) {
      vErrors.length = _errs0;
    } else {
      vErrors = null;
    }
  }
  let ifClause0;
  if (_valid0) {
    const _errs3 = errors2;
    if (data && typeof data == "object" && !Array.isArray(data)) {
      if (data.environment === void 0) {
        const err2 = { instancePath, schemaPath: "#/definitions/deployedBaseline/required", keyword: "required", params: { missingProperty: "environment" }, message: "must have required property 'environment'" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors2++;
      }
      for (const key0 in data) {
        if (!(key0 === "environment" || key0 === "when_missing")) {
          const err3 = { instancePath, schemaPath: "#/definitions/deployedBaseline/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors2++;
        }
      }
      if (data.environment !== void 0) {
        let data0 = data.environment;
        if (typeof data0 === "string") {
          if (!pattern0.test(data0)) {
            const err4 = { instancePath: instancePath + "/environment", schemaPath: "#/definitions/deployedBaseline/properties/environment/pattern", keyword: "pattern", params: { pattern: "\\S" }, message: 'must match pattern "\\S"' };
            if (vErrors === null) {
              vErrors = [err4];
            } else {
              vErrors.push(err4);
            }
            errors2++;
          }
        } else {
          const err5 = { instancePath: instancePath + "/environment", schemaPath: "#/definitions/deployedBaseline/properties/environment/type", keyword: "type", params: { type: "string" }, message: "must be string" };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors2++;
        }
      }
      if (data.when_missing !== void 0) {
        let data1 = data.when_missing;
        if (!(data1 === "fail" || data1 === "pass")) {
          const err6 = { instancePath: instancePath + "/when_missing", schemaPath: "#/definitions/deployedBaseline/properties/when_missing/enum", keyword: "enum", params: { allowedValues: schema15.properties.when_missing.enum }, message: "must be equal to one of the allowed values" };
          if (vErrors === null) {
            vErrors = [err6];
          } else {
            vErrors.push(err6);
          }
          errors2++;
        }
      }
    } else {
      const err7 = { instancePath, schemaPath: "#/definitions/deployedBaseline/type", keyword: "type", params: { type: "object" }, message: "must be object" };
      if (vErrors === null) {
        vErrors = [err7];
      } else {
        vErrors.push(err7);
      }
      errors2++;
    }
    var _valid0 = _errs3 === errors2;
    valid0 = _valid0;
    ifClause0 = "then";
  } else {
    const _errs10 = errors2;
    if (!validate12(data, { instancePath, parentData, parentDataProperty, rootData })) {
      vErrors = vErrors === null ? validate12.errors : vErrors.concat(validate12.errors);
      errors2 = vErrors.length;
    }
    var _valid0 = _errs10 === errors2;
    valid0 = _valid0;
    ifClause0 = "else";
  }
  if (!valid0) {
    const err8 = { instancePath, schemaPath: "#/if", keyword: "if", params: { failingKeyword: ifClause0 }, message: 'must match "' + ifClause0 + '" schema' };
    if (vErrors === null) {
      vErrors = [err8];
    } else {
      vErrors.push(err8);
    }
    errors2++;
  }
  validate16.errors = vErrors;
  return errors2 === 0;
}
function validate15(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors2 = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    for (const key0 in data) {
      const _errs1 = errors2;
      if (typeof key0 === "string") {
        if (!pattern3.test(key0)) {
          const err0 = { instancePath, schemaPath: "#/propertyNames/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9_][A-Za-z0-9_-]*$" }, message: 'must match pattern "^[A-Za-z0-9_][A-Za-z0-9_-]*$"', propertyName: key0 };
          if (vErrors === null) {
            vErrors = [err0];
          } else {
            vErrors.push(err0);
          }
          errors2++;
        }
      }
      var valid0 = _errs1 === errors2;
      if (!valid0) {
        const err1 = { instancePath, schemaPath: "#/propertyNames", keyword: "propertyNames", params: { propertyName: key0 }, message: "property name must be valid" };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors2++;
      }
    }
    for (const key1 in data) {
      if (!validate16(data[key1], { instancePath: instancePath + "/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), parentData: data, parentDataProperty: key1, rootData })) {
        vErrors = vErrors === null ? validate16.errors : vErrors.concat(validate16.errors);
        errors2 = vErrors.length;
      }
    }
  } else {
    const err2 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err2];
    } else {
      vErrors.push(err2);
    }
    errors2++;
  }
  validate15.errors = vErrors;
  return errors2 === 0;
}
var schema21 = { "type": "object", "additionalProperties": false, "required": ["name", "type"], "properties": { "name": { "type": "string", "pattern": "\\S" }, "type": { "enum": ["training", "test", "approval", "deploy"] }, "inputs": { "type": "object" }, "on_fail": { "description": "test steps: what a failed check does (default fail_pipeline).", "enum": ["fail_pipeline", "require_approval", "warn"] }, "on_reject": { "description": "approval steps: what a rejection does (default fail_pipeline).", "enum": ["fail_pipeline", "block"] }, "timeout": { "description": "approval steps: how long the approval may stay pending, from when the candidate's model was recorded (or its commit pushed), e.g. 72h.", "$ref": "#/definitions/duration" }, "on_timeout": { "description": "approval steps: what a timeout does (default reject): reject the candidate, escalate to escalate_to and wait one more timeout, or only report it and keep waiting.", "enum": ["reject", "escalate", "wait"] } }, "allOf": [{ "if": { "required": ["type"], "properties": { "type": { "const": "training" } } }, "then": { "properties": { "inputs": { "type": "object", "additionalProperties": false, "properties": {} } } } }, { "if": { "required": ["type"], "properties": { "type": { "const": "test" } } }, "then": { "required": ["inputs"], "properties": { "inputs": { "$ref": "#/definitions/testInputs" } } } }, { "if": { "required": ["type"], "properties": { "type": { "const": "approval" } } }, "then": { "required": ["inputs"], "properties": { "inputs": { "$ref": "#/definitions/approvalInputs" } } } }, { "if": { "required": ["type"], "properties": { "type": { "const": "deploy" } } }, "then": { "required": ["inputs"], "properties": { "inputs": { "$ref": "#/definitions/deployInputs" } } } }] };
var schema23 = { "description": "`METRIC OP VALUE`, e.g. `accuracy >= 0.9`, `f1 >= baseline - 0.01`, or {metric, op, value}.", "if": { "type": "string" }, "then": { "type": "string", "pattern": "\\S" }, "else": { "type": "object", "additionalProperties": false, "required": ["metric", "op", "value"], "properties": { "metric": { "type": "string", "pattern": "\\S" }, "op": { "enum": [">", ">=", "<", "<=", "==", "!="] }, "value": { "type": ["number", "string"] } } } };
function validate21(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors2 = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.checks === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "checks" }, message: "must have required property 'checks'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors2++;
    }
    for (const key0 in data) {
      if (!(key0 === "checks")) {
        const err1 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors2++;
      }
    }
    if (data.checks !== void 0) {
      let data0 = data.checks;
      if (Array.isArray(data0)) {
        if (data0.length < 1) {
          const err2 = { instancePath: instancePath + "/checks", schemaPath: "#/properties/checks/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors2++;
        }
        const len0 = data0.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data1 = data0[i0];
          const _errs6 = errors2;
          let valid4 = true;
          const _errs7 = errors2;
          if (typeof data1 !== "string") {
            const err3 = {};
            if (vErrors === null) {
              vErrors = [err3];
            } else {
              vErrors.push(err3);
            }
            errors2++;
          }
          var _valid0 = _errs7 === errors2;
          errors2 = _errs6;
          if (vErrors !== null) {
            if (_errs6) {
              vErrors.length = _errs6;
            } else {
              vErrors = null;
            }
          }
          let ifClause0;
          if (_valid0) {
            const _errs9 = errors2;
            if (typeof data1 === "string") {
              if (!pattern0.test(data1)) {
                const err4 = { instancePath: instancePath + "/checks/" + i0, schemaPath: "#/definitions/condition/then/pattern", keyword: "pattern", params: { pattern: "\\S" }, message: 'must match pattern "\\S"' };
                if (vErrors === null) {
                  vErrors = [err4];
                } else {
                  vErrors.push(err4);
                }
                errors2++;
              }
            } else {
              const err5 = { instancePath: instancePath + "/checks/" + i0, schemaPath: "#/definitions/condition/then/type", keyword: "type", params: { type: "string" }, message: "must be string" };
              if (vErrors === null) {
                vErrors = [err5];
              } else {
                vErrors.push(err5);
              }
              errors2++;
            }
            var _valid0 = _errs9 === errors2;
            valid4 = _valid0;
            ifClause0 = "then";
          } else {
            const _errs11 = errors2;
            if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
              if (data1.metric === void 0) {
                const err6 = { instancePath: instancePath + "/checks/" + i0, schemaPath: "#/definitions/condition/else/required", keyword: "required", params: { missingProperty: "metric" }, message: "must have required property 'metric'" };
                if (vErrors === null) {
                  vErrors = [err6];
                } else {
                  vErrors.push(err6);
                }
                errors2++;
              }
              if (data1.op === void 0) {
                const err7 = { instancePath: instancePath + "/checks/" + i0, schemaPath: "#/definitions/condition/else/required", keyword: "required", params: { missingProperty: "op" }, message: "must have required property 'op'" };
                if (vErrors === null) {
                  vErrors = [err7];
                } else {
                  vErrors.push(err7);
                }
                errors2++;
              }
              if (data1.value === void 0) {
                const err8 = { instancePath: instancePath + "/checks/" + i0, schemaPath: "#/definitions/condition/else/required", keyword: "required", params: { missingProperty: "value" }, message: "must have required property 'value'" };
                if (vErrors === null) {
                  vErrors = [err8];
                } else {
                  vErrors.push(err8);
                }
                errors2++;
              }
              for (const key1 in data1) {
                if (!(key1 === "metric" || key1 === "op" || key1 === "value")) {
                  const err9 = { instancePath: instancePath + "/checks/" + i0, schemaPath: "#/definitions/condition/else/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties" };
                  if (vErrors === null) {
                    vErrors = [err9];
                  } else {
                    vErrors.push(err9);
                  }
                  errors2++;
                }
              }
              if (data1.metric !== void 0) {
                let data2 = data1.metric;
                if (typeof data2 === "string") {
                  if (!pattern0.test(data2)) {
                    const err10 = { instancePath: instancePath + "/checks/" + i0 + "/metric", schemaPath: "#/definitions/condition/else/properties/metric/pattern", keyword: "pattern", params: { pattern: "\\S" }, message: 'must match pattern "\\S"' };
                    if (vErrors === null) {
                      vErrors = [err10];
                    } else {
                      vErrors.push(err10);
                    }
                    errors2++;
                  }
                } else {
                  const err11 = { instancePath: instancePath + "/checks/" + i0 + "/metric", schemaPath: "#/definitions/condition/else/properties/metric/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                  if (vErrors === null) {
                    vErrors = [err11];
                  } else {
                    vErrors.push(err11);
                  }
                  errors2++;
                }
              }
              if (data1.op !== void 0) {
                let data3 = data1.op;
                if (!(data3 === ">" || data3 === ">=" || data3 === "<" || data3 === "<=" || data3 === "==" || data3 === "!=")) {
                  const err12 = { instancePath: instancePath + "/checks/" + i0 + "/op", schemaPath: "#/definitions/condition/else/properties/op/enum", keyword: "enum", params: { allowedValues: schema23.else.properties.op.enum }, message: "must be equal to one of the allowed values" };
                  if (vErrors === null) {
                    vErrors = [err12];
                  } else {
                    vErrors.push(err12);
                  }
                  errors2++;
                }
              }
              if (data1.value !== void 0) {
                let data4 = data1.value;
                if (!(typeof data4 == "number" && isFinite(data4)) && typeof data4 !== "string") {
                  const err13 = { instancePath: instancePath + "/checks/" + i0 + "/value", schemaPath: "#/definitions/condition/else/properties/value/type", keyword: "type", params: { type: schema23.else.properties.value.type }, message: "must be number,string" };
                  if (vErrors === null) {
                    vErrors = [err13];
                  } else {
                    vErrors.push(err13);
                  }
                  errors2++;
                }
              }
            } else {
              const err14 = { instancePath: instancePath + "/checks/" + i0, schemaPath: "#/definitions/condition/else/type", keyword: "type", params: { type: "object" }, message: "must be object" };
              if (vErrors === null) {
                vErrors = [err14];
              } else {
                vErrors.push(err14);
              }
              errors2++;
            }
            var _valid0 = _errs11 === errors2;
            valid4 = _valid0;
            ifClause0 = "else";
          }
          if (!valid4) {
            const err15 = { instancePath: instancePath + "/checks/" + i0, schemaPath: "#/definitions/condition/if", keyword: "if", params: { failingKeyword: ifClause0 }, message: 'must match "' + ifClause0 + '" schema' };
            if (vErrors === null) {
              vErrors = [err15];
            } else {
              vErrors.push(err15);
            }
            errors2++;
          }
        }
      } else {
        const err16 = { instancePath: instancePath + "/checks", schemaPath: "#/properties/checks/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err16];
        } else {
          vErrors.push(err16);
        }
        errors2++;
      }
    }
  } else {
    const err17 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err17];
    } else {
      vErrors.push(err17);
    }
    errors2++;
  }
  validate21.errors = vErrors;
  return errors2 === 0;
}
var pattern26 = new RegExp("^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:_[A-Za-z0-9]+|/[A-Za-z0-9_.-]+)?$", "u");
function validate24(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors2 = 0;
  if (Array.isArray(data)) {
    const len0 = data.length;
    for (let i0 = 0; i0 < len0; i0++) {
      let data0 = data[i0];
      const _errs3 = errors2;
      let valid3 = true;
      const _errs4 = errors2;
      if (typeof data0 !== "string") {
        const err0 = {};
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors2++;
      }
      var _valid0 = _errs4 === errors2;
      errors2 = _errs3;
      if (vErrors !== null) {
        if (_errs3) {
          vErrors.length = _errs3;
        } else {
          vErrors = null;
        }
      }
      let ifClause0;
      if (_valid0) {
        const _errs6 = errors2;
        if (typeof data0 === "string") {
          if (!pattern0.test(data0)) {
            const err1 = { instancePath: instancePath + "/" + i0, schemaPath: "#/definitions/condition/then/pattern", keyword: "pattern", params: { pattern: "\\S" }, message: 'must match pattern "\\S"' };
            if (vErrors === null) {
              vErrors = [err1];
            } else {
              vErrors.push(err1);
            }
            errors2++;
          }
        } else {
          const err2 = { instancePath: instancePath + "/" + i0, schemaPath: "#/definitions/condition/then/type", keyword: "type", params: { type: "string" }, message: "must be string" };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors2++;
        }
        var _valid0 = _errs6 === errors2;
        valid3 = _valid0;
        ifClause0 = "then";
      } else {
        const _errs8 = errors2;
        if (data0 && typeof data0 == "object" && !Array.isArray(data0)) {
          if (data0.metric === void 0) {
            const err3 = { instancePath: instancePath + "/" + i0, schemaPath: "#/definitions/condition/else/required", keyword: "required", params: { missingProperty: "metric" }, message: "must have required property 'metric'" };
            if (vErrors === null) {
              vErrors = [err3];
            } else {
              vErrors.push(err3);
            }
            errors2++;
          }
          if (data0.op === void 0) {
            const err4 = { instancePath: instancePath + "/" + i0, schemaPath: "#/definitions/condition/else/required", keyword: "required", params: { missingProperty: "op" }, message: "must have required property 'op'" };
            if (vErrors === null) {
              vErrors = [err4];
            } else {
              vErrors.push(err4);
            }
            errors2++;
          }
          if (data0.value === void 0) {
            const err5 = { instancePath: instancePath + "/" + i0, schemaPath: "#/definitions/condition/else/required", keyword: "required", params: { missingProperty: "value" }, message: "must have required property 'value'" };
            if (vErrors === null) {
              vErrors = [err5];
            } else {
              vErrors.push(err5);
            }
            errors2++;
          }
          for (const key0 in data0) {
            if (!(key0 === "metric" || key0 === "op" || key0 === "value")) {
              const err6 = { instancePath: instancePath + "/" + i0, schemaPath: "#/definitions/condition/else/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
              if (vErrors === null) {
                vErrors = [err6];
              } else {
                vErrors.push(err6);
              }
              errors2++;
            }
          }
          if (data0.metric !== void 0) {
            let data1 = data0.metric;
            if (typeof data1 === "string") {
              if (!pattern0.test(data1)) {
                const err7 = { instancePath: instancePath + "/" + i0 + "/metric", schemaPath: "#/definitions/condition/else/properties/metric/pattern", keyword: "pattern", params: { pattern: "\\S" }, message: 'must match pattern "\\S"' };
                if (vErrors === null) {
                  vErrors = [err7];
                } else {
                  vErrors.push(err7);
                }
                errors2++;
              }
            } else {
              const err8 = { instancePath: instancePath + "/" + i0 + "/metric", schemaPath: "#/definitions/condition/else/properties/metric/type", keyword: "type", params: { type: "string" }, message: "must be string" };
              if (vErrors === null) {
                vErrors = [err8];
              } else {
                vErrors.push(err8);
              }
              errors2++;
            }
          }
          if (data0.op !== void 0) {
            let data2 = data0.op;
            if (!(data2 === ">" || data2 === ">=" || data2 === "<" || data2 === "<=" || data2 === "==" || data2 === "!=")) {
              const err9 = { instancePath: instancePath + "/" + i0 + "/op", schemaPath: "#/definitions/condition/else/properties/op/enum", keyword: "enum", params: { allowedValues: schema23.else.properties.op.enum }, message: "must be equal to one of the allowed values" };
              if (vErrors === null) {
                vErrors = [err9];
              } else {
                vErrors.push(err9);
              }
              errors2++;
            }
          }
          if (data0.value !== void 0) {
            let data3 = data0.value;
            if (!(typeof data3 == "number" && isFinite(data3)) && typeof data3 !== "string") {
              const err10 = { instancePath: instancePath + "/" + i0 + "/value", schemaPath: "#/definitions/condition/else/properties/value/type", keyword: "type", params: { type: schema23.else.properties.value.type }, message: "must be number,string" };
              if (vErrors === null) {
                vErrors = [err10];
              } else {
                vErrors.push(err10);
              }
              errors2++;
            }
          }
        } else {
          const err11 = { instancePath: instancePath + "/" + i0, schemaPath: "#/definitions/condition/else/type", keyword: "type", params: { type: "object" }, message: "must be object" };
          if (vErrors === null) {
            vErrors = [err11];
          } else {
            vErrors.push(err11);
          }
          errors2++;
        }
        var _valid0 = _errs8 === errors2;
        valid3 = _valid0;
        ifClause0 = "else";
      }
      if (!valid3) {
        const err12 = { instancePath: instancePath + "/" + i0, schemaPath: "#/definitions/condition/if", keyword: "if", params: { failingKeyword: ifClause0 }, message: 'must match "' + ifClause0 + '" schema' };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors2++;
      }
    }
  } else {
    const err13 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "array" }, message: "must be array" };
    if (vErrors === null) {
      vErrors = [err13];
    } else {
      vErrors.push(err13);
    }
    errors2++;
  }
  validate24.errors = vErrors;
  return errors2 === 0;
}
function validate23(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors2 = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.approvers === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "approvers" }, message: "must have required property 'approvers'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors2++;
    }
    for (const key0 in data) {
      if (!(key0 === "approvers" || key0 === "min_approvals" || key0 === "auto_approve_if" || key0 === "allow_self_approval" || key0 === "escalate_to" || key0 === "override_by")) {
        const err1 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors2++;
      }
    }
    if (data.approvers !== void 0) {
      let data0 = data.approvers;
      if (Array.isArray(data0)) {
        if (data0.length < 1) {
          const err2 = { instancePath: instancePath + "/approvers", schemaPath: "#/properties/approvers/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors2++;
        }
        const len0 = data0.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data1 = data0[i0];
          if (typeof data1 === "string") {
            if (!pattern26.test(data1)) {
              const err3 = { instancePath: instancePath + "/approvers/" + i0, schemaPath: "#/properties/approvers/items/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:_[A-Za-z0-9]+|/[A-Za-z0-9_.-]+)?$" }, message: 'must match pattern "^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:_[A-Za-z0-9]+|/[A-Za-z0-9_.-]+)?$"' };
              if (vErrors === null) {
                vErrors = [err3];
              } else {
                vErrors.push(err3);
              }
              errors2++;
            }
          } else {
            const err4 = { instancePath: instancePath + "/approvers/" + i0, schemaPath: "#/properties/approvers/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err4];
            } else {
              vErrors.push(err4);
            }
            errors2++;
          }
        }
      } else {
        const err5 = { instancePath: instancePath + "/approvers", schemaPath: "#/properties/approvers/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors2++;
      }
    }
    if (data.min_approvals !== void 0) {
      let data2 = data.min_approvals;
      if (!(typeof data2 == "number" && (!(data2 % 1) && !isNaN(data2)) && isFinite(data2))) {
        const err6 = { instancePath: instancePath + "/min_approvals", schemaPath: "#/properties/min_approvals/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors2++;
      }
      if (typeof data2 == "number" && isFinite(data2)) {
        if (data2 < 1 || isNaN(data2)) {
          const err7 = { instancePath: instancePath + "/min_approvals", schemaPath: "#/properties/min_approvals/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors2++;
        }
      }
    }
    if (data.auto_approve_if !== void 0) {
      if (!validate24(data.auto_approve_if, { instancePath: instancePath + "/auto_approve_if", parentData: data, parentDataProperty: "auto_approve_if", rootData })) {
        vErrors = vErrors === null ? validate24.errors : vErrors.concat(validate24.errors);
        errors2 = vErrors.length;
      }
    }
    if (data.allow_self_approval !== void 0) {
      if (typeof data.allow_self_approval !== "boolean") {
        const err8 = { instancePath: instancePath + "/allow_self_approval", schemaPath: "#/properties/allow_self_approval/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors2++;
      }
    }
    if (data.escalate_to !== void 0) {
      let data5 = data.escalate_to;
      if (Array.isArray(data5)) {
        if (data5.length < 1) {
          const err9 = { instancePath: instancePath + "/escalate_to", schemaPath: "#/definitions/approverList/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
          if (vErrors === null) {
            vErrors = [err9];
          } else {
            vErrors.push(err9);
          }
          errors2++;
        }
        const len1 = data5.length;
        for (let i1 = 0; i1 < len1; i1++) {
          let data6 = data5[i1];
          if (typeof data6 === "string") {
            if (!pattern26.test(data6)) {
              const err10 = { instancePath: instancePath + "/escalate_to/" + i1, schemaPath: "#/definitions/approverList/items/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:_[A-Za-z0-9]+|/[A-Za-z0-9_.-]+)?$" }, message: 'must match pattern "^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:_[A-Za-z0-9]+|/[A-Za-z0-9_.-]+)?$"' };
              if (vErrors === null) {
                vErrors = [err10];
              } else {
                vErrors.push(err10);
              }
              errors2++;
            }
          } else {
            const err11 = { instancePath: instancePath + "/escalate_to/" + i1, schemaPath: "#/definitions/approverList/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err11];
            } else {
              vErrors.push(err11);
            }
            errors2++;
          }
        }
      } else {
        const err12 = { instancePath: instancePath + "/escalate_to", schemaPath: "#/definitions/approverList/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors2++;
      }
    }
    if (data.override_by !== void 0) {
      let data7 = data.override_by;
      if (Array.isArray(data7)) {
        if (data7.length < 1) {
          const err13 = { instancePath: instancePath + "/override_by", schemaPath: "#/definitions/approverList/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
          if (vErrors === null) {
            vErrors = [err13];
          } else {
            vErrors.push(err13);
          }
          errors2++;
        }
        const len2 = data7.length;
        for (let i2 = 0; i2 < len2; i2++) {
          let data8 = data7[i2];
          if (typeof data8 === "string") {
            if (!pattern26.test(data8)) {
              const err14 = { instancePath: instancePath + "/override_by/" + i2, schemaPath: "#/definitions/approverList/items/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:_[A-Za-z0-9]+|/[A-Za-z0-9_.-]+)?$" }, message: 'must match pattern "^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:_[A-Za-z0-9]+|/[A-Za-z0-9_.-]+)?$"' };
              if (vErrors === null) {
                vErrors = [err14];
              } else {
                vErrors.push(err14);
              }
              errors2++;
            }
          } else {
            const err15 = { instancePath: instancePath + "/override_by/" + i2, schemaPath: "#/definitions/approverList/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err15];
            } else {
              vErrors.push(err15);
            }
            errors2++;
          }
        }
      } else {
        const err16 = { instancePath: instancePath + "/override_by", schemaPath: "#/definitions/approverList/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err16];
        } else {
          vErrors.push(err16);
        }
        errors2++;
      }
    }
  } else {
    const err17 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err17];
    } else {
      vErrors.push(err17);
    }
    errors2++;
  }
  validate23.errors = vErrors;
  return errors2 === 0;
}
var pattern33 = new RegExp("^\\s*(?:[0-9]+\\s*[mhdw]\\s*)+$", "u");
function validate20(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors2 = 0;
  const _errs2 = errors2;
  let valid1 = true;
  const _errs3 = errors2;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    let missing0;
    if (data.type === void 0 && (missing0 = "type")) {
      const err0 = {};
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors2++;
    } else {
      if (data.type !== void 0) {
        if ("training" !== data.type) {
          const err1 = {};
          if (vErrors === null) {
            vErrors = [err1];
          } else {
            vErrors.push(err1);
          }
          errors2++;
        }
      }
    }
  }
  var _valid0 = _errs3 === errors2;
  errors2 = _errs2;
  if (vErrors !== null) {
    if (_errs2) {
      vErrors.length = _errs2;
    } else {
      vErrors = null;
    }
  }
  if (_valid0) {
    const _errs5 = errors2;
    if (data && typeof data == "object" && !Array.isArray(data)) {
      if (data.inputs !== void 0) {
        let data1 = data.inputs;
        if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
          for (const key0 in data1) {
            const err2 = { instancePath: instancePath + "/inputs", schemaPath: "#/allOf/0/then/properties/inputs/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
              vErrors = [err2];
            } else {
              vErrors.push(err2);
            }
            errors2++;
          }
        } else {
          const err3 = { instancePath: instancePath + "/inputs", schemaPath: "#/allOf/0/then/properties/inputs/type", keyword: "type", params: { type: "object" }, message: "must be object" };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors2++;
        }
      }
    }
    var _valid0 = _errs5 === errors2;
    valid1 = _valid0;
  }
  if (!valid1) {
    const err4 = { instancePath, schemaPath: "#/allOf/0/if", keyword: "if", params: { failingKeyword: "then" }, message: 'must match "then" schema' };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors2++;
  }
  const _errs10 = errors2;
  let valid4 = true;
  const _errs11 = errors2;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    let missing1;
    if (data.type === void 0 && (missing1 = "type")) {
      const err5 = {};
      if (vErrors === null) {
        vErrors = [err5];
      } else {
        vErrors.push(err5);
      }
      errors2++;
    } else {
      if (data.type !== void 0) {
        if ("test" !== data.type) {
          const err6 = {};
          if (vErrors === null) {
            vErrors = [err6];
          } else {
            vErrors.push(err6);
          }
          errors2++;
        }
      }
    }
  }
  var _valid1 = _errs11 === errors2;
  errors2 = _errs10;
  if (vErrors !== null) {
    if (_errs10) {
      vErrors.length = _errs10;
    } else {
      vErrors = null;
    }
  }
  if (_valid1) {
    const _errs13 = errors2;
    if (data && typeof data == "object" && !Array.isArray(data)) {
      if (data.inputs === void 0) {
        const err7 = { instancePath, schemaPath: "#/allOf/1/then/required", keyword: "required", params: { missingProperty: "inputs" }, message: "must have required property 'inputs'" };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors2++;
      }
      if (data.inputs !== void 0) {
        if (!validate21(data.inputs, { instancePath: instancePath + "/inputs", parentData: data, parentDataProperty: "inputs", rootData })) {
          vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
          errors2 = vErrors.length;
        }
      }
    }
    var _valid1 = _errs13 === errors2;
    valid4 = _valid1;
  }
  if (!valid4) {
    const err8 = { instancePath, schemaPath: "#/allOf/1/if", keyword: "if", params: { failingKeyword: "then" }, message: 'must match "then" schema' };
    if (vErrors === null) {
      vErrors = [err8];
    } else {
      vErrors.push(err8);
    }
    errors2++;
  }
  const _errs16 = errors2;
  let valid7 = true;
  const _errs17 = errors2;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    let missing2;
    if (data.type === void 0 && (missing2 = "type")) {
      const err9 = {};
      if (vErrors === null) {
        vErrors = [err9];
      } else {
        vErrors.push(err9);
      }
      errors2++;
    } else {
      if (data.type !== void 0) {
        if ("approval" !== data.type) {
          const err10 = {};
          if (vErrors === null) {
            vErrors = [err10];
          } else {
            vErrors.push(err10);
          }
          errors2++;
        }
      }
    }
  }
  var _valid2 = _errs17 === errors2;
  errors2 = _errs16;
  if (vErrors !== null) {
    if (_errs16) {
      vErrors.length = _errs16;
    } else {
      vErrors = null;
    }
  }
  if (_valid2) {
    const _errs19 = errors2;
    if (data && typeof data == "object" && !Array.isArray(data)) {
      if (data.inputs === void 0) {
        const err11 = { instancePath, schemaPath: "#/allOf/2/then/required", keyword: "required", params: { missingProperty: "inputs" }, message: "must have required property 'inputs'" };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors2++;
      }
      if (data.inputs !== void 0) {
        if (!validate23(data.inputs, { instancePath: instancePath + "/inputs", parentData: data, parentDataProperty: "inputs", rootData })) {
          vErrors = vErrors === null ? validate23.errors : vErrors.concat(validate23.errors);
          errors2 = vErrors.length;
        }
      }
    }
    var _valid2 = _errs19 === errors2;
    valid7 = _valid2;
  }
  if (!valid7) {
    const err12 = { instancePath, schemaPath: "#/allOf/2/if", keyword: "if", params: { failingKeyword: "then" }, message: 'must match "then" schema' };
    if (vErrors === null) {
      vErrors = [err12];
    } else {
      vErrors.push(err12);
    }
    errors2++;
  }
  const _errs22 = errors2;
  let valid10 = true;
  const _errs23 = errors2;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    let missing3;
    if (data.type === void 0 && (missing3 = "type")) {
      const err13 = {};
      if (vErrors === null) {
        vErrors = [err13];
      } else {
        vErrors.push(err13);
      }
      errors2++;
    } else {
      if (data.type !== void 0) {
        if ("deploy" !== data.type) {
          const err14 = {};
          if (vErrors === null) {
            vErrors = [err14];
          } else {
            vErrors.push(err14);
          }
          errors2++;
        }
      }
    }
  }
  var _valid3 = _errs23 === errors2;
  errors2 = _errs22;
  if (vErrors !== null) {
    if (_errs22) {
      vErrors.length = _errs22;
    } else {
      vErrors = null;
    }
  }
  if (_valid3) {
    const _errs25 = errors2;
    if (data && typeof data == "object" && !Array.isArray(data)) {
      if (data.inputs === void 0) {
        const err15 = { instancePath, schemaPath: "#/allOf/3/then/required", keyword: "required", params: { missingProperty: "inputs" }, message: "must have required property 'inputs'" };
        if (vErrors === null) {
          vErrors = [err15];
        } else {
          vErrors.push(err15);
        }
        errors2++;
      }
      if (data.inputs !== void 0) {
        let data7 = data.inputs;
        if (data7 && typeof data7 == "object" && !Array.isArray(data7)) {
          if (data7.environment === void 0) {
            const err16 = { instancePath: instancePath + "/inputs", schemaPath: "#/definitions/deployInputs/required", keyword: "required", params: { missingProperty: "environment" }, message: "must have required property 'environment'" };
            if (vErrors === null) {
              vErrors = [err16];
            } else {
              vErrors.push(err16);
            }
            errors2++;
          }
          for (const key1 in data7) {
            if (!(key1 === "environment")) {
              const err17 = { instancePath: instancePath + "/inputs", schemaPath: "#/definitions/deployInputs/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties" };
              if (vErrors === null) {
                vErrors = [err17];
              } else {
                vErrors.push(err17);
              }
              errors2++;
            }
          }
          if (data7.environment !== void 0) {
            let data8 = data7.environment;
            if (typeof data8 === "string") {
              if (!pattern0.test(data8)) {
                const err18 = { instancePath: instancePath + "/inputs/environment", schemaPath: "#/definitions/deployInputs/properties/environment/pattern", keyword: "pattern", params: { pattern: "\\S" }, message: 'must match pattern "\\S"' };
                if (vErrors === null) {
                  vErrors = [err18];
                } else {
                  vErrors.push(err18);
                }
                errors2++;
              }
            } else {
              const err19 = { instancePath: instancePath + "/inputs/environment", schemaPath: "#/definitions/deployInputs/properties/environment/type", keyword: "type", params: { type: "string" }, message: "must be string" };
              if (vErrors === null) {
                vErrors = [err19];
              } else {
                vErrors.push(err19);
              }
              errors2++;
            }
          }
        } else {
          const err20 = { instancePath: instancePath + "/inputs", schemaPath: "#/definitions/deployInputs/type", keyword: "type", params: { type: "object" }, message: "must be object" };
          if (vErrors === null) {
            vErrors = [err20];
          } else {
            vErrors.push(err20);
          }
          errors2++;
        }
      }
    }
    var _valid3 = _errs25 === errors2;
    valid10 = _valid3;
  }
  if (!valid10) {
    const err21 = { instancePath, schemaPath: "#/allOf/3/if", keyword: "if", params: { failingKeyword: "then" }, message: 'must match "then" schema' };
    if (vErrors === null) {
      vErrors = [err21];
    } else {
      vErrors.push(err21);
    }
    errors2++;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.name === void 0) {
      const err22 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'" };
      if (vErrors === null) {
        vErrors = [err22];
      } else {
        vErrors.push(err22);
      }
      errors2++;
    }
    if (data.type === void 0) {
      const err23 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "type" }, message: "must have required property 'type'" };
      if (vErrors === null) {
        vErrors = [err23];
      } else {
        vErrors.push(err23);
      }
      errors2++;
    }
    for (const key2 in data) {
      if (!(key2 === "name" || key2 === "type" || key2 === "inputs" || key2 === "on_fail" || key2 === "on_reject" || key2 === "timeout" || key2 === "on_timeout")) {
        const err24 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err24];
        } else {
          vErrors.push(err24);
        }
        errors2++;
      }
    }
    if (data.name !== void 0) {
      let data9 = data.name;
      if (typeof data9 === "string") {
        if (!pattern0.test(data9)) {
          const err25 = { instancePath: instancePath + "/name", schemaPath: "#/properties/name/pattern", keyword: "pattern", params: { pattern: "\\S" }, message: 'must match pattern "\\S"' };
          if (vErrors === null) {
            vErrors = [err25];
          } else {
            vErrors.push(err25);
          }
          errors2++;
        }
      } else {
        const err26 = { instancePath: instancePath + "/name", schemaPath: "#/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err26];
        } else {
          vErrors.push(err26);
        }
        errors2++;
      }
    }
    if (data.type !== void 0) {
      let data10 = data.type;
      if (!(data10 === "training" || data10 === "test" || data10 === "approval" || data10 === "deploy")) {
        const err27 = { instancePath: instancePath + "/type", schemaPath: "#/properties/type/enum", keyword: "enum", params: { allowedValues: schema21.properties.type.enum }, message: "must be equal to one of the allowed values" };
        if (vErrors === null) {
          vErrors = [err27];
        } else {
          vErrors.push(err27);
        }
        errors2++;
      }
    }
    if (data.inputs !== void 0) {
      let data11 = data.inputs;
      if (!(data11 && typeof data11 == "object" && !Array.isArray(data11))) {
        const err28 = { instancePath: instancePath + "/inputs", schemaPath: "#/properties/inputs/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err28];
        } else {
          vErrors.push(err28);
        }
        errors2++;
      }
    }
    if (data.on_fail !== void 0) {
      let data12 = data.on_fail;
      if (!(data12 === "fail_pipeline" || data12 === "require_approval" || data12 === "warn")) {
        const err29 = { instancePath: instancePath + "/on_fail", schemaPath: "#/properties/on_fail/enum", keyword: "enum", params: { allowedValues: schema21.properties.on_fail.enum }, message: "must be equal to one of the allowed values" };
        if (vErrors === null) {
          vErrors = [err29];
        } else {
          vErrors.push(err29);
        }
        errors2++;
      }
    }
    if (data.on_reject !== void 0) {
      let data13 = data.on_reject;
      if (!(data13 === "fail_pipeline" || data13 === "block")) {
        const err30 = { instancePath: instancePath + "/on_reject", schemaPath: "#/properties/on_reject/enum", keyword: "enum", params: { allowedValues: schema21.properties.on_reject.enum }, message: "must be equal to one of the allowed values" };
        if (vErrors === null) {
          vErrors = [err30];
        } else {
          vErrors.push(err30);
        }
        errors2++;
      }
    }
    if (data.timeout !== void 0) {
      let data14 = data.timeout;
      if (typeof data14 === "string") {
        if (!pattern33.test(data14)) {
          const err31 = { instancePath: instancePath + "/timeout", schemaPath: "#/definitions/duration/pattern", keyword: "pattern", params: { pattern: "^\\s*(?:[0-9]+\\s*[mhdw]\\s*)+$" }, message: 'must match pattern "^\\s*(?:[0-9]+\\s*[mhdw]\\s*)+$"' };
          if (vErrors === null) {
            vErrors = [err31];
          } else {
            vErrors.push(err31);
          }
          errors2++;
        }
      } else {
        const err32 = { instancePath: instancePath + "/timeout", schemaPath: "#/definitions/duration/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err32];
        } else {
          vErrors.push(err32);
        }
        errors2++;
      }
    }
    if (data.on_timeout !== void 0) {
      let data15 = data.on_timeout;
      if (!(data15 === "reject" || data15 === "escalate" || data15 === "wait")) {
        const err33 = { instancePath: instancePath + "/on_timeout", schemaPath: "#/properties/on_timeout/enum", keyword: "enum", params: { allowedValues: schema21.properties.on_timeout.enum }, message: "must be equal to one of the allowed values" };
        if (vErrors === null) {
          vErrors = [err33];
        } else {
          vErrors.push(err33);
        }
        errors2++;
      }
    }
  } else {
    const err34 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err34];
    } else {
      vErrors.push(err34);
    }
    errors2++;
  }
  validate20.errors = vErrors;
  return errors2 === 0;
}
function validate10(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors2 = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.steps === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "steps" }, message: "must have required property 'steps'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors2++;
    }
    for (const key0 in data) {
      if (!(key0 === "version" || key0 === "model" || key0 === "metrics" || key0 === "baseline" || key0 === "protected_paths" || key0 === "evidence" || key0 === "notify" || key0 === "steps")) {
        const err1 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors2++;
      }
    }
    if (data.version !== void 0) {
      if (1 !== data.version) {
        const err2 = { instancePath: instancePath + "/version", schemaPath: "#/properties/version/const", keyword: "const", params: { allowedValue: 1 }, message: "must be equal to constant" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors2++;
      }
    }
    if (data.model !== void 0) {
      let data1 = data.model;
      if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
        for (const key1 in data1) {
          if (!(key1 === "name" || key1 === "artifacts")) {
            const err3 = { instancePath: instancePath + "/model", schemaPath: "#/properties/model/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
              vErrors = [err3];
            } else {
              vErrors.push(err3);
            }
            errors2++;
          }
        }
        if (data1.name !== void 0) {
          let data2 = data1.name;
          if (typeof data2 === "string") {
            if (!pattern0.test(data2)) {
              const err4 = { instancePath: instancePath + "/model/name", schemaPath: "#/properties/model/properties/name/pattern", keyword: "pattern", params: { pattern: "\\S" }, message: 'must match pattern "\\S"' };
              if (vErrors === null) {
                vErrors = [err4];
              } else {
                vErrors.push(err4);
              }
              errors2++;
            }
          } else {
            const err5 = { instancePath: instancePath + "/model/name", schemaPath: "#/properties/model/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err5];
            } else {
              vErrors.push(err5);
            }
            errors2++;
          }
        }
        if (data1.artifacts !== void 0) {
          let data3 = data1.artifacts;
          if (Array.isArray(data3)) {
            const len0 = data3.length;
            for (let i0 = 0; i0 < len0; i0++) {
              let data4 = data3[i0];
              if (typeof data4 === "string") {
                if (!pattern0.test(data4)) {
                  const err6 = { instancePath: instancePath + "/model/artifacts/" + i0, schemaPath: "#/properties/model/properties/artifacts/items/pattern", keyword: "pattern", params: { pattern: "\\S" }, message: 'must match pattern "\\S"' };
                  if (vErrors === null) {
                    vErrors = [err6];
                  } else {
                    vErrors.push(err6);
                  }
                  errors2++;
                }
              } else {
                const err7 = { instancePath: instancePath + "/model/artifacts/" + i0, schemaPath: "#/properties/model/properties/artifacts/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err7];
                } else {
                  vErrors.push(err7);
                }
                errors2++;
              }
            }
          } else {
            const err8 = { instancePath: instancePath + "/model/artifacts", schemaPath: "#/properties/model/properties/artifacts/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
              vErrors = [err8];
            } else {
              vErrors.push(err8);
            }
            errors2++;
          }
        }
      } else {
        const err9 = { instancePath: instancePath + "/model", schemaPath: "#/properties/model/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors2++;
      }
    }
    if (data.metrics !== void 0) {
      let data5 = data.metrics;
      const _errs13 = errors2;
      let valid4 = true;
      const _errs14 = errors2;
      if (typeof data5 !== "string") {
        const err10 = {};
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors2++;
      }
      var _valid0 = _errs14 === errors2;
      errors2 = _errs13;
      if (vErrors !== null) {
        if (_errs13) {
          vErrors.length = _errs13;
        } else {
          vErrors = null;
        }
      }
      let ifClause0;
      if (_valid0) {
        const _errs16 = errors2;
        if (typeof data5 === "string") {
          if (!pattern0.test(data5)) {
            const err11 = { instancePath: instancePath + "/metrics", schemaPath: "#/properties/metrics/then/pattern", keyword: "pattern", params: { pattern: "\\S" }, message: 'must match pattern "\\S"' };
            if (vErrors === null) {
              vErrors = [err11];
            } else {
              vErrors.push(err11);
            }
            errors2++;
          }
        } else {
          const err12 = { instancePath: instancePath + "/metrics", schemaPath: "#/properties/metrics/then/type", keyword: "type", params: { type: "string" }, message: "must be string" };
          if (vErrors === null) {
            vErrors = [err12];
          } else {
            vErrors.push(err12);
          }
          errors2++;
        }
        var _valid0 = _errs16 === errors2;
        valid4 = _valid0;
        ifClause0 = "then";
      } else {
        const _errs18 = errors2;
        if (!validate11(data5, { instancePath: instancePath + "/metrics", parentData: data, parentDataProperty: "metrics", rootData })) {
          vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
          errors2 = vErrors.length;
        }
        var _valid0 = _errs18 === errors2;
        valid4 = _valid0;
        ifClause0 = "else";
      }
      if (!valid4) {
        const err13 = { instancePath: instancePath + "/metrics", schemaPath: "#/properties/metrics/if", keyword: "if", params: { failingKeyword: ifClause0 }, message: 'must match "' + ifClause0 + '" schema' };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors2++;
      }
    }
    if (data.baseline !== void 0) {
      let data6 = data.baseline;
      const _errs20 = errors2;
      let valid5 = true;
      const _errs21 = errors2;
      if (typeof data6 !== "string") {
        const err14 = {};
        if (vErrors === null) {
          vErrors = [err14];
        } else {
          vErrors.push(err14);
        }
        errors2++;
      }
      var _valid1 = _errs21 === errors2;
      errors2 = _errs20;
      if (vErrors !== null) {
        if (_errs20) {
          vErrors.length = _errs20;
        } else {
          vErrors = null;
        }
      }
      let ifClause1;
      if (_valid1) {
        const _errs23 = errors2;
        if (typeof data6 === "string") {
          if (!pattern0.test(data6)) {
            const err15 = { instancePath: instancePath + "/baseline", schemaPath: "#/properties/baseline/then/pattern", keyword: "pattern", params: { pattern: "\\S" }, message: 'must match pattern "\\S"' };
            if (vErrors === null) {
              vErrors = [err15];
            } else {
              vErrors.push(err15);
            }
            errors2++;
          }
        } else {
          const err16 = { instancePath: instancePath + "/baseline", schemaPath: "#/properties/baseline/then/type", keyword: "type", params: { type: "string" }, message: "must be string" };
          if (vErrors === null) {
            vErrors = [err16];
          } else {
            vErrors.push(err16);
          }
          errors2++;
        }
        var _valid1 = _errs23 === errors2;
        valid5 = _valid1;
        ifClause1 = "then";
      } else {
        const _errs25 = errors2;
        const _errs26 = errors2;
        let valid6 = true;
        const _errs27 = errors2;
        if (errors2 === _errs27) {
          if (data6 && typeof data6 == "object" && !Array.isArray(data6)) {
            let missing0;
            if (data6.environment === void 0 && (missing0 = "environment")) {
              const err17 = {};
              if (vErrors === null) {
                vErrors = [err17];
              } else {
                vErrors.push(err17);
              }
              errors2++;
            }
          } else {
            const err18 = {};
            if (vErrors === null) {
              vErrors = [err18];
            } else {
              vErrors.push(err18);
            }
            errors2++;
          }
        }
        var _valid2 = _errs27 === errors2;
        errors2 = _errs26;
        if (vErrors !== null) {
          if (_errs26) {
            vErrors.length = _errs26;
          } else {
            vErrors = null;
          }
        }
        let ifClause2;
        if (_valid2) {
          const _errs29 = errors2;
          if (data6 && typeof data6 == "object" && !Array.isArray(data6)) {
            if (data6.environment === void 0) {
              const err19 = { instancePath: instancePath + "/baseline", schemaPath: "#/definitions/deployedBaseline/required", keyword: "required", params: { missingProperty: "environment" }, message: "must have required property 'environment'" };
              if (vErrors === null) {
                vErrors = [err19];
              } else {
                vErrors.push(err19);
              }
              errors2++;
            }
            for (const key2 in data6) {
              if (!(key2 === "environment" || key2 === "when_missing")) {
                const err20 = { instancePath: instancePath + "/baseline", schemaPath: "#/definitions/deployedBaseline/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err20];
                } else {
                  vErrors.push(err20);
                }
                errors2++;
              }
            }
            if (data6.environment !== void 0) {
              let data7 = data6.environment;
              if (typeof data7 === "string") {
                if (!pattern0.test(data7)) {
                  const err21 = { instancePath: instancePath + "/baseline/environment", schemaPath: "#/definitions/deployedBaseline/properties/environment/pattern", keyword: "pattern", params: { pattern: "\\S" }, message: 'must match pattern "\\S"' };
                  if (vErrors === null) {
                    vErrors = [err21];
                  } else {
                    vErrors.push(err21);
                  }
                  errors2++;
                }
              } else {
                const err22 = { instancePath: instancePath + "/baseline/environment", schemaPath: "#/definitions/deployedBaseline/properties/environment/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err22];
                } else {
                  vErrors.push(err22);
                }
                errors2++;
              }
            }
            if (data6.when_missing !== void 0) {
              let data8 = data6.when_missing;
              if (!(data8 === "fail" || data8 === "pass")) {
                const err23 = { instancePath: instancePath + "/baseline/when_missing", schemaPath: "#/definitions/deployedBaseline/properties/when_missing/enum", keyword: "enum", params: { allowedValues: schema15.properties.when_missing.enum }, message: "must be equal to one of the allowed values" };
                if (vErrors === null) {
                  vErrors = [err23];
                } else {
                  vErrors.push(err23);
                }
                errors2++;
              }
            }
          } else {
            const err24 = { instancePath: instancePath + "/baseline", schemaPath: "#/definitions/deployedBaseline/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err24];
            } else {
              vErrors.push(err24);
            }
            errors2++;
          }
          var _valid2 = _errs29 === errors2;
          valid6 = _valid2;
          ifClause2 = "then";
        } else {
          const _errs36 = errors2;
          if (!validate15(data6, { instancePath: instancePath + "/baseline", parentData: data, parentDataProperty: "baseline", rootData })) {
            vErrors = vErrors === null ? validate15.errors : vErrors.concat(validate15.errors);
            errors2 = vErrors.length;
          }
          var _valid2 = _errs36 === errors2;
          valid6 = _valid2;
          ifClause2 = "else";
        }
        if (!valid6) {
          const err25 = { instancePath: instancePath + "/baseline", schemaPath: "#/properties/baseline/else/if", keyword: "if", params: { failingKeyword: ifClause2 }, message: 'must match "' + ifClause2 + '" schema' };
          if (vErrors === null) {
            vErrors = [err25];
          } else {
            vErrors.push(err25);
          }
          errors2++;
        }
        var _valid1 = _errs25 === errors2;
        valid5 = _valid1;
        ifClause1 = "else";
      }
      if (!valid5) {
        const err26 = { instancePath: instancePath + "/baseline", schemaPath: "#/properties/baseline/if", keyword: "if", params: { failingKeyword: ifClause1 }, message: 'must match "' + ifClause1 + '" schema' };
        if (vErrors === null) {
          vErrors = [err26];
        } else {
          vErrors.push(err26);
        }
        errors2++;
      }
    }
    if (data.protected_paths !== void 0) {
      let data9 = data.protected_paths;
      if (Array.isArray(data9)) {
        const len1 = data9.length;
        for (let i1 = 0; i1 < len1; i1++) {
          let data10 = data9[i1];
          if (typeof data10 === "string") {
            if (!pattern0.test(data10)) {
              const err27 = { instancePath: instancePath + "/protected_paths/" + i1, schemaPath: "#/properties/protected_paths/items/pattern", keyword: "pattern", params: { pattern: "\\S" }, message: 'must match pattern "\\S"' };
              if (vErrors === null) {
                vErrors = [err27];
              } else {
                vErrors.push(err27);
              }
              errors2++;
            }
          } else {
            const err28 = { instancePath: instancePath + "/protected_paths/" + i1, schemaPath: "#/properties/protected_paths/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err28];
            } else {
              vErrors.push(err28);
            }
            errors2++;
          }
        }
      } else {
        const err29 = { instancePath: instancePath + "/protected_paths", schemaPath: "#/properties/protected_paths/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err29];
        } else {
          vErrors.push(err29);
        }
        errors2++;
      }
    }
    if (data.evidence !== void 0) {
      let data11 = data.evidence;
      if (data11 && typeof data11 == "object" && !Array.isArray(data11)) {
        for (const key3 in data11) {
          if (!(key3 === "workflow")) {
            const err30 = { instancePath: instancePath + "/evidence", schemaPath: "#/properties/evidence/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
              vErrors = [err30];
            } else {
              vErrors.push(err30);
            }
            errors2++;
          }
        }
        if (data11.workflow !== void 0) {
          let data12 = data11.workflow;
          const _errs45 = errors2;
          let valid12 = true;
          const _errs46 = errors2;
          if (typeof data12 !== "string") {
            const err31 = {};
            if (vErrors === null) {
              vErrors = [err31];
            } else {
              vErrors.push(err31);
            }
            errors2++;
          }
          var _valid3 = _errs46 === errors2;
          errors2 = _errs45;
          if (vErrors !== null) {
            if (_errs45) {
              vErrors.length = _errs45;
            } else {
              vErrors = null;
            }
          }
          let ifClause3;
          if (_valid3) {
            const _errs48 = errors2;
            if (typeof data12 === "string") {
              if (!pattern21.test(data12)) {
                const err32 = { instancePath: instancePath + "/evidence/workflow", schemaPath: "#/definitions/workflowPath/pattern", keyword: "pattern", params: { pattern: "^(\\./)?\\.github/workflows/[^/]+\\.ya?ml$" }, message: 'must match pattern "^(\\./)?\\.github/workflows/[^/]+\\.ya?ml$"' };
                if (vErrors === null) {
                  vErrors = [err32];
                } else {
                  vErrors.push(err32);
                }
                errors2++;
              }
            } else {
              const err33 = { instancePath: instancePath + "/evidence/workflow", schemaPath: "#/definitions/workflowPath/type", keyword: "type", params: { type: "string" }, message: "must be string" };
              if (vErrors === null) {
                vErrors = [err33];
              } else {
                vErrors.push(err33);
              }
              errors2++;
            }
            var _valid3 = _errs48 === errors2;
            valid12 = _valid3;
            ifClause3 = "then";
          } else {
            const _errs51 = errors2;
            if (Array.isArray(data12)) {
              if (data12.length < 1) {
                const err34 = { instancePath: instancePath + "/evidence/workflow", schemaPath: "#/properties/evidence/properties/workflow/else/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
                if (vErrors === null) {
                  vErrors = [err34];
                } else {
                  vErrors.push(err34);
                }
                errors2++;
              }
              const len2 = data12.length;
              for (let i2 = 0; i2 < len2; i2++) {
                let data13 = data12[i2];
                if (typeof data13 === "string") {
                  if (!pattern21.test(data13)) {
                    const err35 = { instancePath: instancePath + "/evidence/workflow/" + i2, schemaPath: "#/definitions/workflowPath/pattern", keyword: "pattern", params: { pattern: "^(\\./)?\\.github/workflows/[^/]+\\.ya?ml$" }, message: 'must match pattern "^(\\./)?\\.github/workflows/[^/]+\\.ya?ml$"' };
                    if (vErrors === null) {
                      vErrors = [err35];
                    } else {
                      vErrors.push(err35);
                    }
                    errors2++;
                  }
                } else {
                  const err36 = { instancePath: instancePath + "/evidence/workflow/" + i2, schemaPath: "#/definitions/workflowPath/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                  if (vErrors === null) {
                    vErrors = [err36];
                  } else {
                    vErrors.push(err36);
                  }
                  errors2++;
                }
              }
            } else {
              const err37 = { instancePath: instancePath + "/evidence/workflow", schemaPath: "#/properties/evidence/properties/workflow/else/type", keyword: "type", params: { type: "array" }, message: "must be array" };
              if (vErrors === null) {
                vErrors = [err37];
              } else {
                vErrors.push(err37);
              }
              errors2++;
            }
            var _valid3 = _errs51 === errors2;
            valid12 = _valid3;
            ifClause3 = "else";
          }
          if (!valid12) {
            const err38 = { instancePath: instancePath + "/evidence/workflow", schemaPath: "#/properties/evidence/properties/workflow/if", keyword: "if", params: { failingKeyword: ifClause3 }, message: 'must match "' + ifClause3 + '" schema' };
            if (vErrors === null) {
              vErrors = [err38];
            } else {
              vErrors.push(err38);
            }
            errors2++;
          }
        }
      } else {
        const err39 = { instancePath: instancePath + "/evidence", schemaPath: "#/properties/evidence/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err39];
        } else {
          vErrors.push(err39);
        }
        errors2++;
      }
    }
    if (data.notify !== void 0) {
      let data14 = data.notify;
      if (Array.isArray(data14)) {
        if (data14.length < 1) {
          const err40 = { instancePath: instancePath + "/notify", schemaPath: "#/properties/notify/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
          if (vErrors === null) {
            vErrors = [err40];
          } else {
            vErrors.push(err40);
          }
          errors2++;
        }
        const len3 = data14.length;
        for (let i3 = 0; i3 < len3; i3++) {
          let data15 = data14[i3];
          if (data15 && typeof data15 == "object" && !Array.isArray(data15)) {
            if (data15.to === void 0) {
              const err41 = { instancePath: instancePath + "/notify/" + i3, schemaPath: "#/properties/notify/items/required", keyword: "required", params: { missingProperty: "to" }, message: "must have required property 'to'" };
              if (vErrors === null) {
                vErrors = [err41];
              } else {
                vErrors.push(err41);
              }
              errors2++;
            }
            if (data15.type === void 0) {
              const err42 = { instancePath: instancePath + "/notify/" + i3, schemaPath: "#/properties/notify/items/required", keyword: "required", params: { missingProperty: "type" }, message: "must have required property 'type'" };
              if (vErrors === null) {
                vErrors = [err42];
              } else {
                vErrors.push(err42);
              }
              errors2++;
            }
            for (const key4 in data15) {
              if (!(key4 === "to" || key4 === "type" || key4 === "on")) {
                const err43 = { instancePath: instancePath + "/notify/" + i3, schemaPath: "#/properties/notify/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key4 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err43];
                } else {
                  vErrors.push(err43);
                }
                errors2++;
              }
            }
            if (data15.to !== void 0) {
              let data16 = data15.to;
              if (typeof data16 === "string") {
                if (!pattern23.test(data16)) {
                  const err44 = { instancePath: instancePath + "/notify/" + i3 + "/to", schemaPath: "#/properties/notify/items/properties/to/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9-]{0,39}$" }, message: 'must match pattern "^[a-z][a-z0-9-]{0,39}$"' };
                  if (vErrors === null) {
                    vErrors = [err44];
                  } else {
                    vErrors.push(err44);
                  }
                  errors2++;
                }
              } else {
                const err45 = { instancePath: instancePath + "/notify/" + i3 + "/to", schemaPath: "#/properties/notify/items/properties/to/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err45];
                } else {
                  vErrors.push(err45);
                }
                errors2++;
              }
            }
            if (data15.type !== void 0) {
              let data17 = data15.type;
              if (!(data17 === "slack" || data17 === "webhook")) {
                const err46 = { instancePath: instancePath + "/notify/" + i3 + "/type", schemaPath: "#/properties/notify/items/properties/type/enum", keyword: "enum", params: { allowedValues: schema11.properties.notify.items.properties.type.enum }, message: "must be equal to one of the allowed values" };
                if (vErrors === null) {
                  vErrors = [err46];
                } else {
                  vErrors.push(err46);
                }
                errors2++;
              }
            }
            if (data15.on !== void 0) {
              let data18 = data15.on;
              if (Array.isArray(data18)) {
                if (data18.length < 1) {
                  const err47 = { instancePath: instancePath + "/notify/" + i3 + "/on", schemaPath: "#/properties/notify/items/properties/on/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
                  if (vErrors === null) {
                    vErrors = [err47];
                  } else {
                    vErrors.push(err47);
                  }
                  errors2++;
                }
                const len4 = data18.length;
                for (let i4 = 0; i4 < len4; i4++) {
                  let data19 = data18[i4];
                  if (!(data19 === "pending" || data19 === "approved" || data19 === "rejected" || data19 === "timed_out" || data19 === "escalated" || data19 === "overridden" || data19 === "deployed")) {
                    const err48 = { instancePath: instancePath + "/notify/" + i3 + "/on/" + i4, schemaPath: "#/properties/notify/items/properties/on/items/enum", keyword: "enum", params: { allowedValues: schema11.properties.notify.items.properties.on.items.enum }, message: "must be equal to one of the allowed values" };
                    if (vErrors === null) {
                      vErrors = [err48];
                    } else {
                      vErrors.push(err48);
                    }
                    errors2++;
                  }
                }
              } else {
                const err49 = { instancePath: instancePath + "/notify/" + i3 + "/on", schemaPath: "#/properties/notify/items/properties/on/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                if (vErrors === null) {
                  vErrors = [err49];
                } else {
                  vErrors.push(err49);
                }
                errors2++;
              }
            }
          } else {
            const err50 = { instancePath: instancePath + "/notify/" + i3, schemaPath: "#/properties/notify/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err50];
            } else {
              vErrors.push(err50);
            }
            errors2++;
          }
        }
      } else {
        const err51 = { instancePath: instancePath + "/notify", schemaPath: "#/properties/notify/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err51];
        } else {
          vErrors.push(err51);
        }
        errors2++;
      }
    }
    if (data.steps !== void 0) {
      let data20 = data.steps;
      if (Array.isArray(data20)) {
        if (data20.length < 1) {
          const err52 = { instancePath: instancePath + "/steps", schemaPath: "#/properties/steps/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
          if (vErrors === null) {
            vErrors = [err52];
          } else {
            vErrors.push(err52);
          }
          errors2++;
        }
        const len5 = data20.length;
        for (let i5 = 0; i5 < len5; i5++) {
          if (!validate20(data20[i5], { instancePath: instancePath + "/steps/" + i5, parentData: data20, parentDataProperty: i5, rootData })) {
            vErrors = vErrors === null ? validate20.errors : vErrors.concat(validate20.errors);
            errors2 = vErrors.length;
          }
        }
      } else {
        const err53 = { instancePath: instancePath + "/steps", schemaPath: "#/properties/steps/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err53];
        } else {
          vErrors.push(err53);
        }
        errors2++;
      }
    }
  } else {
    const err54 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err54];
    } else {
      vErrors.push(err54);
    }
    errors2++;
  }
  validate10.errors = vErrors;
  return errors2 === 0;
}
var configSchema = { "$schema": "http://json-schema.org/draft-07/schema#", "title": "model-approval config (.github/model-approval.yml)", "description": "Declares the approval workflow for a trained model: metric sources, automatic checks, approvers and the gated deploy environment.", "type": "object", "additionalProperties": false, "required": ["steps"], "properties": { "version": { "description": "Config format version.", "const": 1 }, "model": { "type": "object", "additionalProperties": false, "properties": { "name": { "type": "string", "pattern": "\\S", "description": "Display name of the model." }, "artifacts": { "description": "Files whose sha256 digests identify the candidate model.", "type": "array", "items": { "type": "string", "pattern": "\\S" } } } }, "metrics": { "description": "Metric sources: a bare path (one source named `metrics`), or named sources `name: path` or `name: {path, format}`.", "if": { "type": "string" }, "then": { "type": "string", "pattern": "\\S" }, "else": { "$ref": "#/definitions/metricSources" } }, "baseline": { "description": "Metrics of the model in production, for change checks: a bare path (one source named `metrics`), named sources `name: path`, `name: {path, format, ref}` or `name: {environment, when_missing}`, or `{environment, when_missing}` for every source: the metrics recorded for the commit most recently deployed successfully to that GitHub environment.", "if": { "type": "string" }, "then": { "type": "string", "pattern": "\\S" }, "else": { "if": { "type": "object", "required": ["environment"], "properties": { "environment": true } }, "then": { "$ref": "#/definitions/deployedBaseline" }, "else": { "$ref": "#/definitions/baselineSources" } } }, "protected_paths": { "description": "Glob patterns; a PR touching any of them never gets auto-approval.", "type": "array", "items": { "type": "string", "pattern": "\\S" } }, "evidence": { "description": "Which workflow runs record the evidence (metrics and model digest) the gate judges.", "type": "object", "additionalProperties": false, "properties": { "workflow": { "description": "The training workflow file (or a list of them), e.g. .github/workflows/train.yml. Only runs of these files count; by default any workflow file that exists on the default branch.", "if": { "type": "string" }, "then": { "$ref": "#/definitions/workflowPath" }, "else": { "type": "array", "minItems": 1, "items": { "$ref": "#/definitions/workflowPath" } } } } }, "notify": { "description": "Where state changes are announced. Each entry names a destination; its URL (and a webhook's secret) is in the App's or the Action's environment: MODEL_APPROVAL_NOTIFY_<NAME>_URL and MODEL_APPROVAL_NOTIFY_<NAME>_SECRET.", "type": "array", "minItems": 1, "items": { "type": "object", "additionalProperties": false, "required": ["to", "type"], "properties": { "to": { "description": "The destination's name: lower-case letters, digits and dashes, at most 40 characters.", "type": "string", "pattern": "^[a-z][a-z0-9-]{0,39}$" }, "type": { "description": "slack (an incoming webhook) or webhook (a signed JSON POST).", "enum": ["slack", "webhook"] }, "on": { "description": "The events sent (default: all).", "type": "array", "minItems": 1, "items": { "enum": ["pending", "approved", "rejected", "timed_out", "escalated", "overridden", "deployed"] } } } } }, "steps": { "description": "The workflow steps, in order.", "type": "array", "minItems": 1, "items": { "$ref": "#/definitions/step" } } }, "definitions": { "workflowPath": { "type": "string", "pattern": "^(\\./)?\\.github/workflows/[^/]+\\.ya?ml$" }, "metricSources": { "type": "object", "propertyNames": { "pattern": "^[A-Za-z0-9_][A-Za-z0-9_-]*$" }, "additionalProperties": { "$ref": "#/definitions/metricSource" } }, "metricSource": { "if": { "type": "string" }, "then": { "type": "string", "pattern": "\\S" }, "else": { "if": { "type": "object", "required": ["format"], "properties": { "format": { "const": "predictions" } } }, "then": { "$ref": "#/definitions/predictionsSource" }, "else": { "type": "object", "additionalProperties": false, "required": ["path"], "properties": { "path": { "type": "string", "pattern": "\\S", "description": "File (or MLflow run directory) to read." }, "format": { "description": "Detected from the file name and shape when omitted.", "enum": ["json", "yaml", "csv", "dvc", "mlflow", "huggingface", "wandb", "sklearn", "tensorboard"] }, "step": { "type": "integer", "minimum": 0, "description": "TensorBoard event files: read each tag at this step instead of its latest." }, "ref": { "type": "string", "pattern": "\\S", "description": "Baselines: git ref to read from; `base` is the PR's base branch." }, "checkpoint": { "description": "A Hugging Face trainer_state.json: which evaluation in log_history is the candidate's, the final one (default) or that of best_model_checkpoint.", "enum": ["final", "best"] } } } } }, "baselineSources": { "type": "object", "propertyNames": { "pattern": "^[A-Za-z0-9_][A-Za-z0-9_-]*$" }, "additionalProperties": { "$ref": "#/definitions/baselineSource" } }, "baselineSource": { "if": { "type": "object", "required": ["environment"], "properties": { "environment": true } }, "then": { "$ref": "#/definitions/deployedBaseline" }, "else": { "$ref": "#/definitions/metricSource" } }, "deployedBaseline": { "type": "object", "additionalProperties": false, "required": ["environment"], "properties": { "environment": { "type": "string", "pattern": "\\S", "description": "The GitHub environment whose live model is the baseline: the metrics snapshot a trusted training run recorded for the commit most recently deployed there successfully by GitHub Actions." }, "when_missing": { "description": "When nothing has been deployed there successfully yet: `fail` (default) fails the change checks, `pass` lets them pass, saying why.", "enum": ["fail", "pass"] } } }, "condition": { "description": "`METRIC OP VALUE`, e.g. `accuracy >= 0.9`, `f1 >= baseline - 0.01`, or {metric, op, value}.", "if": { "type": "string" }, "then": { "type": "string", "pattern": "\\S" }, "else": { "type": "object", "additionalProperties": false, "required": ["metric", "op", "value"], "properties": { "metric": { "type": "string", "pattern": "\\S" }, "op": { "enum": [">", ">=", "<", "<=", "==", "!="] }, "value": { "type": ["number", "string"] } } } }, "conditions": { "type": "array", "items": { "$ref": "#/definitions/condition" } }, "step": { "type": "object", "additionalProperties": false, "required": ["name", "type"], "properties": { "name": { "type": "string", "pattern": "\\S" }, "type": { "enum": ["training", "test", "approval", "deploy"] }, "inputs": { "type": "object" }, "on_fail": { "description": "test steps: what a failed check does (default fail_pipeline).", "enum": ["fail_pipeline", "require_approval", "warn"] }, "on_reject": { "description": "approval steps: what a rejection does (default fail_pipeline).", "enum": ["fail_pipeline", "block"] }, "timeout": { "description": "approval steps: how long the approval may stay pending, from when the candidate's model was recorded (or its commit pushed), e.g. 72h.", "$ref": "#/definitions/duration" }, "on_timeout": { "description": "approval steps: what a timeout does (default reject): reject the candidate, escalate to escalate_to and wait one more timeout, or only report it and keep waiting.", "enum": ["reject", "escalate", "wait"] } }, "allOf": [{ "if": { "required": ["type"], "properties": { "type": { "const": "training" } } }, "then": { "properties": { "inputs": { "type": "object", "additionalProperties": false, "properties": {} } } } }, { "if": { "required": ["type"], "properties": { "type": { "const": "test" } } }, "then": { "required": ["inputs"], "properties": { "inputs": { "$ref": "#/definitions/testInputs" } } } }, { "if": { "required": ["type"], "properties": { "type": { "const": "approval" } } }, "then": { "required": ["inputs"], "properties": { "inputs": { "$ref": "#/definitions/approvalInputs" } } } }, { "if": { "required": ["type"], "properties": { "type": { "const": "deploy" } } }, "then": { "required": ["inputs"], "properties": { "inputs": { "$ref": "#/definitions/deployInputs" } } } }] }, "testInputs": { "type": "object", "additionalProperties": false, "required": ["checks"], "properties": { "checks": { "description": "All must hold.", "type": "array", "minItems": 1, "items": { "$ref": "#/definitions/condition" } } } }, "approvalInputs": { "type": "object", "additionalProperties": false, "required": ["approvers"], "properties": { "approvers": { "description": "GitHub logins (Enterprise Managed Users' logins end in _SHORTCODE, e.g. team_lead) and org/team slugs.", "type": "array", "minItems": 1, "items": { "type": "string", "pattern": "^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:_[A-Za-z0-9]+|/[A-Za-z0-9_.-]+)?$" } }, "min_approvals": { "description": "Distinct eligible approvals needed (default 1).", "type": "integer", "minimum": 1 }, "auto_approve_if": { "description": "All hold: approved without a human.", "$ref": "#/definitions/conditions" }, "allow_self_approval": { "description": "Whether the PR author's own review counts (default false).", "type": "boolean" }, "escalate_to": { "description": "on_timeout: escalate: logins and org/team slugs whose approvals also count once the timeout has passed; they are asked for a review then.", "$ref": "#/definitions/approverList" }, "override_by": { "description": "Logins and org/team slugs who may approve the current candidate by break-glass override: a PR comment or review body `/model-approval override <reason>`. Never the PR author, never under an untrusted config.", "$ref": "#/definitions/approverList" } } }, "deployInputs": { "type": "object", "additionalProperties": false, "required": ["environment"], "properties": { "environment": { "description": "The GitHub environment whose deploy job is gated.", "type": "string", "pattern": "\\S" } } }, "approverList": { "type": "array", "minItems": 1, "items": { "type": "string", "pattern": "^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:_[A-Za-z0-9]+|/[A-Za-z0-9_.-]+)?$" } }, "duration": { "description": "A duration: a whole number and a unit, m (minutes), h (hours), d (days) or w (weeks), or several, e.g. 30m, 72h, 3d, 1w, 1d12h.", "type": "string", "pattern": "^\\s*(?:[0-9]+\\s*[mhdw]\\s*)+$" }, "predictionsSource": { "type": "object", "additionalProperties": false, "required": ["path", "format"], "properties": { "path": { "type": "string", "pattern": "\\S", "description": "File (or MLflow run directory) to read." }, "format": { "const": "predictions", "description": "Metrics computed from a predictions file (CSV, JSON Lines or Parquet) with their intervals and slices." }, "ref": { "type": "string", "pattern": "\\S", "description": "Baselines: git ref to read from; `base` is the PR's base branch." }, "task": { "description": "format: predictions: what the model predicts: binary (label 0/1 and a score), multiclass (a label and one score column per class) or regression (a target and a prediction).", "enum": ["binary", "multiclass", "regression"] }, "file": { "description": "format: predictions: the file's format, when its extension does not say (.csv, .jsonl, .ndjson, .parquet).", "enum": ["csv", "jsonl", "parquet"] }, "label": { "description": "format: predictions: the column of the true label (binary: 0/1 or true/false; multiclass: the class; regression: the target).", "type": "string", "pattern": "\\S" }, "score": { "description": "format: predictions, task: binary: the column of the predicted probability of label 1.", "type": "string", "pattern": "\\S" }, "scores": { "description": "format: predictions, task: multiclass: each class, as the label column writes it, and the column of its predicted probability, e.g. {cat: p_cat, dog: p_dog, bird: p_bird}.", "type": "object", "minProperties": 3, "additionalProperties": { "type": "string", "pattern": "\\S" } }, "prediction": { "description": "format: predictions, task: regression: the column of the predicted value.", "type": "string", "pattern": "\\S" }, "id": { "description": "format: predictions: the column of each example's id; needed to pair a baseline's predictions with these.", "type": "string", "pattern": "\\S" }, "weight": { "description": "format: predictions: the column of sample weights.", "type": "string", "pattern": "\\S" }, "slices": { "description": "format: predictions: columns whose values slice the metrics (each value's examples get their own metrics), e.g. [country, device].", "type": "array", "items": { "type": "string", "pattern": "\\S" } }, "threshold": { "description": "format: predictions, task: binary: the predicted class is 1 when the score is at or above this (default 0.5).", "type": "number", "minimum": 0, "maximum": 1 }, "min_slice_count": { "description": "format: predictions: slices with fewer examples are reported, not judged (default 100).", "type": "integer", "minimum": 1 }, "calibration_bins": { "description": "format: predictions, task: binary: equal-width bins of the expected calibration error (default 10).", "type": "integer", "minimum": 1, "maximum": 255 }, "bootstrap": { "description": "format: predictions: the bootstrap behind every interval: resamples (default 1000), seed (default 0) and confidence (default 0.95).", "type": "object", "additionalProperties": false, "properties": { "resamples": { "type": "integer", "minimum": 100, "maximum": 1e5 }, "seed": { "type": "integer", "minimum": 0, "maximum": 4294967295 }, "confidence": { "type": "number", "exclusiveMinimum": 0.5, "exclusiveMaximum": 1 } } } } } } };

// src/core/config/types.ts
var METRIC_FORMATS = [
  "json",
  "yaml",
  "csv",
  "dvc",
  "mlflow",
  "huggingface",
  "wandb",
  "sklearn",
  "tensorboard",
  "predictions"
];
var STEP_TYPES = ["training", "test", "approval", "deploy"];

// src/core/config/suggest.ts
var SYNONYMS = {
  users: "approvers",
  reviewers: "approvers",
  approver: "approvers",
  owners: "approvers",
  conditions: "checks",
  check: "checks",
  asserts: "checks",
  auto_approve: "auto_approve_if",
  env: "environment",
  file: "path",
  filename: "path",
  input: "inputs",
  params: "inputs",
  with: "inputs",
  kind: "type",
  step: "steps",
  jobs: "steps",
  min_approvers: "min_approvals",
  "=": "==",
  "=>": ">=",
  "=<": "<=",
  "<>": "!=",
  required_approvals: "min_approvals"
};
function editDistance(a, b) {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
function didYouMean(word, allowed) {
  const lower = word.toLowerCase();
  const synonym = SYNONYMS[lower];
  if (synonym && allowed.includes(synonym)) return synonym;
  let best;
  let bestDistance = Infinity;
  for (const candidate of allowed) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const tolerance = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
  return bestDistance <= tolerance ? best : void 0;
}

// src/core/config/schema-errors.ts
var INPUTS_BY_STEP_TYPE = {
  test: ["checks"],
  approval: ["approvers", "min_approvals", "auto_approve_if", "allow_self_approval"],
  deploy: ["environment"]
};
var REQUIRED_INPUT = {
  test: "checks",
  approval: "approvers",
  deploy: "environment"
};
var REQUIRED_INPUT_EXAMPLE = {
  checks: "inputs: { checks: ['accuracy >= 0.9'] }",
  approvers: "inputs: { approvers: ['alice'] }",
  environment: "inputs: { environment: production }"
};
function pointerToPath(pointer) {
  if (pointer === "") return [];
  return pointer.slice(1).split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~")).map((s) => /^\d+$/.test(s) ? Number(s) : s);
}
function schemaAt(schemaPath) {
  let node = configSchema;
  for (const segment of pointerToPath(schemaPath.replace(/^#/, ""))) {
    if (node === null || typeof node !== "object") return void 0;
    node = node[String(segment)];
  }
  return node !== null && typeof node === "object" ? node : void 0;
}
function keysOf(schema) {
  const properties = schema?.properties;
  return properties && typeof properties === "object" ? Object.keys(properties) : [];
}
function allowedKeys(data, path) {
  const definition = (name) => schemaAt(`#/definitions/${name}`);
  const elseOf = (name) => definition(name)?.else;
  if (path.length === 0) return keysOf(configSchema);
  if (path.length === 1 && (path[0] === "model" || path[0] === "evidence"))
    return keysOf(schemaAt(`#/properties/${path[0]}`));
  if (path[0] === "baseline" && path.length <= 2) {
    const node = valueAt(data, path);
    if (node !== null && typeof node === "object" && "environment" in node)
      return keysOf(definition("deployedBaseline"));
  }
  if (path[0] === "metrics" || path[0] === "baseline") {
    const source = valueAt(data, path.slice(0, 2));
    const predictions = source !== null && typeof source === "object" && "format" in source && source.format === "predictions";
    const plain = elseOf("metricSource")?.else;
    const keys = keysOf(predictions ? definition("predictionsSource") : plain);
    return path[0] === "metrics" ? keys.filter((k) => k !== "ref") : keys;
  }
  if (path[0] === "steps" && path.length === 2) return keysOf(definition("step"));
  if (path[0] === "steps" && path.length === 3 && path[2] === "inputs") {
    const type = String(valueAt(data, path.slice(0, 2).concat("type")));
    return INPUTS_BY_STEP_TYPE[type] ?? [];
  }
  return keysOf(elseOf("condition"));
}
function valueAt(data, path) {
  let node = data;
  for (const segment of path) {
    if (node === null || typeof node !== "object") return void 0;
    node = node[String(segment)];
  }
  return node;
}
function describePath(path) {
  const last = path[path.length - 1];
  if (last === void 0) return "the config";
  if (typeof last === "number") return `${describePath(path.slice(0, -1))}[${last}]`;
  return last;
}
function stepContext(data, path) {
  if (path[0] !== "steps" || typeof path[1] !== "number") return void 0;
  const step2 = valueAt(data, path.slice(0, 2));
  if (step2 === null || typeof step2 !== "object") return void 0;
  const { name, type } = step2;
  return { name: typeof name === "string" ? name : `#${path[1] + 1}`, type };
}
var TYPE_NAMES = {
  object: "a mapping",
  array: "a list",
  string: "a string",
  number: "a number",
  integer: "a whole number",
  boolean: "true or false"
};
function describeType(type) {
  const types = Array.isArray(type) ? type : [type];
  return types.map((t) => TYPE_NAMES[String(t)] ?? String(t)).join(" or ");
}
function exampleList(value, fallback) {
  return typeof value === "string" && value.trim() !== "" ? `['${value.trim()}']` : fallback;
}
function unknownKeyMessage(error, data, path) {
  const key = String(error.params.additionalProperty);
  const allowed = allowedKeys(data, path);
  const suggestion = didYouMean(key, allowed);
  const message = suggestion ? `unknown key '${key}' (did you mean '${suggestion}'?)` : `unknown key '${key}'`;
  const step2 = stepContext(data, path);
  const isStep = path.length === 2 && step2 !== void 0;
  const isInputs = path.length === 3 && path[2] === "inputs" && step2 !== void 0;
  let hint;
  if (key === "inputs" && !isStep) {
    hint = "'inputs:' belongs to a step: indent it to line up with that step's 'name:' and 'type:'";
  } else if (isStep && Object.values(INPUTS_BY_STEP_TYPE).some((keys) => keys.includes(key))) {
    hint = `'${key}' goes under the step's 'inputs:', indented below it`;
  } else if (isInputs) {
    const owner = Object.entries(INPUTS_BY_STEP_TYPE).find(([, keys]) => keys.includes(key))?.[0];
    if (owner && owner !== step2?.type)
      hint = `'${key}' is an input of ${owner} steps, not of ${String(step2?.type)} steps`;
    else if (allowed.length === 0) hint = `${String(step2?.type)} steps take no inputs`;
  }
  if (!hint && allowed.length > 0 && !suggestion) hint = `allowed keys here: ${allowed.join(", ")}`;
  return { message, hint, atKey: true };
}
function requiredMessage(error, data, path) {
  const missing = String(error.params.missingProperty);
  const step2 = stepContext(data, path);
  if (path.length === 0 && missing === "steps") {
    return {
      message: "the config has no 'steps'",
      hint: "list the workflow's steps, e.g. steps: [{ name: approve_model, type: approval, inputs: { approvers: ['alice'] } }]"
    };
  }
  if (step2 && path.length === 2) {
    if (missing === "type") {
      return {
        message: `step '${step2.name}' has no 'type'`,
        hint: `add 'type:' with one of: ${STEP_TYPES.join(", ")}`
      };
    }
    if (missing === "name")
      return { message: "step has no 'name'", hint: "give every step a unique 'name:'" };
    if (missing === "inputs") {
      const input = REQUIRED_INPUT[String(step2.type)] ?? "";
      return {
        message: `${String(step2.type)} step '${step2.name}' needs 'inputs:' with '${input}'`,
        hint: `e.g. ${REQUIRED_INPUT_EXAMPLE[input] ?? ""}`
      };
    }
  }
  if (step2 && path.length === 3 && path[2] === "inputs") {
    const message = missing === "approvers" ? `approval step '${step2.name}' has no approvers` : `${String(step2.type)} step '${step2.name}' has no '${missing}'`;
    return { message, hint: `e.g. ${REQUIRED_INPUT_EXAMPLE[missing] ?? `${missing}: ...`}` };
  }
  if (path[0] === "metrics" || path[0] === "baseline") {
    return {
      message: `metric source '${String(path[1])}' needs a 'path'`,
      hint: "e.g. { path: metrics/eval.json }"
    };
  }
  if (error.schemaPath.includes("/condition/")) {
    return {
      message: `condition is missing '${missing}'`,
      hint: "the object form is { metric: accuracy, op: '>=', value: 0.9 }"
    };
  }
  return { message: `'${describePath(path)}' is missing '${missing}'` };
}
function typeMessage(error, data, path) {
  const name = describePath(path);
  const value = valueAt(data, path);
  const last = path[path.length - 1];
  if (last === "approvers") {
    const example = exampleList(value, "['bob']");
    return { message: `approvers must be a list, e.g. ${example}`, hint: `write approvers: ${example}` };
  }
  if (last === "checks" || last === "auto_approve_if") {
    return {
      message: `${last} must be a list of conditions`,
      hint: `e.g. ${last}: [${typeof value === "string" && value.trim() ? `'${value.trim()}'` : "'accuracy >= 0.9'"}]`
    };
  }
  if (last === "artifacts" || last === "protected_paths") {
    return {
      message: `${last} must be a list`,
      hint: `e.g. ${last}: ${exampleList(value, "['models/model.pkl']")}`
    };
  }
  if (last === "steps")
    return { message: "steps must be a list", hint: "write each step as a '- name: ...' item" };
  if (last === "timeout") return durationMessage(value);
  if (last === "escalate_to" || last === "override_by") {
    const example = exampleList(value, "['bob']");
    return { message: `${last} must be a list, e.g. ${example}`, hint: `write ${last}: ${example}` };
  }
  if (last === "notify" || path[0] === "notify" && path.length === 2)
    return {
      message: "notify must be a list of destinations",
      hint: "e.g. notify: [{ to: ml-team, type: slack }]"
    };
  if (path[0] === "evidence" && path.length >= 2) {
    return {
      message: "evidence.workflow must be a workflow file or a list of them",
      hint: "e.g. evidence: { workflow: .github/workflows/train.yml }"
    };
  }
  if (path[0] === "steps" && path.length === 2) {
    return { message: "each step must be a mapping", hint: "e.g. - name: train_model\n      type: training" };
  }
  if (error.schemaPath.includes("/condition/") && typeof last === "number") {
    return {
      message: "a condition must be a string like 'accuracy >= 0.9' or an object {metric, op, value}"
    };
  }
  if ((path[0] === "metrics" || path[0] === "baseline") && path.length === 2) {
    return {
      message: `metric source '${name}' must be a path or { path, format, checkpoint, step${path[0] === "baseline" ? ", ref" : ""} }`
    };
  }
  if ((last === "metrics" || last === "baseline") && path.length === 1) {
    return {
      message: `${last} must be a path or a mapping of names to files`,
      hint: `e.g. ${last}: metrics/eval.json, or ${last}: { eval: metrics/eval.json }`
    };
  }
  return { message: `'${name}' must be ${describeType(error.params.type)}` };
}
function enumMessage(error, data, path) {
  const allowed = error.params.allowedValues.map(String);
  const value = valueAt(data, path);
  const last = path[path.length - 1];
  if (value === null)
    return { message: `'${describePath(path)}' is empty`, hint: `allowed values: ${allowed.join(", ")}` };
  const suggestion = typeof value === "string" ? didYouMean(value, allowed) : void 0;
  const shown = typeof value === "string" ? `'${value}'` : JSON.stringify(value);
  const subject = last === "type" && path[0] === "steps" ? "step type" : `${describePath(path)} value`;
  return {
    message: `unknown ${subject} ${shown}${suggestion ? ` (did you mean '${suggestion}'?)` : ""}`,
    hint: `allowed ${last === "type" ? "types" : "values"}: ${allowed.join(", ")}`
  };
}
function patternMessage(error, data, path) {
  const value = valueAt(data, path);
  if (error.params.pattern === "\\S")
    return { message: `'${describePath(path.filter((s) => typeof s === "string"))}' must not be empty` };
  if (path[0] === "evidence") {
    return {
      message: `'${String(value)}' is not a workflow file`,
      hint: "name the training workflow's file, e.g. evidence: { workflow: .github/workflows/train.yml }"
    };
  }
  if (path[path.length - 1] === "timeout") return durationMessage(value);
  if (path[0] === "notify" && path[path.length - 1] === "to")
    return {
      message: `'${String(value)}' is not a destination name`,
      hint: "name a destination with lower-case letters, digits and dashes (e.g. ml-team); its URL goes in the environment as MODEL_APPROVAL_NOTIFY_ML_TEAM_URL, never in the repository"
    };
  const list = path[path.length - 2];
  if (list === "approvers" || list === "escalate_to" || list === "override_by") {
    return {
      message: `'${String(value)}' is not a GitHub login or an org/team slug`,
      hint: "approvers are logins like 'alice' (or 'mona_acme' for Enterprise Managed Users) or teams like 'my-org/ml-leads'"
    };
  }
  return { message: `'${String(value)}' is not a valid ${describePath(path)}` };
}
function durationMessage(value) {
  return {
    message: `timeout ${JSON.stringify(value)} is not a duration`,
    hint: "write a whole number and a unit: m (minutes), h (hours), d (days) or w (weeks), e.g. timeout: 72h"
  };
}
function messageFor(error, data, path) {
  if (["if", "allOf", "anyOf", "oneOf", "then", "else"].includes(error.keyword)) return null;
  if (error.schemaPath.includes("/propertyNames/")) return null;
  const last = path[path.length - 1];
  switch (error.keyword) {
    case "additionalProperties":
      return unknownKeyMessage(error, data, path);
    case "required":
      return requiredMessage(error, data, path);
    case "type":
      return typeMessage(error, data, path);
    case "enum":
      return enumMessage(error, data, path);
    case "pattern":
      return patternMessage(error, data, path);
    case "propertyNames":
      return {
        message: `invalid ${String(path[0])} source name '${String(error.params.propertyName)}'`,
        hint: "use letters, digits, '_' and '-'",
        atKey: true
      };
    case "const":
      return {
        message: `unsupported config version ${JSON.stringify(valueAt(data, path))}`,
        hint: "this release reads version: 1"
      };
    case "minItems":
      if (last === "approvers")
        return { message: "approvers is empty", hint: "list at least one login or org/team, e.g. ['alice']" };
      if (last === "steps") return { message: "steps is empty", hint: "list at least one step" };
      return {
        message: `${describePath(path)} is empty`,
        hint: "list at least one condition, e.g. ['accuracy >= 0.9']"
      };
    case "minimum":
      return { message: `${describePath(path)} must be at least ${String(error.params.limit)}` };
    default:
      return { message: `${describePath(path)}: ${error.message ?? error.keyword}` };
  }
}
function schemaDiagnostics(errors2, data, locator) {
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  const misspelt = new Set(
    errors2.filter((e) => e.keyword === "additionalProperties").map((e) => {
      const path = pointerToPath(e.instancePath);
      return `${e.instancePath}|${didYouMean(String(e.params.additionalProperty), allowedKeys(data, path)) ?? ""}`;
    })
  );
  for (const error of errors2) {
    const basePath = pointerToPath(error.instancePath);
    if (error.keyword === "required" && misspelt.has(`${error.instancePath}|${String(error.params.missingProperty)}`))
      continue;
    const message = messageFor(error, data, basePath);
    if (!message) continue;
    const key = error.keyword === "additionalProperties" ? String(error.params.additionalProperty) : error.keyword === "propertyNames" ? String(error.params.propertyName) : void 0;
    const location = key !== void 0 ? locator.atKey([...basePath, key]) : locator.at(basePath);
    const diagnostic = locator.error(location, message.message, message.hint);
    const id = `${location.line}:${location.column}:${message.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(diagnostic);
  }
  return out;
}

// src/core/conditions/decimal.ts
var DECIMAL = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/;
function toDecimal(n) {
  if (!Number.isFinite(n)) throw new RangeError(`not a finite number: ${n}`);
  const match = DECIMAL.exec(String(n));
  if (!match) throw new RangeError(`unexpected number text: ${String(n)}`);
  const [, sign = "", whole = "0", fraction = "", exponent = "0"] = match;
  const digits = BigInt(`${sign}${whole}${fraction}`);
  const scale = fraction.length - Number(exponent);
  return scale >= 0 ? { units: digits, scale } : { units: digits * 10n ** BigInt(-scale), scale: 0 };
}
function fromDecimal(d) {
  return Number(`${d.units}e${-d.scale}`);
}
function aligned(a, b) {
  const scale = Math.max(a.scale, b.scale);
  return [a.units * 10n ** BigInt(scale - a.scale), b.units * 10n ** BigInt(scale - b.scale), scale];
}
function add(a, b) {
  const [x, y, scale] = aligned(a, b);
  return { units: x + y, scale };
}
function subtract(a, b) {
  const [x, y, scale] = aligned(a, b);
  return { units: x - y, scale };
}
function multiply(a, b) {
  return { units: a.units * b.units, scale: a.scale + b.scale };
}
function shift(n, places) {
  const d = toDecimal(n);
  return fromDecimal({ units: d.units, scale: d.scale + places });
}
function decimalArithmetic(a, op, b) {
  const x = toDecimal(a);
  const y = toDecimal(b);
  return fromDecimal(op === "+" ? add(x, y) : op === "-" ? subtract(x, y) : multiply(x, y));
}

// src/core/conditions/ref-text.ts
function quoteSegment(segment) {
  return /^[A-Za-z0-9_/]+$/.test(segment) ? segment : `\`${segment}\``;
}
function quoteValue(value) {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}
function formatSelector(selector) {
  if (selector.kind === "index") return `[${selector.index}]`;
  const pick2 = `${quoteSegment(selector.key)}=${quoteValue(selector.value)}`;
  return selector.kind === "slice" ? `[slice ${pick2}]` : `[${pick2}]`;
}
function formatSegments(segments) {
  let text2 = "";
  for (const segment of segments) {
    if (typeof segment === "string") text2 += `${text2 === "" ? "" : "."}${quoteSegment(segment)}`;
    else text2 += formatSelector(segment);
  }
  return text2;
}

// src/core/conditions/parse.ts
var COMPARE_OPS = [">", ">=", "<", "<=", "==", "!="];
var OP_LIST = COMPARE_OPS.join(" ");
var ConditionSyntaxError = class extends Error {
  constructor(message, column) {
    super(message);
    this.column = column;
  }
  column;
};
var BARE_SEGMENT = /[A-Za-z0-9_/]/;
var NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;
var Scanner = class {
  constructor(text2) {
    this.text = text2;
  }
  text;
  pos = 0;
  get column() {
    return this.pos + 1;
  }
  peek() {
    return this.text[this.pos] ?? "";
  }
  atEnd() {
    return this.pos >= this.text.length;
  }
  skipSpace() {
    while (/\s/.test(this.peek()) && !this.atEnd()) this.pos++;
  }
  fail(message, column = this.column) {
    throw new ConditionSyntaxError(message, column);
  }
  describeHere() {
    return this.atEnd() ? "end of condition" : `'${this.peek()}'`;
  }
};
function scanName(s, noun, hasSegments) {
  if (s.peek() === "`") {
    const open = s.column;
    const close = s.text.indexOf("`", s.pos + 1);
    if (close < 0) s.fail(`unterminated back-quoted ${noun}`, open);
    const name = s.text.slice(s.pos + 1, close);
    if (name.length === 0) s.fail(`empty back-quoted ${noun}`, open);
    s.pos = close + 1;
    return name;
  }
  const start = s.pos;
  while (BARE_SEGMENT.test(s.peek()) && !s.atEnd()) s.pos++;
  if (s.pos === start) {
    const expected = hasSegments ? `a ${noun} after '.'` : `a ${noun}`;
    s.fail(
      /[-\s.]/.test(s.peek()) && hasSegments ? `expected ${expected}; back-quote names with spaces, dots or dashes, e.g. \`f1-score\`` : `expected ${expected}, found ${s.describeHere()}`
    );
  }
  return s.text.slice(start, s.pos);
}
function scanQuoted(s) {
  const open = s.column;
  s.pos++;
  let value = "";
  for (; ; ) {
    if (s.atEnd()) s.fail('unterminated "string" in [ ]; close it with an unescaped "', open);
    const c = s.peek();
    if (c === '"') {
      s.pos++;
      return value;
    }
    if (c === "\\") {
      const next = s.text[s.pos + 1] ?? "";
      if (next !== '"' && next !== "\\") {
        s.fail(`unknown escape '\\${next}' in a quoted value; only \\" and \\\\ are escapes`);
      }
      value += next;
      s.pos += 2;
      continue;
    }
    value += c;
    s.pos++;
  }
}
function scanSelector(s) {
  const column = s.column;
  s.pos++;
  const close = () => {
    if (s.peek() !== "]")
      s.fail(`expected ']' to close the '[' at column ${column}, found ${s.describeHere()}`);
    s.pos++;
  };
  const digits = /^\d+/.exec(s.text.slice(s.pos));
  if (digits) {
    const index = Number(digits[0]);
    if (!Number.isSafeInteger(index)) s.fail(`index ${digits[0]} is too large`);
    s.pos += digits[0].length;
    close();
    return { kind: "index", index, column };
  }
  if (s.peek() === "-")
    s.fail("indexes count from 0 at the start of the list; negative indexes are not supported");
  if (s.peek() === "]" || s.atEnd()) {
    s.fail('expected an index or key="value" inside [ ], e.g. [0] or [metric_id="Accuracy()"]');
  }
  const slice = /^slice\s+/.exec(s.text.slice(s.pos));
  if (slice) s.pos += slice[0].length;
  const key = scanName(s, slice ? "slice column after 'slice'" : "key name inside [ ]", false);
  if (s.peek() !== "=") s.fail(`expected '=' after '${key}' inside [ ], found ${s.describeHere()}`);
  s.pos++;
  if (s.peek() === "=") s.fail(`write one '=' inside [ ]: [${quoteSegment(key)}="\u2026"]`);
  if (s.peek() !== '"') {
    const hint = s.peek() === "'" ? "; use double quotes" : "";
    s.fail(`expected a double-quoted value after '${key}=', found ${s.describeHere()}${hint}`);
  }
  const value = scanQuoted(s);
  close();
  return { kind: slice ? "slice" : "match", key, value, column };
}
function scanMetric(s) {
  const segments = [];
  for (; ; ) {
    segments.push(scanName(s, "metric name", segments.length > 0));
    while (s.peek() === "[") segments.push(scanSelector(s));
    if (s.peek() !== ".") break;
    s.pos++;
  }
  if (s.peek() === "-" || s.peek() === "`") {
    s.fail(`unexpected '${s.peek()}' in metric name; back-quote names with dashes, e.g. \`f1-score\``);
  }
  return { segments, text: formatSegments(segments) };
}
function scanOp(s) {
  const start = s.pos;
  while (/[<>=!]/.test(s.peek()) && !s.atEnd()) s.pos++;
  const op = s.text.slice(start, s.pos);
  if (op.length === 0) s.fail(`expected a comparison operator (${OP_LIST}), found ${s.describeHere()}`);
  if (COMPARE_OPS.includes(op)) return op;
  const hint = op === "=" ? " (did you mean '=='?)" : op === "=>" ? " (did you mean '>='?)" : op === "=<" ? " (did you mean '<='?)" : "";
  return s.fail(`invalid operator '${op}'${hint}; expected one of ${OP_LIST}`, start + 1);
}
function scanNumber(s) {
  const match = NUMBER.exec(s.text.slice(s.pos));
  if (!match) s.fail(`expected a number, a percentage or 'baseline', found ${s.describeHere()}`);
  s.pos += match[0].length;
  const literal = Number(match[0]);
  if (!Number.isFinite(literal)) s.fail(`number '${match[0]}' is out of range`, s.column - match[0].length);
  if (s.peek() === "%") {
    s.pos++;
    return { value: shift(literal, 2), text: `${literal}%` };
  }
  return { value: literal, text: String(literal) };
}
function scanOperand(s) {
  if (!s.text.startsWith("baseline", s.pos) || BARE_SEGMENT.test(s.text[s.pos + 8] ?? "")) {
    const n2 = scanNumber(s);
    return { kind: "number", value: n2.value, text: n2.text };
  }
  s.pos += "baseline".length;
  s.skipSpace();
  if (s.atEnd()) return { kind: "baseline", text: "baseline" };
  const opChar = s.peek();
  if (opChar === "\xB1") s.fail("'\xB1' is not an operator here; write 'baseline + d' or 'baseline - d'");
  if (opChar !== "+" && opChar !== "-" && opChar !== "*") {
    s.fail(`expected '+', '-' or '*' after 'baseline', found ${s.describeHere()}`);
  }
  s.pos++;
  s.skipSpace();
  const n = scanNumber(s);
  return { kind: "baseline", adjust: { op: opChar, amount: n.value }, text: `baseline ${opChar} ${n.text}` };
}
function build(metric, op, value, location) {
  const condition = { metric, op, value, text: `${metric.text} ${op} ${value.text}` };
  if (location) condition.location = location;
  return condition;
}
function scanEvery(s) {
  const head = /^every\s+slice\b/.exec(s.text.slice(s.pos));
  if (!head) return void 0;
  s.pos += head[0].length;
  const word = (w) => {
    s.skipSpace();
    if (!s.text.startsWith(w, s.pos) || BARE_SEGMENT.test(s.text[s.pos + w.length] ?? ""))
      s.fail(`expected '${w}' in 'every slice of SOURCE by COLUMN: CONDITION', found ${s.describeHere()}`);
    s.pos += w.length;
    s.skipSpace();
  };
  word("of");
  const source = scanName(s, "predictions source after 'of'", false);
  word("by");
  const column = scanName(s, "slice column after 'by'", false);
  s.skipSpace();
  if (s.peek() !== ":") s.fail(`expected ':' after the slice column, found ${s.describeHere()}`);
  s.pos++;
  s.skipSpace();
  return { source, column };
}
function parseText(input, location) {
  const s = new Scanner(input);
  s.skipSpace();
  if (s.atEnd()) s.fail("empty condition; write METRIC OP VALUE, e.g. 'accuracy >= 0.9'");
  const every = scanEvery(s);
  const metric = scanMetric(s);
  s.skipSpace();
  const op = scanOp(s);
  s.skipSpace();
  const value = scanOperand(s);
  s.skipSpace();
  if (!s.atEnd()) s.fail(`unexpected ${s.describeHere()} after the value`);
  const condition = build(metric, op, value, location);
  if (!every) return condition;
  const prefix = `every slice of ${quoteSegment(every.source)} by ${quoteSegment(every.column)}: `;
  return { ...condition, every, text: prefix + condition.text };
}
function parseObject(input, location) {
  const fail2 = (field2, message) => ({
    ok: false,
    message,
    column: 1,
    field: field2
  });
  const { metric, op, value } = input;
  if (typeof metric !== "string") return fail2("metric", "condition 'metric' must be a metric name");
  let metricRef;
  try {
    const s = new Scanner(metric.trim());
    metricRef = scanMetric(s);
    if (!s.atEnd()) {
      s.fail(
        `unexpected ${s.describeHere()} in metric name; back-quote segments with spaces, dots or dashes, e.g. \`f1 score\``
      );
    }
  } catch (e) {
    if (e instanceof ConditionSyntaxError) return fail2("metric", e.message);
    throw e;
  }
  if (typeof op !== "string" || !COMPARE_OPS.includes(op)) {
    return fail2("op", `condition 'op' must be one of ${OP_LIST}`);
  }
  let operand;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return fail2("value", "condition 'value' must be a finite number");
    operand = { kind: "number", value, text: String(value) };
  } else if (typeof value === "string") {
    try {
      const s = new Scanner(value.trim());
      operand = scanOperand(s);
      if (!s.atEnd()) s.fail(`unexpected ${s.describeHere()} after the value`);
    } catch (e) {
      if (e instanceof ConditionSyntaxError) return fail2("value", e.message);
      throw e;
    }
  } else {
    return fail2("value", "condition 'value' must be a number, a percentage or a 'baseline' expression");
  }
  return { ok: true, condition: build(metricRef, op, operand, location) };
}
function parseCondition(input, location) {
  if (typeof input === "string") {
    try {
      return { ok: true, condition: parseText(input, location) };
    } catch (e) {
      if (e instanceof ConditionSyntaxError) return { ok: false, message: e.message, column: e.column };
      throw e;
    }
  }
  if (input !== null && typeof input === "object" && !Array.isArray(input)) {
    return parseObject(input, location);
  }
  return {
    ok: false,
    message: "a condition must be a string like 'accuracy >= 0.9' or an object {metric, op, value}",
    column: 1
  };
}

// src/core/config/duration.ts
var UNIT_MS = { m: 6e4, h: 36e5, d: 864e5, w: 6048e5 };
function parseDuration(text2) {
  const compact = text2.replace(/\s+/g, "");
  if (!/^(?:\d+[mhdw])+$/.test(compact)) return void 0;
  let ms = 0;
  for (const [, amount, unit] of compact.matchAll(/(\d+)([mhdw])/g))
    ms += Number(amount) * UNIT_MS[unit];
  return Number.isSafeInteger(ms) ? ms : void 0;
}
function formatDuration(ms) {
  if (ms < 6e4) return `${Math.max(0, Math.round(ms / 1e3))} s`;
  const parts = [];
  let rest = Math.round(ms / 6e4);
  const days = Math.floor(rest / 1440);
  rest -= days * 1440;
  const hours = Math.floor(rest / 60);
  const minutes = rest - hours * 60;
  if (days) parts.push(`${days} d`);
  if (hours) parts.push(`${hours} h`);
  if (minutes && days === 0) parts.push(`${minutes} min`);
  return parts.join(" ") || "0 min";
}

// src/core/config/predictions.ts
var isRecord = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
var DEFAULT_BOOTSTRAP = { resamples: 1e3, seed: 0, confidence: 0.95 };
var DEFAULT_MIN_SLICE_COUNT = 100;
var TASK_COLUMN = {
  binary: "score",
  multiclass: "scores",
  regression: "prediction"
};
var BINARY_ONLY = ["threshold", "calibration_bins"];
function entries(section) {
  if (!isRecord(section) || "environment" in section) return [];
  return Object.entries(section).filter(
    (e) => isRecord(e[1]) && !("environment" in e[1])
  );
}
function checkSource(section, name, raw, own, locator, out) {
  const at2 = (key) => locator.at([section, name, key]);
  if (raw.format !== "predictions") return;
  const merged = section === "baseline" && own ? { ...own, ...raw } : raw;
  if (section === "baseline") {
    if (!own || own.format !== "predictions") {
      out.push(
        locator.error(
          locator.at([section, name]),
          `baseline ${name} is a predictions source, but no metrics source '${name}' is one`,
          `a baseline's predictions are compared with the candidate's: declare metrics.${name} with format: predictions`
        )
      );
      return;
    }
    if ("ref" in raw)
      out.push(
        locator.error(
          at2("ref"),
          "a predictions baseline is read from the training run's workspace, beside the candidate's; 'ref' is not supported",
          "have the training job score the production model on the same examples and write its predictions file"
        )
      );
    if (raw.task !== void 0 && raw.task !== own.task)
      out.push(
        locator.error(
          at2("task"),
          `baseline ${name} is a ${String(raw.task)} task but metrics.${name} is ${String(own.task)}`,
          "a baseline predicts the same thing as the candidate"
        )
      );
    for (const side of [own, merged])
      if (side.id === void 0) {
        out.push(
          locator.error(
            locator.at([section, name]),
            `pairing baseline ${name} with metrics.${name} needs an 'id' column naming each example`,
            "add id: <column> to metrics." + name + " (the baseline takes it too)"
          )
        );
        break;
      }
    return;
  }
  for (const key of ["task", "label"])
    if (merged[key] === void 0)
      out.push(
        locator.error(
          locator.at([section, name]),
          `predictions source ${name} needs '${key}'`,
          "e.g. task: binary, label: y_true, score: y_score"
        )
      );
  const task = merged.task;
  if (task === void 0) return;
  const needed = TASK_COLUMN[task];
  if (merged[needed] === void 0)
    out.push(
      locator.error(
        locator.at([section, name]),
        `a ${task} predictions source needs '${needed}'`,
        needed === "scores" ? "e.g. scores: {cat: p_cat, dog: p_dog, bird: p_bird}" : `e.g. ${needed}: y_${needed === "score" ? "score" : "pred"}`
      )
    );
  for (const other of Object.values(TASK_COLUMN))
    if (other !== needed && other in raw)
      out.push(
        locator.error(
          at2(other),
          `'${other}' does not apply to a ${task} task`,
          `a ${task} task reads '${needed}'`
        )
      );
  if (task !== "binary") {
    for (const key of BINARY_ONLY)
      if (key in raw) out.push(locator.error(at2(key), `'${key}' applies to binary tasks only`, "remove it"));
  }
  const slices = Array.isArray(raw.slices) ? raw.slices : [];
  const seen = /* @__PURE__ */ new Set();
  for (const slice of slices) {
    if (seen.has(slice))
      out.push(
        locator.error(at2("slices"), `slice column '${slice}' is listed twice`, "list each column once")
      );
    seen.add(slice);
  }
}
function checkPredictionSources(data, locator, out) {
  const metrics = new Map(entries(data.metrics));
  for (const [name, raw] of metrics) checkSource("metrics", name, raw, void 0, locator, out);
  for (const [name, raw] of entries(data.baseline))
    checkSource("baseline", name, raw, metrics.get(name), locator, out);
}
function predictionRefProblem(condition, data) {
  const metrics = new Map(entries(data.metrics));
  const slicesOf = (name) => {
    const raw = metrics.get(name);
    return raw?.format === "predictions" ? raw.slices ?? [] : void 0;
  };
  if (condition.every) {
    const { source, column } = condition.every;
    const slices = slicesOf(source);
    if (!slices)
      return `'every slice of ${source}' needs a metrics source '${source}' with format: predictions`;
    if (!slices.includes(column))
      return `'every slice of ${source} by ${column}': ${source} is not sliced by '${column}' (its slices: ${slices.join(", ") || "none"})`;
  }
  const [head, next] = condition.metric.segments;
  if (typeof head === "string" && typeof next === "object" && next.kind === "slice") {
    const slices = slicesOf(head);
    if (!slices)
      return `[slice ${next.key}=\u2026] picks a slice of a predictions source, and '${head}' is not one`;
    if (!slices.includes(next.key))
      return `${head} is not sliced by '${next.key}' (its slices: ${slices.join(", ") || "none"})`;
  }
  return void 0;
}
function bootstrapOf(raw, inherited) {
  const given = isRecord(raw) ? raw : {};
  const base = inherited ?? DEFAULT_BOOTSTRAP;
  return {
    resamples: given.resamples ?? base.resamples,
    seed: given.seed ?? base.seed,
    confidence: given.confidence ?? base.confidence
  };
}
function predictionsSpec(raw, inherited) {
  const pick2 = (key, fallback) => raw[key] ?? fallback;
  const scores = raw.scores === void 0 ? inherited?.scores : Object.entries(raw.scores).map(([cls, column]) => ({ cls, column }));
  const spec = {
    task: pick2("task", inherited?.task ?? "binary"),
    label: pick2("label", inherited?.label ?? ""),
    slices: pick2("slices", inherited?.slices ?? []),
    threshold: pick2("threshold", inherited?.threshold ?? 0.5),
    minSliceCount: pick2("min_slice_count", inherited?.minSliceCount ?? DEFAULT_MIN_SLICE_COUNT),
    calibrationBins: pick2("calibration_bins", inherited?.calibrationBins ?? 10),
    bootstrap: bootstrapOf(raw.bootstrap, inherited?.bootstrap)
  };
  const optional = {
    file: pick2("file", void 0),
    score: pick2("score", inherited?.score),
    prediction: pick2("prediction", inherited?.prediction),
    id: pick2("id", inherited?.id),
    weight: pick2("weight", inherited?.weight)
  };
  for (const [key, value] of Object.entries(optional))
    if (value !== void 0) spec[key] = value;
  if (scores) spec.scores = scores;
  return spec;
}

// src/core/config/semantic.ts
var isRecord2 = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
function conditionListPaths(steps) {
  const paths = [];
  steps.forEach((step2, i) => {
    if (!isRecord2(step2) || !isRecord2(step2.inputs)) return;
    if (step2.type === "test" && Array.isArray(step2.inputs.checks))
      paths.push(["steps", i, "inputs", "checks"]);
    if (step2.type === "approval" && Array.isArray(step2.inputs.auto_approve_if)) {
      paths.push(["steps", i, "inputs", "auto_approve_if"]);
    }
  });
  return paths;
}
function get(data, path) {
  let node = data;
  for (const segment of path)
    node = isRecord2(node) || Array.isArray(node) ? node[String(segment)] : void 0;
  return node;
}
function parseable(item) {
  if (typeof item === "string") return item.trim() !== "";
  return isRecord2(item) && typeof item.metric === "string" && COMPARE_OPS.includes(item.op) && (typeof item.value === "number" || typeof item.value === "string");
}
function checkConditions(data, locator, out) {
  const parsed = /* @__PURE__ */ new Map();
  const hasBaseline = typeof data.baseline === "string" || isRecord2(data.baseline) && Object.keys(data.baseline).length > 0;
  const steps = Array.isArray(data.steps) ? data.steps : [];
  for (const listPath of conditionListPaths(steps)) {
    const list = get(data, listPath);
    const conditions = [];
    list.forEach((item, i) => {
      if (!parseable(item)) return;
      const path = [...listPath, i];
      const result = parseCondition(item, locator.at(path));
      if (!result.ok) {
        const start = locator.stringStart(path);
        const location = result.field !== void 0 ? locator.at([...path, result.field]) : start !== void 0 ? locator.atOffset(start + result.column - 1) : locator.at(path);
        out.push(
          locator.error(
            location,
            `invalid condition: ${result.message}`,
            "conditions are METRIC OP VALUE, e.g. 'accuracy >= 0.9' or 'f1 >= baseline - 0.01'"
          )
        );
        return;
      }
      if (result.condition.value.kind === "baseline" && !hasBaseline) {
        out.push(
          locator.error(
            locator.at(path),
            `condition '${result.condition.text}' compares with the baseline, but the config declares no 'baseline'`,
            "add a top-level 'baseline:' naming the production model's metrics, e.g. baseline: { eval: { path: metrics/eval.json, ref: base } }"
          )
        );
        return;
      }
      const sliceProblem = predictionRefProblem(result.condition, data);
      if (sliceProblem) {
        out.push(
          locator.error(
            locator.at(path),
            `condition '${result.condition.text}': ${sliceProblem}`,
            "slice a predictions source with slices: [column, \u2026], and name its columns"
          )
        );
        return;
      }
      conditions.push(result.condition);
    });
    parsed.set(listPath.join("/"), conditions);
  }
  return parsed;
}
function checkStepNames(steps, locator, out) {
  const firstLine = /* @__PURE__ */ new Map();
  steps.forEach((step2, i) => {
    if (!isRecord2(step2) || typeof step2.name !== "string") return;
    const location = locator.at(["steps", i, "name"]);
    const first = firstLine.get(step2.name);
    if (first === void 0) firstLine.set(step2.name, location.line);
    else
      out.push(
        locator.error(
          location,
          `duplicate step name '${step2.name}' (first used on line ${first})`,
          "step names must be unique"
        )
      );
  });
}
function checkDeployedBaseline(data, locator, out) {
  const baseline = data.baseline;
  if (!isRecord2(baseline) || "environment" in baseline || !("when_missing" in baseline)) return;
  out.push(
    locator.error(
      locator.at(["baseline", "when_missing"]),
      "'when_missing' says what a deployed baseline does before the first deployment, but 'baseline' names no 'environment'",
      "e.g. baseline: { environment: production, when_missing: pass }"
    )
  );
}
var STEP_ONLY_KEYS = {
  on_fail: "test",
  on_reject: "approval",
  timeout: "approval",
  on_timeout: "approval"
};
function checkStepKeys(steps, locator, out) {
  steps.forEach((step2, i) => {
    if (!isRecord2(step2) || typeof step2.type !== "string") return;
    for (const [key, owner] of Object.entries(STEP_ONLY_KEYS)) {
      if (key in step2 && step2.type !== owner && ["training", "test", "approval", "deploy"].includes(step2.type)) {
        out.push(
          locator.error(
            locator.atKey(["steps", i, key]),
            `'${key}' applies to ${owner} steps only, not to ${step2.type} steps`,
            `remove '${key}' from step '${String(step2.name)}'`
          )
        );
      }
    }
  });
}
function checkApprovers(steps, locator, out, warnings) {
  steps.forEach((step2, i) => {
    if (!isRecord2(step2) || step2.type !== "approval" || !isRecord2(step2.inputs)) return;
    const approvers = step2.inputs.approvers;
    if (!Array.isArray(approvers) || !approvers.every((a) => typeof a === "string")) return;
    const seen = /* @__PURE__ */ new Set();
    approvers.forEach((approver, j) => {
      const key = approver.toLowerCase();
      if (seen.has(key))
        warnings.push({
          ...locator.at(["steps", i, "inputs", "approvers", j]),
          severity: "warning",
          message: `approver '${approver}' is listed twice`
        });
      seen.add(key);
    });
    const users = [...seen].filter((a) => !a.includes("/"));
    const hasTeam = seen.size > users.length;
    const min = step2.inputs.min_approvals;
    if (!hasTeam && typeof min === "number" && Number.isInteger(min) && min > users.length && users.length > 0) {
      out.push(
        locator.error(
          locator.at(["steps", i, "inputs", "min_approvals"]),
          `min_approvals is ${min} but only ${users.length} approver${users.length === 1 ? " is" : "s are"} listed, so the step could never be approved`,
          "list more approvers (or a team), or lower min_approvals"
        )
      );
    }
  });
}
var LONGEST_WAIT_MS = 30 * 864e5;
function checkTimeouts(steps, locator, out) {
  steps.forEach((step2, i) => {
    if (!isRecord2(step2) || step2.type !== "approval") return;
    const inputs = isRecord2(step2.inputs) ? step2.inputs : {};
    const name = String(step2.name);
    const escalates = step2.on_timeout === "escalate";
    if (typeof step2.timeout === "string") {
      const ms = parseDuration(step2.timeout);
      const total = ms === void 0 ? void 0 : escalates ? 2 * ms : ms;
      if (ms !== void 0 && ms < 6e4)
        out.push(
          locator.error(
            locator.at(["steps", i, "timeout"]),
            `timeout ${step2.timeout} is shorter than a minute`,
            "write a timeout of at least 1m, e.g. timeout: 72h"
          )
        );
      else if (total !== void 0 && total > LONGEST_WAIT_MS)
        out.push(
          locator.error(
            locator.at(["steps", i, "timeout"]),
            `timeout ${step2.timeout}${escalates ? " (twice, with on_timeout: escalate)" : ""} is longer than 30 days, after which GitHub ends a waiting deploy job`,
            escalates ? "write at most timeout: 15d with on_timeout: escalate" : "write at most timeout: 30d"
          )
        );
    }
    if ("on_timeout" in step2 && !("timeout" in step2))
      out.push(
        locator.error(
          locator.atKey(["steps", i, "on_timeout"]),
          `'on_timeout' says what a timeout does, but step '${name}' has no 'timeout'`,
          "add e.g. timeout: 72h to the step"
        )
      );
    if (escalates && !("escalate_to" in inputs))
      out.push(
        locator.error(
          locator.at(["steps", i, "on_timeout"]),
          `on_timeout: escalate needs 'escalate_to' in step '${name}'s inputs: whom to escalate to`,
          "add e.g. escalate_to: [my-org/ml-leads] to the step's inputs"
        )
      );
    if ("escalate_to" in inputs && !escalates)
      out.push(
        locator.error(
          locator.atKey(["steps", i, "inputs", "escalate_to"]),
          `'escalate_to' is used only with on_timeout: escalate, and step '${name}' does not escalate`,
          "add on_timeout: escalate (and a timeout) to the step, or remove escalate_to"
        )
      );
  });
}
function checkNotify(data, locator, out) {
  if (!Array.isArray(data.notify)) return;
  const first = /* @__PURE__ */ new Map();
  data.notify.forEach((rule4, i) => {
    if (!isRecord2(rule4) || typeof rule4.to !== "string") return;
    const location = locator.at(["notify", i, "to"]);
    const line = first.get(rule4.to);
    if (line === void 0) first.set(rule4.to, location.line);
    else
      out.push(
        locator.error(
          location,
          `destination '${rule4.to}' is listed twice (first on line ${line})`,
          "list each destination once, with every event it gets under 'on'"
        )
      );
  });
}
function semanticChecks(data, locator) {
  const errors2 = [];
  const warnings = [];
  const steps = Array.isArray(data.steps) ? data.steps : [];
  checkStepNames(steps, locator, errors2);
  checkStepKeys(steps, locator, errors2);
  checkApprovers(steps, locator, errors2, warnings);
  checkDeployedBaseline(data, locator, errors2);
  checkTimeouts(steps, locator, errors2);
  checkNotify(data, locator, errors2);
  checkPredictionSources(data, locator, errors2);
  const conditions = checkConditions(data, locator, errors2);
  return { errors: errors2, warnings, conditions };
}

// src/core/notify/event.ts
var NOTIFICATION_EVENTS = [
  "pending",
  "approved",
  "rejected",
  "timed_out",
  "escalated",
  "overridden",
  "deployed"
];

// src/core/config/normalise.ts
var BARE_SOURCE_NAME = "metrics";
var isDeployed = (value) => value !== null && typeof value === "object" && "environment" in value;
function deployed(value, locator) {
  const spec = (raw, name) => ({
    ...name !== void 0 ? { name } : {},
    environment: raw.environment,
    whenMissing: raw.when_missing ?? "fail",
    location: locator.at(name !== void 0 ? ["baseline", name] : ["baseline"])
  });
  if (isDeployed(value)) return [spec(value)];
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([name, raw]) => isDeployed(raw) ? [spec(raw, name)] : []);
}
function sources(value, section, locator, candidates = []) {
  if (typeof value === "string")
    return [{ name: BARE_SOURCE_NAME, path: value, location: locator.at([section]) }];
  if (value === null || typeof value !== "object" || isDeployed(value)) return [];
  return Object.entries(value).flatMap(([name, spec]) => {
    if (isDeployed(spec)) return [];
    const location = locator.at([section, name]);
    if (typeof spec === "string") return [{ name, path: spec, location }];
    const { path, format, ref, checkpoint, step: step2 } = spec;
    const out = { name, path, location };
    if (format !== void 0) out.format = format;
    if (checkpoint !== void 0) out.checkpoint = checkpoint;
    if (step2 !== void 0) out.step = step2;
    if (ref !== void 0) out.ref = ref;
    if (format === "predictions") {
      const inherited = candidates.find((c) => c.name === name)?.predictions;
      out.predictions = predictionsSpec(spec, inherited);
    }
    return [out];
  });
}
function step(raw, index, locator, conditions) {
  const base = { name: raw.name, location: locator.at(["steps", index]) };
  const inputs = raw.inputs ?? {};
  switch (raw.type) {
    case "test":
      return {
        ...base,
        type: "test",
        checks: conditions.get(`steps/${index}/inputs/checks`) ?? [],
        onFail: raw.on_fail ?? "fail_pipeline"
      };
    case "approval": {
      const { users, teams } = approverList(inputs.approvers);
      const timeout = approvalTimeout(raw, inputs);
      return {
        ...base,
        type: "approval",
        users,
        teams,
        minApprovals: inputs.min_approvals ?? 1,
        autoApproveIf: conditions.get(`steps/${index}/inputs/auto_approve_if`) ?? [],
        allowSelfApproval: inputs.allow_self_approval ?? false,
        onReject: raw.on_reject ?? "fail_pipeline",
        ...timeout ? { timeout } : {},
        overrideBy: approverList(inputs.override_by)
      };
    }
    case "deploy":
      return { ...base, type: "deploy", environment: inputs.environment };
    default:
      return { ...base, type: "training" };
  }
}
function approverList(value) {
  const entries2 = Array.isArray(value) ? value : [];
  return { users: entries2.filter((a) => !a.includes("/")), teams: entries2.filter((a) => a.includes("/")) };
}
function approvalTimeout(raw, inputs) {
  const text2 = raw.timeout;
  const ms = typeof text2 === "string" ? parseDuration(text2) : void 0;
  if (typeof text2 !== "string" || ms === void 0) return void 0;
  return {
    ms,
    text: text2.trim(),
    onTimeout: raw.on_timeout ?? "reject",
    escalateTo: approverList(inputs.escalate_to)
  };
}
function notifyRules(value, locator) {
  if (!Array.isArray(value)) return [];
  return value.map((raw, i) => ({
    to: raw.to,
    type: raw.type,
    on: raw.on ?? [...NOTIFICATION_EVENTS],
    location: locator.at(["notify", i])
  }));
}
function evidenceWorkflows(value) {
  const workflow = value?.workflow;
  if (workflow === void 0) return [];
  return [...new Set((Array.isArray(workflow) ? workflow : [workflow]).map((w) => w.replace(/^\.\//, "")))];
}
function normalise(data, file, locator, conditions) {
  const model2 = data.model ?? {};
  const metrics = sources(data.metrics, "metrics", locator);
  return {
    file,
    version: 1,
    model: { ...model2.name !== void 0 ? { name: model2.name } : {}, artifacts: model2.artifacts ?? [] },
    metrics,
    baseline: sources(data.baseline, "baseline", locator, metrics),
    deployedBaseline: deployed(data.baseline, locator),
    protectedPaths: data.protected_paths ?? [],
    evidence: { workflows: evidenceWorkflows(data.evidence) },
    steps: data.steps.map((raw, i) => step(raw, i, locator, conditions)),
    notify: notifyRules(data.notify, locator)
  };
}

// src/core/config/parse.ts
var MAX_ALIAS_COUNT = 100;
var MINIMAL_EXAMPLE = "steps:\n  - name: approve_model\n    type: approval\n    inputs:\n      approvers: ['alice']";
function at(file, line, column, message, hint) {
  return { file, line, column, severity: "error", message, ...hint ? { hint } : {} };
}
function yamlMessage(error, text2) {
  const first = error.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "") ?? error.code;
  if (error.code === "DUPLICATE_KEY") {
    const key = /^\s*("[^"]*"|'[^']*'|[^:#\n]+?)\s*:/.exec(text2.slice(error.pos[0]))?.[1]?.replace(/^["']|["']$/g, "");
    return {
      message: key ? `duplicate key '${key}'` : "duplicate key",
      hint: "each key may appear once per mapping"
    };
  }
  const around = text2.slice(Math.max(0, text2.lastIndexOf("\n", error.pos[0])), error.pos[0] + 200).split("\n").slice(0, 4);
  if (around.some((line) => /^\s*inputs\s*:/.test(line))) {
    return {
      message: `invalid YAML: ${first}`,
      hint: "'inputs:' must line up with its step's 'name:' and 'type:'"
    };
  }
  if (/\t/.test(text2))
    return { message: `invalid YAML: ${first}`, hint: "YAML indentation must use spaces, not tabs" };
  return { message: `invalid YAML: ${first}` };
}
function yamlDiagnostics(doc, text2, file, lines, severity) {
  const list = severity === "error" ? doc.errors : doc.warnings;
  const unique = list.filter((e, i) => list.findIndex((o) => o.pos[0] === e.pos[0]) === i);
  return unique.map((e) => {
    const pos = lines.linePos(e.pos[0]);
    const { message, hint } = yamlMessage(e, text2);
    return { ...at(file, pos.line, pos.col, message, hint), severity };
  });
}
function firstAliasOffset(doc) {
  let offset = 0;
  (0, import_yaml2.visit)(doc, {
    Alias(_, node) {
      offset = node.range?.[0] ?? 0;
      return import_yaml2.visit.BREAK;
    }
  });
  return offset;
}
function complexKeyDiagnostics(doc, locator) {
  const out = [];
  (0, import_yaml2.visit)(doc, {
    Pair(_, pair) {
      if (pair.key !== null && !(0, import_yaml2.isScalar)(pair.key)) {
        out.push(
          locator.error(
            locator.atNode(pair.key),
            "a mapping key must be a plain name, not a list, mapping or alias"
          )
        );
      }
    }
  });
  return out;
}
function parseUnsafe(text2, file) {
  const fail2 = (diagnostics2) => ({
    ok: false,
    diagnostics: diagnostics2.sort(compareDiagnostics)
  });
  const lines = new import_yaml2.LineCounter();
  const parsed = (0, import_yaml2.parseAllDocuments)(text2, {
    lineCounter: lines,
    uniqueKeys: true,
    prettyErrors: false,
    // yaml would print its own warnings to the console; core code only returns data.
    logLevel: "error"
  });
  const docs = Array.isArray(parsed) ? parsed : [];
  const doc = docs[0];
  if (!doc || doc.contents === null && doc.errors.length === 0) {
    return fail2([at(file, 1, 1, "the config file is empty", `a minimal config:
${MINIMAL_EXAMPLE}`)]);
  }
  const diagnostics = docs.flatMap((d) => yamlDiagnostics(d, text2, file, lines, "error"));
  const warnings = yamlDiagnostics(doc, text2, file, lines, "warning");
  const second = docs[1];
  if (second) {
    const pos = lines.linePos(second.range[0]);
    diagnostics.push(
      at(
        file,
        pos.line,
        pos.col,
        "the file holds several YAML documents; a config is exactly one",
        "remove the '---' separator and merge or delete the extra document"
      )
    );
  }
  if (diagnostics.length > 0) return fail2(diagnostics);
  const locator = new Locator(file, doc, lines);
  const complexKeys = complexKeyDiagnostics(doc, locator);
  if (complexKeys.length > 0) return fail2(complexKeys);
  let data;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    if (e instanceof ReferenceError || e instanceof Error && /alias/i.test(e.message)) {
      const pos = lines.linePos(firstAliasOffset(doc));
      return fail2([
        at(
          file,
          pos.line,
          pos.col,
          `YAML aliases expand too much (${e.message})`,
          "write the values out instead of repeating anchors"
        )
      ]);
    }
    throw e;
  }
  if (data === null || typeof data !== "object" || Array.isArray(data) || (0, import_yaml2.isAlias)(doc.contents)) {
    const where = locator.atNode(doc.contents);
    return fail2([
      locator.error(
        where,
        "the config must be a mapping with a 'steps' list",
        `a minimal config:
${MINIMAL_EXAMPLE}`
      )
    ]);
  }
  const record2 = data;
  const schemaOk = validate(record2);
  diagnostics.push(...schemaOk ? [] : schemaDiagnostics(validate.errors ?? [], record2, locator));
  const semantic = semanticChecks(record2, locator);
  diagnostics.push(...semantic.errors);
  warnings.push(...semantic.warnings);
  if (!schemaOk && diagnostics.length === 0)
    diagnostics.push(at(file, 1, 1, "the config does not match the schema"));
  if (diagnostics.length > 0) return fail2(diagnostics);
  return {
    ok: true,
    config: normalise(record2, file, locator, semantic.conditions),
    warnings: warnings.sort(compareDiagnostics)
  };
}
function parseConfig(text2, file) {
  try {
    return parseUnsafe(typeof text2 === "string" ? text2 : String(text2), file);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return { ok: false, diagnostics: [at(file, 1, 1, `could not read the config: ${reason}`)] };
  }
}

// src/core/metrics/select.ts
var MAX_LISTED_ITEMS = 10;
function isTree(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function describeKind(value) {
  if (isTree(value)) return "a group of metrics";
  if (value === null) return "null";
  return `the ${typeof value} ${JSON.stringify(value)}`;
}
function keyOf(item, key) {
  return isTree(item) && Object.prototype.hasOwnProperty.call(item, key) ? item[key] : void 0;
}
function listing(items, key) {
  const named = items.map((item) => keyOf(item, key)).filter((v) => typeof v === "string");
  const shown = named.slice(0, MAX_LISTED_ITEMS).map((v) => `${key}=${quoteValue(v)}`);
  const more = named.length > shown.length ? `, and ${named.length - shown.length} more` : "";
  const unnamed = items.length - named.length;
  const without = unnamed > 0 ? `; ${unnamed} of the ${items.length} items have no string '${key}'` : "";
  return named.length === 0 ? `no item has a string '${key}' (${items.length} items)` : `${shown.join(", ")}${more}${without}`;
}
function pickSlice(node, selector, where) {
  const written = formatSelector(selector);
  const slices = keyOf(node, "slices");
  if (!isTree(slices))
    return {
      ok: false,
      reason: `${where} holds no slices, so ${written} cannot pick from it (only a predictions source with \`slices:\` has them)`
    };
  const column = keyOf(slices, selector.key);
  if (!isTree(column)) {
    const columns = Object.keys(slices);
    return {
      ok: false,
      inputError: true,
      reason: `${where} is not sliced by '${selector.key}' (${columns.length > 0 ? `its slice columns: ${columns.join(", ")}` : "it has no slice columns"})`
    };
  }
  const cell3 = keyOf(column, selector.value);
  if (cell3 !== void 0) return { ok: true, value: cell3 };
  const values = Object.keys(column);
  const shown = values.slice(0, MAX_LISTED_ITEMS).map(quoteValue).join(", ");
  const more = values.length > MAX_LISTED_ITEMS ? `, and ${values.length - MAX_LISTED_ITEMS} more` : "";
  return {
    ok: false,
    reason: `${where} has no example with ${selector.key}=${quoteValue(selector.value)} (its values: ${shown}${more})`
  };
}
function pick(node, selector, where) {
  if (selector.kind === "slice") return pickSlice(node, selector, where);
  const written = formatSelector(selector);
  if (!Array.isArray(node)) {
    return {
      ok: false,
      reason: `${where} is ${describeKind(node)}, not a list, so ${written} cannot pick from it`
    };
  }
  if (selector.kind === "index") {
    if (selector.index < node.length) return { ok: true, value: node[selector.index] };
    return {
      ok: false,
      reason: `${where} has ${node.length} items; ${written} is past its end (indexes count from 0)`
    };
  }
  const matches = node.flatMap((item, i) => keyOf(item, selector.key) === selector.value ? [i] : []);
  if (matches.length === 1) return { ok: true, value: node[matches[0]] };
  const wanted = `${selector.key}=${quoteValue(selector.value)}`;
  if (matches.length === 0) {
    return {
      ok: false,
      reason: `${where} has no item with ${wanted} (the list has: ${listing(node, selector.key)})`
    };
  }
  return {
    ok: false,
    inputError: true,
    reason: `${where} has ${matches.length} items with ${wanted} (at indexes ${matches.join(", ")}); pick one by index, e.g. [${matches[0]}]`
  };
}

// src/core/metrics/lookup.ts
var MAX_LISTED_KEYS = 30;
function isTree2(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function child(value, key) {
  if (isTree2(value)) return Object.prototype.hasOwnProperty.call(value, key) ? value[key] : void 0;
  if (Array.isArray(value) && /^\d+$/.test(key)) return value[Number(key)];
  return void 0;
}
function noteMiss(walk, miss) {
  if (!walk.miss || miss.inputError && !walk.miss.inputError) walk.miss = miss;
}
function resolvePath(node, segments, walk, done = []) {
  if (segments.length === 0) return { value: node, path: [] };
  const [head, ...tail] = segments;
  if (typeof head !== "string") {
    const where = `${done.length > 0 ? `\`${formatKeyPath(done)}\` in ` : ""}${describeSource(walk.source)}`;
    const picked = pick(node, head, where);
    if (!picked.ok) {
      noteMiss(walk, picked);
      return void 0;
    }
    const rest = resolvePath(picked.value, tail, walk, [...done, head]);
    return rest && { value: rest.value, path: [head, ...rest.path] };
  }
  const keyRun = segments.findIndex((segment) => typeof segment !== "string");
  const names = keyRun < 0 ? segments : segments.slice(0, keyRun);
  for (let take = 1; take <= names.length; take++) {
    const parts = names.slice(0, take);
    const keys = take === 1 ? parts : [parts.join("."), parts.join("/")];
    for (const key of keys) {
      const next = child(node, key);
      if (next === void 0) continue;
      const rest = resolvePath(next, segments.slice(take), walk, [...done, key]);
      if (rest) return { value: rest.value, path: [key, ...rest.path] };
    }
  }
  return void 0;
}
function resolveInSource(source, segments, walk) {
  const exact = resolvePath(source.values, segments, walk);
  const [first, ...rest] = segments;
  if (exact || source.format !== "huggingface" || typeof first !== "string") return exact;
  return first.startsWith("eval_") ? void 0 : resolvePath(source.values, [`eval_${first}`, ...rest], walk);
}
function formatKeyPath(path) {
  return formatSegments(path);
}
function listMetricKeys(source) {
  const keys = [];
  const walk = (node, path) => {
    if (isTree2(node) && Object.keys(node).length > 0) {
      for (const [key, value] of Object.entries(node)) walk(value, [...path, key]);
    } else if (Array.isArray(node) && node.length > 0 && path.length > 0) {
      node.forEach((item, index) => walk(item, [...path, { kind: "index", index, column: 0 }]));
    } else if (path.length > 0) {
      keys.push(formatKeyPath(path));
    }
  };
  walk(source.values, []);
  return keys;
}
function listMetricNumbers(source) {
  const numbers = [];
  const walk = (node, path) => {
    if (isTree2(node)) for (const [key, value] of Object.entries(node)) walk(value, [...path, key]);
    else if (typeof node === "number" && path.length > 0)
      numbers.push({ key: formatKeyPath(path), value: node });
  };
  walk(source.values, []);
  return numbers;
}
function describeSource(source) {
  return `${source.name} (${source.file})`;
}
function describeNonNumeric(value) {
  if (typeof value === "number") {
    if (Number.isNaN(value)) return "is NaN";
    if (!Number.isFinite(value)) return `is ${value > 0 ? "Infinity" : "-Infinity"}`;
    return void 0;
  }
  if (typeof value === "string") return `is the string '${value}', not a number`;
  if (typeof value === "boolean") return `is the boolean ${value}, not a number`;
  if (value === null) return "is null";
  if (Array.isArray(value)) return `is a list of ${value.length} values, not a number`;
  const names = Object.keys(value).map(quoteSegment);
  const shown = names.slice(0, 8).join(", ") + (names.length > 8 ? ", \u2026" : "");
  return `is a group of metrics (${shown}), not a number; name one of them`;
}
function availableKeys(sources3) {
  const qualify = sources3.length > 1;
  return sources3.flatMap((s) => listMetricKeys(s).map((k) => qualify ? `${quoteSegment(s.name)}.${k}` : k));
}
function notFound(ref, searched) {
  const keys = availableKeys(searched);
  const shown = keys.slice(0, MAX_LISTED_KEYS);
  const more = keys.length > shown.length ? ` and ${keys.length - shown.length} more` : "";
  const where = searched.map(describeSource).join(", ");
  const listing2 = keys.length === 0 ? "no metrics in them" : `available: ${shown.join(", ")}${more}`;
  const single = searched.length === 1 ? searched[0] : void 0;
  return {
    ok: false,
    reason: `\`${ref.text}\` not found in ${where}; ${listing2}`,
    ...single ? { source: single.name, file: single.file } : {},
    availableKeys: shown
  };
}
function accept(ref, source, found) {
  const key = formatKeyPath(found.path);
  const problem = describeNonNumeric(found.value);
  if (problem === void 0 && typeof found.value === "number") {
    return { ok: true, value: found.value, source: source.name, file: source.file, key, path: found.path };
  }
  return {
    ok: false,
    reason: `\`${ref.text}\` in ${describeSource(source)} ${problem}`,
    source: source.name,
    file: source.file,
    availableKeys: listMetricKeys(source).slice(0, MAX_LISTED_KEYS)
  };
}
function missed(ref, walks) {
  const misses = walks.flatMap((walk) => walk.miss ? [walk.miss] : []);
  const inputError2 = misses.find((miss) => miss.inputError);
  const single = walks.length === 1 ? walks[0].source : void 0;
  if (inputError2) {
    return { ok: false, reason: `\`${ref.text}\`: ${inputError2.reason}`, availableKeys: [], ambiguous: true };
  }
  if (misses.length === 0) return void 0;
  return {
    ok: false,
    reason: `\`${ref.text}\` not found: ${misses.map((miss) => miss.reason).join("; ")}`,
    ...single ? { source: single.name, file: single.file } : {},
    availableKeys: []
  };
}
function lookupEverywhere(ref, sources3) {
  const walks = sources3.map((source) => ({ source }));
  const hits = walks.flatMap((walk) => {
    const found = resolveInSource(walk.source, ref.segments, walk);
    return found ? [{ source: walk.source, found }] : [];
  });
  const several = missed(
    ref,
    walks.filter((walk) => walk.miss?.inputError)
  );
  if (several) return several;
  const [first, second] = hits;
  if (!first) return missed(ref, walks);
  if (!second) return accept(ref, first.source, first.found);
  const list = hits.map((h) => describeSource(h.source));
  const where = list.length === 2 ? `${list[0]} and ${list[1]}` : list.join(", ");
  return {
    ok: false,
    reason: `ambiguous: \`${ref.text}\` is in ${where}; qualify it as ${quoteSegment(first.source.name)}.${ref.text}`,
    availableKeys: [],
    ambiguous: true
  };
}
function lookupMetric(ref, sources3) {
  if (sources3.length === 0) {
    return {
      ok: false,
      reason: `\`${ref.text}\` cannot be checked: no metric sources were loaded`,
      availableKeys: []
    };
  }
  const [head, ...rest] = ref.segments;
  const named = rest.length > 0 ? sources3.find((s) => s.name === head) : void 0;
  if (named) {
    const walk = { source: named };
    const found = resolveInSource(named, rest, walk);
    return found ? accept(ref, named, found) : missed(ref, [walk]) ?? notFound(ref, [named]);
  }
  return lookupEverywhere(ref, sources3) ?? notFound(ref, sources3);
}

// src/core/predictions/settings.ts
function settingsDiffer(spec, result) {
  const wanted = spec.predictions;
  if (!wanted) return ["the rules no longer name it a predictions source"];
  const pairs = [
    ["task", result.task, wanted.task],
    ["min_slice_count", result.minSliceCount, wanted.minSliceCount],
    ["bootstrap.resamples", result.bootstrap.resamples, wanted.bootstrap.resamples],
    ["bootstrap.seed", result.bootstrap.seed, wanted.bootstrap.seed],
    ["bootstrap.confidence", result.bootstrap.confidence, wanted.bootstrap.confidence],
    ["slices", result.slices.map((s) => s.column).join(", "), wanted.slices.join(", ")],
    ...wanted.task === "binary" ? [
      ["threshold", result.threshold, wanted.threshold],
      ["calibration_bins", result.calibrationBins, wanted.calibrationBins]
    ] : []
  ];
  return pairs.filter(([, recorded, now]) => recorded !== now).map(([key, recorded, now]) => `${key} ${String(recorded)} (the rules now say ${String(now)})`);
}
function staleRecordings(specs, sources3) {
  const errors2 = {};
  for (const source of sources3) {
    if (!source.predictions) continue;
    const spec = specs.find((s) => s.name === source.name);
    const differ = spec ? settingsDiffer(spec, source.predictions) : ["the rules no longer name it"];
    if (differ.length > 0)
      errors2[source.name] = `${source.file}: computed with ${differ.join(", ")}: a training run under the current rules must compute it again`;
  }
  return errors2;
}

// src/core/conditions/predictions.ts
function judgeInterval(interval2, op, margin) {
  const [lo, hi] = interval2;
  const all = compare(lo, op, margin) && compare(hi, op, margin);
  if (op === "==")
    return lo === margin && hi === margin ? "pass" : margin < lo || margin > hi ? "fail" : "inconclusive";
  if (op === "!=")
    return margin < lo || margin > hi ? "pass" : lo === margin && hi === margin ? "fail" : "inconclusive";
  if (all) return "pass";
  return !compare(lo, op, margin) && !compare(hi, op, margin) ? "fail" : "inconclusive";
}
function formatInterval(interval2) {
  return interval2 ? `[${formatNumber(interval2[0])}, ${formatNumber(interval2[1])}]` : "[undefined]";
}
var signed = (n) => n >= 0 ? `+${formatNumber(n)}` : formatNumber(n);
function tooSmall(cell3, result) {
  return cell3.count < result.minSliceCount ? `has ${cell3.count} examples, fewer than min_slice_count ${result.minSliceCount}` : `has ${cell3.count} examples whose weights amount to fewer than min_slice_count ${result.minSliceCount}`;
}
function sliceName(cell3) {
  return cell3.slice ? `${cell3.slice.column}=${quoteValue(cell3.slice.value)}` : "all examples";
}
function judgeCell(condition, name, cell3, result, located, sources3) {
  if (!Object.prototype.hasOwnProperty.call(cell3.metrics, name)) return void 0;
  const value = cell3.metrics[name] ?? void 0;
  const interval2 = cell3.intervals[name] ?? null;
  const base = { condition, passed: false, ...located, interval: interval2 };
  const label2 = `${condition.metric.text}`;
  if (!cell3.judged) {
    return {
      ...base,
      ...value === void 0 ? {} : { value },
      inconclusive: true,
      reason: `${sliceName(cell3)} ${tooSmall(cell3, result)}: reported, not judged`
    };
  }
  if (value === void 0)
    return {
      ...base,
      reason: `${label2} is not defined for ${sliceName(cell3)} (e.g. no positive example, or one class only)`
    };
  if (condition.value.kind === "number") {
    const threshold2 = condition.value.value;
    const passed = compare(value, condition.op, threshold2);
    const shown = formatValueAgainst(value, threshold2);
    const bound2 = formatBound(threshold2);
    return {
      ...base,
      passed,
      value,
      threshold: threshold2,
      shown,
      needs: `${condition.op} ${bound2}`,
      reason: `${label2} = ${shown} ${formatInterval(interval2)} ${passed ? `holds (${condition.op} ${bound2})` : `fails: needs ${condition.op} ${bound2}`}`
    };
  }
  const comparison2 = cell3.comparison;
  if (!comparison2) {
    const failedBaseline = located.source !== void 0 && sources3.baselineErrors?.[located.source];
    const why = failedBaseline ? `the baseline predictions cannot be used: ${failedBaseline}` : "no baseline predictions on the same examples to pair with (a change check on computed metrics compares both models example by example)";
    return failedBaseline ? { ...base, value, reason: `no baseline for ${label2}: ${why}` } : { ...base, value, inconclusive: true, reason: `${label2}: ${why}` };
  }
  const baseline = comparison2.baseline[name] ?? void 0;
  if (baseline === void 0)
    return {
      ...base,
      value,
      inconclusive: true,
      reason: `${label2} is not defined for the baseline on ${sliceName(cell3)}`
    };
  const adjust = condition.value.adjust;
  const ratio = adjust?.op === "*";
  const margin = ratio ? adjust.amount : adjust ? adjust.op === "+" ? adjust.amount : -adjust.amount : 0;
  const changeInterval = (ratio ? comparison2.ratio[name] : comparison2.difference[name]) ?? null;
  const bound = thresholdOf(condition, baseline);
  const threshold = bound.ok ? bound.threshold : baseline;
  const delta = decimalArithmetic(value, "-", baseline);
  const change2 = {
    kind: ratio ? "ratio" : "difference",
    interval: changeInterval,
    margin
  };
  const what = ratio ? "candidate / baseline" : "candidate \u2212 baseline";
  const shownMargin = ratio ? formatNumber(margin) : signed(margin);
  const common = {
    ...base,
    value,
    baseline,
    threshold,
    delta,
    change: change2,
    shown: formatNumber(value),
    needs: `${condition.op} ${formatBound(threshold)}, from baseline ${formatBound(baseline)}`
  };
  if (!changeInterval)
    return {
      ...common,
      inconclusive: true,
      reason: `${label2}: ${what} is not defined in every resample, so the change cannot be judged`
    };
  const outcome = judgeInterval(changeInterval, condition.op, margin);
  const detail = `${label2} = ${formatNumber(value)}, baseline ${formatNumber(baseline)}: ${what} ${formatInterval(changeInterval)} (${Math.round(result.bootstrap.confidence * 100)}% paired interval) against ${condition.op} ${shownMargin}`;
  if (outcome === "pass") return { ...common, passed: true, reason: `${detail} holds` };
  if (outcome === "fail") return { ...common, reason: `${detail} fails` };
  return {
    ...common,
    inconclusive: true,
    reason: `${detail} is inconclusive: the interval straddles the margin`
  };
}
function judgePredictionsMetric(condition, found, result, sources3) {
  const [first, ...rest] = found.path;
  let slice;
  let within = found.path;
  if (typeof first === "object" && first.kind === "slice") [slice, within] = [first, rest];
  else if (first === "slices" && typeof rest[0] === "string" && typeof rest[1] === "string")
    [slice, within] = [{ key: rest[0], value: rest[1] }, rest.slice(2)];
  const cell3 = cellOfPath(result, slice?.key, slice?.value);
  if (!cell3) return void 0;
  const located = { source: found.source, file: found.file, key: found.key };
  const [name, deeper] = within;
  if (typeof name === "string" && deeper === void 0 && Object.prototype.hasOwnProperty.call(cell3.metrics, name))
    return judgeCell(condition, name, cell3, result, located, sources3);
  if (!cell3.judged)
    return {
      condition,
      passed: false,
      ...located,
      value: found.value,
      inconclusive: true,
      reason: `${sliceName(cell3)} ${tooSmall(cell3, result)}: reported, not judged`
    };
  return void 0;
}
function inputError(condition, message) {
  return { condition, passed: false, availableKeys: [], inputError: message, reason: message };
}
function judgeEverySlice(condition, every, sources3) {
  const source = sources3.metrics.find((s) => s.name === every.source);
  const failed = sources3.metricErrors?.[every.source];
  if (!source && failed)
    return {
      condition,
      passed: false,
      source: every.source,
      reason: `metric source '${every.source}' could not be loaded: ${failed}`
    };
  if (!source)
    return inputError(
      condition,
      `every slice of ${every.source}: there is no metric source named '${every.source}'`
    );
  const result = source.predictions;
  if (!result)
    return inputError(
      condition,
      `every slice of ${every.source}: '${every.source}' is not a predictions source (format: predictions)`
    );
  const at2 = result.slices.findIndex((s) => s.column === every.column);
  if (at2 < 0) {
    const columns = result.slices.map((s) => s.column).join(", ") || "none";
    return inputError(
      condition,
      `every slice of ${every.source} by ${every.column}: '${every.source}' is not sliced by '${every.column}' (its slices: ${columns})`
    );
  }
  const [name, more] = condition.metric.segments;
  const metric = typeof name === "string" && more === void 0 ? name : void 0;
  if (metric === void 0 || !Object.prototype.hasOwnProperty.call(result.cells[0].metrics, metric)) {
    const names = Object.keys(result.cells[0].metrics).join(", ");
    return inputError(
      condition,
      `every slice of ${every.source}: \`${condition.metric.text}\` is not one of its metrics (${names})`
    );
  }
  const outcomes = [];
  const located = { source: source.name, file: source.file };
  for (const cell3 of result.cells) {
    if (cell3.slice?.column !== every.column) continue;
    const slice = sliceName(cell3);
    if (!cell3.judged) {
      outcomes.push({
        slice,
        count: cell3.count,
        outcome: "not judged",
        reason: tooSmall(cell3, result)
      });
      continue;
    }
    const judged = judgeCell(condition, metric, cell3, result, located, sources3);
    outcomes.push({
      slice,
      count: cell3.count,
      outcome: judged.passed ? "pass" : judged.inconclusive ? "inconclusive" : "fail",
      ...judged.value === void 0 ? {} : { value: judged.value },
      reason: judged.reason
    });
  }
  const counted = outcomes.filter((o) => o.outcome !== "not judged");
  const failing = counted.filter((o) => o.outcome === "fail");
  const unsure = counted.filter((o) => o.outcome === "inconclusive");
  const skipped = outcomes.length - counted.length;
  const skippedNote = skipped > 0 ? `; ${skipped} slice${skipped === 1 ? "" : "s"} below min_slice_count ${result.minSliceCount} not judged` : "";
  const base = { condition, ...located, slices: outcomes };
  if (counted.length === 0)
    return {
      ...base,
      passed: false,
      reason: `no slice of ${every.column} has at least min_slice_count ${result.minSliceCount} examples, so none could be judged${skippedNote}`
    };
  if (failing.length > 0) {
    const listed2 = failing.slice(0, 5).map((o) => `${o.slice}: ${o.reason}`).join("; ");
    return {
      ...base,
      passed: false,
      reason: `${failing.length} of ${counted.length} slices of ${every.column} fail: ${listed2}${failing.length > 5 ? "; \u2026" : ""}${skippedNote}`
    };
  }
  if (unsure.length > 0) {
    const listed2 = unsure.slice(0, 5).map((o) => o.slice).join(", ");
    return {
      ...base,
      passed: false,
      inconclusive: true,
      reason: `${unsure.length} of ${counted.length} slices of ${every.column} are inconclusive (${listed2}); the others hold${skippedNote}`
    };
  }
  return {
    ...base,
    passed: true,
    reason: `holds in all ${counted.length} judged slices of ${every.column}${skippedNote}`
  };
}

// src/core/conditions/evaluate.ts
var COMPARE = {
  ">": (a, b) => a > b,
  ">=": (a, b) => a >= b,
  "<": (a, b) => a < b,
  "<=": (a, b) => a <= b,
  "==": (a, b) => a === b,
  "!=": (a, b) => a !== b
};
function compare(value, op, threshold) {
  return COMPARE[op](value, threshold);
}
function find(ref, sources3, errors2) {
  const failed = Object.entries(errors2 ?? {});
  const first = ref.segments[0];
  const qualified = ref.segments.length > 1;
  const ownError = failed.find(([name]) => qualified && name === first);
  if (ownError)
    return {
      ok: false,
      reason: `metric source '${ownError[0]}' could not be loaded: ${ownError[1]}`,
      source: ownError[0],
      availableKeys: []
    };
  const readsLoadedSource = qualified && sources3.some((source) => source.name === first);
  if (failed.length > 0 && !readsLoadedSource) {
    const why = failed.map(([, message]) => message).join("; ");
    return { ok: false, reason: `metrics could not be loaded: ${why}`, availableKeys: [] };
  }
  return lookupMetric(ref, sources3);
}
function thresholdOf(condition, baseline) {
  const operand = condition.value;
  if (operand.kind === "number") return { ok: true, threshold: operand.value };
  if (baseline === void 0) return { ok: false };
  const adjust = operand.adjust;
  if (!adjust) return { ok: true, threshold: baseline };
  return { ok: true, threshold: decimalArithmetic(baseline, adjust.op, adjust.amount) };
}
function formatNumber(n) {
  if (!Number.isFinite(n)) return String(n);
  return String(Number(n.toPrecision(6)));
}
function formatBound(n) {
  return String(n);
}
function order(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function formatValueAgainst(value, bound) {
  if (bound === void 0 || !Number.isFinite(value) || !Number.isFinite(bound)) return formatNumber(value);
  const wanted = order(value, bound);
  for (let digits = 6; digits <= 17; digits++) {
    const shown = String(Number(value.toPrecision(digits)));
    if (order(Number(shown), bound) === wanted) return shown;
  }
  return String(value);
}
function evaluateCondition(condition, sources3) {
  if (condition.every) return judgeEverySlice(condition, condition.every, sources3);
  const found = find(condition.metric, sources3.metrics, sources3.metricErrors);
  const computed = found.ok ? sources3.metrics.find((m) => m.name === found.source)?.predictions : void 0;
  if (found.ok && computed) {
    const judged = judgePredictionsMetric(condition, found, computed, sources3);
    if (judged) return judged;
  }
  const needsBaseline = condition.value.kind === "baseline";
  const hasBaseline = sources3.baseline.length > 0 || Object.keys(sources3.baselineErrors ?? {}).length > 0;
  const base = hasBaseline ? find(condition.metric, sources3.baseline, sources3.baselineErrors) : void 0;
  const baseline = base?.ok ? base.value : void 0;
  const ambiguous = [found, base].find((lookup) => lookup && !lookup.ok && lookup.ambiguous);
  if (ambiguous && !ambiguous.ok) {
    const where = ambiguous === base ? "baseline: " : "";
    return {
      condition,
      passed: false,
      availableKeys: [],
      inputError: `${where}${ambiguous.reason}`,
      reason: `${where}${ambiguous.reason}`
    };
  }
  if (!found.ok) {
    return {
      condition,
      passed: false,
      baseline,
      source: found.source,
      file: found.file,
      availableKeys: found.availableKeys,
      reason: found.reason
    };
  }
  const located = { source: found.source, file: found.file, key: found.key };
  const value = found.value;
  const delta = baseline === void 0 ? void 0 : decimalArithmetic(value, "-", baseline);
  const threshold = thresholdOf(condition, baseline);
  if (!threshold.ok) {
    const why = base && !base.ok ? base.reason : "no baseline metrics are configured";
    return {
      condition,
      passed: false,
      value,
      ...located,
      reason: `no baseline value for ${condition.metric.text}: ${why}`
    };
  }
  const passed = compare(value, condition.op, threshold.threshold);
  const bound = formatBound(threshold.threshold);
  const against = needsBaseline ? `${bound}, from baseline ${formatBound(baseline)}` : bound;
  const shown = formatValueAgainst(value, threshold.threshold);
  const detail = `${condition.metric.text} = ${shown}`;
  const verdict2 = passed ? `holds (${condition.op} ${against})` : `fails: needs ${condition.op} ${against}`;
  return {
    needs: `${condition.op} ${against}`,
    shown,
    condition,
    passed,
    value,
    threshold: threshold.threshold,
    baseline,
    delta,
    ...located,
    reason: `${detail} ${verdict2}`
  };
}

// src/core/github-limits.ts
var GITHUB_LIMITS = {
  checkTitle: 255,
  checkSummary: 65535,
  checkText: 65535,
  annotationsPerRequest: 50,
  commentBody: 65536,
  /** A deployment protection rule's comment. */
  deploymentComment: 1024,
  /** The pull request files API lists at most this many files. */
  pullRequestFiles: 3e3,
  /** A comparison (compare API) lists at most this many files. */
  compareFiles: 300,
  /** GitHub does not send webhook payloads above 25 MB. */
  webhookPayloadBytes: 25 * 1024 * 1024
};

// src/core/policy/guarded-paths.ts
var import_picomatch = __toESM(require_picomatch2(), 1);

// src/core/names.ts
var CONFIG_PATH = ".github/model-approval.yml";
var CONFIG_PATH_PATTERN = ".github/model-approval.{yml,yaml}";
var WORKFLOWS_DIR = ".github/workflows";
var METRICS_CHECK = "model-approval/metrics";
var DECISION_CHECK = "model-approval";
var SNAPSHOT_ARTIFACT_PREFIX = "model-approval-snapshot-";
var SNAPSHOT_FILE = "model-approval-snapshot.json";
function snapshotArtifactAttempt(name) {
  if (!name.startsWith(SNAPSHOT_ARTIFACT_PREFIX)) return void 0;
  const rest = name.slice(SNAPSHOT_ARTIFACT_PREFIX.length);
  return /^[1-9]\d{0,5}$/.test(rest) ? Number(rest) : void 0;
}

// src/core/policy/guarded-paths.ts
function normalise2(path) {
  return path.replace(/\\/g, "/").replace(/^(\.\/)+/, "");
}
function pathMatcher(path) {
  const cleaned = normalise2(path).replace(/^\/+/, "").replace(/\/+$/, "");
  return (file) => file === cleaned || file.startsWith(`${cleaned}/`);
}
function protectedMatcher(pattern) {
  const trimmed = normalise2(pattern).replace(/\/+$/, "");
  const anchored = trimmed.includes("/");
  const body = trimmed.replace(/^\/+/, "");
  const glob = anchored ? body : `**/${body}`;
  const exact = (0, import_picomatch.default)(glob, { dot: true });
  const inside = (0, import_picomatch.default)(`${glob}/**`, { dot: true });
  return (file) => exact(file) || inside(file);
}
function evidencePaths(config, extra = []) {
  const local = [...config.metrics, ...config.baseline.filter((spec) => spec.ref === void 0)];
  return [.../* @__PURE__ */ new Set([...local.map((spec) => spec.path), ...config.model.artifacts, ...extra])];
}
function guardedChanges(config, changedFiles, extraEvidence = []) {
  const configFile = normalise2(config.file);
  const rules = [
    { pattern: configFile, rule: "config", match: (file) => file === configFile },
    { pattern: CONFIG_PATH_PATTERN, rule: "config", match: (0, import_picomatch.default)(CONFIG_PATH_PATTERN, { dot: true }) },
    { pattern: `${WORKFLOWS_DIR}/**`, rule: "workflow", match: pathMatcher(WORKFLOWS_DIR) },
    ...evidencePaths(config, extraEvidence).map((path) => ({
      pattern: path,
      rule: "evidence",
      match: pathMatcher(path)
    })),
    ...config.protectedPaths.map((pattern) => ({
      pattern,
      rule: "protected",
      match: protectedMatcher(pattern)
    }))
  ];
  const hits = [];
  for (const raw of changedFiles) {
    const file = normalise2(raw);
    const rule4 = rules.find((r) => r.match(file));
    if (rule4) hits.push({ file, pattern: rule4.pattern, rule: rule4.rule });
  }
  return hits;
}

// src/core/candidate/model-key.ts
import { createHash } from "node:crypto";

// src/core/predictions/table.ts
var PREDICTION_TASKS = ["binary", "multiclass", "regression"];

// src/core/predictions/decode.ts
var isRecord3 = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
var InvalidPredictions = class extends Error {
};
function fail(where, what) {
  throw new InvalidPredictions(`${where} ${what}`);
}
function num(value, where) {
  if (typeof value !== "number") fail(where, "is not a number");
  return value;
}
function map(value, where, item) {
  if (!isRecord3(value)) fail(where, "is not an object");
  const out = {};
  for (const [key, v] of Object.entries(value)) setOwnKey(out, key, item(v, `${where}.${key}`));
  return out;
}
var numberOrNull = (v, at2) => v === null ? null : num(v, at2);
function interval(v, at2) {
  if (v === null) return null;
  if (!Array.isArray(v) || v.length !== 2) fail(at2, "is not an interval [low, high]");
  return [num(v[0], `${at2}[0]`), num(v[1], `${at2}[1]`)];
}
function comparison(v, at2) {
  if (!isRecord3(v)) fail(at2, "is not an object");
  return {
    baseline: map(v.baseline, `${at2}.baseline`, numberOrNull),
    difference: map(v.difference, `${at2}.difference`, interval),
    ratio: map(v.ratio, `${at2}.ratio`, interval)
  };
}
function cell(v, at2) {
  if (!isRecord3(v)) fail(at2, "is not an object");
  const slice = v.slice;
  if (slice !== void 0 && !(isRecord3(slice) && typeof slice.column === "string" && typeof slice.value === "string"))
    fail(`${at2}.slice`, "is not {column, value}");
  if (typeof v.judged !== "boolean") fail(`${at2}.judged`, "is not a boolean");
  const confusion = v.confusion === void 0 ? void 0 : map(v.confusion, `${at2}.confusion`, (x, a) => typeof x === "number" ? x : map(x, a, num));
  return {
    ...slice === void 0 ? {} : { slice: { column: slice.column, value: slice.value } },
    count: num(v.count, `${at2}.count`),
    weight: num(v.weight, `${at2}.weight`),
    judged: v.judged,
    metrics: map(v.metrics, `${at2}.metrics`, numberOrNull),
    intervals: map(v.intervals, `${at2}.intervals`, interval),
    ...confusion ? { confusion } : {},
    ...v.comparison === void 0 ? {} : { comparison: comparison(v.comparison, `${at2}.comparison`) }
  };
}
function decodePredictionsResult(v, where) {
  if (!isRecord3(v)) fail(where, "is not an object");
  if (!PREDICTION_TASKS.includes(v.task)) fail(`${where}.task`, "is not a task");
  const b = v.bootstrap;
  if (!isRecord3(b) || b.method !== "poisson")
    fail(`${where}.bootstrap`, "is not a Poisson bootstrap's settings");
  if (!Array.isArray(v.cells) || v.cells.length === 0) fail(`${where}.cells`, "is not a list of cells");
  if (!Array.isArray(v.slices)) fail(`${where}.slices`, "is not a list");
  const slices = v.slices.map((s, i) => {
    if (!isRecord3(s) || typeof s.column !== "string" || !Array.isArray(s.values) || s.values.some((x) => typeof x !== "string"))
      fail(`${where}.slices[${i}]`, "is not {column, values}");
    return { column: s.column, values: s.values };
  });
  const cells = v.cells.map((c, i) => cell(c, `${where}.cells[${i}]`));
  if (cells.length !== 1 + slices.reduce((n, s) => n + s.values.length, 0))
    fail(`${where}.cells`, "does not hold one cell per slice value");
  const paired = v.paired;
  if (paired !== void 0 && !(isRecord3(paired) && typeof paired.file === "string"))
    fail(`${where}.paired`, "is not {file, examples}");
  return {
    task: v.task,
    rows: num(v.rows, `${where}.rows`),
    ...v.threshold === void 0 ? {} : { threshold: num(v.threshold, `${where}.threshold`) },
    ...Array.isArray(v.classes) ? { classes: v.classes.map(String) } : {},
    bootstrap: {
      method: "poisson",
      resamples: num(b.resamples, `${where}.bootstrap.resamples`),
      seed: num(b.seed, `${where}.bootstrap.seed`),
      confidence: num(b.confidence, `${where}.bootstrap.confidence`)
    },
    minSliceCount: num(v.minSliceCount, `${where}.minSliceCount`),
    ...v.calibrationBins === void 0 ? {} : { calibrationBins: num(v.calibrationBins, `${where}.calibrationBins`) },
    cells,
    slices,
    ...paired === void 0 ? {} : {
      paired: { file: paired.file, examples: num(paired.examples, `${where}.paired.examples`) }
    }
  };
}

// src/core/candidate/snapshot.ts
var SNAPSHOT_FORMAT = "model-approval-snapshot";
var SNAPSHOT_VERSION = 2;
var NON_FINITE = "$number";
function replaceNonFinite(_key, value) {
  if (typeof value === "number" && !Number.isFinite(value)) return { [NON_FINITE]: String(value) };
  return value;
}
function reviver(_key, value) {
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    const keys = Object.keys(value);
    const tagged = value[NON_FINITE];
    if (keys.length === 1 && (tagged === "NaN" || tagged === "Infinity" || tagged === "-Infinity"))
      return Number(tagged);
  }
  return value;
}
var Invalid = class extends Error {
};
function isRecord4(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function metricValue(value, where) {
  if (value === null || ["number", "string", "boolean"].includes(typeof value)) return value;
  if (Array.isArray(value)) return value.map((v, i) => metricValue(v, `${where}[${i}]`));
  if (isRecord4(value)) return tree(value, where);
  throw new Invalid(`${where} is not a metric value`);
}
function tree(value, where) {
  if (!isRecord4(value)) throw new Invalid(`${where} is not an object`);
  const out = {};
  for (const [key, v] of Object.entries(value)) setOwnKey(out, key, metricValue(v, `${where}.${key}`));
  return out;
}
function sources2(value, where) {
  if (!Array.isArray(value)) throw new Invalid(`${where} is not a list`);
  return value.map((s, i) => {
    if (!isRecord4(s)) throw new Invalid(`${where}[${i}] is not an object`);
    const { name, file, format } = s;
    if (typeof name !== "string" || typeof file !== "string")
      throw new Invalid(`${where}[${i}] lacks a name or file`);
    if (typeof format !== "string" || !METRIC_FORMATS.includes(format))
      throw new Invalid(`${where}[${i}] has an unknown format`);
    const at2 = s.at;
    if (at2 !== void 0 && !(isRecord4(at2) && typeof at2.ref === "string" && (at2.commit === void 0 || typeof at2.commit === "string")))
      throw new Invalid(`${where}[${i}].at is not {ref, commit?}`);
    const computed = where === "metrics" && format === "predictions";
    if (computed !== (s.predictions !== void 0))
      throw new Invalid(
        computed ? `${where}[${i}] is a predictions source without its computed results` : `${where}[${i}] carries computed results but is not a candidate's predictions source`
      );
    const predictions = computed ? predictionsOf(s.predictions, `${where}[${i}].predictions`) : void 0;
    return {
      name,
      file,
      format,
      values: predictions ? predictionValues(predictions) : tree(s.values, `${where}[${i}].values`),
      ...typeof s.note === "string" ? { note: s.note } : {},
      ...predictions ? { predictions } : {},
      ...at2 === void 0 ? {} : {
        at: {
          ref: at2.ref,
          ...at2.commit === void 0 ? {} : { commit: at2.commit }
        }
      }
    };
  });
}
function predictionsOf(value, where) {
  try {
    return decodePredictionsResult(value, where);
  } catch (error) {
    if (error instanceof InvalidPredictions) throw new Invalid(error.message);
    throw error;
  }
}
function errors(value, where) {
  if (value === void 0) return {};
  if (!isRecord4(value) || Object.values(value).some((v) => typeof v !== "string"))
    throw new Invalid(`${where} is not a map of messages`);
  return value;
}
function model(value) {
  if (value === void 0 || value === null) return void 0;
  if (!isRecord4(value) || !Array.isArray(value.artifacts)) throw new Invalid("model is malformed");
  if (value.name !== void 0 && typeof value.name !== "string")
    throw new Invalid("model.name is not a string");
  if (value.digest !== void 0 && (typeof value.digest !== "string" || !/^[0-9a-f]{64}$/.test(value.digest)))
    throw new Invalid("model.digest is not a sha256 hex digest");
  const artifacts = value.artifacts.map((a, i) => {
    if (!isRecord4(a) || typeof a.path !== "string" || typeof a.sha256 !== "string" || typeof a.bytes !== "number")
      throw new Invalid(`model.artifacts[${i}] is malformed`);
    return { path: a.path, sha256: a.sha256, bytes: a.bytes };
  });
  const errors2 = value.errors;
  if (errors2 !== void 0 && (!Array.isArray(errors2) || errors2.some((e) => typeof e !== "string")))
    throw new Invalid("model.errors is not a list of messages");
  return {
    ...errors2 === void 0 ? {} : { errors: errors2 },
    ...value.name === void 0 ? {} : { name: value.name },
    ...value.digest === void 0 ? {} : { digest: value.digest },
    artifacts
  };
}
function positiveInteger(value, where) {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 1)
    throw new Invalid(`${where} is not a positive integer`);
  return value;
}
function text(value, where) {
  if (typeof value !== "string" || value === "") throw new Invalid(`${where} is not a string`);
  return value;
}
function claims(value) {
  if (!isRecord4(value)) throw new Invalid("claims is not an object");
  const run = value.run;
  return {
    repository: text(value.repository, "claims.repository"),
    commit: text(value.commit, "claims.commit"),
    ...value.pullRequest === void 0 || value.pullRequest === null ? {} : { pullRequest: positiveInteger(value.pullRequest, "claims.pullRequest") },
    ...run === void 0 || run === null ? {} : isRecord4(run) ? {
      run: {
        id: positiveInteger(run.id, "claims.run.id"),
        attempt: positiveInteger(run.attempt, "claims.run.attempt"),
        workflow: text(run.workflow, "claims.run.workflow"),
        event: text(run.event, "claims.run.event")
      }
    } : (() => {
      throw new Invalid("claims.run is not an object");
    })()
  };
}
function decodeSnapshot(input) {
  try {
    const parsed = JSON.parse(typeof input === "string" ? input : "", reviver);
    if (!isRecord4(parsed) || parsed.format !== SNAPSHOT_FORMAT)
      throw new Invalid("not a model-approval snapshot");
    if (parsed.version !== SNAPSHOT_VERSION)
      throw new Invalid(`unsupported snapshot version ${JSON.stringify(parsed.version)}`);
    const m = model(parsed.model);
    const snapshot = {
      claims: claims(parsed.claims),
      metrics: sources2(parsed.metrics, "metrics"),
      baseline: sources2(parsed.baseline, "baseline"),
      metricErrors: errors(parsed.metricErrors, "metricErrors"),
      baselineErrors: errors(parsed.baselineErrors, "baselineErrors"),
      ...m ? { model: m } : {}
    };
    return { ok: true, snapshot };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `the snapshot is malformed: ${why}` };
  }
}

// src/core/canonical-json.ts
function canonicalJson(value) {
  return JSON.stringify(value, (key, v) => {
    const plain = replaceNonFinite(key, v);
    if (typeof plain !== "object" || plain === null || Array.isArray(plain)) return plain;
    return Object.fromEntries(Object.entries(plain).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0));
  });
}

// src/core/candidate/model-key.ts
function modelKey(measurements) {
  if (!measurements) return void 0;
  const digest = measurements.model?.digest;
  if (digest) return `sha256:${digest}`;
  if (measurements.metrics.length === 0) return void 0;
  const metrics = measurements.metrics.map((s) => ({ name: s.name, values: s.values }));
  return `metrics:${createHash("sha256").update(canonicalJson(metrics)).digest("hex")}`;
}
function shortKey(key) {
  if (key === void 0) return void 0;
  const colon = key.indexOf(":");
  return `${key.slice(0, colon + 1)}${key.slice(colon + 1, colon + 13)}`;
}

// src/core/policy/reviews.ts
function shortSha(sha) {
  return sha ? sha.slice(0, 7) : "unknown commit";
}
function instant(time) {
  const parsed = time ? Date.parse(time) : NaN;
  return Number.isNaN(parsed) ? Number.POSITIVE_INFINITY : parsed;
}
function byTime(a, b) {
  return instant(a.submitted_at) - instant(b.submitted_at) || a.id - b.id;
}
function membersOf(team, teamMembers) {
  const wanted = team.toLowerCase();
  const key = Object.keys(teamMembers).find((k) => k.toLowerCase() === wanted);
  return key === void 0 ? [] : teamMembers[key] ?? [];
}
function sameLogin(a, b) {
  return a !== void 0 && b !== void 0 && a !== "" && a.toLowerCase() === b.toLowerCase();
}
function ineligibility(login2, step2, author, teamMembers) {
  if (sameLogin(login2, author) && !step2.allowSelfApproval)
    return "the pull request's author cannot approve it (allow_self_approval is false)";
  const who = login2.toLowerCase();
  if (step2.users.some((user) => user.toLowerCase() === who)) return void 0;
  if (step2.teams.some((team) => membersOf(team, teamMembers).some((m) => m.toLowerCase() === who)))
    return void 0;
  const listed2 = [...step2.users, ...step2.teams].join(", ");
  return `not a listed approver (${listed2}) nor a known member of a listed team`;
}
function recordingAt(recordings, time) {
  const at2 = instant(time);
  let current;
  for (const recording of recordings) {
    if (recording.recordedAt === void 0 || instant(recording.recordedAt) <= at2) current = recording;
  }
  return current;
}
function candidateModel(candidate) {
  const evidence = candidate.evidence;
  return evidence.kind === "present" ? evidence.recordings.at(-1)?.key : void 0;
}
function describeModel(key) {
  return key === void 0 ? "no recorded model" : `model ${shortKey(key)}`;
}
function mismatch(vote, known, candidate, pr, step2) {
  if (vote.commit !== candidate.commit)
    return `on ${shortSha(vote.commit)}, not the candidate ${shortSha(candidate.commit)}: a vote on another commit is no vote for this one`;
  if (vote.state === "APPROVED" && !step2.allowSelfApproval && sameLogin(vote.login, pr.pusher))
    return "pushed the commit under review, so cannot approve it (allow_self_approval is false)";
  if (vote.state === "CHANGES_REQUESTED") return void 0;
  if (!known) return "cast while a recording of the model that could not be read was current: approve again";
  const wanted = candidateModel(candidate);
  if (vote.model !== wanted)
    return `cast on ${describeModel(vote.model)}, but the candidate is ${describeModel(wanted)}: a re-trained model needs a new vote`;
  return void 0;
}
var REVIEW_BODY_LIMIT = 1e3;
function approverReason(review, counted, model2, why) {
  const login2 = review.user?.login ?? "(deleted user)";
  const state = review.state;
  const on = model2 === void 0 ? "" : ` (${shortKey(model2)})`;
  const message = `${login2} ${state} on ${shortSha(review.commit_id)}${on}: ${counted ? "counted" : `not counted \u2014 ${why}`}`;
  const body = state === "CHANGES_REQUESTED" ? review.body?.trim() : void 0;
  return {
    kind: "approver",
    outcome: counted ? state === "APPROVED" ? "pass" : "fail" : "info",
    message,
    data: {
      login: login2,
      state,
      commit: review.commit_id,
      submittedAt: review.submitted_at ?? null,
      counted,
      review: review.id,
      ...model2 === void 0 ? {} : { model: model2 },
      ...why === void 0 ? {} : { why },
      ...body ? { body: body.slice(0, REVIEW_BODY_LIMIT) } : {}
    }
  };
}
function tallyReviews(step2, candidate, pr) {
  const recordings = candidate.evidence.recordings;
  const entries2 = [];
  const current = /* @__PURE__ */ new Map();
  const known = /* @__PURE__ */ new Map();
  const supersede = (login2, why) => {
    const previous = current.get(login2);
    if (previous !== void 0) entries2[previous].why = why;
    current.delete(login2);
  };
  for (const review of [...pr.reviews].sort(byTime)) {
    const index = entries2.length;
    const entry = { review };
    entries2.push(entry);
    const login2 = review.user?.login;
    if (!login2) {
      entry.why = "no user (deleted account)";
      continue;
    }
    if (review.state === "PENDING") {
      entry.why = "a draft review, not submitted";
      continue;
    }
    const ineligible2 = ineligibility(login2, step2, pr.author, candidate.teamMembers);
    if (ineligible2 !== void 0) {
      entry.why = ineligible2;
      continue;
    }
    const key = login2.toLowerCase();
    switch (review.state) {
      case "DISMISSED":
        entry.why = "dismissed: removes this user's vote";
        supersede(key, "superseded: a later review was dismissed");
        break;
      case "COMMENTED":
        entry.why = "a comment does not change a vote";
        break;
      case "APPROVED":
      case "CHANGES_REQUESTED": {
        supersede(key, "superseded by a later review");
        const recording = recordingAt(recordings, review.submitted_at);
        entry.model = recording?.key;
        known.set(index, recording?.known ?? true);
        current.set(key, index);
        break;
      }
      default:
        entry.why = `unknown review state ${review.state}`;
    }
  }
  const counted = /* @__PURE__ */ new Set();
  for (const index of current.values()) {
    const entry = entries2[index];
    const review = entry.review;
    const vote = {
      login: review.user.login,
      state: review.state,
      commit: review.commit_id ?? "",
      ...review.submitted_at ? { submittedAt: review.submitted_at } : {},
      ...entry.model === void 0 ? {} : { model: entry.model }
    };
    const why = mismatch(vote, known.get(index) ?? true, candidate, pr, step2);
    if (why === void 0) counted.add(index);
    else entry.why = why;
  }
  const votes = [...counted].sort((a, b) => a - b).map((index) => {
    const { review, model: model2 } = entries2[index];
    return {
      login: review.user.login,
      state: review.state,
      commit: review.commit_id,
      ...review.submitted_at ? { submittedAt: review.submitted_at } : {},
      ...model2 === void 0 ? {} : { model: model2 }
    };
  });
  return {
    votes,
    reasons: entries2.map(
      (entry, index) => approverReason(entry.review, counted.has(index), entry.model, entry.why)
    )
  };
}

// src/core/policy/timeout.ts
function waitingSince(candidate, evidenceNeeded) {
  if (evidenceNeeded) {
    if (candidate.evidence.kind !== "present") return void 0;
    const recordings = candidate.evidence.recordings;
    let first = recordings.length - 1;
    while (first > 0 && recordings[first - 1]?.key === recordings[first]?.key) first--;
    const at3 = recordings[first]?.recordedAt;
    return at3 ? { at: at3, what: "the model was recorded" } : void 0;
  }
  const at2 = candidate.pr?.pushedAt;
  return at2 ? { at: at2, what: "the commit was pushed" } : void 0;
}
function utc(ms) {
  return `${new Date(ms).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
function readClock(step2, candidate, evidenceNeeded) {
  const timeout = step2.timeout;
  if (!timeout) return void 0;
  const since = waitingSince(candidate, evidenceNeeded);
  const now = candidate.decidedAt ? Date.parse(candidate.decidedAt) : NaN;
  const start = since ? Date.parse(since.at) : NaN;
  if (!since || Number.isNaN(now) || Number.isNaN(start)) {
    const why = !since ? evidenceNeeded ? "no model has been recorded yet" : "when the commit was pushed is unknown (a fork's pushes are not in this repository's activity)" : "the time of deciding is unknown";
    return {
      unknown: rule("info", "timeout-unknown", `timeout ${timeout.text} not judged: ${why}`, {})
    };
  }
  const first = start + timeout.ms;
  const second = start + 2 * timeout.ms;
  const base = { step: step2.name, since: new Date(start).toISOString() };
  const waited = formatDuration(now - start);
  const began = `since ${since.what} at ${utc(start)}`;
  if (now < first) {
    const then = timeout.onTimeout === "reject" ? "it is rejected" : timeout.onTimeout === "escalate" ? `it is escalated to ${[...timeout.escalateTo.users, ...timeout.escalateTo.teams].join(", ")}` : "it is reported as overdue";
    return {
      timing: { phase: "waiting", ...base, deadline: new Date(first).toISOString() },
      reason: rule(
        "pending",
        "timeout",
        `waiting ${began}; timeout ${timeout.text}: unless approved by ${utc(first)}, ${then} (on_timeout: ${timeout.onTimeout})`,
        { timeout: timeout.text, onTimeout: timeout.onTimeout, deadline: new Date(first).toISOString() }
      )
    };
  }
  if (timeout.onTimeout === "wait")
    return {
      timing: { phase: "overdue", ...base },
      reason: rule(
        "pending",
        "timeout-overdue",
        `overdue: waiting ${waited} ${began}, past its timeout ${timeout.text} at ${utc(first)}; on_timeout: wait keeps waiting`,
        { timeout: timeout.text, onTimeout: "wait", deadline: new Date(first).toISOString() }
      )
    };
  if (timeout.onTimeout === "escalate" && now < second)
    return {
      timing: { phase: "escalated", ...base, deadline: new Date(second).toISOString() },
      reason: rule(
        "pending",
        "escalated",
        `escalated to ${[...timeout.escalateTo.users, ...timeout.escalateTo.teams].join(", ")} at ${utc(first)}, after timeout ${timeout.text} ${began}; unless approved by ${utc(second)}, it is rejected`,
        {
          timeout: timeout.text,
          onTimeout: "escalate",
          escalatedAt: new Date(first).toISOString(),
          deadline: new Date(second).toISOString()
        }
      )
    };
  const ended = timeout.onTimeout === "escalate" ? second : first;
  const span = timeout.onTimeout === "escalate" ? `twice its timeout ${timeout.text} (escalated at ${utc(first)})` : `its timeout ${timeout.text}`;
  return {
    timing: { phase: "timed_out", ...base },
    reason: rule("fail", "timed-out", `timed out at ${utc(ended)}: not approved within ${span} ${began}`, {
      timeout: timeout.text,
      onTimeout: timeout.onTimeout,
      timedOutAt: new Date(ended).toISOString(),
      onReject: step2.onReject
    })
  };
}
function escalatedStep(step2) {
  const to = step2.timeout?.escalateTo;
  if (!to) return step2;
  const union = (a, b) => [
    ...a,
    ...b.filter((x) => !a.some((y) => y.toLowerCase() === x.toLowerCase()))
  ];
  return { ...step2, users: union(step2.users, to.users), teams: union(step2.teams, to.teams) };
}
function rule(outcome, name, message, extra) {
  return { kind: "rule", outcome, message, data: { rule: name, ...extra } };
}

// src/core/policy/steps.ts
function checkReason(result) {
  return {
    kind: "check",
    outcome: result.passed ? "pass" : result.inconclusive ? "pending" : "fail",
    message: `${result.condition.text}: ${result.reason}`,
    data: {
      condition: result.condition.text,
      metric: result.condition.metric.text,
      ...result.value === void 0 ? {} : { value: result.value },
      ...result.threshold === void 0 ? {} : { threshold: result.threshold },
      ...result.baseline === void 0 ? {} : { baseline: result.baseline },
      ...result.delta === void 0 ? {} : { delta: result.delta },
      ...result.source === void 0 ? {} : { source: result.source },
      ...result.file === void 0 ? {} : { file: result.file },
      ...result.availableKeys?.length ? { availableKeys: result.availableKeys } : {},
      ...result.inconclusive ? { inconclusive: true } : {},
      ...result.interval ? { interval: result.interval } : {},
      ...result.change ? { change: result.change } : {},
      ...result.slices ? { slices: result.slices } : {}
    }
  };
}
function row(step2, result) {
  return {
    ...result.inputError === void 0 ? {} : { inputError: result.inputError },
    step: step2,
    condition: result.condition.text,
    metric: result.condition.metric.text,
    value: result.value,
    threshold: result.threshold,
    baseline: result.baseline,
    delta: result.delta,
    passed: result.passed,
    source: result.source,
    file: result.file,
    ...result.passed ? {} : { reason: result.reason },
    ...result.inconclusive ? { inconclusive: true } : {},
    ...result.interval ? { interval: result.interval } : {},
    ...result.change ? { change: result.change } : {},
    ...result.slices ? { slices: result.slices } : {}
  };
}
function asAutoApproval(result) {
  if (result.passed || result.inputError !== void 0) return result;
  const reason = result.shown !== void 0 && result.needs !== void 0 ? `${result.condition.metric.text} = ${result.shown}: auto-approval not reached, needs ${result.needs}` : `auto-approval not reached: ${result.reason}`;
  return { ...result, reason };
}
function withMissingBaseline(result, sources3, autoApproval) {
  if (result.condition.value.kind !== "baseline" || result.value === void 0 || result.baseline !== void 0)
    return result;
  const missing = sources3.missingBaselines?.find((m) => m.source === void 0 || m.source === result.source);
  if (!missing) return result;
  const passed = missing.pass && !autoApproval;
  const reason = passed ? `${missing.why}; when_missing: pass lets this change check pass` : missing.pass ? `${missing.why}: auto-approval needs a baseline` : `${missing.why}, so there is no baseline to compare with (when_missing: fail)`;
  return { ...result, passed, reason };
}
function evaluateAll(step2, conditions, sources3, autoApproval = false) {
  const evaluated = conditions.map(
    (condition) => withMissingBaseline(evaluateCondition(condition, sources3), sources3, autoApproval)
  );
  const results = autoApproval ? evaluated.map(asAutoApproval) : evaluated;
  const reasons = results.map((r) => {
    const reason = checkReason(r);
    return autoApproval && !r.passed && r.inputError === void 0 ? { ...reason, outcome: "info" } : reason;
  });
  return { results, reasons, rows: results.map((r) => row(step2, r)) };
}
function rule2(outcome, name, message, extra = {}) {
  return { kind: "rule", outcome, message, data: { rule: name, ...extra } };
}
function evaluateTest(step2, sources3) {
  const { results, reasons, rows } = evaluateAll(step2.name, step2.checks, sources3);
  const failed = results.filter((r) => !r.passed && !r.inconclusive).length;
  const inconclusive = results.filter((r) => r.inconclusive).length;
  if (failed === 0 && inconclusive === 0)
    return { result: { name: step2.name, type: "test", status: "passed", reasons }, rows };
  const undecided = rule2(
    "pending",
    "inconclusive",
    `${inconclusive} of ${results.length} checks are inconclusive; a manual approval is needed`
  );
  if (failed === 0)
    return {
      result: { name: step2.name, type: "test", status: "needs_approval", reasons: [undecided, ...reasons] },
      rows
    };
  const consequence = {
    fail_pipeline: "on_fail: fail_pipeline rejects the model",
    require_approval: "on_fail: require_approval needs a manual approval",
    warn: "on_fail: warn only warns"
  }[step2.onFail];
  const onFail = { fail_pipeline: "failed", require_approval: "needs_approval", warn: "warned" }[step2.onFail];
  const status = onFail === "warned" && inconclusive > 0 ? "needs_approval" : onFail;
  const summary = rule2(
    step2.onFail === "warn" ? "info" : step2.onFail === "fail_pipeline" ? "fail" : "pending",
    `on_fail:${step2.onFail}`,
    `${failed} of ${results.length} checks failed; ${consequence}`
  );
  const head = inconclusive > 0 ? [summary, undecided] : [summary];
  return { result: { name: step2.name, type: "test", status, reasons: [...head, ...reasons] }, rows };
}
function evidenceFiles(candidate) {
  const evidence = candidate.evidence;
  if (evidence.kind !== "present") return [];
  const { metrics, baseline } = evidence.measurements;
  return [...metrics, ...baseline].flatMap((source) => [source.file, ...source.files ?? []]);
}
var GUARDED_WHAT = {
  config: "the model-approval config",
  workflow: "a workflow file",
  evidence: "a file the evidence is read from (training output committed in a PR is not evidence)"
};
function autoApprovalBlockers(config, candidate, manualBy) {
  const blockers = [];
  for (const test of manualBy) {
    blockers.push(
      rule2(
        "pending",
        "manual-approval-required",
        `test step ${test} needs a manual approval (a check failed with on_fail: require_approval, or is inconclusive)`,
        {
          step: test
        }
      )
    );
  }
  const pr = candidate.pr;
  if (!pr) return blockers;
  const changed = pr.changedFiles;
  if (!changed.known) {
    blockers.push(
      rule2(
        "pending",
        "changed-files-unknown",
        `the pull request's changed files are unknown (${changed.why}), so protected paths cannot be ruled out`
      )
    );
    return blockers;
  }
  if (!changed.complete) {
    blockers.push(
      rule2(
        "pending",
        "changed-files-incomplete",
        `GitHub lists at most ${changed.limit ?? GITHUB_LIMITS.pullRequestFiles} changed files and this change reaches that, so protected paths cannot be ruled out`
      )
    );
  }
  for (const hit of guardedChanges(config, changed.files, evidenceFiles(candidate))) {
    const what = hit.rule === "protected" ? `a protected path (${hit.pattern})` : GUARDED_WHAT[hit.rule];
    blockers.push(
      rule2("pending", `changes-${hit.rule}`, `the pull request changes ${hit.file}, ${what}`, {
        file: hit.file,
        pattern: hit.pattern
      })
    );
  }
  return blockers;
}
function stillNeeded(step2, cannotApprove, approved, unreadableTeams = {}) {
  const excluded = new Set(
    step2.allowSelfApproval ? [] : cannotApprove.filter((l) => !!l).map((l) => l.toLowerCase())
  );
  const users = step2.users.filter((user) => {
    const who = user.toLowerCase();
    return !approved.has(who) && !excluded.has(who);
  });
  const unreadable = new Set(Object.keys(unreadableTeams).map((team) => team.toLowerCase()));
  return [...users, ...step2.teams.filter((team) => !unreadable.has(team.toLowerCase()))];
}
function unreadableTeamReasons(step2, candidate) {
  const unreadable = candidate.unreadableTeams ?? {};
  return step2.teams.flatMap((team) => {
    const key = Object.keys(unreadable).find((k) => k.toLowerCase() === team.toLowerCase());
    return key === void 0 ? [] : [rule2("info", "team-unreadable", `${team} cannot approve here: ${unreadable[key]}`, { team })];
  });
}
function fromEscalation(candidate, listed2, escalated, since) {
  const pr = candidate.pr;
  const at2 = Date.parse(since) + (listed2.timeout?.ms ?? 0);
  const author = pr.author;
  return pr.reviews.filter((r) => {
    const login2 = r.user?.login;
    if (!login2) return true;
    const onlyEscalated = ineligibility(login2, listed2, author, candidate.teamMembers) !== void 0 && ineligibility(login2, escalated, author, candidate.teamMembers) === void 0;
    if (!onlyEscalated) return true;
    const submitted = r.submitted_at ? Date.parse(r.submitted_at) : NaN;
    return !Number.isNaN(submitted) && submitted >= at2;
  });
}
function reviewsUntil(reviews, end) {
  const limit = Date.parse(end);
  return reviews.filter((r) => {
    const at2 = r.submitted_at ? Date.parse(r.submitted_at) : NaN;
    return !Number.isNaN(at2) && at2 < limit;
  });
}
function evaluateApproval(listedStep, config, candidate, sources3, manualBy, waitingFor, clock) {
  const reading2 = clock && "timing" in clock ? clock : void 0;
  const phase = reading2?.timing.phase;
  const escalated = phase === "escalated" || phase === "timed_out" && listedStep.timeout?.onTimeout === "escalate";
  const step2 = escalated ? escalatedStep(listedStep) : listedStep;
  const base = { name: step2.name, type: "approval" };
  const auto = evaluateAll(step2.name, waitingFor === void 0 ? step2.autoApproveIf : [], sources3, true);
  const pr = escalated && candidate.pr && reading2 ? { ...candidate.pr, reviews: fromEscalation(candidate, listedStep, step2, reading2.timing.since) } : candidate.pr;
  const tally = pr ? tallyReviews(step2, candidate, pr) : void 0;
  const timedOutAt = phase === "timed_out" ? String(reading2?.reason.data?.timedOutAt) : void 0;
  const inTime = pr && timedOutAt ? tallyReviews(step2, candidate, { ...pr, reviews: reviewsUntil(pr.reviews, timedOutAt) }) : tally;
  const objected = tally?.votes.some((v) => v.state === "CHANGES_REQUESTED") ?? false;
  const reasons = [];
  if (step2.autoApproveIf.length > 0 && waitingFor !== void 0) {
    reasons.push(rule2("pending", "auto-approve", `auto_approve_if waits for the evidence: ${waitingFor}`));
  } else if (step2.autoApproveIf.length > 0) {
    const held = auto.results.every((r) => r.passed);
    const blockers = held ? autoApprovalBlockers(config, candidate, manualBy) : [];
    if (held && objected) {
      blockers.push(rule2("fail", "changes-requested", "an eligible approver requested changes"));
    }
    if (held && blockers.length === 0) {
      const noPr = pr ? [] : [
        rule2(
          "info",
          "no-pull-request",
          "no pull request: the changed files are unknown, so auto-approval rests on the metrics alone"
        )
      ];
      const reason2 = rule2("pass", "auto-approve", "every auto_approve_if condition holds", {});
      reason2.children = auto.reasons;
      return {
        result: { ...base, status: "auto_approved", reasons: [reason2, ...noPr] },
        rows: auto.rows,
        votes: [],
        stillNeeded: [],
        missingApprovals: 0
      };
    }
    const reason = held ? rule2("pending", "auto-approve", "auto_approve_if holds, but auto-approval is not allowed:", {
      unmet: []
    }) : rule2("pending", "auto-approve", "auto-approval not reached: a manual approval is needed", {
      unmet: auto.results.filter((r) => !r.passed).map((r) => r.condition.text)
    });
    reason.children = held ? [...blockers, ...auto.reasons] : auto.reasons;
    reasons.push(reason);
  } else if (manualBy.length > 0) {
    reasons.push(...autoApprovalBlockers(config, candidate, manualBy));
  }
  if (!pr || !tally) {
    reasons.push(
      rule2(
        "pending",
        "no-pull-request",
        "no pull request: a manual approval is an approving review on a pull request, so none can be given here"
      )
    );
    return {
      result: { ...base, status: "pending", reasons },
      rows: auto.rows,
      votes: [],
      stillNeeded: stillNeeded(step2, [], /* @__PURE__ */ new Set(), candidate.unreadableTeams),
      missingApprovals: step2.minApprovals
    };
  }
  const objections = tally.votes.filter((v) => v.state === "CHANGES_REQUESTED");
  const standing = new Set(
    tally.votes.filter((v) => v.state === "APPROVED").map((v) => v.login.toLowerCase())
  );
  const approvals = (inTime ?? tally).votes.filter(
    (v) => v.state === "APPROVED" && standing.has(v.login.toLowerCase())
  );
  const approved = new Set(approvals.map((v) => v.login.toLowerCase()));
  const missing = Math.max(0, step2.minApprovals - approvals.length);
  let status;
  let verdict2;
  if (objections.length > 0) {
    status = "rejected";
    const who = objections.map((v) => v.login).join(", ");
    verdict2 = rule2(
      "fail",
      "changes-requested",
      `changes requested by ${who} on ${shortSha(candidate.commit)}`,
      {
        onReject: step2.onReject
      }
    );
  } else if (missing === 0) {
    status = "approved";
    const who = approvals.map((v) => v.login).join(", ");
    verdict2 = rule2("pass", "approved", `approved by ${who} on ${shortSha(candidate.commit)}`, {
      approvals: approvals.length,
      required: step2.minApprovals
    });
  } else if (reading2?.timing.phase === "timed_out") {
    status = "timed_out";
    verdict2 = reading2.reason;
  } else {
    status = "pending";
    verdict2 = rule2(
      "pending",
      "approvals-missing",
      `${approvals.length} of ${step2.minApprovals} approvals on ${shortSha(candidate.commit)}: ${missing} more needed`,
      {
        approvals: approvals.length,
        required: step2.minApprovals,
        missing,
        commit: candidate.commit,
        from: stillNeeded(step2, [pr.author, pr.pusher], approved, candidate.unreadableTeams)
      }
    );
  }
  verdict2 = { ...verdict2, children: tally.reasons };
  const teams = status === "pending" ? unreadableTeamReasons(step2, candidate) : [];
  const clockReason = status !== "pending" ? [] : reading2 ? [reading2.reason] : clock && "unknown" in clock ? [clock.unknown] : [];
  const timing = status === "pending" || status === "timed_out" ? reading2?.timing : void 0;
  return {
    ...timing ? { timing } : {},
    result: { ...base, status, reasons: [verdict2, ...clockReason, ...reasons, ...teams] },
    rows: auto.rows,
    votes: tally.votes,
    stillNeeded: status === "pending" ? stillNeeded(step2, [pr.author, pr.pusher], approved, candidate.unreadableTeams) : [],
    missingApprovals: missing
  };
}

// src/core/policy/evidence-needed.ts
function needsEvidence(config) {
  return config.metrics.length > 0 || config.model.artifacts.length > 0 || config.steps.some(
    (step2) => step2.type === "test" && step2.checks.length > 0 || step2.type === "approval" && step2.autoApproveIf.length > 0
  );
}

// src/core/policy/override.ts
var OVERRIDE_REASON_LIMIT = 500;
function listed(login2, step2, teamMembers) {
  if (step2.overrideBy.users.some((u) => sameLogin(u, login2))) return true;
  return step2.overrideBy.teams.some((team) => membersOf(team, teamMembers).some((m) => sameLogin(m, login2)));
}
function headSince(candidate) {
  const pushed = candidate.pr?.pushedAt ? Date.parse(candidate.pr.pushedAt) : NaN;
  return Number.isNaN(pushed) ? void 0 : pushed;
}
function refusal(claim, config, candidate) {
  const pr = candidate.pr;
  if (!pr) return "an override is said on a pull request";
  if (candidate.config.untrusted) return `the rules are not trusted (${candidate.config.untrusted})`;
  const approvals = config.steps.filter((s) => s.type === "approval");
  if (approvals.length === 0) return "the config has no approval step to override";
  if (sameLogin(pr.author, claim.by)) return "the pull request's author cannot override its approval";
  if (sameLogin(pr.pusher, claim.by))
    return "whoever pushed the commit under review cannot override its approval";
  const unlisted = approvals.filter((s) => !listed(claim.by, s, candidate.teamMembers));
  if (unlisted.length > 0) return `not listed under override_by of ${unlisted.map((s) => s.name).join(", ")}`;
  if (claim.reason.trim() === "") return "an override needs a reason: /model-approval override <reason>";
  if (needsEvidence(config) && candidate.evidence.kind !== "present")
    return "the training run's evidence is missing, so nothing identifies the model to override for";
  const key = candidateModel(candidate);
  if (claim.source.kind === "record") {
    if (claim.commit !== candidate.commit)
      return `recorded for ${shortSha(claim.commit)}, not the candidate ${shortSha(candidate.commit)}`;
    if (claim.model !== key) return "recorded for another model than the candidate's";
  }
  const reviewed = claim.source.kind === "review" || claim.source.kind === "record" && claim.said === "review";
  if (claim.source.kind === "review" && claim.commit !== candidate.commit)
    return `said in a review of ${shortSha(claim.commit)}, not of the candidate ${shortSha(candidate.commit)}`;
  if (!reviewed) {
    const at2 = Date.parse(claim.at);
    const since = headSince(candidate);
    if (since === void 0 || Number.isNaN(at2))
      return `GitHub's activity does not say when ${shortSha(candidate.commit)} was pushed (a fork's pushes are not in it), so a comment cannot be bound to it: override in a review of the commit`;
    if (at2 < since)
      return `said before ${shortSha(candidate.commit)} was last pushed: it was about another commit`;
  }
  if (claim.source.kind === "record") return void 0;
  if (key !== void 0) {
    const current = recordingAt(candidate.evidence.recordings, claim.at);
    if (!current || !current.known || current.key !== key)
      return `said while ${current?.key ? `model ${shortKey(current.key)}` : "no model"} was recorded, not the candidate's ${shortKey(key)}: a re-trained model needs a new override`;
  }
  return void 0;
}
function judgeOverrides(candidate) {
  const config = candidate.config.config;
  const claims2 = [...candidate.overrides ?? []].sort((a, b) => a.at.localeCompare(b.at));
  let override;
  const reasons = claims2.map((claim) => {
    const why = refusal(claim, config, candidate);
    const reason = claim.reason.trim().slice(0, OVERRIDE_REASON_LIMIT);
    const where = claim.source.kind === "record" ? "as recorded in the ledger" : `in a ${claim.source.kind}`;
    if (why === void 0 && !override)
      override = {
        by: claim.by,
        reason,
        at: claim.at,
        source: { ...claim.source },
        said: claim.source.kind === "record" ? claim.said ?? "comment" : claim.source.kind
      };
    return {
      kind: "override",
      outcome: why === void 0 ? "pass" : "info",
      message: `${claim.by} overrode ${where} at ${claim.at}: ${why === void 0 ? "counted" : `not counted \u2014 ${why}`}`,
      data: {
        login: claim.by,
        reason,
        at: claim.at,
        source: claim.source.kind,
        id: claim.source.id,
        counted: why === void 0,
        ...why === void 0 ? {} : { why }
      }
    };
  });
  return { ...override ? { override } : {}, reasons };
}

// src/core/policy/decide.ts
var SATISFIED = /* @__PURE__ */ new Set([
  "passed",
  "warned",
  "approved",
  "auto_approved",
  "overridden",
  "ready"
]);
var isRejection = (s) => s.type === "test" && s.status === "failed" || s.type === "approval" && (s.status === "rejected" || s.status === "timed_out");
var NO_MEASUREMENTS = { metrics: [], baseline: [], metricErrors: {}, baselineErrors: {} };
function rule3(outcome, name, message, extra = {}) {
  return { kind: "rule", outcome, message, data: { rule: name, ...extra } };
}
function waitingForEvidence(candidate) {
  const { evidence } = candidate;
  if (evidence.kind === "present" || !needsEvidence(candidate.config.config)) return void 0;
  return evidence.why;
}
function ineligible(candidate) {
  const { pr } = candidate;
  if (pr && pr.state !== "open")
    return {
      rule: "pull-request-closed",
      why: `PR #${pr.number} is ${pr.state}: nothing on it is approved any more`
    };
  if (pr && pr.headSha !== candidate.commit)
    return {
      rule: "superseded",
      why: `PR #${pr.number} has moved on to ${shortSha(pr.headSha)}: ${shortSha(candidate.commit)} is no longer its head`
    };
  const branch = candidate.defaultBranch;
  if (!pr && branch && !branch.contains)
    return {
      rule: "not-on-default-branch",
      why: `outside a pull request only commits on the default branch ${branch.name} are approved, and ${shortSha(candidate.commit)} is not on it`
    };
  return void 0;
}
function trainingStep(step2, measurements, waitingFor) {
  const reasons = [];
  if (waitingFor !== void 0) {
    reasons.push(
      rule3("pending", "evidence-missing", `waiting for the training run's evidence: ${waitingFor}`)
    );
    return { name: step2.name, type: "training", status: "pending", reasons };
  }
  const model2 = measurements.model;
  const unreadable = model2?.errors ?? [];
  if (unreadable.length > 0) {
    reasons.push({
      kind: "model",
      outcome: "fail",
      message: `the model cannot be identified: ${unreadable.join("; ")}`,
      data: { errors: unreadable, artifacts: model2?.artifacts ?? [] }
    });
    return { name: step2.name, type: "training", status: "error", reasons };
  }
  if (model2?.digest) {
    reasons.push({
      kind: "model",
      outcome: "info",
      message: `${model2.name ? `model ${model2.name}` : "model"}: sha256:${model2.digest.slice(0, 12)} over ${model2.artifacts.length} artifact(s)`,
      data: { digest: model2.digest, artifacts: model2.artifacts }
    });
  }
  return { name: step2.name, type: "training", status: "passed", reasons };
}
function waitingTest(step2, why) {
  return {
    name: step2.name,
    type: "test",
    status: "pending",
    reasons: [rule3("pending", "evidence-missing", `waiting for the training run's evidence: ${why}`)]
  };
}
function deployStep(name, environment, before) {
  const waiting = before.filter((s) => !SATISFIED.has(s.status));
  if (waiting.length === 0) {
    return {
      name,
      type: "deploy",
      status: "ready",
      reasons: [
        rule3(
          "pass",
          "deploy-ready",
          `every earlier step passed or is approved: deploying to ${environment} may proceed`,
          {
            environment
          }
        )
      ]
    };
  }
  return {
    name,
    type: "deploy",
    status: "blocked",
    reasons: [
      rule3(
        "pending",
        "deploy-blocked",
        `blocked until ${waiting.map((s) => `${s.name} (${s.status})`).join(", ")} ${waiting.length === 1 ? "is" : "are"} resolved`,
        { environment, waitingOn: waiting.map((s) => s.name) }
      )
    ]
  };
}
function failingChecks(step2) {
  const failed = step2.reasons.filter((r) => r.kind === "check" && r.outcome === "fail");
  return failed.map((r) => {
    const prefix = `${String(r.data?.condition ?? "")}: `;
    return r.message.startsWith(prefix) ? r.message.slice(prefix.length) : r.message;
  }).join("; ");
}
function overriddenOutcome(override) {
  return {
    decision: "approved",
    failPipeline: false,
    summary: `overridden by ${override.by}: ${override.reason}`,
    override
  };
}
function overriddenSteps(config, steps, judged) {
  const override = judged.override;
  const said = rule3("pass", "overridden", `overridden by ${override.by}: ${override.reason}`, {
    login: override.by,
    at: override.at
  });
  said.children = judged.reasons;
  return steps.map((step2) => {
    if (step2.type === "approval" && !SATISFIED.has(step2.status))
      return { ...step2, status: "overridden", reasons: [said, ...step2.reasons] };
    if (step2.type !== "deploy") return step2;
    const cfg = config.steps.find((s) => s.name === step2.name);
    const environment = cfg?.type === "deploy" ? cfg.environment : void 0;
    const to = environment ? ` to ${environment}` : "";
    return {
      ...step2,
      status: "ready",
      reasons: [
        rule3("pass", "deploy-overridden", `deploying${to} may proceed: overridden by ${override.by}`, {
          ...environment ? { environment } : {}
        })
      ]
    };
  });
}
function withOverrideReasons(steps, reasons) {
  const first = steps.findIndex((s) => s.type === "approval");
  if (first < 0) return steps;
  return steps.map((s, i) => i === first ? { ...s, reasons: [...s.reasons, ...reasons] } : s);
}
function inputFailure(config, measurements, rows) {
  const modelErrors = measurements.model?.errors ?? [];
  if (modelErrors.length > 0)
    return {
      code: "model_unreadable",
      message: `the model artifacts could not be hashed: ${modelErrors.join("; ")}`
    };
  if (config.model.artifacts.length > 0 && !measurements.model?.digest)
    return {
      code: "model_unreadable",
      message: `the config lists model.artifacts (${config.model.artifacts.join(", ")}), but the evidence names no model digest: the training run recorded none`
    };
  const unreadable = [
    ...Object.values(measurements.metricErrors),
    ...Object.values(measurements.baselineErrors).map((e) => `baseline ${e}`)
  ];
  if (unreadable.length > 0)
    return { code: "metrics_unreadable", message: `metrics could not be read: ${unreadable.join("; ")}` };
  const ambiguous = [...new Set(rows.flatMap((row2) => row2.inputError ? [row2.inputError] : []))];
  if (ambiguous.length > 0)
    return { code: "ambiguous_metric", message: `a metric reference is ambiguous: ${ambiguous.join("; ")}` };
  return void 0;
}
function verdict(config, steps, approvals) {
  const configStep = (name) => config.steps.find((s) => s.name === name);
  const rejections = steps.filter(isRejection);
  if (rejections.length > 0) {
    const failPipeline = rejections.some((s) => {
      const cfg = configStep(s.name);
      return cfg?.type === "test" || cfg?.type === "approval" && cfg.onReject === "fail_pipeline";
    });
    const first = rejections[0];
    const why = first.type === "test" ? `${first.name} failed: ${failingChecks(first)}` : first.status === "timed_out" ? `${first.name} ${first.reasons[0]?.message ?? "timed out"}` : `${first.name} rejected: ${first.reasons[0]?.message ?? "changes requested"}`;
    const how = failPipeline ? "" : " (on_reject: block \u2014 waiting for a new candidate)";
    return { decision: "rejected", failPipeline, summary: `${why}${how}` };
  }
  const waiting = steps.filter((s) => s.type !== "deploy" && !SATISFIED.has(s.status));
  if (waiting.length > 0) {
    const first = waiting[0];
    const approval = approvals.get(first.name);
    let why;
    if (first.type === "test") why = `${first.name} needs a manual approval`;
    else if (approval && approval.stillNeeded.length > 0)
      why = `${first.name} needs ${approval.missingApprovals} more approval(s) from ${approval.stillNeeded.join(", ")}`;
    else if (approval && approval.missingApprovals > 0 && first.type === "approval")
      why = `${first.name} needs ${approval.missingApprovals} more approval(s), and none of its listed approvers can give one here`;
    else why = `${first.name} is ${first.status}`;
    const pendingReason = first.reasons.find(
      (r) => r.data?.rule === "no-pull-request" && r.outcome === "pending"
    );
    return {
      decision: "pending",
      failPipeline: false,
      summary: pendingReason ? `${why} (no pull request)` : why
    };
  }
  const parts = steps.filter((s) => s.type === "approval").map(
    (s) => s.status === "auto_approved" ? `${s.name} auto-approved` : `${s.name} ${s.reasons[0]?.message ?? "approved"}`
  );
  const warned = steps.filter((s) => s.status === "warned").map((s) => `${s.name} warned`);
  const summary = [...parts.length ? parts : ["every check passed"], ...warned].join("; ");
  return { decision: "approved", failPipeline: false, summary };
}
function blockDeploys(steps, ruleName, why) {
  return steps.map(
    (step2) => step2.type === "deploy" ? { ...step2, status: "blocked", reasons: [rule3("pending", ruleName, `blocked: ${why}`)] } : step2
  );
}
function rejectDeploys(config, steps, why, failPipeline, everyDeploy = false) {
  return steps.map((step2) => {
    if (step2.type !== "deploy" || step2.status === "ready" && !everyDeploy) return step2;
    const cfg = config.steps.find((s) => s.name === step2.name);
    const environment = cfg?.type === "deploy" ? cfg.environment : void 0;
    const to = environment ? ` to ${environment}` : "";
    const consequence = failPipeline ? `the deploy${to} does not proceed` : `the deploy${to} stays blocked until a new candidate (on_reject: block)`;
    return {
      ...step2,
      status: "rejected",
      reasons: [
        rule3("fail", why.rule, `rejected: ${why.message}; ${consequence}`, {
          ...environment ? { environment } : {},
          failPipeline
        })
      ]
    };
  });
}
function rejectingSteps(steps) {
  return steps.filter(isRejection).map((s) => `${s.name} ${s.status.replace("_", " ")}`).join(", ");
}
function predictionsReports(measurements) {
  const reports = measurements.metrics.flatMap(
    (source) => source.predictions ? [{ source: source.name, file: source.file, ...source.predictions }] : []
  );
  return reports.length > 0 ? { predictions: reports } : {};
}
function allMetrics(measurements) {
  return measurements.metrics.flatMap((source) => {
    const base = measurements.baseline.find((b) => b.name === source.name);
    const baseline = new Map(base ? listMetricNumbers(base).map((n) => [n.key, n.value]) : []);
    return listMetricNumbers(source).map(({ key, value }) => {
      const before = baseline.get(key);
      const comparable = before !== void 0 && Number.isFinite(before) && Number.isFinite(value);
      return {
        source: source.name,
        file: source.file,
        key,
        value,
        ...before === void 0 ? {} : { baseline: before },
        ...comparable ? { delta: decimalArithmetic(value, "-", before) } : {}
      };
    });
  });
}
function sourceOrigins(measurements) {
  const origins = (kind, sources3) => sources3.map((s) => ({
    kind,
    name: s.name,
    file: s.file,
    ...s.note ? { note: s.note } : {},
    ...s.at ? { ref: s.at.ref } : {},
    ...s.at?.commit ? { commit: s.at.commit } : {}
  }));
  return [...origins("metrics", measurements.metrics), ...origins("baseline", measurements.baseline)];
}
function summarizeCandidate(candidate) {
  const { evidence, config } = candidate;
  const modelKey2 = candidateModel(candidate);
  const live = deployedSources(candidate).baseline;
  const sources3 = evidence.kind === "present" ? sourceOrigins({ ...evidence.measurements, baseline: [...evidence.measurements.baseline, ...live] }) : [];
  return {
    repository: candidate.repository,
    commit: candidate.commit,
    ...candidate.pr ? { pr: candidate.pr.number } : {},
    ...modelKey2 === void 0 ? {} : { modelKey: modelKey2 },
    evidence: evidence.kind === "missing" ? {
      kind: "missing",
      where: evidence.why,
      ...evidence.training ? { run: evidence.training.run } : {}
    } : evidence.origin.kind === "measured" ? {
      kind: "measured",
      where: evidence.origin.where,
      ...evidence.origin.run ? { run: evidence.origin.run } : {}
    } : {
      kind: "recorded",
      where: `artifact ${evidence.origin.artifact.name} of workflow run ${evidence.origin.run.id} (attempt ${evidence.origin.run.attempt})`,
      run: evidence.origin.run,
      artifactId: evidence.origin.artifact.id
    },
    config: { ...config.origin, trusted: config.untrusted === void 0 },
    ...sources3.length > 0 ? { sources: sources3 } : {},
    ...candidate.serverUrl ? { serverUrl: candidate.serverUrl } : {}
  };
}
function deployedSources(candidate) {
  const baseline = [];
  const missing = [];
  for (const spec of candidate.config.config.deployedBaseline) {
    const live = candidate.deployedBaselines?.[spec.environment];
    const source = spec.name !== void 0 ? { source: spec.name } : {};
    if (!live) {
      missing.push({ ...source, pass: false, why: `what is deployed to ${spec.environment} was not read` });
      continue;
    }
    if (live.kind !== "found") {
      missing.push({ ...source, pass: live.kind === "none" && spec.whenMissing === "pass", why: live.why });
      continue;
    }
    const at2 = { ref: `${spec.environment} (deployment ${live.deployment.id})`, commit: live.deployment.sha };
    const wanted = live.metrics.filter((m) => spec.name === void 0 || m.name === spec.name);
    if (spec.name !== void 0 && wanted.length === 0)
      missing.push({
        ...source,
        pass: false,
        why: `the metrics recorded for ${shortSha(live.deployment.sha)}, live in ${spec.environment}, have no source '${spec.name}'`
      });
    baseline.push(...wanted.map((m) => ({ ...m, at: at2 })));
  }
  return { baseline, missing };
}
function decide(candidate) {
  const { config } = candidate.config;
  const waitingFor = waitingForEvidence(candidate);
  const recorded = candidate.evidence.kind === "present" ? candidate.evidence.measurements : NO_MEASUREMENTS;
  const stale = staleRecordings(config.metrics, recorded.metrics);
  const measurements = Object.keys(stale).length === 0 ? recorded : {
    ...recorded,
    metrics: recorded.metrics.filter((m) => stale[m.name] === void 0),
    metricErrors: { ...recorded.metricErrors, ...stale }
  };
  const deployed2 = deployedSources(candidate);
  const sources3 = {
    metrics: measurements.metrics,
    baseline: [...measurements.baseline, ...deployed2.baseline],
    metricErrors: measurements.metricErrors,
    baselineErrors: measurements.baselineErrors,
    missingBaselines: deployed2.missing
  };
  const tests = /* @__PURE__ */ new Map();
  if (waitingFor === void 0) {
    for (const step2 of config.steps)
      if (step2.type === "test") tests.set(step2.name, evaluateTest(step2, sources3));
  }
  const manualBy = [...tests.values()].filter((t) => t.result.status === "needs_approval").map((t) => t.result.name);
  const approvals = /* @__PURE__ */ new Map();
  const evidenceNeeded = needsEvidence(config);
  for (const step2 of config.steps) {
    if (step2.type === "approval")
      approvals.set(
        step2.name,
        evaluateApproval(
          step2,
          config,
          candidate,
          sources3,
          manualBy,
          waitingFor,
          readClock(step2, candidate, evidenceNeeded)
        )
      );
  }
  const overrides = judgeOverrides(candidate);
  const humanApproved = [...approvals.values()].some((a) => a.result.status === "approved");
  let steps = [];
  const rows = [];
  for (const step2 of config.steps) {
    if (step2.type === "training") steps.push(trainingStep(step2, measurements, waitingFor));
    else if (step2.type === "deploy") steps.push(deployStep(step2.name, step2.environment, steps));
    else if (step2.type === "test" && waitingFor !== void 0) steps.push(waitingTest(step2, waitingFor));
    else {
      const evaluated = step2.type === "test" ? tests.get(step2.name) : approvals.get(step2.name);
      rows.push(...evaluated.rows);
      const result = evaluated.result;
      if (result.status === "needs_approval" && humanApproved) {
        steps.push({
          ...result,
          status: "approved",
          reasons: [
            rule3(
              "pass",
              "manually-approved",
              "checks failed or were inconclusive, and a manual approval was given"
            ),
            ...result.reasons
          ]
        });
      } else steps.push(result);
    }
  }
  let outcome;
  const failure = waitingFor === void 0 ? inputFailure(config, measurements, rows) : void 0;
  const blocked = ineligible(candidate);
  if (failure) outcome = { decision: "error", failPipeline: true, summary: failure.message, failure };
  else if (blocked) {
    outcome = { decision: "rejected", failPipeline: true, summary: blocked.why };
    steps = rejectDeploys(config, steps, { rule: blocked.rule, message: blocked.why }, true, true);
  } else if (overrides.override && !candidate.config.untrusted) {
    outcome = overriddenOutcome(overrides.override);
    steps = overriddenSteps(config, steps, overrides);
  } else {
    outcome = verdict(config, steps, approvals);
    if (outcome.decision === "rejected")
      steps = rejectDeploys(
        config,
        steps,
        { rule: "deploy-rejected", message: rejectingSteps(steps) },
        outcome.failPipeline
      );
    if (outcome.decision === "approved" && waitingFor !== void 0) {
      outcome = {
        decision: "pending",
        failPipeline: false,
        summary: `waiting for the training run's evidence: ${waitingFor}`
      };
    } else if (outcome.decision === "pending" && waitingFor !== void 0) {
      outcome = { ...outcome, summary: `waiting for the training run's evidence: ${waitingFor}` };
    }
    const untrusted = candidate.config.untrusted;
    if (outcome.decision === "approved" && untrusted) {
      outcome = { decision: "pending", failPipeline: false, summary: `not approved: ${untrusted}` };
      steps = blockDeploys(steps, "untrusted-config", untrusted);
    }
  }
  if (overrides.reasons.length > 0 && !outcome.override)
    steps = withOverrideReasons(steps, overrides.reasons);
  const { decision, failPipeline, summary } = outcome;
  const timing = decision === "pending" || decision === "rejected" ? [...approvals.values()].flatMap((a) => a.timing ? [a.timing] : [])[0] : void 0;
  const pendingApprovers = decision === "pending" ? [...new Set([...approvals.values()].flatMap((a) => a.stillNeeded))] : [];
  const approvalSteps = steps.filter((s) => s.type === "approval");
  const autoApproved = decision === "approved" && approvalSteps.length > 0 && approvalSteps.every((s) => s.status === "auto_approved");
  const model2 = candidate.evidence.kind === "present" ? measurements.model : void 0;
  return {
    schemaVersion: 1,
    decision,
    autoApproved,
    failPipeline,
    steps,
    metrics: rows,
    ...model2 ? { model: model2 } : {},
    headSha: candidate.commit,
    ...candidate.pr ? { pr: candidate.pr.number } : {},
    pendingApprovers,
    diagnostics: [],
    ...outcome.failure ? { failure: outcome.failure } : {},
    summary,
    ...outcome.override ? { override: outcome.override } : {},
    ...timing ? { timing } : {},
    candidate: summarizeCandidate(candidate),
    ...candidate.evidence.kind === "present" ? { allMetrics: allMetrics(measurements) } : {},
    ...predictionsReports(measurements)
  };
}
function withoutVerdict(summary, subject, diagnostics, failure) {
  return {
    schemaVersion: 1,
    decision: "error",
    autoApproved: false,
    failPipeline: true,
    steps: [],
    metrics: [],
    ...subject?.commit ? { headSha: subject.commit } : {},
    ...subject?.pr === void 0 ? {} : { pr: subject.pr },
    pendingApprovers: [],
    diagnostics,
    failure,
    summary
  };
}
function configErrorResult(diagnostics, subject) {
  const errors2 = diagnostics.filter((d) => d.severity === "error");
  const first = errors2[0] ?? diagnostics[0];
  const count = errors2.length || diagnostics.length;
  const summary = first ? `invalid config or input: ${formatDiagnostic({ ...first, hint: void 0 })}${count > 1 ? ` (and ${count - 1} more)` : ""}` : "invalid config or input";
  return withoutVerdict(summary, subject, diagnostics, { code: "config_invalid", message: summary });
}
function failureResult(failure, subject) {
  return withoutVerdict(failure.message, subject, [], failure);
}

// src/core/candidate/commands.ts
var COMMAND = /^\/model-approval[ \t]+(override|explain)\b([\s\S]*)$/;
function parseCommand(body) {
  const text2 = (body ?? "").replace(/\r\n/g, "\n").trimStart();
  const match = COMMAND.exec(text2);
  if (!match) return void 0;
  if (match[1] === "explain") return { kind: "explain" };
  return { kind: "override", reason: (match[2] ?? "").replace(/\s+/g, " ").trim() };
}
function overrideClaimsInComments(comments) {
  return comments.flatMap((c) => {
    if (c.authorType === "Bot" || !c.author) return [];
    if (c.updatedAt && c.createdAt && Date.parse(c.updatedAt) > Date.parse(c.createdAt)) return [];
    const command = parseCommand(c.body);
    if (command?.kind !== "override") return [];
    return [
      {
        by: c.author,
        reason: command.reason,
        at: c.createdAt,
        source: { kind: "comment", id: c.id, ...c.url ? { url: c.url } : {} }
      }
    ];
  });
}
function overrideClaimInReview(review) {
  const command = parseCommand(review.body);
  if (command?.kind !== "override" || !review.user?.login || !review.submitted_at || !review.commit_id)
    return void 0;
  return {
    by: review.user.login,
    reason: command.reason,
    at: review.submitted_at,
    source: { kind: "review", id: review.id },
    commit: review.commit_id
  };
}

// src/github/bounded-cache.ts
var BoundedCache = class {
  /**
   * @param maxBytes the most bytes kept in all
   * @param maxEntryBytes a value larger than this is not kept
   * @param sizeOf what a value holds, in the unit of the bounds
   * @param maxEntries the most entries kept
   */
  constructor(maxBytes, maxEntryBytes, sizeOf, maxEntries = 1e4) {
    this.maxBytes = maxBytes;
    this.maxEntryBytes = maxEntryBytes;
    this.sizeOf = sizeOf;
    this.maxEntries = maxEntries;
  }
  maxBytes;
  maxEntryBytes;
  sizeOf;
  maxEntries;
  entries = /* @__PURE__ */ new Map();
  held = 0;
  get size() {
    return this.entries.size;
  }
  get bytes() {
    return this.held;
  }
  get(key) {
    const entry = this.entries.get(key);
    if (!entry) return void 0;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }
  set(key, value) {
    this.delete(key);
    const bytes = this.sizeOf(value);
    if (bytes > this.maxEntryBytes) return;
    this.entries.set(key, { value, bytes });
    this.held += bytes;
    for (const [oldest, old] of this.entries) {
      if (this.held <= this.maxBytes && this.entries.size <= this.maxEntries) break;
      this.entries.delete(oldest);
      this.held -= old.bytes;
    }
  }
  clear() {
    this.entries.clear();
    this.held = 0;
  }
  delete(key) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.held -= entry.bytes;
  }
};
function parsedBytes(jsonLength) {
  return 8 * 1024 + 4 * jsonLength;
}

// src/core/deep-freeze.ts
function deepFreeze(value) {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

// src/github/candidate/parsed-config.ts
var kept = new BoundedCache(
  8 * 1024 * 1024,
  1024 * 1024,
  (entry) => entry.bytes
);
function parsedConfig(text2, file, trusted) {
  const key = `${file}
${text2}`;
  const found = trusted ? kept.get(key) : void 0;
  if (found) return found.result;
  const result = parseConfig(text2, file);
  if (!trusted || !result.ok) return deepFreeze(result);
  const copy = deepFreeze(structuredClone(result));
  kept.set(key, { result: copy, bytes: parsedBytes(JSON.stringify(copy).length) + 4 * key.length });
  return copy;
}

// src/github/graphql/seen-with-pull-request.ts
var FROM_HEAD_KEY = "headsBase";
var SEEN_FILE = `target @include(if: $withFile) {
          ... on Commit {
            file(path: $file) { type mode object { ... on Blob { oid text isBinary isTruncated } } }
          }
        }`;
var SEEN_FROM_HEAD = `${FROM_HEAD_KEY}: baseRepository @include(if: $withHead) {
        fromHead: pullRequests(headRefName: $head, first: 100) {
          pageInfo { hasNextPage }
          nodes { number headRefName baseRefName createdAt closedAt headRepositoryOwner { login } }
        }
      }`;
var OPEN_HEADS_KEY = "openHeads";
var SEEN_OPEN_HEADS = `${OPEN_HEADS_KEY}: pullRequests(states: [OPEN], first: 100) @include(if: $withOpenHeads) {
      pageInfo { hasNextPage }
      nodes { number headRefOid }
    }`;
var SEEN_FIELDS = `
      comments(first: 100) @include(if: $whole) {
        pageInfo { hasNextPage }
        nodes { fullDatabaseId body author { __typename login } }
      }
      commits(last: 1) @include(if: $whole) {
        nodes {
          commit {
            oid
            checkSuites(first: 50) {
              pageInfo { hasNextPage }
              nodes {
                app { slug }
                decision: checkRuns(first: 20, filterBy: {checkType: ALL, checkName: ${JSON.stringify(DECISION_CHECK)}}) { ...SeenCheckRuns }
                metrics: checkRuns(first: 20, filterBy: {checkType: ALL, checkName: ${JSON.stringify(METRICS_CHECK)}}) { ...SeenCheckRuns }
              }
            }
          }
        }
      }`;
var SEEN_FRAGMENTS = `
fragment SeenCheckRuns on CheckRunConnection {
  pageInfo { hasNextPage }
  nodes { resourcePath name status conclusion title summary text detailsUrl externalId }
}`;

// src/github/graphql/pull-request.ts
var ReviewsUnread = class extends GitHubError {
  constructor(pullRequest, operation, detail, status = 0, options) {
    super(operation, status, detail, options);
    this.pullRequest = pullRequest;
  }
  pullRequest;
};
var QUERY = `query PullRequestWithReviews($owner: String!, $name: String!, $number: Int!, $after: String, $whole: Boolean!, $withFile: Boolean!, $file: String!, $withHead: Boolean!, $head: String!, $withOpenHeads: Boolean!) {
  repository(owner: $owner, name: $name) {
    ${SEEN_OPEN_HEADS}
    pullRequest(number: $number) {
      number
      title
      state
      merged
      isDraft
      updatedAt
      changedFiles
      author { __typename login }
      headRefName
      headRefOid
      baseRefName
      baseRefOid
      headRepository { nameWithOwner }
      baseRepository {
        nameWithOwner
        defaultBranchRef {
          name
          ${SEEN_FILE}
        }
      }
      ${SEEN_FROM_HEAD}
      labels(first: 100) { totalCount nodes { name } }
      reviewRequests(first: 100) {
        totalCount
        nodes { requestedReviewer { __typename ... on User { login } ... on Bot { login } ... on Mannequin { login } ... on Team { slug } } }
      }
      reviews(first: 100, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes { fullDatabaseId state body submittedAt author { __typename login } commit { oid } }
      }${SEEN_FIELDS}
    }
  }
}
${SEEN_FRAGMENTS}`;

// src/github/started.ts
function started(work) {
  work.catch(() => void 0);
  return work;
}
async function allFinished(work) {
  const settled = await Promise.allSettled(work);
  const failed = settled.find((outcome) => outcome.status === "rejected");
  if (failed) throw failed.reason;
  return settled.map((outcome) => outcome.value);
}

// src/core/candidate/uses-action.ts
var import_yaml3 = __toESM(require_dist(), 1);
var ACTION_REF = /^[\w.-]+\/model-approval(?:\/[\w./-]*)?@\S+$/;
var MAX_ALIAS_COUNT2 = 100;
function workflowUsesAction(text2) {
  const doc = (0, import_yaml3.parseDocument)(text2, { uniqueKeys: false });
  if (doc.errors.length > 0) return false;
  let data;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT2 });
  } catch {
    return false;
  }
  const jobs = record(record(data)?.jobs);
  if (!jobs) return false;
  return Object.values(jobs).some((job) => {
    const steps = record(job)?.steps;
    return Array.isArray(steps) && steps.some((step2) => {
      const uses = record(step2)?.uses;
      return typeof uses === "string" && ACTION_REF.test(uses.trim());
    });
  });
}
function record(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? value : void 0;
}

// src/github/in-turns.ts
async function inTurns(items, limit, work) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

// src/github/candidate/evidence.ts
var COMMIT_EVENTS = /* @__PURE__ */ new Set(["push", "workflow_dispatch", "schedule"]);
var MAX_SNAPSHOT_BYTES = 8 * 1024 * 1024;
var HISTORY_RUNS = 5;
var JUDGED_AT_ONCE = 8;
var HISTORY_DOWNLOADS = 5;
function runRef(run, attempt = run.attempt) {
  return { id: run.id, attempt, workflow: run.workflow, event: run.event };
}
function runIsFor(run, subject) {
  if (run.headSha !== subject.commit) return false;
  if (subject.kind === "commit")
    return COMMIT_EVENTS.has(run.event) && run.headBranch === subject.defaultBranch && (run.headRepository === null || run.headRepository.toLowerCase() === subject.repository.toLowerCase());
  if (run.event !== "pull_request") return false;
  if (run.pullRequests.includes(subject.number)) return true;
  return run.pullRequests.length === 0 && run.headBranch === subject.headRef && run.headRepository !== null && subject.headRepository !== null && run.headRepository.toLowerCase() === subject.headRepository.toLowerCase() && run.headRepository.toLowerCase() !== subject.repository.toLowerCase();
}
function workflowTrust(ports, config, defaultBranch, mustUseAction = true) {
  const named = config.evidence.workflows;
  const known = /* @__PURE__ */ new Map();
  return (workflow) => {
    if (named.length > 0) return Promise.resolve(named.includes(workflow));
    if (!workflow.startsWith(".github/workflows/") || !defaultBranch) return Promise.resolve(false);
    let trusted = known.get(workflow);
    if (!trusted) {
      trusted = reading(
        `${workflow} on the default branch ${defaultBranch}`,
        () => ports.getFile(workflow, `refs/heads/${defaultBranch}`)
      ).then((file) => file !== null && (!mustUseAction || workflowUsesAction(file.text)));
      known.set(workflow, trusted);
    }
    return trusted;
  };
}
function builtAgainstOtherBase(ports, defaultBranch) {
  const known = /* @__PURE__ */ new Map();
  const fromHead = (owner, branch) => {
    const key = `${owner.toLowerCase()}:${branch}`;
    let prs = known.get(key);
    if (!prs) {
      prs = reading(
        `the pull requests from ${owner}:${branch}`,
        () => ports.pullRequestsFromHead(owner, branch)
      );
      known.set(key, prs);
    }
    return prs;
  };
  const judge = async (run) => {
    if (run.event !== "pull_request") return void 0;
    const owner = (run.headRepository ?? "").split("/")[0] ?? "";
    if (!owner || !run.headBranch) return `run ${run.id} names no head branch`;
    const prs = fromHead(owner, run.headBranch);
    const started2 = instant2(run.createdAt);
    const other = (await prs).find(
      (pr) => pr.baseRef !== defaultBranch && instant2(pr.createdAt) <= started2 && (pr.closedAt === null || instant2(pr.closedAt) >= started2)
    );
    return other ? `run ${run.id} may have been PR #${other.number}'s, into ${other.baseRef}: it built that branch's workflow and code` : void 0;
  };
  return { judge, fromHead };
}
function trainingRunJudge(ports, subject, config, mustUseAction = true) {
  return judgeReadingAhead(ports, subject, config, mustUseAction).judge;
}
function judgeReadingAhead(ports, subject, config, mustUseAction, expected) {
  const trusted = workflowTrust(ports, config, subject.defaultBranch, mustUseAction);
  const otherBase = builtAgainstOtherBase(ports, subject.defaultBranch);
  const reads = [];
  if (expected?.workflow) reads.push(started(trusted(expected.workflow)));
  if (expected && subject.kind === "pull_request") {
    const owner = subject.headRepository?.split("/")[0];
    if (owner && subject.headRef) reads.push(started(otherBase.fromHead(owner, subject.headRef)));
  }
  const judge = async (run) => {
    if (!runIsFor(run, subject))
      return `run ${run.id} (${run.event} on ${run.headBranch}) is not for ${describeSubject(subject)}`;
    const [isTrusted, other] = await Promise.all([
      trusted(run.workflow),
      subject.kind === "pull_request" ? otherBase.judge(run) : void 0
    ]);
    if (!isTrusted) return `run ${run.id} of ${run.workflow} is not ${describeWorkflows(config)}`;
    return other;
  };
  return { judge, readAhead: Promise.allSettled(reads) };
}
function describeWorkflows(config) {
  const named = config.evidence.workflows;
  return named.length > 0 ? named.join(" or ") : "a workflow on the default branch that uses the model-approval Action";
}
function describeSubject(subject) {
  return subject.kind === "pull_request" ? `${shortSha(subject.commit)} for PR #${subject.number}` : `${shortSha(subject.commit)} on ${subject.defaultBranch}`;
}
function snapshotArtifacts(run, artifacts) {
  return artifacts.flatMap((artifact) => {
    const attempt = snapshotArtifactAttempt(artifact.name);
    if (attempt === void 0 || artifact.expired || artifact.runId !== run.id || attempt > run.attempt)
      return [];
    if (artifact.headSha !== null && artifact.headSha !== run.headSha) return [];
    return [{ artifact, attempt, run }];
  });
}
function claimsMismatch(snapshot, found, subject) {
  const { claims: claims2 } = snapshot;
  if (claims2.repository.toLowerCase() !== subject.repository.toLowerCase())
    return `it says it is for ${claims2.repository}`;
  if (claims2.commit !== subject.commit) return `it says it measured ${shortSha(claims2.commit)}`;
  if (claims2.run && (claims2.run.id !== found.run.id || claims2.run.attempt !== found.attempt))
    return `it says it was recorded by run ${claims2.run.id} (attempt ${claims2.run.attempt})`;
  if (subject.kind === "pull_request" && claims2.pullRequest !== void 0 && claims2.pullRequest !== subject.number)
    return `it says it is for PR #${claims2.pullRequest}`;
  return void 0;
}
async function loadSnapshot(ports, found, subject) {
  const { artifact } = found;
  const where = `artifact ${artifact.name} of workflow run ${found.run.id}`;
  if (artifact.sizeInBytes > MAX_SNAPSHOT_BYTES)
    return {
      ok: false,
      why: `${where} is ${artifact.sizeInBytes} bytes, over the ${MAX_SNAPSHOT_BYTES} a snapshot may be`
    };
  const text2 = await reading(
    where,
    () => ports.readArtifactFile(artifact.id, SNAPSHOT_FILE, MAX_SNAPSHOT_BYTES)
  );
  if (text2 === null) return { ok: false, why: `${where} holds no ${SNAPSHOT_FILE} (deleted or expired?)` };
  const decoded = decodeSnapshot(text2);
  if (!decoded.ok) return { ok: false, why: `${where} is unreadable: ${decoded.error}` };
  const mismatch2 = claimsMismatch(decoded.snapshot, found, subject);
  if (mismatch2) return { ok: false, why: `${where} is ignored: ${mismatch2}` };
  return { ok: true, snapshot: decoded.snapshot };
}
function measurementsOf(snapshot) {
  const { metrics, baseline, metricErrors, baselineErrors, model: model2 } = snapshot;
  return { metrics, baseline, metricErrors, baselineErrors, ...model2 ? { model: model2 } : {} };
}
function instant2(time) {
  const parsed = time ? Date.parse(time) : NaN;
  return Number.isNaN(parsed) ? Number.POSITIVE_INFINITY : parsed;
}
async function earlierRecordings(ports, subject, earlier, current, reviews) {
  const ordered = [...earlier].sort((a, b) => instant2(a.artifact.createdAt) - instant2(b.artifact.createdAt));
  const until = instant2(current);
  const voteTimes = reviews.filter(
    (r) => r.commit_id === subject.commit && (r.state === "APPROVED" || r.state === "CHANGES_REQUESTED")
  ).map((r) => instant2(r.submitted_at)).filter((t) => t < until);
  let downloads = 0;
  const recordings = [];
  for (const [i, found] of ordered.entries()) {
    const from = instant2(found.artifact.createdAt);
    const to = i + 1 < ordered.length ? instant2(ordered[i + 1].artifact.createdAt) : until;
    const run = runRef(found.run, found.attempt);
    const base = { recordedAt: found.artifact.createdAt, known: false, run };
    const needed = voteTimes.some((t) => t >= from && t < to);
    if (!needed || downloads >= HISTORY_DOWNLOADS) {
      recordings.push(base);
      continue;
    }
    downloads++;
    const loaded = await loadSnapshot(ports, found, subject);
    if (!loaded.ok) {
      recordings.push(base);
      continue;
    }
    const measurements = measurementsOf(loaded.snapshot);
    recordings.push({
      ...base,
      known: true,
      key: modelKey(measurements),
      ...measurements.model?.digest ? { digest: measurements.model.digest } : {}
    });
  }
  return recordings;
}
function trainingFailure(run) {
  const conclusion = run.conclusion ?? "unknown";
  const what = conclusion === "failure" ? "failed" : conclusion === "cancelled" ? "was cancelled" : conclusion === "timed_out" ? "timed out" : `ended ${conclusion}`;
  return `training run ${run.id} (attempt ${run.attempt}) of ${run.workflow} ${what} before recording a model-approval snapshot`;
}
function listRuns(ports, commit) {
  return reading(`the workflow runs of ${commit}`, () => ports.workflowRunsForCommit(commit));
}
async function gatherEvidence(ports, subject, config, reviews, measuring, listed2) {
  const { judge, readAhead } = judgeReadingAhead(ports, subject, config, true, measuring?.expected);
  const ahead = measuring && (measuring.local || measuring.expected) ? {
    measured: started(measuring.measure()),
    artifacts: measuring.local ? void 0 : started(
      reading(
        `the artifacts of workflow run ${measuring.runId}`,
        () => ports.runArtifacts(measuring.runId)
      )
    )
  } : void 0;
  try {
    const runs = await (listed2 ?? listRuns(ports, subject.commit));
    return { ...await gather(ports, subject, config, reviews, runs, judge, measuring, ahead), runs };
  } finally {
    await Promise.allSettled([readAhead, ahead?.measured, ahead?.artifacts]);
  }
}
async function gather(ports, subject, config, reviews, runs, judge, measuring, ahead) {
  const warnings = [];
  const candidates = runs.filter((r) => runIsFor(r, subject));
  const training = [];
  const ignored = /* @__PURE__ */ new Map();
  const verdicts = await inTurns(candidates, JUDGED_AT_ONCE, judge);
  for (const [i, run2] of candidates.entries()) {
    const why = verdicts[i];
    if (why === void 0) training.push(run2);
    else ignored.set(run2.id, why);
  }
  const ignoredNote = ignored.size > 0 ? ` (ignored: ${[...ignored.values()].join("; ")})` : "";
  const recorded = (await Promise.all(
    training.slice(0, HISTORY_RUNS).map(async (run2) => {
      const artifacts = await (run2.id === measuring?.runId && ahead?.artifacts ? ahead.artifacts : reading(`the artifacts of workflow run ${run2.id}`, () => ports.runArtifacts(run2.id)));
      return snapshotArtifacts(run2, artifacts);
    })
  )).flat();
  if (measuring) {
    const facts = training.find((run2) => run2.id === measuring.runId && run2.attempt === measuring.attempt);
    if (facts || measuring.local) {
      const run2 = facts ? runRef(facts, measuring.attempt) : void 0;
      const measurements2 = await (ahead?.measured ?? measuring.measure());
      const earlier2 = recorded.filter((r) => instant2(r.artifact.createdAt) <= instant2(measuring.at));
      const history2 = await earlierRecordings(ports, subject, earlier2, measuring.at, reviews);
      const key = modelKey(measurements2);
      return {
        evidence: {
          kind: "present",
          origin: { kind: "measured", where: measuring.where, ...run2 ? { run: run2 } : {} },
          measurements: measurements2,
          recordings: [
            ...history2,
            {
              ...measuring.local ? {} : { recordedAt: measuring.at },
              key,
              known: true,
              ...run2 ? { run: run2 } : {},
              ...measurements2.model?.digest ? { digest: measurements2.model.digest } : {}
            }
          ]
        },
        measured: measurements2,
        warnings,
        judge
      };
    }
    const self = runs.find((run2) => run2.id === measuring.runId);
    const what = self ? `run ${self.id} of ${self.workflow} on ${self.event}` : `run ${measuring.runId}`;
    const why = (self && ignored.get(self.id)) ?? `it is not a training run (${describeWorkflows(config)} on ${subject.kind === "pull_request" ? "pull_request" : "a push to the default branch"}) for ${describeSubject(subject)}`;
    warnings.push(
      `this ${what} is not evidence (${why}): its workspace's metrics do not count, so the recorded snapshot decides`
    );
  }
  const newest = training[0];
  if (!newest) {
    return {
      evidence: {
        kind: "missing",
        why: `no run of ${describeWorkflows(config)} on ${describeSubject(subject)} yet${ignoredNote}`,
        recordings: []
      },
      warnings,
      judge
    };
  }
  const ofNewest = recorded.filter((r) => r.run.id === newest.id).sort((a, b) => b.attempt - a.attempt)[0];
  const status = { run: runRef(newest), status: newest.status, conclusion: newest.conclusion };
  const settled = newest.status === "completed" || newest.status === "waiting";
  const carriedOver = newest.status === "waiting" || newest.status === "completed" && newest.conclusion === "success";
  if (!ofNewest || ofNewest.attempt < newest.attempt && !carriedOver) {
    const training2 = `training run ${newest.id} (attempt ${newest.attempt}) of ${newest.workflow}`;
    const why = !settled ? `${training2} is ${newest.status || "in progress"}` : newest.status === "waiting" || newest.conclusion === "success" ? `${training2} finished without recording a model-approval snapshot (is the Action in its training job? has the artifact expired?)` : trainingFailure(newest);
    return {
      evidence: { kind: "missing", why: `${why}${ignoredNote}`, training: status, recordings: [] },
      warnings,
      judge
    };
  }
  const loaded = await loadSnapshot(ports, ofNewest, subject);
  if (!loaded.ok)
    return {
      evidence: { kind: "missing", why: loaded.why, training: status, recordings: [] },
      warnings,
      judge
    };
  const measurements = measurementsOf(loaded.snapshot);
  const recordedAt = ofNewest.artifact.createdAt;
  const earlier = recorded.filter(
    (r) => r !== ofNewest && instant2(r.artifact.createdAt) <= instant2(recordedAt)
  );
  const history = await earlierRecordings(ports, subject, earlier, recordedAt, reviews);
  const run = runRef(newest, ofNewest.attempt);
  return {
    evidence: {
      kind: "present",
      origin: { kind: "recorded", run, artifact: { id: ofNewest.artifact.id, name: ofNewest.artifact.name } },
      measurements,
      recordings: [
        ...history,
        {
          recordedAt,
          key: modelKey(measurements),
          known: true,
          run,
          ...measurements.model?.digest ? { digest: measurements.model.digest } : {}
        }
      ]
    },
    warnings,
    judge
  };
}
function releasableRun(ports, subject, config, gathered) {
  const { evidence, judge: strict } = gathered;
  const loose = trainingRunJudge(ports, subject, config, false);
  return async (run) => {
    if (evidence.kind === "present") {
      const recordedBy = evidence.origin.run;
      if (!recordedBy || recordedBy.id !== run.id)
        return `run ${run.id} did not record the model this decision is about${recordedBy ? ` (run ${recordedBy.id} did)` : ""}`;
      return strict(run);
    }
    return loose(run);
  };
}

// src/github/rest/deployments.ts
var DEPLOYMENTS_LOOKED_AT = 100;

// src/github/candidate/deployed.ts
var ACTIONS_LOGIN = "github-actions[bot]";
var STATUS_READS = 20;
var byActions = (login2) => login2.toLowerCase() === ACTIONS_LOGIN;
async function deployedEvidence(ports, deployment, config, defaultBranch) {
  const repository = ports.repository;
  const onBranch = { kind: "commit", repository, commit: deployment.sha, defaultBranch };
  const first = await gatherEvidence(ports, onBranch, config, []);
  if (first.evidence.kind === "present" || !deployment.ref)
    return { evidence: first.evidence, subject: onBranch };
  const owner = repository.split("/")[0] ?? "";
  const branch = deployment.ref.replace(/^refs\/heads\//, "");
  const prs = await reading(
    `the pull requests from ${owner}:${branch}`,
    () => ports.pullRequestsFromHead(owner, branch)
  );
  for (const pr of prs.filter((p) => p.baseRef === defaultBranch).slice(0, 3)) {
    const subject = {
      kind: "pull_request",
      repository,
      commit: deployment.sha,
      number: pr.number,
      headRef: branch,
      headRepository: repository,
      defaultBranch
    };
    const gathered = await gatherEvidence(ports, subject, config, []);
    if (gathered.evidence.kind === "present") return { evidence: gathered.evidence, subject };
  }
  return { evidence: first.evidence, subject: onBranch };
}
async function deployedBaseline(ports, environment, config, defaultBranch, options = {}) {
  const deployments = await reading(
    `the deployments to ${environment}`,
    () => ports.deploymentsTo(environment)
  );
  const skipped = [];
  let reads = 0;
  let unapproved = 0;
  for (const deployment of deployments) {
    if (deployment.environment && deployment.environment !== environment) continue;
    if (!byActions(deployment.creator)) {
      skipped.push(
        `deployment ${deployment.id} was created by ${deployment.creator || "a deleted account"}, not GitHub Actions`
      );
      continue;
    }
    if (reads++ >= STATUS_READS) break;
    const statuses = await reading(
      `the statuses of deployment ${deployment.id}`,
      () => ports.deploymentStatuses(deployment.id)
    );
    const latest = statuses.find((s) => byActions(s.creator));
    if (latest?.state !== "success") continue;
    const what = `deployment ${deployment.id} of ${shortSha(deployment.sha)} to ${environment}`;
    if (options.releasedByGate) {
      const decision = await reading(
        `the ${DECISION_CHECK} check run of ${shortSha(deployment.sha)}`,
        () => ports.findOwnCheckRun(deployment.sha, DECISION_CHECK)
      );
      if (decision?.conclusion !== "success") {
        unapproved++;
        skipped.push(
          `${what} was never approved by this gate (no successful ${DECISION_CHECK} check run of its own)`
        );
        continue;
      }
    }
    const { evidence } = await deployedEvidence(ports, deployment, config, defaultBranch);
    if (evidence.kind !== "present")
      return {
        kind: "unreadable",
        environment,
        why: `${what} is live, but its metrics are not trusted evidence: ${evidence.why}`
      };
    const run = evidence.origin.run;
    return {
      kind: "found",
      environment,
      deployment: { id: deployment.id, sha: deployment.sha, createdAt: deployment.createdAt },
      ...run ? { run } : {},
      metrics: evidence.measurements.metrics
    };
  }
  const note = skipped.length > 0 ? ` (ignored: ${skipped.slice(0, 5).join("; ")})` : "";
  if (reads > STATUS_READS)
    return {
      kind: "unreadable",
      environment,
      why: `none of the ${STATUS_READS} newest deployments to ${environment} by GitHub Actions is live${note}`
    };
  if (deployments.length >= DEPLOYMENTS_LOOKED_AT)
    return {
      kind: "unreadable",
      environment,
      why: `none of the ${deployments.length} newest deployments to ${environment} is live${note}`
    };
  if (unapproved > 0)
    return {
      kind: "unreadable",
      environment,
      why: `no live deployment to ${environment} is of a commit this gate approved${note}`
    };
  return { kind: "none", environment, why: `no successful deployment to ${environment} yet${note}` };
}
async function deployedBaselines(ports, config, defaultBranch, unread, options = {}) {
  const environments = [...new Set(config.deployedBaseline.map((spec) => spec.environment))];
  if (environments.length === 0) return void 0;
  if (unread !== void 0)
    return Object.fromEntries(
      environments.map((environment) => [
        environment,
        { kind: "unreadable", environment, why: `what is deployed to ${environment} is not read: ${unread}` }
      ])
    );
  const entries2 = await Promise.all(
    environments.map(
      async (env) => [env, await deployedBaseline(ports, env, config, defaultBranch, options)]
    )
  );
  return Object.fromEntries(entries2);
}
function deployedNotes(config, live) {
  if (!live) return [];
  return config.deployedBaseline.flatMap((spec) => {
    const found = live[spec.environment];
    if (!found) return [];
    const which = spec.name !== void 0 ? `baseline ${spec.name}` : "the baseline";
    if (found.kind === "found") {
      const run = found.run ? `, recorded by training run ${found.run.id} (attempt ${found.run.attempt})` : "";
      return [
        `${which} is what is live in ${spec.environment}: deployment ${found.deployment.id} of ${shortSha(found.deployment.sha)}${run}`
      ];
    }
    const then = found.kind === "none" && spec.whenMissing === "pass" ? "when_missing: pass lets its change checks pass" : found.kind === "none" ? "its change checks fail (when_missing: fail)" : "its change checks fail";
    return [`${which}: ${found.why}; ${then}`];
  });
}

// src/github/candidate/collect.ts
var STALE_RETRIES = 3;
var STALE_BACKOFF_MS = [250, 1e3, 2e3];
var defaultSleep = (ms) => new Promise((done) => setTimeout(done, ms));
function instant3(time) {
  const parsed = time ? Date.parse(time) : NaN;
  return Number.isNaN(parsed) ? 0 : parsed;
}
async function readPullRequest(ports, number, event, sleep, configPath) {
  const what = `pull request #${number} and its reviews`;
  const wanted = event?.review;
  const staleness = ({ pullRequest: pr, reviews }) => {
    if (event?.headSha && pr.headSha !== event.headSha && instant3(pr.updatedAt) <= instant3(event.updatedAt))
      return "head";
    if (!wanted) return void 0;
    const found = reviews.find((r) => r.id === wanted.id);
    return found !== void 0 && (!wanted.dismissed || found.state === "DISMISSED") ? void 0 : "reviews";
  };
  const query = () => ports.pullRequestWithReviews(number, {
    file: configPath,
    ...event?.headRef ? { headRef: event.headRef } : {}
  });
  let read = await reading(what, query);
  for (let attempt = 0; ; attempt++) {
    const stale = staleness(read);
    if (!stale) return read;
    if (attempt >= STALE_RETRIES) {
      const error = new GateError(
        "stale_read",
        `GitHub's answer for ${stale === "head" ? `pull request #${number}` : `the reviews of #${number}`} is older than the event being handled; the next event decides`
      );
      if (stale === "head") throw error;
      return { ...read, staleReviews: error };
    }
    await sleep(STALE_BACKOFF_MS[attempt] ?? 2e3);
    read = await reading(what, query);
  }
}
async function readConfig(ports, path, defaultBranch, preview, atLeast) {
  if (defaultBranch) {
    const ref = `refs/heads/${defaultBranch}`;
    const at2 = atLeast ? await tipAtLeast(ports, defaultBranch, atLeast.commit, atLeast.sleep) : ref;
    const file2 = await reading(
      `${path} on the default branch ${defaultBranch}`,
      () => ports.getFile(path, at2)
    );
    if (file2)
      return {
        text: file2.text,
        ref,
        where: ports.configWhere ?? `the default branch ${defaultBranch}`,
        ...file2.blobSha ? { blobSha: file2.blobSha } : {}
      };
  }
  if (!preview) return null;
  const file = await reading(
    `${path} at ${shortSha(preview.commit)}`,
    () => ports.getFile(path, preview.commit)
  );
  if (!file) return null;
  const why = defaultBranch ? `the config comes from this pull request (the default branch ${defaultBranch} has none); it applies once merged` : `GitHub did not say which branch is the default, so only the pull request's own ${path} was found; it cannot be trusted`;
  return {
    text: file.text,
    ref: preview.commit,
    where: "the pull request's own copy",
    untrusted: why,
    ...file.blobSha ? { blobSha: file.blobSha } : {}
  };
}
async function tipAtLeast(ports, branch, pushed, sleep) {
  const { commitAt, compareCommits } = ports;
  if (!commitAt || !compareCommits)
    throw new GateError("read_failed", `cannot tell whether ${branch} has reached ${shortSha(pushed)} here`);
  for (let attempt = 0; ; attempt++) {
    const tip = await reading(`the tip of ${branch}`, () => commitAt(`refs/heads/${branch}`));
    if (tip === pushed) return tip;
    if (tip) {
      const { status } = await reading(
        `whether ${branch} has reached ${shortSha(pushed)}`,
        () => compareCommits(pushed, tip)
      );
      if (status === "ahead") return tip;
    }
    if (attempt >= STALE_RETRIES)
      throw new GateError(
        "stale_read",
        `GitHub's ${branch} has not reached the pushed ${shortSha(pushed)} yet, so the rules it holds may be older than the push; the next event decides`
      );
    await sleep(STALE_BACKOFF_MS[attempt] ?? 2e3);
  }
}
function candidateConfig(config, path, source) {
  return {
    config,
    origin: {
      path,
      ref: source.ref,
      where: source.where,
      ...source.blobSha ? { blobSha: source.blobSha } : {}
    },
    ...source.untrusted ? { untrusted: source.untrusted } : {}
  };
}
async function readTeams(ports, config, options) {
  const teams = [
    ...new Set(
      config.steps.flatMap(
        (step2) => step2.type === "approval" ? [...step2.teams, ...step2.overrideBy.teams, ...step2.timeout?.escalateTo.teams ?? []] : []
      )
    )
  ];
  const unreadable = {};
  const entries2 = await Promise.all(
    teams.map(async (team) => {
      const [org = "", slug = ""] = team.split("/");
      try {
        return [team, await ports.listTeamMembers(org, slug)];
      } catch (error) {
        if (!isNotFound(error) && !isForbidden(error)) throw error;
        unreadable[team] = options.unreadableTeam ?? `its membership could not be read (${describeError(error)}), so its members' reviews do not count`;
        return [team, []];
      }
    })
  );
  return {
    teamMembers: Object.fromEntries(entries2),
    ...Object.keys(unreadable).length > 0 ? { unreadableTeams: unreadable } : {}
  };
}
function overrideClaimsInSubmittedReview(reviews, submitted) {
  if (!submitted?.submittedBody) return [];
  const review = reviews.find((r) => r.id === submitted.id);
  if (!review || review.state === "DISMISSED" || review.state === "PENDING") return [];
  const claim = overrideClaimInReview({ ...review, body: submitted.submittedBody });
  return claim ? [claim] : [];
}
async function collectForPullRequest(ports, subject, options) {
  const sleep = options.sleep ?? defaultSleep;
  const warnings = [];
  const repository = ports.repository;
  let read;
  try {
    read = await readPullRequest(ports, subject.number, subject.event, sleep, options.configPath);
  } catch (error) {
    const partial = error instanceof ReviewsUnread ? error : error.cause;
    if (partial instanceof ReviewsUnread)
      return {
        kind: "failed",
        repository,
        commit: subject.commit ?? partial.pullRequest.headSha,
        pullRequest: partial.pullRequest,
        failure: failureOf(error),
        warnings
      };
    const known = subject.commit ?? subject.event?.headSha ?? subject.event?.seenHead;
    if (!known || error instanceof GateError && error.code === "stale_read") throw error;
    return { kind: "failed", repository, commit: known, failure: failureOf(error), warnings };
  }
  const { pullRequest: pr, reviews } = read;
  const commit = subject.commit ?? pr.headSha;
  if (read.staleReviews)
    return {
      kind: "failed",
      repository,
      commit,
      pullRequest: pr,
      failure: failureOf(read.staleReviews),
      warnings
    };
  try {
    return await collectAround(ports, subject, options, pr, reviews, commit, warnings);
  } catch (error) {
    return { kind: "failed", repository, commit, pullRequest: pr, failure: failureOf(error), warnings };
  }
}
async function collectAround(ports, subject, options, pr, reviews, commit, warnings) {
  const repository = ports.repository;
  const pushed = subject.event?.defaultBranchAtLeast;
  const found = await readConfig(
    ports,
    options.configPath,
    pr.defaultBranch,
    { commit },
    pushed ? { commit: pushed, sleep: options.sleep ?? defaultSleep } : void 0
  );
  const otherBase = pr.defaultBranch && pr.baseRef !== pr.defaultBranch ? `this pull request targets ${pr.baseRef}, not the default branch ${pr.defaultBranch}: its runs build ${pr.baseRef}'s workflows and code, which whoever can push ${pr.baseRef} may have changed, so ${options.configPath} on ${pr.defaultBranch} decides what it would need, and nothing on it is approved` : void 0;
  const source = found && otherBase && !found.untrusted ? { ...found, untrusted: otherBase } : found;
  if (!source)
    return {
      kind: "no-config",
      repository,
      commit,
      pullRequest: pr,
      where: pr.defaultBranch || pr.baseRef,
      warnings
    };
  if (source.untrusted) warnings.push(source.untrusted);
  const fromFork = pr.headRepoFullName === null || pr.headRepoFullName.toLowerCase() !== repository.toLowerCase();
  const early = {
    files: started(
      reading(`the files changed by ${shortSha(commit)}`, () => ports.changedFiles(pr.baseSha, commit))
    ),
    // A fork's pushes are not in this repository's activity: its author is the one who pushes.
    push: fromFork ? Promise.resolve(void 0) : started(reading(`who pushed ${shortSha(commit)}`, () => ports.pushOf(pr.headRef, commit))),
    runs: started(listRuns(ports, commit))
  };
  const parsed = parsedConfig(source.text, options.configPath, !found?.untrusted);
  if (!parsed.ok) {
    await Promise.allSettled(Object.values(early));
    return {
      kind: "invalid-config",
      repository,
      commit,
      pullRequest: pr,
      diagnostics: parsed.diagnostics,
      warnings
    };
  }
  const config = parsed.config;
  const overridable = config.steps.some(
    (s) => s.type === "approval" && s.overrideBy.users.length + s.overrideBy.teams.length > 0
  );
  const evidenceSubject = {
    kind: "pull_request",
    repository,
    commit,
    number: pr.number,
    headRef: pr.headRef,
    headRepository: pr.headRepoFullName,
    defaultBranch: pr.defaultBranch
  };
  const measuring = options.measuring?.(config, { baseSha: pr.baseSha, baseRef: pr.baseRef });
  const [files, push, teams, comments, recorded, gathered, live] = await allFinished([
    early.files,
    early.push,
    readTeams(ports, config, options),
    // Overrides are read only where the rules allow them: no override_by costs no API call.
    overridable ? reading(`the comments on #${pr.number}`, () => ports.listComments(pr.number)) : Promise.resolve([]),
    overridable && options.recordedOverrides ? options.recordedOverrides(pr.number) : Promise.resolve([]),
    gatherEvidence(ports, evidenceSubject, config, reviews, measuring, early.runs),
    deployedBaselines(ports, config, pr.defaultBranch, options.deploymentsUnread, {
      releasedByGate: options.deployedReleasedByGate === true
    })
  ]);
  const pusher = push?.pusher;
  const overrides = overridable ? [
    ...overrideClaimsInComments(comments),
    ...overrideClaimsInSubmittedReview(reviews, subject.event?.review),
    ...recorded
  ] : [];
  warnings.push(...gathered.warnings, ...deployedNotes(config, live));
  const candidatePr = {
    number: pr.number,
    author: pr.author,
    state: pr.state,
    headSha: pr.headSha,
    baseRef: pr.baseRef,
    baseSha: pr.baseSha,
    ...pusher ? { pusher } : {},
    ...push?.at ? { pushedAt: push.at } : {},
    changedFiles: files,
    reviews
  };
  return {
    kind: "candidate",
    repository,
    commit,
    candidate: {
      repository,
      commit,
      pr: candidatePr,
      ...teams,
      ...ports.serverUrl ? { serverUrl: ports.serverUrl } : {},
      config: candidateConfig(config, options.configPath, source),
      evidence: gathered.evidence,
      ...live ? { deployedBaselines: live } : {},
      ...options.now ? { decidedAt: options.now().toISOString() } : {},
      ...overrides.length > 0 ? { overrides } : {}
    },
    pullRequest: pr,
    ...gathered.measured ? { measured: gathered.measured } : {},
    releasable: releasableRun(ports, evidenceSubject, config, gathered),
    runs: gathered.runs,
    warnings
  };
}
async function collectForCommit(ports, subject, options) {
  const warnings = [];
  try {
    return await collectCommitCandidate(ports, subject, options, warnings);
  } catch (error) {
    return {
      kind: "failed",
      repository: ports.repository,
      commit: subject.sha,
      failure: failureOf(error),
      warnings
    };
  }
}
async function collectCommitCandidate(ports, subject, options, warnings) {
  const repository = ports.repository;
  const commit = subject.sha;
  const branch = subject.defaultBranch;
  const source = branch ? await readConfig(ports, options.configPath, branch, void 0) : null;
  if (!source)
    return { kind: "no-config", repository, commit, where: branch || "(unknown default branch)", warnings };
  const early = {
    // "On the default branch" is a fact about the commit, not the spelling of a ref (a tag can be named main).
    contains: started(
      reading(`whether ${branch} contains ${shortSha(commit)}`, () => ports.branchContains(branch, commit))
    ),
    runs: started(listRuns(ports, commit))
  };
  const parsed = parsedConfig(source.text, options.configPath, !source.untrusted);
  if (!parsed.ok) {
    await Promise.allSettled(Object.values(early));
    return { kind: "invalid-config", repository, commit, diagnostics: parsed.diagnostics, warnings };
  }
  const config = parsed.config;
  const measuring = options.measuring?.(config, {});
  const [contains, teams, gathered, live] = await allFinished([
    early.contains,
    readTeams(ports, config, options),
    gatherEvidence(
      ports,
      { kind: "commit", repository, commit, defaultBranch: branch },
      config,
      [],
      measuring,
      early.runs
    ),
    deployedBaselines(ports, config, branch, options.deploymentsUnread, {
      releasedByGate: options.deployedReleasedByGate === true
    })
  ]);
  warnings.push(...gathered.warnings, ...deployedNotes(config, live));
  const commitSubject = { kind: "commit", repository, commit, defaultBranch: branch };
  return {
    kind: "candidate",
    repository,
    commit,
    releasable: releasableRun(ports, commitSubject, config, gathered),
    runs: gathered.runs,
    candidate: {
      repository,
      commit,
      defaultBranch: { name: branch, contains },
      ...teams,
      ...ports.serverUrl ? { serverUrl: ports.serverUrl } : {},
      config: candidateConfig(config, options.configPath, source),
      evidence: gathered.evidence,
      ...live ? { deployedBaselines: live } : {}
    },
    ...gathered.measured ? { measured: gathered.measured } : {},
    warnings
  };
}
function collectCandidate(ports, subject, options) {
  return subject.kind === "pull_request" ? collectForPullRequest(ports, subject, options) : collectForCommit(ports, subject, options);
}

// src/github/candidate/decision.ts
function decisionFor(collected) {
  if (collected.kind === "candidate") return withNotes(decide(collected.candidate), collected.warnings);
  const subject = {
    repository: collected.repository,
    commit: collected.commit,
    ...collected.pullRequest ? { pr: collected.pullRequest.number } : {}
  };
  const result = collected.kind === "failed" ? failureResult(collected.failure, subject) : configErrorResult(collected.diagnostics, subject);
  return withNotes(result, collected.warnings);
}
function withNotes(result, warnings) {
  return warnings.length > 0 ? { ...result, notes: [...result.notes ?? [], ...warnings] } : result;
}

// src/core/report/format.ts
var DECISION_WORD = {
  approved: "APPROVED",
  pending: "PENDING",
  rejected: "REJECTED",
  error: "ERROR"
};
var SYMBOL = {
  passed: "\u2713",
  approved: "\u2713",
  auto_approved: "\u2713",
  ready: "\u2713",
  warned: "!",
  needs_approval: "\u2026",
  pending: "\u2026",
  blocked: "\u2026",
  failed: "\u2717",
  rejected: "\u2717",
  timed_out: "\u2717",
  overridden: "!",
  error: "\u2717"
};
function statusSymbol(status) {
  return SYMBOL[status];
}
function statusWord(status) {
  return status.replace("_", " ");
}
function headline(result) {
  const word = DECISION_WORD[result.decision];
  const qualifier = result.decision === "approved" && result.override ? ` (OVERRIDDEN by ${result.override.by})` : result.decision === "approved" && result.autoApproved ? " (auto-approved)" : result.decision === "rejected" && !result.failPipeline ? " (blocked)" : "";
  return `${word}${qualifier}`;
}
function rowValue(row2) {
  if (row2.value === void 0) return "\u2014";
  const value = formatValueAgainst(row2.value, row2.threshold);
  return row2.interval ? `${value} ${formatInterval(row2.interval)}` : value;
}
function signed2(delta) {
  const sign = delta > 0 ? "+" : delta < 0 ? "" : "\xB1";
  return `${sign}${formatNumber(delta)}`;
}
function change(row2) {
  if (row2.delta === void 0 || row2.baseline === void 0) return "\u2014";
  const plain = `${signed2(row2.delta)} (baseline ${formatBound(row2.baseline)})`;
  const judged = row2.change;
  if (!judged) return plain;
  const what = judged.kind === "ratio" ? "ratio" : "\u0394";
  const margin = judged.kind === "ratio" ? formatNumber(judged.margin) : signed2(judged.margin);
  return `${plain}, ${what} ${formatInterval(judged.interval)} vs ${margin}`;
}
function conditionOf(row2) {
  const parsed = parseCondition(row2.condition);
  return parsed.ok ? parsed.condition : void 0;
}
function direction(row2) {
  const op = conditionOf(row2)?.op;
  if (op === ">" || op === ">=") return "higher";
  if (op === "<" || op === "<=") return "lower";
  return void 0;
}
function computedBound(row2) {
  const condition = conditionOf(row2);
  if (!condition || condition.value.kind !== "baseline" || row2.threshold === void 0) return void 0;
  return `${condition.op} ${formatBound(row2.threshold)}`;
}
function shortDigest(digest) {
  return digest ? `sha256:${digest.slice(0, 12)}` : void 0;
}
function shortCommit(sha) {
  return sha ? sha.slice(0, 7) : "unknown";
}
function evidenceLine(result) {
  const evidence = result.candidate?.evidence;
  if (!evidence) return void 0;
  if (evidence.kind === "missing") return `none yet (${evidence.where})`;
  const run = evidence.run;
  return run ? `training run ${run.id} (attempt ${run.attempt}) of ${run.workflow} on ${run.event}` : evidence.where;
}
function configLine(result) {
  const config = result.candidate?.config;
  if (!config) return void 0;
  const blob = config.blobSha ? ` (blob ${config.blobSha.slice(0, 7)})` : "";
  return `${config.path} from ${config.where}${blob}${config.trusted ? "" : ", not trusted to approve"}`;
}
function approvalLines(result) {
  const lines = [];
  const walk = (step2, reasons) => {
    for (const reason of reasons) {
      if (reason.kind === "approver" && reason.data) {
        const d = reason.data;
        lines.push({
          step: step2,
          login: String(d.login),
          state: String(d.state),
          commit: typeof d.commit === "string" ? d.commit : "",
          counted: d.counted === true,
          ...typeof d.model === "string" ? { model: d.model } : {},
          ...typeof d.why === "string" ? { why: d.why } : {},
          ...typeof d.body === "string" ? { body: d.body } : {}
        });
      }
      if (reason.children) walk(step2, reason.children);
    }
  };
  for (const step2 of result.steps) if (step2.type === "approval") walk(step2.name, step2.reasons);
  return lines;
}
function isAutoApproval(result, row2) {
  return result.steps.some((s) => s.type === "approval" && s.name === row2.step);
}
function rowVerdict(result, row2) {
  if (isAutoApproval(result, row2)) return { ok: row2.passed, word: row2.passed ? "met" : "not reached" };
  if (row2.inconclusive) return { ok: false, word: "inconclusive" };
  return { ok: row2.passed, word: row2.passed ? "pass" : "FAIL" };
}
function pendingReasons(step2) {
  return step2.reasons.filter((r) => r.outcome === "pending").flatMap((r) => [r, ...(r.children ?? []).filter((c) => c.kind === "rule" && c.outcome === "pending")]);
}

// src/core/report/predictions.ts
var DEFAULT_METRICS = {
  binary: ["accuracy", "f1", "roc_auc", "log_loss"],
  multiclass: ["accuracy", "f1_macro", "roc_auc_ovr_macro", "log_loss"],
  regression: ["mae", "rmse", "r2"]
};
var MAX_COLUMNS = 5;
function columnsOf(report, rows) {
  const known = Object.keys(report.cells[0].metrics);
  const named = rows.filter((row2) => row2.source === report.source).map((row2) => /(?:^|[.\]:\s])([a-z0-9_]+)\s*(?:[<>=!]=?)/.exec(row2.condition)?.[1]).filter((name) => name !== void 0 && known.includes(name));
  return [.../* @__PURE__ */ new Set([...named, ...DEFAULT_METRICS[report.task]])].filter((m) => known.includes(m)).slice(0, MAX_COLUMNS);
}
function valueCell(cell3, metric) {
  const value = cell3.metrics[metric];
  if (value === null || value === void 0) return "undefined";
  const shown = `${formatNumber(value)} ${formatInterval(cell3.intervals[metric])}`;
  const change2 = cell3.comparison?.difference[metric];
  const base = cell3.comparison?.baseline[metric];
  if (!cell3.comparison || base === null || base === void 0) return shown;
  return `${shown}; \u0394 ${signed2(value - base)} ${formatInterval(change2)}`;
}
function describe(report) {
  const b = report.bootstrap;
  const task = report.task === "binary" ? `binary, threshold ${report.threshold}` : report.task;
  const paired = report.paired ? `; \u0394 is against ${report.paired.file}, paired by id` : "";
  return `${report.source} (${report.file}): ${report.rows} examples, ${task}; ${Math.round(b.confidence * 100)}% intervals from ${b.resamples} Poisson bootstrap resamples (seed ${b.seed})${paired}`;
}
function predictionsTables(reports, rows) {
  return reports.map((report) => {
    const metrics = columnsOf(report, rows);
    return {
      title: describe(report),
      header: ["Slice", "Examples", ...metrics],
      rows: report.cells.map((cell3) => {
        const name = cell3.slice ? `${cell3.slice.column}=${quoteValue(cell3.slice.value)}` : "all";
        if (!cell3.judged)
          return [
            name,
            String(cell3.count),
            `not judged: fewer than ${report.minSliceCount} examples`,
            ...metrics.slice(1).map(() => "")
          ];
        return [name, String(cell3.count), ...metrics.map((m) => valueCell(cell3, m))];
      })
    };
  });
}

// src/core/report/mermaid.ts
var CLASS_OF = {
  passed: "ok",
  approved: "ok",
  auto_approved: "ok",
  ready: "ok",
  warned: "warn",
  needs_approval: "wait",
  pending: "wait",
  blocked: "wait",
  failed: "bad",
  rejected: "bad",
  timed_out: "bad",
  overridden: "warn",
  error: "bad"
};
var CLASS_DEFS = [
  "classDef ok fill:#d4edda,stroke:#28a745,color:#155724",
  "classDef warn fill:#fff3cd,stroke:#d39e00,color:#856404",
  "classDef wait fill:#e2e3e5,stroke:#6c757d,color:#383d41",
  "classDef bad fill:#f8d7da,stroke:#dc3545,color:#721c24"
];
function label(text2) {
  return text2.replace(/["<>#&`]/g, (c) => `#${c.charCodeAt(0)};`);
}
function renderMermaid(result) {
  const lines = ["flowchart LR"];
  result.steps.forEach((step2, i) => {
    lines.push(
      `  s${i}["${label(step2.name)}<br/>${label(step2.status.replace("_", " "))}"]:::${CLASS_OF[step2.status]}`
    );
  });
  for (let i = 1; i < result.steps.length; i++) lines.push(`  s${i - 1} --> s${i}`);
  lines.push(...CLASS_DEFS.map((def) => `  ${def}`));
  return lines.join("\n");
}

// src/core/report/markdown.ts
var COMMENT_MARKER = "<!-- model-approval:comment -->";
var QUOTE_LENGTH = 280;
function cell2(text2) {
  return text2.replace(/\r?\n/g, " ").replace(/[\\`[\]<>|]/g, "\\$&").replace(/@/g, "@\u200B");
}
function inertQuote(text2, max = QUOTE_LENGTH) {
  const flat = text2.replace(/\s+/g, " ").trim();
  const chars = [...flat];
  const cut = chars.length > max ? `${chars.slice(0, max - 1).join("").trimEnd()}\u2026` : flat;
  return cut.replace(/[\\`*_{}[\]()<>#+\-.!|~&=:]/g, "\\$&").replace(/@/g, "@\u200B").replace(/#/g, "#\u200B").replace(/\\:\/\//g, "\\:\u200B//").replace(/www\\\./gi, (m) => `${m.slice(0, 3)}\u200B${m.slice(3)}`);
}
function noted(source) {
  return source.note ? ` (${cell2(source.note)})` : "";
}
function code(text2) {
  return `\`${text2.replace(/`/g, "'")}\``;
}
function codeCell(text2) {
  return code(text2).replace(/\|/g, "\\|");
}
function limited(items, max) {
  return { shown: items.slice(0, max), omitted: Math.max(0, items.length - max) };
}
var Links = class _Links {
  base;
  constructor(result) {
    const server = result.candidate?.serverUrl;
    const repository = result.candidate?.repository;
    if (server && repository && /^https?:\/\/[^\s()<>"'`]+$/.test(server) && /^[\w.-]+\/[\w.-]+$/.test(repository))
      this.base = `${server.replace(/\/+$/, "")}/${repository}`;
  }
  static path(path) {
    const clean = path.replace(/^\.\//, "");
    if (clean === "" || clean.startsWith("/") || clean.split("/").includes("..") || /[\r\n]/.test(clean))
      return void 0;
    return clean.split("/").map(
      (segment) => encodeURIComponent(segment).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16)}`)
    ).join("/");
  }
  run(run) {
    return this.base && run ? `${this.base}/actions/runs/${run.id}/attempts/${run.attempt}` : void 0;
  }
  commit(sha) {
    return this.base && sha && /^[0-9a-f]{40}$/.test(sha) ? `${this.base}/commit/${sha}` : void 0;
  }
  /** A file at a commit (or a ref when no commit is known). */
  blob(at2, path) {
    const file = _Links.path(path);
    if (!this.base || !at2 || !file) return void 0;
    const ref = /^[0-9a-f]{40}$/.test(at2) ? at2 : _Links.path(at2);
    return ref ? `${this.base}/blob/${ref}/${file}` : void 0;
  }
};
function linked(text2, url) {
  return url ? `[${text2}](${url})` : text2;
}
var ARROW = { higher: "\u2191", lower: "\u2193" };
function metricsSection(result, maxRows) {
  const rows = result.metrics;
  if (rows.length === 0) return [];
  const { shown, omitted } = limited(rows, maxRows);
  const lines = [
    "### Metrics",
    "",
    "| Metric | Value | Condition | Result | Change vs baseline |",
    "| --- | --- | --- | --- | --- |",
    ...shown.map((row2) => {
      const better = direction(row2);
      const metric = `${cell2(row2.metric)}${better ? ` ${ARROW[better]}` : ""}`;
      const bound = computedBound(row2);
      const why = row2.value === void 0 || row2.threshold === void 0 ? row2.reason : void 0;
      let verdict2;
      if (isAutoApproval(result, row2))
        verdict2 = row2.passed ? `\u2713 met${bound ? ` (${bound})` : ""}` : `\u2013 auto-approval not reached${bound ? `: needs ${bound}` : why ? `: ${why}` : ""}`;
      else if (row2.inconclusive)
        verdict2 = `\u25D0 inconclusive: a human decides (${row2.reason ?? "within noise"})`;
      else
        verdict2 = row2.passed ? `\u2713 pass${bound ? ` (${bound})` : ""}` : `\u2717 fail${bound ? `: needs ${bound}` : why ? `: ${why}` : ""}`;
      return `| ${metric} | ${rowValue(row2)} | ${codeCell(row2.condition)} (${cell2(row2.step)}) | ${cell2(verdict2)} | ${cell2(change(row2))} |`;
    })
  ];
  if (omitted > 0) lines.push("", `_\u2026and ${omitted} more metric rows (see the JSON report)._`);
  const arrows = new Set(shown.map(direction));
  const legend = [
    ...arrows.has("higher") ? ["\u2191 higher is better"] : [],
    ...arrows.has("lower") ? ["\u2193 lower is better"] : []
  ];
  if (legend.length > 0) lines.push("", `<sub>${legend.join(", ")}, as the conditions say.</sub>`);
  return [...lines, ""];
}
function predictionsSection(result, maxRows) {
  const tables = predictionsTables(result.predictions ?? [], result.metrics);
  return tables.flatMap((table) => {
    const { shown, omitted } = limited(table.rows, Math.max(maxRows, 1));
    return [
      `<details><summary>Computed from predictions: ${cell2(table.title)}</summary>`,
      "",
      `| ${table.header.map(cell2).join(" | ")} |`,
      `| ${table.header.map(() => "---").join(" | ")} |`,
      ...shown.map((row2) => `| ${row2.map(cell2).join(" | ")} |`),
      ...omitted > 0 ? ["", `_\u2026and ${omitted} more slices (see the JSON report)._`] : [],
      "",
      "</details>",
      ""
    ];
  });
}
function allMetricsSection(result, maxRows) {
  const all = result.allMetrics ?? [];
  if (all.length === 0) return [];
  const { shown, omitted } = limited(all, maxRows);
  const sources3 = new Set(all.map((m) => m.source)).size;
  const withBaseline = all.some((m) => m.baseline !== void 0);
  const head = [
    ...sources3 > 1 ? ["Source"] : [],
    "Metric",
    "Value",
    ...withBaseline ? ["Baseline", "Change"] : []
  ];
  const lines = [
    `<details><summary>All metrics the files hold (${all.length})</summary>`,
    "",
    `| ${head.join(" | ")} |`,
    `| ${head.map(() => "---").join(" | ")} |`,
    ...shown.map((m) => {
      const cells = [
        ...sources3 > 1 ? [cell2(m.source)] : [],
        cell2(m.key),
        formatBound(m.value),
        ...withBaseline ? [
          m.baseline === void 0 ? "\u2014" : formatBound(m.baseline),
          m.delta === void 0 ? "\u2014" : signed2(m.delta)
        ] : []
      ];
      return `| ${cells.join(" | ")} |`;
    })
  ];
  if (omitted > 0) lines.push("", `_\u2026and ${omitted} more (see the JSON report)._`);
  return [...lines, "", "</details>", ""];
}
function stepDetail(step2, pending) {
  const rule4 = (name) => step2.reasons.find((r) => r.data?.rule === name);
  if (pending && (step2.status === "pending" || step2.status === "needs_approval")) return "see Still needed";
  switch (step2.type) {
    case "test": {
      const checks = step2.reasons.filter((r) => r.kind === "check").length;
      const summary = step2.reasons.find((r) => String(r.data?.rule ?? "").startsWith("on_fail:"));
      if (summary) return summary.message;
      return checks === 1 ? "its check holds" : `all ${checks} checks hold`;
    }
    case "approval": {
      const verdict2 = step2.reasons[0];
      const data = verdict2?.data ?? {};
      if (step2.status === "auto_approved") return "every auto_approve_if condition holds";
      if (step2.status === "approved" && typeof data.approvals === "number")
        return `${data.approvals} of ${String(data.required)} approvals (see Reviews)`;
      if (step2.status === "rejected") return "changes requested (see Reviews)";
      if (step2.status === "timed_out" || step2.status === "overridden") return verdict2?.message ?? "";
      return (rule4("approvals-missing") ?? verdict2)?.message ?? "";
    }
    default: {
      const top = step2.reasons.find((r) => r.outcome !== "info") ?? step2.reasons[0];
      return top?.message ?? "";
    }
  }
}
function worthARow(step2) {
  return !(step2.type === "training" && step2.status === "passed");
}
function stepsSection(result, pending) {
  const steps = result.steps.filter(worthARow);
  if (steps.length === 0) return [];
  return [
    "### Steps",
    "",
    "| Step | Type | Status | Details |",
    "| --- | --- | --- | --- |",
    ...steps.map(
      (s) => `| ${cell2(s.name)} | ${s.type} | ${statusSymbol(s.status)} ${statusWord(s.status)} | ${cell2(stepDetail(s, pending))} |`
    ),
    ""
  ];
}
function onModel(line) {
  const key = shortKey(line.model);
  return key ? ` (model ${code(key)})` : "";
}
function approvalsSection(lines, maxRows) {
  if (lines.length === 0) return [];
  const counted = lines.filter((l) => l.counted);
  const others = limited(
    lines.filter((l) => !l.counted),
    maxRows
  );
  const out = ["### Reviews", ""];
  for (const l of counted) {
    const verb = l.state === "APPROVED" ? "approved" : "requested changes on";
    out.push(
      `- ${cell2(l.login)} ${verb} commit ${code(shortCommit(l.commit))}${onModel(l)} \u2014 ${cell2(l.step)}`
    );
    if (l.body) out.push(`  > ${inertQuote(l.body)}`);
  }
  if (counted.length === 0) out.push("- no review counts yet");
  if (others.shown.length > 0) {
    out.push("", "<details><summary>Reviews that do not count</summary>", "");
    for (const l of others.shown)
      out.push(
        `- ${cell2(l.login)} ${l.state} on ${code(shortCommit(l.commit))}${onModel(l)}: ${cell2(l.why ?? "not counted")}`
      );
    if (others.omitted > 0) out.push(`- \u2026and ${others.omitted} more`);
    out.push("", "</details>");
  }
  return [...out, ""];
}
function mention(logins) {
  const at2 = logins.map((a) => `@${a}`);
  return at2.length <= 1 ? at2[0] ?? "" : `${at2.slice(0, -1).join(", ")} or ${at2.at(-1)}`;
}
function autoApprovalLine(step2) {
  const auto = step2.reasons.find((r) => r.data?.rule === "auto-approve" && r.outcome === "pending");
  if (!auto) return void 0;
  const unmet = Array.isArray(auto.data?.unmet) ? auto.data.unmet : [];
  if (unmet.length > 0) return `auto-approval not reached: ${unmet.map(code).join(", ")}`;
  const blockers = (auto.children ?? []).filter((c) => c.kind === "rule" && c.outcome !== "pass");
  if (blockers.length > 0)
    return `auto-approval not allowed: ${cell2(blockers.map((b) => b.message).join("; "))}`;
  return cell2(auto.message);
}
function approvalNeeded(step2, missing) {
  const d = missing.data ?? {};
  const from = Array.isArray(d.from) ? d.from : [];
  const count = typeof d.missing === "number" ? d.missing : 1;
  const commit = typeof d.commit === "string" ? ` on ${code(shortCommit(d.commit))}` : "";
  const so = typeof d.approvals === "number" ? ` (${d.approvals} of ${String(d.required)} so far)` : "";
  const who = from.length > 0 ? `, from ${mention(from)}` : ": none of the listed approvers can give one here";
  const lines = [
    `- **${cell2(step2.name)}**: ${count} more approving review${count === 1 ? "" : "s"}${commit}${so}${who}`
  ];
  const auto = autoApprovalLine(step2);
  if (auto) lines.push(`  - ${auto}`);
  for (const r of step2.reasons)
    if (r.data?.rule === "team-unreadable" || r.outcome === "pending" && r !== missing && r.data?.rule !== "auto-approve")
      lines.push(`  - ${cell2(r.message)}`);
  return lines;
}
function overrideLines(result) {
  const override = result.override;
  if (!override) return [];
  const where = override.source.url ? ` ([${override.source.kind}](${override.source.url}))` : "";
  return [
    `**Break-glass override** by ${cell2(override.by)} at ${cell2(override.at)}${where}, outside the rules:`,
    "",
    `> ${inertQuote(override.reason)}`,
    ""
  ];
}
function neededLines(result) {
  if (result.decision !== "pending") return [];
  const out = [];
  for (const step2 of result.steps) {
    if (step2.status !== "pending" && step2.status !== "needs_approval") continue;
    const missing = step2.reasons.find((r) => r.data?.rule === "approvals-missing");
    if (step2.type === "approval" && missing) {
      out.push(...approvalNeeded(step2, missing));
      continue;
    }
    const auto = step2.type === "approval" ? autoApprovalLine(step2) : void 0;
    const item = (text2) => out.push(`- **${cell2(step2.name)}**: ${text2}`);
    for (const reason of step2.reasons) {
      if (reason.data?.rule === "auto-approve" && auto) item(auto);
      else if (reason.outcome === "pending")
        for (const r of pendingReasons({ ...step2, reasons: [reason] })) item(cell2(r.message));
      else if (reason.data?.rule === "team-unreadable") item(cell2(reason.message));
    }
  }
  return out;
}
function diagnosticsSection(result, maxRows) {
  if (result.diagnostics.length === 0) return [];
  const { shown, omitted } = limited(result.diagnostics, maxRows);
  const out = ["### Config problems", "", "```"];
  out.push(...shown.map((d) => formatDiagnostic(d).replace(/```/g, "'''")));
  if (omitted > 0) out.push(`\u2026and ${omitted} more`);
  return [...out, "```", ""];
}
function notesSection(result) {
  const notes = result.notes ?? [];
  if (notes.length === 0) return [];
  return ["### Notes", "", ...notes.map((note) => `- ${cell2(note)}`), ""];
}
function provenance(result, links) {
  const lines = [];
  const evidence = result.candidate?.evidence;
  const run = evidence?.kind === "missing" ? void 0 : evidence?.run;
  if (run && links.run(run))
    lines.push(
      `**Evidence** ${linked(`training run ${run.id} (attempt ${run.attempt})`, links.run(run))} of ${cell2(run.workflow)} on ${cell2(run.event)}`
    );
  else if (evidenceLine(result)) lines.push(`**Evidence** ${cell2(evidenceLine(result))}`);
  const sources3 = result.candidate?.sources ?? [];
  const commit = result.candidate?.commit;
  const metrics = sources3.filter((s) => s.kind === "metrics");
  if (metrics.length > 0)
    lines.push(
      `**Metrics** ${metrics.map((s) => `${cell2(s.name)}: ${linked(cell2(s.file), links.blob(commit, s.file))}${noted(s)}`).join(", ")}`
    );
  const baseline = sources3.filter((s) => s.kind === "baseline");
  if (baseline.length > 0)
    lines.push(
      `**Baseline** ${baseline.map((s) => {
        const at2 = s.commit ?? s.ref;
        const file = linked(cell2(s.file), links.blob(at2, s.file));
        const where = s.ref ? ` at ${cell2(s.ref)}${s.commit ? ` (${linked(code(shortCommit(s.commit)), links.commit(s.commit))})` : ""}` : "";
        return `${cell2(s.name)}: ${file}${where}${noted(s)}`;
      }).join(", ")}`
    );
  if (configLine(result)) lines.push(`**Rules** ${cell2(configLine(result))}`);
  return lines;
}
function render(result, maxRows, marker) {
  const links = new Links(result);
  const digest = shortDigest(result.model?.digest);
  const facts = [
    result.model?.name ? `**Model** ${cell2(result.model.name)}` : void 0,
    digest ? `**Digest** ${code(digest)}` : void 0,
    result.headSha ? `**Commit** ${linked(code(shortCommit(result.headSha)), links.commit(result.headSha))}` : void 0,
    result.pr !== void 0 ? `**PR** #${result.pr}` : void 0
  ].filter((f) => f !== void 0);
  const origin = provenance(result, links);
  const needed = neededLines(result);
  const lead = needed.length > 0 ? ["### Still needed", "", ...needed] : [`> ${cell2(result.summary)}`];
  const lines = [
    ...marker ? [COMMENT_MARKER] : [],
    `## model-approval: ${headline(result)}`,
    "",
    ...lead,
    "",
    ...overrideLines(result),
    ...facts.length ? [facts.join(" \xB7 "), ""] : [],
    ...origin.length ? [origin.join("  \n"), ""] : [],
    ...diagnosticsSection(result, maxRows),
    ...metricsSection(result, maxRows),
    ...predictionsSection(result, maxRows),
    ...allMetricsSection(result, maxRows),
    ...stepsSection(result, needed.length > 0),
    ...approvalsSection(approvalLines(result), maxRows),
    ...notesSection(result),
    ...result.steps.length ? ["```mermaid", renderMermaid(result), "```", ""] : []
  ];
  return lines.join("\n");
}
function renderMarkdown(result, options = {}) {
  const limit = options.maxLength ?? GITHUB_LIMITS.commentBody;
  const marker = options.marker ?? true;
  let maxRows = Math.max(
    result.metrics.length,
    result.diagnostics.length,
    approvalLines(result).length,
    result.allMetrics?.length ?? 0,
    1
  );
  for (; ; ) {
    const text2 = render(result, maxRows, marker);
    if (text2.length <= limit) return text2;
    if (maxRows === 0) {
      const note = "\n\n_\u2026report truncated to fit GitHub's size limit._";
      return text2.slice(0, Math.max(0, limit - note.length)) + note;
    }
    maxRows = Math.floor(maxRows / 2);
  }
}

// src/core/report/text.ts
var MARK = { pass: "\u2713", fail: "\u2717", pending: "\u2026", info: "-" };
function quoted(body, max = 280) {
  const flat = body.replace(/\s+/g, " ").trim();
  const chars = [...flat];
  return `"${chars.length > max ? `${chars.slice(0, max - 1).join("").trimEnd()}\u2026` : flat}"`;
}
function reasonLines(reasons, depth) {
  return reasons.flatMap((r) => [
    `${"  ".repeat(depth)}${MARK[r.outcome]} ${r.message}`,
    ...typeof r.data?.body === "string" ? [`${"  ".repeat(depth + 1)}${quoted(r.data.body)}`] : [],
    ...reasonLines(r.children ?? [], depth + 1)
  ]);
}
function renderText(result) {
  const lines = [`model-approval: ${headline(result)} \u2014 ${result.summary}`];
  const digest = shortDigest(result.model?.digest);
  if (result.model?.name || digest)
    lines.push(`model: ${[result.model?.name, digest].filter(Boolean).join(" ")}`);
  if (result.headSha)
    lines.push(`commit: ${result.headSha}${result.pr !== void 0 ? ` (PR #${result.pr})` : ""}`);
  const evidence = evidenceLine(result);
  if (evidence) lines.push(`evidence: ${evidence}`);
  const rules = configLine(result);
  if (rules) lines.push(`rules: ${rules}`);
  if (result.diagnostics.length > 0) {
    lines.push("", "config problems:");
    lines.push(...result.diagnostics.map((d) => `  ${formatDiagnostic(d).replace(/\n/g, "\n  ")}`));
  }
  if (result.metrics.length > 0) {
    lines.push("", "metrics:");
    for (const row2 of result.metrics) {
      const verdict2 = rowVerdict(result, row2).word.padEnd(11);
      const bound = computedBound(row2);
      lines.push(
        `  ${verdict2} ${row2.condition}  value ${rowValue(row2)}${bound ? `  needs ${bound}` : ""}  change ${change(row2)}  [${row2.step}]`
      );
      if (row2.reason && !row2.passed && (row2.value === void 0 || row2.threshold === void 0))
        lines.push(`              ${row2.reason}`);
    }
  }
  for (const table of predictionsTables(result.predictions ?? [], result.metrics)) {
    lines.push("", `computed from predictions: ${table.title}`);
    for (const row2 of table.rows)
      lines.push(
        `  ${row2[0]} (${row2[1]} examples): ${row2.slice(2).map((v, i) => v === "" ? "" : `${table.header[i + 2]} ${v}`).filter(Boolean).join("; ")}`
      );
  }
  if (result.steps.length > 0) {
    lines.push("", "steps:");
    for (const step2 of result.steps) {
      lines.push(`  ${statusSymbol(step2.status)} ${step2.name} (${step2.type}): ${statusWord(step2.status)}`);
      lines.push(...reasonLines(step2.reasons, 2));
    }
  }
  if (result.pendingApprovers.length > 0)
    lines.push("", `waiting for: ${result.pendingApprovers.join(", ")}`);
  if (result.notes?.length) lines.push("", "notes:", ...result.notes.map((note) => `  - ${note}`));
  return lines.join("\n") + "\n";
}

// src/core/report/json.ts
var REPORT_SCHEMA_VERSION = 1;
function replacer(_key, value) {
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  return value;
}
function toJsonReport(result) {
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    decision: result.decision,
    autoApproved: result.autoApproved,
    failPipeline: result.failPipeline,
    summary: result.summary,
    steps: result.steps.map((s) => ({ name: s.name, type: s.type, status: s.status, reasons: s.reasons })),
    metrics: result.metrics,
    pendingApprovers: result.pendingApprovers,
    model: result.model ?? null,
    headSha: result.headSha ?? null,
    pr: result.pr ?? null,
    diagnostics: result.diagnostics,
    failure: result.failure ?? null,
    candidate: result.candidate ?? null,
    override: result.override ?? null,
    timing: result.timing ?? null,
    notes: result.notes ?? [],
    allMetrics: result.allMetrics ?? [],
    predictions: result.predictions ?? []
  };
}
function renderJsonReport(result) {
  return JSON.stringify(toJsonReport(result), replacer, 2) + "\n";
}

// src/node/artifacts.ts
import { createHash as createHash2 } from "node:crypto";
import { closeSync, openSync, readSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
var READ_BYTES = 4 * 1024 * 1024;
var readBuffer;
function hashFile(path) {
  readBuffer ??= Buffer.allocUnsafe(READ_BYTES);
  const hash = createHash2("sha256");
  const fd = openSync(path, "r");
  try {
    let bytes = 0;
    for (let read = readSync(fd, readBuffer, 0, READ_BYTES, null); read > 0; ) {
      hash.update(readBuffer.subarray(0, read));
      bytes += read;
      read = readSync(fd, readBuffer, 0, READ_BYTES, null);
    }
    return { sha256: hash.digest("hex"), bytes };
  } finally {
    closeSync(fd);
  }
}
function describeFailure(path, error) {
  const code2 = error.code;
  if (code2 === "ENOENT") return `model artifact ${path} does not exist`;
  if (code2 === "EACCES") return `model artifact ${path} is not readable (permission denied)`;
  return `model artifact ${path} could not be read: ${error.message}`;
}
async function hashOne(path, cwd) {
  const full = resolve(cwd, path);
  try {
    const info = await stat(full);
    if (info.isDirectory()) {
      const entries2 = await readdir(full, { recursive: true, withFileTypes: true });
      const files = entries2.filter((e) => e.isFile()).map(
        (e) => join(e.parentPath, e.name).slice(full.length + 1).replace(/\\/g, "/")
      ).sort();
      if (files.length === 0) return { error: `model artifact directory ${path} is empty` };
      const out = [];
      const base = path.replace(/\/+$/, "");
      for (const file of files) {
        const shown = `${base}/${file}`;
        try {
          out.push({ path: shown, ...hashFile(join(full, file)) });
        } catch (error) {
          return { error: describeFailure(shown, error) };
        }
      }
      return out;
    }
    if (!info.isFile()) return { error: `model artifact ${path} is not a file` };
    return [{ path, ...hashFile(full) }];
  } catch (error) {
    return { error: describeFailure(path, error) };
  }
}
function combinedDigest(artifacts) {
  const lines = artifacts.map((a) => `${a.path}	${a.sha256}
`).sort().join("");
  return createHash2("sha256").update(lines).digest("hex");
}
async function digestArtifacts(paths, opts) {
  const unique = [...new Set(paths.map((p) => p.replace(/\\/g, "/")))];
  const results = [];
  for (const path of unique) results.push(await hashOne(path, opts.cwd));
  const artifacts = results.flatMap((r) => "error" in r ? [] : r);
  const errors2 = results.flatMap((r) => "error" in r ? [r.error] : []);
  if (errors2.length > 0) return { artifacts, errors: errors2 };
  return { artifacts, ...artifacts.length > 0 ? { digest: combinedDigest(artifacts) } : {} };
}

// src/node/git.ts
import { execFile } from "node:child_process";

// src/core/metrics/formats/csv.ts
var NAME_HEADERS = /* @__PURE__ */ new Set(["name", "metric", "metrics", "key"]);
var VALUE_HEADERS = /* @__PURE__ */ new Set(["value", "values", "score"]);
var MAX_TABLE_ROWS = 1e4;
function* readRows(next, delimiter) {
  let cells = [];
  let cell3 = "";
  let line = 1;
  let rowLine = 1;
  let quoted2 = false;
  let quoteLine = 0;
  let quoteSeen = false;
  let first = true;
  const endRow = () => {
    cells.push(cell3);
    const row3 = cells.length > 1 || cells[0].trim() !== "" ? { line: rowLine, cells } : void 0;
    cells = [];
    cell3 = "";
    return row3;
  };
  for (let chunk = next(); chunk !== void 0; chunk = next()) {
    let src = chunk;
    if (first && src.length > 0) {
      src = src.replace(/^\uFEFF/, "");
      first = false;
    }
    for (let i = 0; i < src.length; i++) {
      if (!quoted2 && !quoteSeen) {
        let j = i;
        while (j < src.length) {
          const code2 = src.charCodeAt(j);
          if (code2 === 10 || code2 === 13 || code2 === 34 || src[j] === delimiter) break;
          j++;
        }
        if (j > i) {
          cell3 += src.slice(i, j);
          i = j;
          if (i >= src.length) break;
        }
      }
      const c = src[i];
      if (quoteSeen) {
        quoteSeen = false;
        if (c === '"') {
          cell3 += '"';
          continue;
        }
        quoted2 = false;
      }
      if (quoted2) {
        if (c === '"') quoteSeen = true;
        else {
          if (c === "\n") line++;
          cell3 += c;
        }
      } else if (c === '"' && cell3.trim() === "") {
        quoted2 = true;
        quoteLine = line;
        cell3 = "";
      } else if (c === delimiter) {
        cells.push(cell3);
        cell3 = "";
      } else if (c === "\n") {
        const row3 = endRow();
        if (row3) yield row3;
        line++;
        rowLine = line;
      } else if (c !== "\r") {
        cell3 += c;
      }
    }
  }
  if (quoted2 && !quoteSeen) throw new MetricsFormatError("unterminated quoted field", quoteLine);
  const row2 = endRow();
  if (row2) yield row2;
}
function cellValue(cell3) {
  const t = cell3.trim();
  if (t === "") return null;
  return parseNumberText(t) ?? t;
}
function isNumeric(cell3) {
  return parseNumberText(cell3) !== void 0;
}
function nameValueRows(rows) {
  const [first] = rows;
  const hasHeader = first !== void 0 && (first.cells[0].trim() === "" || !isNumeric(first.cells[1]) && (NAME_HEADERS.has(first.cells[0].trim().toLowerCase()) || VALUE_HEADERS.has(first.cells[1].trim().toLowerCase())));
  const out = {};
  const seen = /* @__PURE__ */ new Map();
  for (const row2 of hasHeader ? rows.slice(1) : rows) {
    const name = row2.cells[0].trim();
    if (name === "") throw new MetricsFormatError("empty metric name", row2.line);
    const earlier = seen.get(name);
    if (earlier !== void 0)
      throw new MetricsFormatError(`duplicate metric '${name}' (first on line ${earlier})`, row2.line);
    seen.set(name, row2.line);
    setOwnKey(out, name, cellValue(row2.cells[1]));
  }
  return out;
}
function rowValues(names, row2, headerLine) {
  const fromMlflow = names.some((n) => n.startsWith("metrics."));
  const out = {};
  names.forEach((raw, i) => {
    if (i === 0 && raw === "") return;
    const name = fromMlflow && raw.startsWith("metrics.") ? raw.slice("metrics.".length) : raw;
    if (name === "") throw new MetricsFormatError(`empty column name in column ${i + 1}`, headerLine);
    if (Object.prototype.hasOwnProperty.call(out, name))
      throw new MetricsFormatError(`duplicate column '${name}'`, headerLine);
    setOwnKey(out, name, cellValue(row2.cells[i]));
  });
  return out;
}
function indexedTable(names, header, data) {
  const out = {};
  for (const row2 of data) {
    const label2 = row2.cells[0].trim();
    if (Object.prototype.hasOwnProperty.call(out, label2))
      throw new MetricsFormatError(`duplicate row '${label2}'`, row2.line);
    setOwnKey(out, label2, rowValues(names, row2, header.line));
  }
  const accuracy = out.accuracy;
  if ("macro avg" in out && typeof accuracy === "object" && accuracy !== null && !Array.isArray(accuracy)) {
    const spread = Object.values(accuracy);
    if (spread.length > 0 && spread.every((v) => v === spread[0])) setOwnKey(out, "accuracy", spread[0]);
  }
  return out;
}
var PROGRESS_COLUMNS = ["epoch", "step", "global_step"];
function progressOf(row2, columns, names) {
  return columns.map((c) => {
    const at2 = parseNumberText(row2.cells[c].trim());
    if (typeof at2 !== "number" || at2 !== at2)
      throw new MetricsFormatError(`${names[c] || "the index column"} is not a number`, row2.line);
    return at2;
  });
}
function compareProgress(a, b) {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}
function trainingLog(names, data, headerLine) {
  const progress = PROGRESS_COLUMNS.map((p) => names.findIndex((n) => n.toLowerCase() === p)).filter(
    (i) => i !== -1
  );
  let rangeIndex = names[0] === "" && !names.some((n) => n.startsWith("metrics."));
  const lastCells = names.map(() => "");
  const bestCells = names.map(() => ({ at: void 0, cell: "" }));
  let lastLine = 0;
  let bestRow;
  let count = 0;
  let secondLine = 0;
  for (const row2 of data) {
    if (count === 1) secondLine = row2.line;
    if (rangeIndex && row2.cells[0].trim() !== `${count}`) rangeIndex = false;
    count++;
    lastLine = row2.line;
    const at2 = progressOf(row2, progress, names);
    if (!bestRow || compareProgress(at2, bestRow.at) >= 0) bestRow = { at: at2, line: row2.line };
    row2.cells.forEach((cell3, i) => {
      if (cell3.trim() === "") return;
      lastCells[i] = cell3;
      const best = bestCells[i];
      if (best.at === void 0 || compareProgress(at2, best.at) >= 0) {
        best.at = at2;
        best.cell = cell3;
      }
    });
  }
  if (!rangeIndex && progress.length === 0) {
    throw new MetricsFormatError(
      `${count} data rows and no epoch or step column: which row is the candidate model? keep only its row, or write name,value rows`,
      secondLine
    );
  }
  const cells = rangeIndex ? lastCells : bestCells.map((b) => b.cell);
  const out = rowValues(names, { line: rangeIndex ? lastLine : bestRow.line, cells }, headerLine);
  if (rangeIndex && !Object.prototype.hasOwnProperty.call(out, "epoch"))
    setOwnKey(out, "epoch", cellValue(cells[0]));
  return out;
}
function headerAndRows(rows) {
  const [header, ...data] = rows;
  if (!header || data.length === 0)
    throw new MetricsFormatError("a header row needs a data row below it", header?.line ?? 1);
  const names = header.cells.map((c) => c.trim());
  const labelled = names[0] === "" && data.length > 1 && data.some((r) => !isNumeric(r.cells[0]));
  if (labelled) return indexedTable(names, header, data);
  return data.length === 1 ? rowValues(names, data[0], header.line) : trainingLog(names, data, header.line);
}
function oneColumn(first, delimiter) {
  return new MetricsFormatError(
    `expected 'name${delimiter}value' rows or a header row and a data row, got one column`,
    first.line
  );
}
function* sameWidth(rows) {
  let width;
  for (const row2 of rows) {
    width ??= row2.cells.length;
    if (row2.cells.length !== width) {
      throw new MetricsFormatError(`expected ${width} columns, got ${row2.cells.length}`, row2.line);
    }
    yield row2;
  }
}
function wholeTable(rows, delimiter) {
  const first = rows[0];
  if (first.cells.length === 1) throw oneColumn(first, delimiter);
  const namesInFirstColumn = rows.slice(1).every((r) => !isNumeric(r.cells[0]));
  if (first.cells.length === 2 && (rows.length === 1 ? !isNumeric(first.cells[0]) : namesInFirstColumn)) {
    return nameValueRows(rows);
  }
  return headerAndRows(rows);
}
function longLog(held, rest, delimiter) {
  const [header, ...data] = held;
  if (header.cells.length === 1) throw oneColumn(header, delimiter);
  const names = header.cells.map((c) => c.trim());
  const hasProgress = names.some((n) => PROGRESS_COLUMNS.includes(n.toLowerCase()));
  if (!hasProgress && names[0] !== "") {
    throw new MetricsFormatError(
      `more than ${MAX_TABLE_ROWS} rows and no epoch or step column: only a training log is read at this length`,
      data[MAX_TABLE_ROWS - 1].line
    );
  }
  const all = function* () {
    yield* data;
    for (let r = rest.next(); !r.done; r = rest.next()) yield r.value;
  };
  return trainingLog(names, all(), header.line);
}
function parseCsvChunks(next, delimiter = ",") {
  const rows = sameWidth(readRows(next, delimiter));
  const held = [];
  for (let r = rows.next(); !r.done; r = rows.next()) {
    held.push(r.value);
    if (held.length > MAX_TABLE_ROWS) return longLog(held, rows, delimiter);
  }
  if (held.length === 0) throw new MetricsFormatError("no rows: the file is empty");
  return wholeTable(held, delimiter);
}

// src/core/metrics/formats/json.ts
var MAX_DEPTH = 200;
var LITERAL_START = /* @__PURE__ */ new Set(["t", "f", "n", "N", "I", "-"]);
function isSpace(code2) {
  return code2 === 32 || code2 === 9 || code2 === 13 || code2 === 10;
}
function isDigit(code2) {
  return code2 !== void 0 && code2 >= 48 && code2 <= 57;
}
function numberLength(text2, from) {
  const end = text2.length;
  let k = from;
  if (k < end && text2.charCodeAt(k) === 45) k++;
  if (k >= end) return -1;
  const first = text2.charCodeAt(k);
  if (first === 48) k++;
  else if (first >= 49 && first <= 57) k = digitsEnd(text2, k + 1);
  else return 0;
  if (text2.charCodeAt(k) === 46) {
    if (k + 1 >= end) return -1;
    if (isDigit(text2.charCodeAt(k + 1))) k = digitsEnd(text2, k + 2);
  }
  if (k >= end) return -1;
  const e = text2.charCodeAt(k);
  if (e === 101 || e === 69) {
    if (k + 1 >= end) return -1;
    const s = text2.charCodeAt(k + 1);
    const sign = s === 43 || s === 45 ? 1 : 0;
    if (k + 1 + sign >= end) return -1;
    if (isDigit(text2.charCodeAt(k + 1 + sign))) k = digitsEnd(text2, k + 2 + sign);
  }
  return k >= end ? -1 : k - from;
}
function digitsEnd(text2, k) {
  while (k < text2.length && isDigit(text2.charCodeAt(k))) k++;
  return k;
}
var LITERALS = [
  ["true", true],
  ["false", false],
  ["null", null],
  ["NaN", Number.NaN],
  ["Infinity", Number.POSITIVE_INFINITY],
  ["-Infinity", Number.NEGATIVE_INFINITY]
];
var ESCAPES = {
  '"': '"',
  "\\": "\\",
  "/": "/",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "	"
};
var JsonReader = class {
  constructor(next, keep) {
    this.next = next;
    this.keep = keep;
  }
  next;
  keep;
  buf = "";
  i = 0;
  /** Offset in the whole text of buf[0]. */
  base = 0;
  eof = false;
  line = 1;
  lineStart = 0;
  kept = 0;
  /** Makes at least `n` characters available from i, unless the text ends first. */
  ensure(n) {
    while (this.buf.length - this.i < n && !this.eof) {
      const chunk = this.next();
      if (chunk === void 0) {
        this.eof = true;
        return;
      }
      this.base += this.i;
      this.buf = this.buf.slice(this.i) + chunk;
      this.i = 0;
    }
  }
  peek() {
    if (this.i >= this.buf.length) this.ensure(1);
    return this.buf[this.i];
  }
  location() {
    return { line: this.line, column: this.column() };
  }
  column() {
    return this.base + this.i - this.lineStart + 1;
  }
  /**
   * The key path of a kept member's value. Only an object or a list below it reads the path, so a
   * number or a string (most members) gets the parent's, with no copy made. It looks past the
   * spaces without reading them, so that an error in the value is placed as before; a value that
   * starts in a later piece gets the copy.
   */
  childPath(path, key) {
    const buf = this.buf;
    let j = this.i;
    while (isSpace(buf.charCodeAt(j))) j++;
    const c = buf.charCodeAt(j);
    return j >= buf.length || c === 123 || c === 91 ? [...path, key] : path;
  }
  fail(message, at2 = this.location()) {
    throw new MetricsFormatError(`invalid JSON: ${message}`, at2.line, at2.column);
  }
  describe() {
    const c = this.peek();
    return c === void 0 ? "end of file" : `'${c}'`;
  }
  start() {
    if (this.peek() === "\uFEFF") {
      this.i++;
      this.lineStart = this.base + this.i;
    }
  }
  skipSpace() {
    for (; ; ) {
      const buf = this.buf;
      let i = this.i;
      while (i < buf.length) {
        const c = buf.charCodeAt(i);
        if (c === 10) {
          i++;
          this.line++;
          this.lineStart = this.base + i;
        } else if (isSpace(c)) i++;
        else {
          this.i = i;
          return;
        }
      }
      this.i = i;
      this.ensure(1);
      if (this.i >= this.buf.length) return;
    }
  }
  atEnd() {
    return this.peek() === void 0;
  }
  expect(char) {
    this.skipSpace();
    if (this.peek() !== char) this.fail(`expected '${char}', found ${this.describe()}`);
    this.i++;
  }
  count() {
    if (this.keep && ++this.kept > this.keep.maxValues) {
      this.fail(
        `more than ${this.keep.maxValues} values under the keys the conditions name; name fewer, or write a smaller metrics file`
      );
    }
  }
  /** The value at the reader, built when `build`, else only checked (and undefined). */
  value(depth, path, build2) {
    if (depth > MAX_DEPTH) this.fail(`nesting deeper than ${MAX_DEPTH} levels`);
    this.skipSpace();
    const c = this.peek();
    if (build2) this.count();
    if (c === "{") return this.object(depth, path, build2);
    if (c === "[") return this.array(depth, path, build2);
    if (c === '"') return this.string(build2);
    if (c !== void 0 && LITERAL_START.has(c)) {
      this.ensure(9);
      for (const [word, value] of LITERALS) {
        if (this.buf.startsWith(word, this.i)) {
          this.i += word.length;
          return value;
        }
      }
    }
    return this.number(build2);
  }
  number(build2) {
    let length = numberLength(this.buf, this.i);
    while (length < 0 && !this.eof) {
      this.ensure(this.buf.length - this.i + 1);
      length = numberLength(this.buf, this.i);
    }
    if (length < 0) length = numberLength(this.buf + " ", this.i);
    if (length === 0) return this.fail(`expected a value, found ${this.describe()}`);
    const start = this.i;
    this.i += length;
    return build2 ? +this.buf.slice(start, start + length) : void 0;
  }
  object(depth, path, build2) {
    const out = build2 ? {} : void 0;
    this.i++;
    this.skipSpace();
    if (this.peek() === "}") {
      this.i++;
      return out;
    }
    for (; ; ) {
      this.skipSpace();
      if (this.peek() !== '"') this.fail(`expected a quoted key, found ${this.describe()}`);
      const keyLine = this.line;
      const keyColumn = this.column();
      const key = this.string(true);
      const kept2 = out !== void 0 && (this.keep === void 0 || this.keep.member(path, key));
      if (kept2 && out[key] !== void 0 && Object.prototype.hasOwnProperty.call(out, key))
        this.fail(`duplicate key "${key}"`, { line: keyLine, column: keyColumn });
      this.expect(":");
      const value = this.value(depth + 1, kept2 && this.keep ? this.childPath(path, key) : path, kept2);
      if (kept2) {
        setOwnKey(out, key, value);
      }
      this.skipSpace();
      const c = this.peek();
      this.i++;
      if (c === "}") return out;
      if (c !== ",")
        this.fail(`expected ',' or '}', found ${c === void 0 ? "end of file" : `'${c}'`}`, {
          line: this.line,
          column: this.location().column - 1
        });
    }
  }
  array(depth, path, build2) {
    const out = build2 ? [] : void 0;
    this.i++;
    this.skipSpace();
    if (this.peek() === "]") {
      this.i++;
      return out;
    }
    for (; ; ) {
      const before = this.kept;
      const item = this.value(depth + 1, path, build2);
      if (out !== void 0) {
        if (this.keep === void 0 || this.keep.item(path, item)) out.push(item);
        else this.kept = before;
      }
      this.skipSpace();
      const c = this.peek();
      this.i++;
      if (c === "]") return out;
      if (c !== ",")
        this.fail(`expected ',' or ']', found ${c === void 0 ? "end of file" : `'${c}'`}`, {
          line: this.line,
          column: this.location().column - 1
        });
    }
  }
  /** A string at the reader; its text only when `build` (a skipped one can be any length). */
  string(build2) {
    const startLine = this.line;
    const startColumn = this.column();
    this.i++;
    let out = "";
    for (; ; ) {
      if (this.i >= this.buf.length) this.ensure(1);
      let j = this.i;
      const buf = this.buf;
      while (j < buf.length) {
        const c2 = buf.charCodeAt(j);
        if (c2 === 34 || c2 === 92 || c2 === 10) break;
        j++;
      }
      if (build2) out += buf.slice(this.i, j);
      this.i = j;
      const c = this.peek();
      if (c === void 0 || c === "\n")
        this.fail("unterminated string", { line: startLine, column: startColumn });
      if (c === '"') {
        this.i++;
        return build2 ? out : void 0;
      }
      if (c !== "\\") continue;
      this.ensure(6);
      const e = this.buf[this.i + 1] ?? "";
      const escapeAt = this.location();
      this.i += 2;
      if (e === "u") {
        const hex = this.buf.slice(this.i, this.i + 4);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail("invalid \\u escape", escapeAt);
        if (build2) out += String.fromCharCode(parseInt(hex, 16));
        this.i += 4;
      } else if (e in ESCAPES) {
        if (build2) out += ESCAPES[e];
      } else {
        this.fail(`invalid escape '\\${e}'`, escapeAt);
      }
    }
  }
  unexpected() {
    return this.fail(`unexpected ${this.describe()} after the document`);
  }
};
function parseJsonChunks(next, keep) {
  const reader = new JsonReader(next, keep);
  reader.start();
  const value = reader.value(0, [], true);
  reader.skipSpace();
  if (!reader.atEnd()) reader.unexpected();
  return value;
}

// src/core/metrics/keep.ts
var MAX_KEPT_VALUES = 1e6;
var TRAINER_STATE_KEYS = /* @__PURE__ */ new Set([
  "log_history",
  "best_model_checkpoint",
  "best_global_step",
  "global_step"
]);
var LOG_ENTRY_KEYS = /* @__PURE__ */ new Set(["step", "epoch"]);
function referencedKeys(refs) {
  const keys = /* @__PURE__ */ new Set();
  for (const ref of refs) {
    let run = [];
    const addRuns = () => {
      for (let from = 0; from < run.length; from++) {
        for (let to = from + 1; to <= run.length; to++) {
          const parts = run.slice(from, to);
          for (const key of /* @__PURE__ */ new Set([parts.join("."), parts.join("/")])) {
            keys.add(key);
            keys.add(`eval_${key}`);
          }
        }
      }
      run = [];
    };
    for (const segment of ref.segments) {
      if (typeof segment === "string") {
        run.push(segment);
        continue;
      }
      addRuns();
      if (segment.kind === "match") keys.add(segment.key);
    }
    addRuns();
  }
  return keys;
}
function hasEvaluation(entry) {
  if (typeof entry !== "object" || entry === null) return false;
  for (const key in entry)
    if (key.startsWith("eval_") && Object.prototype.hasOwnProperty.call(entry, key)) return true;
  return false;
}
function keepForRefs(refs, opts) {
  const keys = referencedKeys(refs);
  const inLog = (path) => opts.trainerState && path.length === 1 && path[0] === "log_history";
  return {
    member(parent, key) {
      if (keys.has(key)) return true;
      if (opts.trainerState && parent.length === 0 && TRAINER_STATE_KEYS.has(key)) return true;
      return inLog(parent) && (key.startsWith("eval_") || LOG_ENTRY_KEYS.has(key));
    },
    item(list, value) {
      return !inLog(list) || hasEvaluation(value);
    },
    maxValues: MAX_KEPT_VALUES
  };
}

// src/core/metrics/formats/dvc-exp.ts
function isTree3(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function isFileMap(value) {
  return isTree3(value) && Object.values(value).every((f) => isTree3(f) && ("data" in f || "error" in f));
}
function workspaceRow(values) {
  if (Array.isArray(values)) {
    const rows = values.filter((row3) => isTree3(row3) && "rev" in row3 && "data" in row3);
    if (rows.length === 0 || rows.length !== values.length) return void 0;
    const row2 = rows.find((r) => r.rev === "workspace")?.data;
    return isTree3(row2) ? row2 : void 0;
  }
  if (!isTree3(values) || !isTree3(values.workspace)) return void 0;
  const baseline = values.workspace.baseline;
  return isTree3(baseline) && isTree3(baseline.data) ? baseline.data : void 0;
}
function expShowMetrics(values) {
  const row2 = workspaceRow(values);
  if (!row2 || !("metrics" in row2) || !("params" in row2 || "deps" in row2)) return void 0;
  if (row2.metrics === null) return {};
  return isFileMap(row2.metrics) ? row2.metrics : void 0;
}

// src/core/metrics/formats/shapes.ts
var HF_FILES = /* @__PURE__ */ new Set([
  "all_results.json",
  "eval_results.json",
  "train_results.json",
  "test_results.json"
]);
var SKLEARN_AVERAGES = ["macro avg", "weighted avg", "micro avg", "samples avg"];
var SKLEARN_FIELDS = ["precision", "recall", "f1-score", "support"];
function isTree4(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function isTrainerState(values) {
  return Array.isArray(values.log_history) && "global_step" in values;
}
function baseName(file) {
  return file.split(/[\\/]/).pop() ?? file;
}
function isSklearnReport(values) {
  const averages = SKLEARN_AVERAGES.filter((k) => isTree4(values[k]));
  if (averages.length === 0) return false;
  return Object.entries(values).every(
    ([key, value]) => key === "accuracy" && typeof value === "number" || isTree4(value) && SKLEARN_FIELDS.every((field2) => field2 in value)
  );
}
function dvcShowRevisions(values) {
  const revs = Object.values(values);
  if (revs.length === 0) return void 0;
  const isShow = revs.every(
    (rev) => isTree4(rev) && isTree4(rev.data) && Object.values(rev.data).every((f) => isTree4(f) && ("data" in f || "error" in f))
  );
  return isShow ? values : void 0;
}
function detectShape(fileName, values) {
  const name = baseName(fileName).toLowerCase();
  if (name === "wandb-summary.json") return "wandb";
  if (HF_FILES.has(name) || name === "trainer_state.json") return "huggingface";
  if (expShowMetrics(values)) return "dvc";
  if (!isTree4(values)) return void 0;
  if (isTrainerState(values)) return "huggingface";
  if (dvcShowRevisions(values)) return "dvc";
  if (isSklearnReport(values)) return "sklearn";
  if (Object.keys(values).some((k) => k.startsWith("eval_")) && Object.values(values).every((v) => !isTree4(v))) {
    return "huggingface";
  }
  return void 0;
}
function unwrapFiles(files, where) {
  const out = {};
  for (const [path, entry] of Object.entries(files)) {
    if (!isTree4(entry.data)) {
      throw new MetricsFormatError(`dvc could not read ${path} in ${where}: ${JSON.stringify(entry.error)}`);
    }
    setOwnKey(out, path, entry.data);
  }
  const paths = Object.keys(out);
  if (paths.length === 0) throw new MetricsFormatError(`dvc shows no metrics files in ${where}`);
  return paths.length === 1 ? out[paths[0]] : out;
}
function unwrapDvc(values) {
  const exp = expShowMetrics(values);
  if (exp) return unwrapFiles(exp, "the workspace of dvc exp show");
  if (!isTree4(values)) {
    throw new MetricsFormatError(
      "expected DVC metrics, `dvc metrics show --json` or `dvc exp show --json` output"
    );
  }
  const revisions = dvcShowRevisions(values);
  if (!revisions) return values;
  const names = Object.keys(revisions);
  const revName = "workspace" in revisions ? "workspace" : names.length === 1 ? names[0] : void 0;
  if (revName === void 0) {
    throw new MetricsFormatError(
      `dvc metrics show output has several revisions (${names.join(", ")}) and no 'workspace'; show one revision`
    );
  }
  return unwrapFiles(revisions[revName].data, revName);
}

// src/core/metrics/formats/trainer-state.ts
function evalEntries(history) {
  return history.filter(
    (entry) => isTree4(entry) && Object.keys(entry).some((k) => k.startsWith("eval_"))
  );
}
function describeEntry(entry) {
  const epoch = typeof entry.epoch === "number" ? `, epoch ${entry.epoch}` : "";
  return `log_history entry at step ${String(entry.step)}${epoch}`;
}
function checkpointStep(path) {
  const m = /checkpoint-(\d+)[\\/]*$/.exec(path);
  return m ? Number(m[1]) : void 0;
}
function bestEntry(state, entries2) {
  const best = state.best_model_checkpoint;
  if (typeof best !== "string") {
    throw new MetricsFormatError(
      "checkpoint: best, but best_model_checkpoint is not set: the run did not track a best model (set metric_for_best_model / load_best_model_at_end), or use checkpoint: final"
    );
  }
  const step2 = typeof state.best_global_step === "number" ? state.best_global_step : checkpointStep(best);
  if (step2 === void 0)
    throw new MetricsFormatError(`best_model_checkpoint '${best}' does not name a step (checkpoint-<step>)`);
  const entry = entries2.filter((e) => e.step === step2).pop();
  if (!entry) {
    throw new MetricsFormatError(
      `best_model_checkpoint '${best}' is step ${step2}, and log_history has no eval entry at that step`
    );
  }
  return entry;
}
function readTrainerState(state, choice = "final") {
  const entries2 = evalEntries(state.log_history);
  if (entries2.length === 0) {
    throw new MetricsFormatError(
      "log_history has no evaluation entries (eval_* keys): the Trainer never evaluated; set eval_strategy"
    );
  }
  const entry = choice === "best" ? bestEntry(state, entries2) : entries2[entries2.length - 1];
  const which = choice === "best" ? `best checkpoint ${String(state.best_model_checkpoint)}` : "final evaluation";
  return { values: { ...entry }, note: `${which}: ${describeEntry(entry)}` };
}

// src/core/metrics/formats/yaml.ts
var import_yaml4 = __toESM(require_dist(), 1);
var MAX_ALIAS_COUNT3 = 100;
function parseYamlDocument(text2) {
  const doc = (0, import_yaml4.parseDocument)(text2, { uniqueKeys: true, prettyErrors: true });
  const [error] = doc.errors;
  if (error) {
    const message = error.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "") ?? error.code;
    throw new MetricsFormatError(`invalid YAML: ${message}`, error.linePos?.[0].line, error.linePos?.[0].col);
  }
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT3 }) ?? null;
  } catch (e) {
    throw new MetricsFormatError(`invalid YAML: ${e.message}`);
  }
}

// src/core/metrics/formats/mlflow.ts
function latestEntry(text2) {
  let best;
  text2.split("\n").forEach((raw, index) => {
    const line = raw.trim();
    if (line === "") return;
    const parts = line.split(/\s+/);
    const [timestamp, value, step2] = [parts[0], parts[1], parts[2] ?? "0"].map(
      (p) => parseNumberText(p ?? "")
    );
    if (parts.length > 3 || timestamp === void 0 || value === void 0 || step2 === void 0) {
      throw new MetricsFormatError(`expected 'timestamp value step', got '${line}'`, index + 1);
    }
    const entry = { timestamp, value, step: step2 };
    if (!best || step2 > best.step || step2 === best.step && timestamp >= best.timestamp) best = entry;
  });
  if (!best) throw new MetricsFormatError("no values: the metric file is empty");
  return best;
}
function parseMlflowRun(files, opts) {
  const values = {};
  for (const { key, text: text2 } of [...files].sort((a, b) => a.key.localeCompare(b.key))) {
    try {
      setOwnKey(values, key, latestEntry(text2).value);
    } catch (error) {
      if (!(error instanceof MetricsFormatError)) throw error;
      return { ok: false, error: formatLocated(`${opts.file}/metrics/${key}`, error) };
    }
  }
  if (files.length === 0)
    return { ok: false, error: `${opts.file}: no metrics in the run's metrics/ directory` };
  return { ok: true, source: { name: opts.name, file: opts.file, format: "mlflow", values } };
}

// src/core/metrics/parse.ts
function syntaxOf(fileName, text2) {
  const ext = /\.([A-Za-z]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (ext === "json") return "json";
  if (ext === "yaml" || ext === "yml") return "yaml";
  if (ext === "csv") return "csv";
  if (ext === "tsv") return "tsv";
  const trimmed = text2.trimStart();
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) return "json";
  const firstLine = trimmed.split("\n")[0] ?? "";
  if (firstLine.includes("	")) return "tsv";
  if (firstLine.includes(",") && !firstLine.includes(":")) return "csv";
  return "yaml";
}
function isTrainerStateFile(opts) {
  if (opts.format !== void 0) return opts.format === "huggingface";
  return /(^|[\\/])trainer_state\.json$/i.test(opts.file);
}
function mib(bytes) {
  return `${Math.round(bytes / 2 ** 20)} MiB`;
}
function parseChunks(syntax, next, opts) {
  const { streamed } = opts;
  if (syntax === "csv" || syntax === "tsv") return parseCsvChunks(next, syntax === "tsv" ? "	" : ",");
  if (streamed && (syntax === "yaml" || opts.format === "dvc")) {
    const what = syntax === "yaml" ? "YAML" : "DVC output";
    throw new MetricsFormatError(
      `${streamed.bytes} bytes: ${what} is read whole, up to ${streamed.wholeLimit} bytes (${mib(streamed.wholeLimit)}); write the metrics as JSON or CSV, or fewer of them`
    );
  }
  if (syntax === "yaml") {
    let text2 = "";
    for (let chunk = next(); chunk !== void 0; chunk = next()) text2 += chunk;
    return parseYamlDocument(text2);
  }
  if (!streamed) return parseJsonChunks(next);
  return parseJsonChunks(next, keepForRefs(streamed.refs, { trainerState: isTrainerStateFile(opts) }));
}
function plainFormat(syntax) {
  return syntax === "tsv" ? "csv" : syntax;
}
function describeTop(value) {
  if (Array.isArray(value)) return "a list";
  if (value === null) return "nothing (the document is empty or null)";
  return `a ${typeof value}`;
}
function toSource(next, opts) {
  const start = next() ?? "";
  refuseLfsPointer(start);
  if (opts.format === "mlflow") {
    throw new MetricsFormatError(
      "format mlflow reads a run directory (one that contains metrics/), not a file"
    );
  }
  if (opts.format === "tensorboard" || opts.format === void 0 && isTensorboardEventFile(opts.file)) {
    throw new MetricsFormatError(
      "a TensorBoard event file is binary and is read from the workspace only (not as text, e.g. a baseline at a git ref)"
    );
  }
  const syntax = syntaxOf(opts.file, start);
  const parsed = parseChunks(syntax, withFirst(start, next), opts);
  if (syntax === "json" && (opts.format ?? detectShape(opts.file, parsed)) === "dvc") {
    return { name: opts.name, file: opts.file, format: "dvc", values: unwrapDvc(parsed) };
  }
  if (!isTree4(parsed)) {
    throw new MetricsFormatError(
      `expected a mapping of metric names to values at the top level, found ${describeTop(parsed)}`
    );
  }
  const format = opts.format ?? (syntax === "csv" || syntax === "tsv" ? "csv" : detectShape(opts.file, parsed) ?? plainFormat(syntax));
  const streamedNote = opts.streamed && {
    note: `${mib(opts.streamed.bytes)}, over the ${mib(opts.streamed.wholeLimit)} read whole: read as a stream, keeping only the keys the conditions name`
  };
  if (format === "huggingface" && isTrainerState(parsed)) {
    const { values: values2, note } = readTrainerState(parsed, opts.checkpoint);
    return {
      name: opts.name,
      file: opts.file,
      format,
      values: values2,
      note: streamedNote ? `${note}; ${streamedNote.note}` : note
    };
  }
  if (opts.checkpoint !== void 0) {
    throw new MetricsFormatError(
      `checkpoint: ${opts.checkpoint} applies to a Hugging Face trainer_state.json (with log_history); this file is read as ${format}`
    );
  }
  const values = format === "dvc" ? unwrapDvc(parsed) : parsed;
  const csvNote = syntax === "csv" || syntax === "tsv" ? void 0 : streamedNote;
  return { name: opts.name, file: opts.file, format, values, ...csvNote ?? {} };
}
function parseMetricsFile(text2, opts) {
  return parseMetricsChunks(textChunks(text2), opts);
}
function parseMetricsChunks(next, opts) {
  try {
    return { ok: true, source: toSource(next, opts) };
  } catch (error) {
    if (error instanceof MetricsFormatError) return { ok: false, error: formatLocated(opts.file, error) };
    return { ok: false, error: `${opts.file}: could not read metrics: ${error.message}` };
  }
}

// src/node/git.ts
var MAX_GIT_BYTES = 32 * 1024 * 1024;
function git(cwd, args) {
  return new Promise((done) => {
    execFile(
      "git",
      args,
      { cwd, maxBuffer: MAX_GIT_BYTES, encoding: "utf8", env: { ...process.env, GIT_TERMINAL_PROMPT: "0" } },
      (error, stdout, stderr) => {
        if (error) {
          const code2 = error.code;
          const why = code2 === "ENOENT" ? "git is not installed" : stderr.trim().split("\n")[0] || error.message.split("\n")[0] || "git failed";
          done({ ok: false, error: why });
        } else done({ ok: true, out: stdout });
      }
    );
  });
}
async function commitOf(cwd, ref) {
  const found = await git(cwd, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`]);
  return found.ok ? found.out.trim() : void 0;
}
async function baseRefCandidates(cwd, baseBranch) {
  if (baseBranch) return [`origin/${baseBranch}`, baseBranch];
  const head = await git(cwd, ["symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD"]);
  return head.ok && head.out.trim() ? [head.out.trim()] : ["main"];
}
async function resolveRef(cwd, candidates) {
  const inside = await git(cwd, ["rev-parse", "--is-inside-work-tree"]);
  if (!inside.ok) return { error: `${cwd} is not in a git repository (${inside.error})` };
  for (const ref of candidates) {
    const commit = await commitOf(cwd, ref);
    if (commit) return { ref, commit };
  }
  return {
    error: `ref ${candidates.map((r) => `'${r}'`).join(" or ")} does not exist in this git repository`
  };
}
async function loadGitSources(specs, options) {
  const sources3 = [];
  const errors2 = {};
  for (const spec of specs) {
    if (spec.ref === void 0) continue;
    const candidates = spec.ref === "base" ? await baseRefCandidates(options.cwd, options.baseBranch) : [spec.ref];
    const resolved = await resolveRef(options.cwd, candidates);
    if ("error" in resolved) {
      errors2[spec.name] = `${spec.path} at ref '${spec.ref}': ${resolved.error}`;
      continue;
    }
    const where = `${resolved.ref} (${resolved.commit.slice(0, 7)})`;
    const object = `${resolved.commit}:${spec.path}`;
    const type = await git(options.cwd, ["cat-file", "-t", "--end-of-options", object]);
    if (!type.ok) {
      errors2[spec.name] = `${spec.path} does not exist at ${where}`;
      continue;
    }
    if (type.out.trim() !== "blob") {
      errors2[spec.name] = `${spec.path} at ${where} is a ${type.out.trim()}, not a file: a baseline read at a ref is one file`;
      continue;
    }
    const shown = await git(options.cwd, ["show", "--end-of-options", object]);
    if (!shown.ok) {
      errors2[spec.name] = `${spec.path} at ${where} could not be read: ${shown.error}`;
      continue;
    }
    const parsed = parseMetricsFile(shown.out, { name: spec.name, file: spec.path, format: spec.format });
    if (parsed.ok) sources3.push({ ...parsed.source, at: { ref: resolved.ref, commit: resolved.commit } });
    else errors2[spec.name] = `${parsed.error} (at ${where})`;
  }
  return { sources: sources3, errors: errors2 };
}

// src/node/metrics-files.ts
import { closeSync as closeSync2, openSync as openSync2 } from "node:fs";
import { readFile, readdir as readdir2, stat as stat2 } from "node:fs/promises";
import { basename, join as join3, resolve as resolve3 } from "node:path";

// src/node/dvc.ts
import { dirname, isAbsolute, join as join2, posix, resolve as resolve2 } from "node:path";

// src/core/metrics/dvc-yaml.ts
var import_yaml6 = __toESM(require_dist(), 1);
var DvcYamlError = class extends Error {
  constructor(message, offset) {
    super(message);
    this.offset = offset;
  }
  offset;
};
function entryPath(item, where) {
  const node = (0, import_yaml6.isMap)(item) && item.items.length === 1 ? item.items[0].key : item;
  const offset = node?.range?.[0];
  if (!(0, import_yaml6.isScalar)(node) || typeof node.value !== "string" || node.value.trim() === "") {
    throw new DvcYamlError(`${where}: expected a metrics file path, e.g. '- eval/metrics.json'`, offset);
  }
  if (node.value.includes("${")) {
    throw new DvcYamlError(
      `${where}: '${node.value}' is templated; name the metrics file itself as the metrics source`,
      offset
    );
  }
  return { path: node.value.replace(/^(\.\/)+/, ""), ...offset === void 0 ? {} : { offset } };
}
function entriesOf(list, where) {
  if (list === void 0 || list === null) return [];
  if (!(0, import_yaml6.isSeq)(list)) throw new DvcYamlError(`${where} must be a list of files`, list.range?.[0]);
  return list.items.map((item) => entryPath(item, where));
}
function collect(text2) {
  const doc = (0, import_yaml6.parseDocument)(text2, { uniqueKeys: true });
  const [error] = doc.errors;
  if (error) throw new DvcYamlError(`invalid YAML: ${error.message.split("\n")[0]}`, error.pos[0]);
  if (!(0, import_yaml6.isMap)(doc.contents)) throw new DvcYamlError("expected a mapping with 'stages:' or 'metrics:'");
  const found = entriesOf(
    doc.contents.get("metrics", true),
    "metrics"
  );
  const stages = doc.contents.get("stages", true);
  if (stages !== void 0 && !(0, import_yaml6.isMap)(stages)) throw new DvcYamlError("'stages' must be a mapping");
  for (const pair of (0, import_yaml6.isMap)(stages) ? stages.items : []) {
    const name = (0, import_yaml6.isScalar)(pair.key) ? String(pair.key.value) : "?";
    const stage = pair.value;
    if (!(0, import_yaml6.isMap)(stage)) continue;
    const templated = stage.get("do", true);
    if ((stage.has("foreach") || stage.has("matrix")) && (stage.has("metrics") || (0, import_yaml6.isMap)(templated) && templated.has("metrics"))) {
      throw new DvcYamlError(
        `stage '${name}' is a foreach/matrix stage with metrics; name its metrics files themselves as metric sources`,
        pair.key.range?.[0]
      );
    }
    for (const entry of entriesOf(stage.get("metrics", true), `stage '${name}' metrics`)) {
      found.push({ ...entry, stage: name });
    }
  }
  return found;
}
function parseDvcYaml(text2, file) {
  const lines = new import_yaml6.LineCounter();
  lines.addNewLine(0);
  for (let i = text2.indexOf("\n"); i >= 0; i = text2.indexOf("\n", i + 1)) lines.addNewLine(i + 1);
  const at2 = (offset) => {
    const pos = offset === void 0 ? { line: 1, col: 1 } : lines.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  try {
    const entries2 = collect(text2).map(({ offset, ...entry }) => ({ ...entry, ...at2(offset) }));
    if (entries2.length === 0) {
      return { ok: false, error: `${file}: declares no metrics (no 'metrics:' at the top or in any stage)` };
    }
    return { ok: true, entries: entries2 };
  } catch (e) {
    if (!(e instanceof DvcYamlError)) throw e;
    const { line, column } = at2(e.offset);
    return { ok: false, error: `${file}:${line}:${column}: ${e.message}` };
  }
}

// src/node/dvc.ts
function isDvcYaml(path) {
  return /(^|[\\/])dvc\.yaml$/.test(path);
}
function describeEntry2(spec, entry) {
  const where = `${spec.path}:${entry.line}:${entry.column}`;
  return entry.stage === void 0 ? `${where}: metrics` : `${where}: stage '${entry.stage}' metrics`;
}
function entryError(spec, entry, error) {
  const hint = error.endsWith("no such file or directory") ? " (outputs DVC caches are not in git: run 'dvc pull' or 'dvc repro' before the gate)" : "";
  return `${describeEntry2(spec, entry)}: ${error}${hint}`;
}
async function loadDvcYaml(spec, full, read) {
  const own = await read(full, spec.path);
  if (!own.ok) return own;
  const parsed = parseDvcYaml(own.text, spec.path);
  if (!parsed.ok) return parsed;
  const seen = /* @__PURE__ */ new Set();
  const entries2 = parsed.entries.filter((entry) => !seen.has(entry.path) && seen.add(entry.path));
  const files = [];
  const values = {};
  for (const entry of entries2) {
    const shown = posix.normalize(join2(dirname(spec.path), entry.path).replace(/\\/g, "/"));
    if (isAbsolute(entry.path) || /^[A-Za-z]:/.test(entry.path) || !isAbsolute(spec.path) && shown.startsWith("../")) {
      return { ok: false, error: entryError(spec, entry, `${entry.path}: is outside the repository`) };
    }
    if (/\.toml$/i.test(entry.path)) {
      return {
        ok: false,
        error: entryError(spec, entry, `${shown}: TOML metrics files are not read; write JSON or YAML`)
      };
    }
    const text2 = await read(resolve2(dirname(full), entry.path), shown);
    if (!text2.ok) return { ok: false, error: entryError(spec, entry, text2.error) };
    const one = parseMetricsFile(text2.text, { name: spec.name, file: shown });
    if (!one.ok) return { ok: false, error: entryError(spec, entry, one.error) };
    files.push(shown);
    setOwnKey(values, entry.path, one.source.values);
  }
  const only = entries2.length === 1 ? values[entries2[0].path] : void 0;
  return {
    ok: true,
    source: { name: spec.name, file: spec.path, format: "dvc", values: only ?? values, files }
  };
}

// src/node/metrics-files.ts
var eventReader = () => import("./chunks/tensorboard-YCGJ322A.js");
var MAX_WHOLE_BYTES = 32 * 1024 * 1024;
var MAX_STREAMED_BYTES = 1024 * 1024 * 1024;
function tooLarge(shown, size, limit) {
  return `${shown}: ${size} bytes is too large for a metrics file (limit ${limit}); is the path right?`;
}
function withFile(full, read) {
  const fd = openSync2(full, "r");
  try {
    return read(fd);
  } finally {
    closeSync2(fd);
  }
}
function describeFsError(path, error) {
  const code2 = error.code;
  if (code2 === "ENOENT") return `${path}: no such file or directory`;
  if (code2 === "EACCES") return `${path}: permission denied`;
  return `${path}: could not be read: ${error.message}`;
}
async function isDirectory(path) {
  return (await stat2(path).catch(() => void 0))?.isDirectory() ?? false;
}
async function loadMlflowRun(spec, full) {
  const metricsDir = join3(full, "metrics");
  const entries2 = await readdir2(metricsDir, { recursive: true, withFileTypes: true });
  const files = [];
  for (const entry of entries2.filter((e) => e.isFile())) {
    const path = join3(entry.parentPath, entry.name);
    const key = path.slice(metricsDir.length + 1).replace(/\\/g, "/");
    files.push({ key, text: await readFile(path, "utf8") });
  }
  return parseMlflowRun(files, { name: spec.name, file: spec.path });
}
async function readMetricsText(full, shown) {
  try {
    const info = await stat2(full);
    if (info.isDirectory()) return { ok: false, error: `${shown}: is a directory, not a metrics file` };
    if (info.size > MAX_WHOLE_BYTES) return { ok: false, error: tooLarge(shown, info.size, MAX_WHOLE_BYTES) };
    return { ok: true, text: await readFile(full, "utf8") };
  } catch (error) {
    return { ok: false, error: describeFsError(shown, error) };
  }
}
async function loadTensorboardRun(spec, full, names) {
  if (names.length === 0)
    return { ok: false, error: `${spec.path}: no TensorBoard event files (events.out.tfevents.*) in it` };
  const { TensorboardScalars } = await eventReader();
  const scalars = new TensorboardScalars(spec.step);
  const files = names.map((name) => `${spec.path.replace(/[\\/]+$/, "")}/${name}`);
  for (const [i, name] of names.entries()) {
    const path = join3(full, name);
    const shown = files[i];
    try {
      const size = (await stat2(path)).size;
      if (size > MAX_STREAMED_BYTES) return { ok: false, error: tooLarge(shown, size, MAX_STREAMED_BYTES) };
      withFile(path, (fd) => scalars.add(fileBytesReader(fd), size, name));
    } catch (error) {
      if (error instanceof MetricsFormatError) return { ok: false, error: formatLocated(shown, error) };
      return { ok: false, error: describeFsError(shown, error) };
    }
  }
  try {
    const options = {
      name: spec.name,
      file: spec.path,
      files,
      ...spec.step !== void 0 ? { step: spec.step } : {}
    };
    return { ok: true, source: scalars.source(options) };
  } catch (error) {
    if (error instanceof MetricsFormatError) return { ok: false, error: formatLocated(spec.path, error) };
    throw error;
  }
}
async function loadOne(spec, { cwd, refs }) {
  if (spec.format !== void 0 && !METRIC_FORMATS.includes(spec.format)) {
    return {
      ok: false,
      error: `${spec.path}: unknown metrics format '${spec.format}'; expected one of ${METRIC_FORMATS.join(", ")}`
    };
  }
  const full = resolve3(cwd, spec.path);
  try {
    const info = await stat2(full);
    if (info.isDirectory()) {
      if (spec.format !== "tensorboard" && await isDirectory(join3(full, "metrics"))) {
        if (spec.step !== void 0)
          return {
            ok: false,
            error: `${spec.path}: 'step:' applies to TensorBoard event files and run directories, not an MLflow run`
          };
        return await loadMlflowRun(spec, full);
      }
      const events = (await readdir2(full, { withFileTypes: true })).filter((entry) => entry.isFile() && isTensorboardEventFile(entry.name)).map((entry) => entry.name).sort();
      if (spec.format === "tensorboard" || spec.format === void 0 && events.length > 0)
        return await loadTensorboardRun(spec, full, events);
      return {
        ok: false,
        error: `${spec.path}: is a directory, and neither an MLflow run directory (it has no metrics/ inside) nor a TensorBoard run directory (no events.out.tfevents.* files in it)`
      };
    }
    if (spec.format === "mlflow") {
      return {
        ok: false,
        error: `${spec.path}: format mlflow reads a run directory (one that contains metrics/), not a file`
      };
    }
    if (isDvcYaml(spec.path) && (spec.format === void 0 || spec.format === "dvc")) {
      return await loadDvcYaml(spec, full, readMetricsText);
    }
    const tensorboard = spec.format === "tensorboard" || spec.format === void 0 && isTensorboardEventFile(full);
    if (spec.step !== void 0 && !tensorboard) {
      return {
        ok: false,
        error: `${spec.path}: 'step:' applies to TensorBoard event files (events.out.tfevents.*) and run directories only; remove it or set format: tensorboard`
      };
    }
    if (info.size > MAX_STREAMED_BYTES)
      return { ok: false, error: tooLarge(spec.path, info.size, MAX_STREAMED_BYTES) };
    if (tensorboard) {
      const { readTensorboardEvents } = await eventReader();
      return withFile(
        full,
        (fd) => readTensorboardEvents(fileBytesReader(fd), info.size, {
          name: spec.name,
          file: spec.path,
          ...spec.step !== void 0 ? { step: spec.step } : {}
        })
      );
    }
    const options = {
      name: spec.name,
      file: spec.path,
      format: spec.format,
      checkpoint: spec.checkpoint,
      ...info.size > MAX_WHOLE_BYTES ? { streamed: { bytes: info.size, wholeLimit: MAX_WHOLE_BYTES, refs } } : {}
    };
    return withFile(full, (fd) => parseMetricsChunks(fileTextChunks(fd), options));
  } catch (error) {
    return { ok: false, error: describeFsError(spec.path, error) };
  }
}
async function loadMetricSources(specs, opts) {
  const sources3 = [];
  const errors2 = {};
  for (const spec of specs.filter((s) => s.format !== "predictions")) {
    const loaded = await loadOne(spec, opts);
    if (loaded.ok) sources3.push(loaded.source);
    else errors2[spec.name] = loaded.error;
  }
  return { sources: sources3, errors: errors2 };
}
function parseMetricArg(arg) {
  const trimmed = arg.trim();
  const m = /^([A-Za-z_][\w-]*)(?::([a-z]+))?\s*=\s*(.+)$/.exec(trimmed);
  const path = m ? m[3].trim() : trimmed;
  const stem = basename(path.replace(/[\\/]+$/, "")).replace(/\.[^.]*$/, "");
  return {
    ...m ? { name: m[1] } : {},
    path,
    ...m?.[2] ? { format: m[2] } : {},
    defaultName: stem === "" ? "metrics" : stem
  };
}

// src/node/predictions-sources.ts
async function loadPredictionSources(metricSpecs, baselineSpecs, cwd) {
  if (!metricSpecs.some((spec) => spec.format === "predictions" && spec.predictions))
    return { metrics: [], baseline: [], metricErrors: {}, baselineErrors: {} };
  const { computePredictionSources } = await import("./chunks/sources-FLRF5RHT.js");
  return computePredictionSources(metricSpecs, baselineSpecs, cwd);
}

// src/core/config/metric-refs.ts
function conditionRefs(config) {
  return config.steps.flatMap(
    (step2) => step2.type === "test" ? step2.checks.map((c) => c.metric) : step2.type === "approval" ? step2.autoApproveIf.map((c) => c.metric) : []
  );
}

// src/node/metric-overrides.ts
function overrideSources(fromConfig, args) {
  const merged = new Map(fromConfig.map((spec) => [spec.name, spec]));
  const given = /* @__PURE__ */ new Map();
  const errors2 = [];
  for (const arg of args) {
    const parsed = parseMetricArg(arg);
    const only = fromConfig.length === 1 ? fromConfig[0] : void 0;
    const name = parsed.name ?? only?.name ?? parsed.defaultName;
    const earlier = given.get(name);
    if (earlier !== void 0 && earlier !== parsed.path) {
      errors2.push(
        `two files for the metric source '${name}': ${earlier} and ${parsed.path}; give each its own name, e.g. a=${earlier} b=${parsed.path}`
      );
      continue;
    }
    given.set(name, parsed.path);
    const previous = merged.get(name);
    merged.set(name, {
      ...previous,
      name,
      path: parsed.path,
      // A format set in the config describes the config's file, not a replacement file; but a
      // predictions source stays one (its columns are the config's), read from the file given.
      format: parsed.format ?? (previous?.predictions ? "predictions" : previous?.path === parsed.path ? previous.format : void 0),
      // A file given on the command line is read from the working tree, never from a git ref.
      ref: void 0
    });
  }
  return { specs: [...merged.values()], errors: errors2 };
}

// src/cli/evaluate-inputs.ts
import { readFile as readFile2 } from "node:fs/promises";
import { resolve as resolve4 } from "node:path";
var InputError = class extends Error {
  constructor(file, detail, position = { line: 1, column: 1 }) {
    super(`${file}:${position.line}:${position.column}: ${detail}`);
    this.file = file;
    this.detail = detail;
    this.position = position;
  }
  file;
  detail;
  position;
};
function jsonErrorPosition(text2, message) {
  const match = /position (\d+)/.exec(message);
  if (!match) return void 0;
  const before = text2.slice(0, Number(match[1]));
  const lines = before.split("\n");
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}
function describeReadError(error) {
  const code2 = error?.code;
  if (code2 === "ENOENT") return "no such file";
  if (code2 === "EISDIR") return "is a directory, not a file";
  if (code2 === "EACCES") return "permission denied";
  return `cannot be read (${error instanceof Error ? error.message : String(error)})`;
}
async function readText(file, cwd) {
  try {
    return await readFile2(resolve4(cwd, file), "utf8");
  } catch (error) {
    throw new InputError(file, describeReadError(error));
  }
}
async function readJson(file, cwd) {
  const text2 = await readText(file, cwd);
  try {
    return JSON.parse(text2);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new InputError(file, `not valid JSON: ${message}`, jsonErrorPosition(text2, message));
  }
}
function isRecord5(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function field(object, path) {
  return path.split(".").reduce((node, key) => isRecord5(node) ? node[key] : void 0, object);
}
function requireString(object, path, file) {
  const value = field(object, path);
  if (typeof value !== "string" || value === "")
    throw new InputError(file, `${path} must be a non-empty string (a GitHub REST pull request)`);
  return value;
}
async function readPullRequest2(file, cwd) {
  const json = await readJson(file, cwd);
  if (!isRecord5(json)) throw new InputError(file, `expected a GitHub REST pull request object`);
  const number = json.number;
  return {
    ...typeof number === "number" ? { number } : {},
    author: requireString(json, "user.login", file),
    headSha: requireString(json, "head.sha", file),
    baseRef: requireString(json, "base.ref", file)
  };
}
async function readReviews(file, cwd) {
  const json = await readJson(file, cwd);
  if (!Array.isArray(json))
    throw new InputError(file, `expected a JSON array of reviews (GitHub REST list-reviews)`);
  return json.map((item, i) => {
    const where = `review [${i}]`;
    if (!isRecord5(item)) throw new InputError(file, `${where} is not an object`);
    const { id, user, state, commit_id, submitted_at, body } = item;
    if (typeof id !== "number") throw new InputError(file, `${where}: id must be a number`);
    if (typeof state !== "string") throw new InputError(file, `${where}: state must be a string`);
    if (user !== null && !(isRecord5(user) && typeof user.login === "string"))
      throw new InputError(file, `${where}: user must be {"login": ...} or null`);
    if (commit_id !== null && typeof commit_id !== "string")
      throw new InputError(file, `${where}: commit_id must be a string or null`);
    if (submitted_at !== void 0 && submitted_at !== null && typeof submitted_at !== "string")
      throw new InputError(file, `${where}: submitted_at must be a string`);
    if (body !== void 0 && body !== null && typeof body !== "string")
      throw new InputError(file, `${where}: body must be a string`);
    return {
      id,
      user: user === null ? null : { login: user.login },
      state,
      commit_id: commit_id ?? null,
      submitted_at: submitted_at ?? null,
      ...typeof body === "string" ? { body } : {}
    };
  });
}
async function readTeams2(file, cwd) {
  const json = await readJson(file, cwd);
  const shape = `expected {"org/team": ["login", ...]}`;
  if (!isRecord5(json)) throw new InputError(file, `${shape}`);
  for (const [team, members] of Object.entries(json)) {
    if (!Array.isArray(members) || members.some((m) => typeof m !== "string"))
      throw new InputError(file, `team "${team}" must map to a list of logins; ${shape}`);
  }
  return json;
}
async function readChangedFiles(file, cwd) {
  const text2 = await readText(file, cwd);
  return text2.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== "");
}

// src/cli/io.ts
var EXIT_USAGE = 2;
var CliError = class extends Error {
};
var UsageError = class extends CliError {
};

// src/cli/local-ports.ts
var LOCAL_REPOSITORY = "local/repository";
var LOCAL_BRANCH = "main";
var LOCAL_PR = 0;
function localPorts(files) {
  const pr = files.pr;
  const changed = files.changedFiles ? { known: true, files: files.changedFiles, complete: true } : { known: false, why: "no --changed-files was given" };
  const pullRequest = () => {
    if (!pr) throw new GitHubError("reading the pull request", 404, "no --pr was given");
    return {
      number: pr.number ?? LOCAL_PR,
      author: pr.author,
      headSha: pr.headSha,
      headRef: "head",
      baseRef: pr.baseRef,
      baseSha: `${pr.baseRef}-base`,
      state: "open",
      merged: false,
      draft: false,
      title: "",
      labels: [],
      requestedReviewers: [],
      requestedTeams: [],
      headRepoFullName: LOCAL_REPOSITORY,
      baseRepoFullName: LOCAL_REPOSITORY,
      // The config given is the rules, whatever branch the PR targets.
      defaultBranch: pr.baseRef,
      changedFilesCount: files.changedFiles?.length ?? 0,
      updatedAt: ""
    };
  };
  return {
    repository: LOCAL_REPOSITORY,
    configWhere: `the file ${files.configPath}`,
    pullRequestWithReviews: async () => ({ pullRequest: pullRequest(), reviews: files.reviews }),
    getFile: async (path) => path === files.configPath ? { text: files.configText } : null,
    changedFiles: async () => changed,
    branchContains: async () => true,
    pushOf: async () => void 0,
    listComments: async () => [],
    listTeamMembers: async (org, slug) => {
      const wanted = `${org}/${slug}`.toLowerCase();
      const key = Object.keys(files.teams).find((team) => team.toLowerCase() === wanted);
      if (key === void 0)
        throw new GitHubError(`reading the members of team ${org}/${slug}`, 404, "not in --teams");
      return files.teams[key] ?? [];
    },
    pullRequestsForCommit: async () => [],
    pullRequestsFromHead: async () => [],
    workflowRunsForCommit: async () => [],
    runArtifacts: async () => [],
    readArtifactFile: async () => null,
    // Local files hold no deployments: a deployed baseline is given with --baseline NAME=FILE.
    deploymentsTo: async (environment) => {
      throw new GitHubError(
        `reading what is deployed to ${environment}`,
        404,
        "the CLI reads no deployments: give the live model's metrics with --baseline NAME=FILE"
      );
    },
    deploymentStatuses: async () => [],
    findOwnCheckRun: async () => null
  };
}

// src/cli/validate.ts
import { readFile as readFile3 } from "node:fs/promises";
import { resolve as resolve5 } from "node:path";
var DEFAULT_CONFIG = CONFIG_PATH;
var VALIDATE_USAGE = `Usage: model-approval validate [CONFIG...] [--format text|json]

Checks approval-workflow configs (default ${DEFAULT_CONFIG}).
Diagnostics go to stderr as FILE:LINE:COL: error: MESSAGE; --format json prints them on stdout.
Exit status: 0 valid, 2 invalid or unreadable.
`;
function readErrorMessage(error) {
  const code2 = error?.code;
  if (code2 === "ENOENT") return "config file not found";
  if (code2 === "EISDIR") return "is a directory, not a config file";
  if (code2 === "EACCES") return "permission denied";
  return `cannot read the file (${error instanceof Error ? error.message : String(error)})`;
}
async function validateFile(file, cwd) {
  let text2;
  try {
    text2 = await readFile3(resolve5(cwd, file), "utf8");
  } catch (error) {
    const hint = file === DEFAULT_CONFIG ? "create it, or pass the config's path: model-approval validate path/to/config.yml" : void 0;
    const diagnostic = {
      file,
      line: 1,
      column: 1,
      severity: "error",
      message: readErrorMessage(error)
    };
    return { valid: false, diagnostics: [hint ? { ...diagnostic, hint } : diagnostic] };
  }
  const result = parseConfig(text2, file);
  return result.ok ? { valid: true, diagnostics: result.warnings } : { valid: false, diagnostics: result.diagnostics };
}
function parseArgs(args) {
  const files = [];
  let format = "text";
  let help = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? "";
    if (arg === "--help" || arg === "-h") help = true;
    else if (arg === "--format" || arg.startsWith("--format=")) {
      const value = arg.includes("=") ? arg.slice("--format=".length) : args[++i];
      if (value !== "text" && value !== "json")
        return { error: `--format must be text or json, not '${value ?? ""}'` };
      format = value;
    } else if (arg.startsWith("-") && arg !== "-") return { error: `unknown option '${arg}'` };
    else files.push(arg);
  }
  return { files: files.length > 0 ? files : [DEFAULT_CONFIG], format, help };
}
async function runValidate(args, io) {
  const parsed = parseArgs(args);
  if ("error" in parsed) {
    io.stderr.write(`model-approval validate: ${parsed.error}

${VALIDATE_USAGE}`);
    return EXIT_USAGE;
  }
  if (parsed.help) {
    io.stdout.write(VALIDATE_USAGE);
    return 0;
  }
  const results = await Promise.all(parsed.files.map((file) => validateFile(file, io.cwd)));
  const valid = results.every((r) => r.valid);
  const diagnostics = results.flatMap((r) => r.diagnostics);
  if (parsed.format === "json") {
    io.stdout.write(`${JSON.stringify({ valid, diagnostics }, null, 2)}
`);
  } else {
    for (const d of diagnostics) io.stderr.write(`${formatDiagnostic(d)}
`);
    parsed.files.forEach((file, i) => {
      if (results[i]?.valid) io.stdout.write(`${file}: valid
`);
    });
    const errors2 = diagnostics.filter((d) => d.severity === "error").length;
    if (errors2 > 0) io.stderr.write(`${errors2} error${errors2 === 1 ? "" : "s"}
`);
  }
  return valid ? 0 : EXIT_USAGE;
}

// src/cli/evaluate.ts
var EVALUATE_USAGE = `Usage: model-approval evaluate [options]

Decides from local files exactly as the Action and the App would.

Options:
  --config CONFIG          the config (default ${DEFAULT_CONFIG})
  --metrics [NAME=]FILE    a metrics file; NAME replaces the config's source of that name, an
                           unnamed FILE replaces the config's only source; repeatable
  --baseline [NAME=]FILE   the production model's metrics, likewise; repeatable. Without it a
                           baseline with a ref is read from git (git show REF:PATH); 'ref: base'
                           is the PR's base branch with --pr, else origin/HEAD (else main)
  --pr PR.json             a GitHub REST pull request (user.login, head.sha, base.ref)
  --reviews REVIEWS.json   a GitHub REST list-reviews array (needs --pr)
  --teams TEAMS.json       {"org/team": ["login", ...]}
  --changed-files FILE     the PR's changed paths, one per line (needs --pr)
  --format text|json|markdown   (default text)

Without --pr no manual approval can be given: a step that needs one is pending.
Exit status: 0 approved, 1 rejected, 3 pending, 2 config or input error.
`;
var EXIT_CODES = {
  approved: 0,
  rejected: 1,
  pending: 3,
  error: EXIT_USAGE
};
var VALUE_OPTIONS = [
  "--config",
  "--metrics",
  "--baseline",
  "--pr",
  "--reviews",
  "--teams",
  "--changed-files",
  "--format"
];
function parseArgs2(args) {
  const options = { config: DEFAULT_CONFIG, metrics: [], baseline: [], format: "text", help: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? "";
    if (arg === "--help" || arg === "-h") {
      options.help = true;
      continue;
    }
    const eq = arg.indexOf("=");
    const name = arg.startsWith("--") && eq > 0 ? arg.slice(0, eq) : arg;
    if (!VALUE_OPTIONS.includes(name)) {
      return { error: arg.startsWith("-") ? `unknown option '${arg}'` : `unexpected argument '${arg}'` };
    }
    const value = name !== arg ? arg.slice(eq + 1) : args[++i];
    if (value === void 0 || value === "") return { error: `${name} needs a value` };
    switch (name) {
      case "--metrics":
        options.metrics.push(value);
        break;
      case "--baseline":
        options.baseline.push(value);
        break;
      case "--format":
        if (value !== "text" && value !== "json" && value !== "markdown")
          return { error: `--format must be text, json or markdown, not '${value}'` };
        options.format = value;
        break;
      case "--config":
        options.config = value;
        break;
      case "--pr":
        options.pr = value;
        break;
      case "--reviews":
        options.reviews = value;
        break;
      case "--teams":
        options.teams = value;
        break;
      case "--changed-files":
        options.changedFiles = value;
        break;
    }
  }
  if (!options.pr && (options.reviews || options.changedFiles))
    return { error: "--reviews and --changed-files describe a pull request: pass --pr PR.json too" };
  return options;
}
function inputDiagnostic(file, message) {
  return { file, line: 1, column: 1, severity: "error", message };
}
async function modelIdentity(config, cwd) {
  const name = config.model.name;
  if (config.model.artifacts.length === 0) return name ? { name, artifacts: [] } : void 0;
  const identity = await digestArtifacts(config.model.artifacts, { cwd });
  return name ? { ...identity, name } : identity;
}
async function measure(config, options, cwd, warn, baseBranch) {
  const metrics = overrideSources(config.metrics, options.metrics);
  const baselines = overrideSources(config.baseline, options.baseline);
  const collapsed = [
    ...metrics.errors.map((e) => `--metrics: ${e}`),
    ...baselines.errors.map((e) => `--baseline: ${e}`)
  ];
  if (collapsed.length > 0) throw new GateError("input", collapsed.join("; "));
  const refs = conditionRefs(config);
  const loaded = await loadMetricSources(metrics.specs, { cwd, refs });
  const local = await loadMetricSources(
    baselines.specs.filter((spec) => spec.ref === void 0),
    { cwd, refs }
  );
  const pinned = await loadGitSources(baselines.specs, { cwd, ...baseBranch ? { baseBranch } : {} });
  const computed = await loadPredictionSources(metrics.specs, baselines.specs, cwd);
  const baselineErrors = { ...local.errors, ...pinned.errors, ...computed.baselineErrors };
  Object.assign(loaded.errors, computed.metricErrors);
  for (const message of Object.values(loaded.errors)) warn(`metrics: ${message}`);
  for (const message of Object.values(baselineErrors)) warn(`baseline: ${message}`);
  for (const source of pinned.sources)
    warn(`baseline ${source.name}: ${source.file} read at ${source.at?.ref} (${source.at?.commit})`);
  const model2 = await modelIdentity(config, cwd);
  return {
    metrics: [...loaded.sources, ...computed.metrics],
    baseline: [...local.sources, ...pinned.sources, ...computed.baseline],
    metricErrors: loaded.errors,
    baselineErrors,
    ...model2 ? { model: model2 } : {}
  };
}
async function evaluate(options, cwd, warn) {
  let text2;
  try {
    text2 = await readText(options.config, cwd);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return configErrorResult([inputDiagnostic(options.config, `config file: ${error.detail}`)]);
  }
  const parsed = parseConfig(text2, options.config);
  if (!parsed.ok) return configErrorResult(parsed.diagnostics);
  for (const w of parsed.warnings) warn(formatDiagnostic(w));
  let files;
  try {
    const pr = options.pr ? await readPullRequest2(options.pr, cwd) : void 0;
    files = {
      configPath: options.config,
      configText: text2,
      ...pr ? { pr } : {},
      reviews: options.reviews ? await readReviews(options.reviews, cwd) : [],
      ...options.changedFiles ? { changedFiles: await readChangedFiles(options.changedFiles, cwd) } : {},
      teams: options.teams ? await readTeams2(options.teams, cwd) : {}
    };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return configErrorResult([{ ...inputDiagnostic(error.file, error.detail), ...error.position }]);
  }
  if (files.pr && !files.changedFiles)
    warn("no --changed-files: protected paths cannot be ruled out, so there is no auto-approval");
  const subject = files.pr ? { kind: "pull_request", number: files.pr.number ?? LOCAL_PR } : { kind: "commit", sha: "local", defaultBranch: LOCAL_BRANCH };
  const collected = await collectCandidate(localPorts(files), subject, {
    configPath: options.config,
    unreadableTeam: "it is not in --teams, so its members' reviews do not count: give its members with --teams",
    // Given the live model's metrics as files, the CLI compares with those instead.
    ...options.baseline.length > 0 ? { deploymentsUnread: "the CLI compares with the --baseline files; give one for each source" } : {},
    measuring: (config) => ({
      local: true,
      runId: 0,
      attempt: 1,
      at: "",
      where: "the local files",
      measure: () => measure(config, options, cwd, warn, files.pr?.baseRef)
    })
  });
  if (collected.kind === "no-config")
    return configErrorResult([inputDiagnostic(options.config, "config file: not found")]);
  if (collected.kind === "candidate") {
    for (const w of collected.warnings) warn(w);
    for (const [team, why] of Object.entries(collected.candidate.unreadableTeams ?? {}))
      warn(`team ${team}: ${why}`);
  }
  return decisionFor(collected);
}
function render2(result, format) {
  if (format === "json") return renderJsonReport(result);
  if (format === "markdown") return renderMarkdown(result) + "\n";
  return renderText(result);
}
async function runEvaluate(args, io) {
  const options = parseArgs2(args);
  if ("error" in options) {
    io.stderr.write(`model-approval evaluate: ${options.error}

${EVALUATE_USAGE}`);
    return EXIT_USAGE;
  }
  if (options.help) {
    io.stdout.write(EVALUATE_USAGE);
    return 0;
  }
  const warn = (message) => io.stderr.write(`warning: ${message}
`);
  const result = await evaluate(options, io.cwd, warn);
  for (const d of result.diagnostics) io.stderr.write(`${formatDiagnostic(d)}
`);
  if (result.decision !== "error" || options.format !== "text" || result.diagnostics.length === 0)
    io.stdout.write(render2(result, options.format));
  if (result.decision === "error") io.stderr.write(`model-approval: ERROR \u2014 ${result.summary}
`);
  return EXIT_CODES[result.decision];
}

// src/core/ledger/chain.ts
import { createHash as createHash3 } from "node:crypto";
var LEDGER_FORMAT = 1;
function recordHash(sequence, previous, entry) {
  const hashed = { format: LEDGER_FORMAT, sequence, previous, entry };
  return createHash3("sha256").update(canonicalJson(hashed)).digest("hex");
}
function verifyChain(repository, records, repositoryId) {
  const problems = [];
  const at2 = (sequence, problem) => problems.push({ repository, sequence, problem });
  let before;
  for (const record2 of records) {
    const expected = (before?.sequence ?? 0) + 1;
    if (record2.sequence !== expected)
      at2(
        record2.sequence,
        record2.sequence === expected + 1 ? `record ${expected} is missing` : record2.sequence > expected ? `records ${expected}\u2013${record2.sequence - 1} are missing` : `follows record ${before?.sequence ?? 0} out of order`
      );
    const previous = before?.hash ?? null;
    if (record2.previous !== previous)
      at2(
        record2.sequence,
        previous === null ? `names a previous record (${record2.previous}) but is the first` : `names ${record2.previous ?? "no previous record"} as the previous record's hash, which is ${previous}`
      );
    if (repositoryId !== void 0 && record2.entry.repositoryId !== repositoryId)
      at2(
        record2.sequence,
        `belongs to repository id ${String(record2.entry.repositoryId)}, not ${repositoryId}`
      );
    else if (repositoryId === void 0 && record2.entry.repository.toLowerCase() !== repository.toLowerCase())
      at2(record2.sequence, `belongs to ${record2.entry.repository}, not ${repository}`);
    if (recordHash(record2.sequence, record2.previous, record2.entry) !== record2.hash)
      at2(record2.sequence, "its content does not match its hash: it was changed after it was written");
    before = record2;
  }
  return problems;
}

// src/core/ledger/attestation.ts
var STATEMENT_TYPE = "https://in-toto.io/Statement/v1";
var DECISION_PREDICATE_TYPE = "https://github.com/model-approval/model-approval/blob/main/docs/attestation.md#decision-v1";
function readDecisionStatement(value) {
  const statement = value;
  if (typeof statement !== "object" || statement === null) return { ok: false, why: "not a JSON object" };
  if (statement._type !== STATEMENT_TYPE)
    return { ok: false, why: `not an in-toto Statement v1 (_type ${String(statement._type)})` };
  if (statement.predicateType !== DECISION_PREDICATE_TYPE)
    return { ok: false, why: `another predicate type (${String(statement.predicateType)})` };
  const predicate = statement.predicate;
  if (typeof predicate !== "object" || predicate === null || predicate.format !== LEDGER_FORMAT || typeof predicate.repository !== "string" || typeof predicate.at !== "string" || typeof predicate.decision !== "string" || typeof predicate.candidate?.commit !== "string" || !Array.isArray(predicate.approvers))
    return { ok: false, why: "its predicate is not a model-approval decision of format 1" };
  const subjects = (Array.isArray(statement.subject) ? statement.subject : []).flatMap((s) => {
    const digest = s?.digest?.sha256;
    return typeof digest === "string" ? [`sha256:${digest.toLowerCase()}`] : [];
  });
  return { ok: true, predicate, subjects };
}

// src/core/ledger/render.ts
function describeEntry3(entry) {
  const { candidate } = entry;
  const what = entry.deploy ? `deploy to ${entry.deploy.environment} (run ${entry.deploy.run}): ${entry.deploy.answer}` : `${entry.decision}${entry.automatic ? " (automatically)" : ""}`;
  const where = `${candidate.pr === void 0 ? "commit" : `PR #${candidate.pr} at`} ${candidate.commit.slice(0, 7)}`;
  const model2 = candidate.model ? `model ${[candidate.model.name, shortKey(candidate.model.key)].filter(Boolean).join(" ")}` : "no model identity";
  const approvers = entry.approvers.length > 0 ? `approved by ${entry.approvers.map((a) => `${a.login}${a.review === void 0 ? "" : ` (review ${a.review})`}`).join(", ")}` : void 0;
  return [what, where, model2, approvers].filter(Boolean).join(" \xB7 ");
}
function renderHistory(records) {
  if (records.length === 0) return "no records\n";
  return records.map(
    (r) => `${r.entry.at}  ${r.entry.repository}${r.sequence === void 0 ? "" : ` #${r.sequence}`}  ${describeEntry3(r.entry)}
`
  ).join("");
}
function renderVerification(checked) {
  if (checked.length === 0) return "no repositories with records\n";
  return checked.map(({ repository, records, problems }) => {
    if (problems.length === 0) {
      const head = records.at(-1);
      return `${repository}: ${records.length} record(s), the chain is whole${head ? ` (head #${head.sequence} ${head.hash.slice(0, 16)})` : ""}
`;
    }
    return `${repository}: BROKEN
${problems.map((p) => `  record ${p.sequence}: ${p.problem}
`).join("")}`;
  }).join("");
}

// src/cli/app-client.ts
var LOOPBACK = /* @__PURE__ */ new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);
function appUrl(given) {
  if (!given) throw new UsageError("name the App with --app URL (or MODEL_APPROVAL_APP_URL)");
  let url;
  try {
    url = new URL(given);
  } catch {
    throw new UsageError(`--app: '${given}' is not a URL (e.g. https://model-approval.example.com)`);
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && LOOPBACK.has(url.hostname)))
    throw new UsageError(
      `--app: refusing to send a GitHub token to ${url.host} over ${url.protocol.replace(":", "")}: use https:// (plain http only to this machine)`
    );
  return url;
}
function tokenFrom(env) {
  return env.GITHUB_TOKEN?.trim() || env.GH_TOKEN?.trim() || void 0;
}
async function appGet(app, path, query, token) {
  const url = new URL(path, app.href.endsWith("/") ? app.href : `${app.href}/`);
  for (const [name, value] of Object.entries(query))
    if (value !== void 0) url.searchParams.set(name, value);
  let response;
  try {
    response = await fetch(url, {
      headers: { authorization: `Bearer ${token}`, accept: "application/json" }
    });
  } catch (error) {
    const cause = error.cause;
    throw new CliError(
      `could not reach the App at ${app.origin}: ${cause?.code ?? cause?.message ?? String(error)}`
    );
  }
  const text2 = await response.text();
  let body;
  try {
    body = JSON.parse(text2);
  } catch {
    throw new CliError(
      `the App at ${app.origin} answered ${response.status} with something that is not JSON: is --app the App's address?`
    );
  }
  if (!response.ok) {
    const message = body?.error;
    throw new CliError(
      `the App answered ${response.status}: ${typeof message === "string" ? message : text2.slice(0, 200)}`
    );
  }
  return body;
}

// src/cli/options.ts
import { parseArgs as parseArgs3 } from "node:util";
function reportFailure(io, command, error) {
  const message = error instanceof CliError ? error.message : describeError(error);
  const hint = error instanceof UsageError ? ` (model-approval ${command} --help lists the options)` : "";
  io.stderr.write(`model-approval ${command}: ${message}${hint}
`);
  return EXIT_USAGE;
}
function parseCommandOptions(args, options) {
  try {
    return parseArgs3({ args, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}
function checkFormat(format) {
  if (format !== "text" && format !== "json")
    throw new UsageError(`--format must be text or json, not '${String(format)}'`);
  return format;
}

// src/cli/history.ts
var HISTORY_USAGE = `Usage: model-approval history [options]

Lists the ledger's records, newest first: each change of a decision (who approved which model, on
what evidence) and each answer to a deploy job.

Options:
  --app URL              the App (or MODEL_APPROVAL_APP_URL); the token in GITHUB_TOKEN or GH_TOKEN
                         shows the repositories it can read
  --repo OWNER/NAME      one repository
  --model NAME           one model, by the name its config gives it
  --digest sha256:HEX    one model, by its digest or one of its files' sha256
  --environment NAME     the deploy answers for one environment
  --limit N              at most N records (default 100, at most 1000)
  --format text|json     (default text)

Without --app (and MODEL_APPROVAL_APP_URL) the records are the Action's decisions signed into
GitHub's attestations (docs/attestation.md): --repo and --digest (a model file's sha256) are then
needed, GITHUB_API_URL names the API (default https://api.github.com), and signatures are not
checked here: gh attestation verify checks them.
Exit status: 0 listed (even none), 2 usage, input or connection error.
`;
var OPTIONS = {
  app: { type: "string" },
  repo: { type: "string" },
  model: { type: "string" },
  digest: { type: "string" },
  environment: { type: "string" },
  limit: { type: "string" },
  format: { type: "string", default: "text" },
  help: { type: "boolean", short: "h" }
};
var DIGEST = /^(?:sha256:)?([0-9a-f]{64})$/i;
async function fromApp(values, io, given) {
  const app = appUrl(given);
  const token = tokenFrom(io.env ?? {});
  if (!token)
    throw new UsageError("set GITHUB_TOKEN (or GH_TOKEN) to a GitHub token: the App shows what it can read");
  const body = await appGet(
    app,
    "api/history",
    {
      repo: values.repo,
      model: values.model,
      digest: values.digest,
      environment: values.environment,
      limit: values.limit
    },
    token
  );
  if (!Array.isArray(body.records))
    throw new CliError("the App's answer holds no records: is --app the App's address?");
  return { records: body.records };
}
async function fromAttestations(values, io) {
  const env = io.env ?? {};
  if (!values.repo || !values.digest)
    throw new UsageError(
      "without --app, name --repo OWNER/NAME and --digest sha256:HEX (a model file's sha256)"
    );
  if (!/^[\w.-]+\/[\w.-]+$/.test(values.repo))
    throw new UsageError(`--repo: '${values.repo}' is not owner/name`);
  const hex = DIGEST.exec(values.digest)?.[1];
  if (!hex) throw new UsageError(`--digest: '${values.digest}' is not sha256:<64 hex digits>`);
  const [{ createActionOctokit }, { attestedStatements }] = await Promise.all([
    import("./chunks/octokit-JGRGXVA3.js"),
    import("./chunks/attestations-KWY6ZMGJ.js")
  ]);
  const octokit = createActionOctokit(tokenFrom(env) ?? "", {
    baseUrl: env.GITHUB_API_URL?.trim() || "https://api.github.com"
  });
  const digest = `sha256:${hex.toLowerCase()}`;
  const listed2 = await attestedStatements(octokit, values.repo, digest, DECISION_PREDICATE_TYPE);
  const records = [];
  const unreadable = [...listed2.unreadable];
  for (const statement of listed2.statements) {
    const read = readDecisionStatement(statement);
    if (!read.ok) unreadable.push(`a statement: ${read.why}`);
    else if (read.predicate.repository.toLowerCase() !== values.repo.toLowerCase())
      unreadable.push(`a statement about another repository (${read.predicate.repository})`);
    else if (!read.subjects.includes(digest))
      unreadable.push(`a statement whose subjects do not include ${digest}`);
    else {
      const { format: _format, ...entry } = read.predicate;
      records.push({ entry });
    }
  }
  const filtered = records.filter(
    (r) => !values.model || r.entry.candidate.model?.name?.toLowerCase() === values.model.toLowerCase()
  ).filter(
    (r) => !values.environment || r.entry.deploy?.environment.toLowerCase() === values.environment.toLowerCase()
  ).sort((a, b) => a.entry.at < b.entry.at ? 1 : a.entry.at > b.entry.at ? -1 : 0);
  return { records: filtered, unreadable, more: listed2.more };
}
async function runHistory(args, io) {
  let values;
  try {
    values = parseCommandOptions(args, OPTIONS);
    if (values.help) {
      io.stdout.write(HISTORY_USAGE);
      return 0;
    }
    const format = checkFormat(values.format);
    const given = values.app ?? io.env?.MODEL_APPROVAL_APP_URL?.trim();
    if (given) {
      const { records: records2 } = await fromApp(values, io, given);
      io.stdout.write(
        format === "json" ? JSON.stringify({ source: "app", records: records2 }, null, 2) + "\n" : renderHistory(records2)
      );
      return 0;
    }
    const { records, unreadable, more } = await fromAttestations(values, io);
    if (format === "json")
      io.stdout.write(
        JSON.stringify(
          { source: "attestations", signaturesChecked: false, records, unreadable, more },
          null,
          2
        ) + "\n"
      );
    else {
      io.stdout.write(renderHistory(records));
      io.stderr.write(
        "model-approval history: read from GitHub's attestations; their signatures are not checked here: run gh attestation verify on the model's file\n"
      );
      for (const problem of unreadable) io.stderr.write(`model-approval history: skipped ${problem}
`);
      if (more)
        io.stderr.write("model-approval history: GitHub holds more attestations than the first 100 shown\n");
    }
    return 0;
  } catch (error) {
    return reportFailure(io, "history", error);
  }
}

// src/cli/ledger.ts
import { readFile as readFile4 } from "node:fs/promises";
import { resolve as resolve6 } from "node:path";
var LEDGER_USAGE = `Usage: model-approval ledger verify [options]

Checks the hash chain of the App's ledger: each record's hash against its content and the record
before it, from the first record on. A repository's chain is broken if any record was edited,
inserted, reordered or deleted.

Options:
  --app URL            the App (or MODEL_APPROVAL_APP_URL); the token in GITHUB_TOKEN or GH_TOKEN
  --repo OWNER/NAME    one repository (default: every repository the token can read)
  --expect FILE        the JSON a previous 'ledger verify --format json' printed: each repository
                       it lists must still be there, with at least as many records, and the same
                       hash at its head then (a deleted newest record or repository is found)
  --format text|json   (default text)

Exit status: 0 every chain is whole, 1 a chain is broken, missing or shorter than expected,
2 usage, input or connection error.
`;
var OPTIONS2 = {
  app: { type: "string" },
  repo: { type: "string" },
  expect: { type: "string" },
  format: { type: "string", default: "text" },
  help: { type: "boolean", short: "h" }
};
async function keptHeads(file, cwd) {
  let parsed;
  try {
    parsed = JSON.parse(await readFile4(resolve6(cwd, file), "utf8"));
  } catch (error) {
    throw new UsageError(`--expect ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const listed2 = parsed?.repositories;
  if (!Array.isArray(listed2))
    throw new UsageError(
      `--expect ${file}: not the JSON of 'ledger verify --format json' (no "repositories" list)`
    );
  return listed2.map((r, i) => {
    if (typeof r.repository !== "string" || typeof r.records !== "number")
      throw new UsageError(`--expect ${file}: repositories[${i}] has no repository name and record count`);
    return {
      repository: r.repository,
      records: r.records,
      head: typeof r.head === "string" ? r.head : null,
      ...typeof r.repositoryId === "number" ? { repositoryId: r.repositoryId } : {}
    };
  });
}
async function wholeChain(app, token, repository) {
  const records = [];
  let repositoryId;
  for (let after = 0; ; ) {
    const page = await appGet(app, "api/ledger", { repo: repository, after: String(after) }, token);
    if (!Array.isArray(page.records))
      throw new CliError(`the App's answer for ${repository} holds no records`);
    records.push(...page.records);
    repositoryId ??= page.repositoryId;
    if (page.next === void 0 || page.next <= after) break;
    after = page.next;
  }
  return { records, ...repositoryId === void 0 ? {} : { repositoryId } };
}
function againstKept(kept2, records) {
  const at2 = (problem) => ({
    repository: kept2.repository,
    sequence: kept2.records,
    problem
  });
  if (records.length < kept2.records)
    return [
      at2(
        `the chain has ${records.length} record(s), fewer than the ${kept2.records} kept: records were deleted from its end`
      )
    ];
  const then = records[kept2.records - 1];
  if (kept2.head && then && then.hash !== kept2.head)
    return [
      at2(`record ${kept2.records}'s hash is ${then.hash}, not the ${kept2.head} kept: the chain was rewritten`)
    ];
  return [];
}
async function runLedger(args, io) {
  const [action, ...rest] = args;
  if (action === "--help" || action === "-h" || action === void 0) {
    (action === void 0 ? io.stderr : io.stdout).write(LEDGER_USAGE);
    return action === void 0 ? EXIT_USAGE : 0;
  }
  try {
    if (action !== "verify")
      throw new UsageError(`unknown action '${action}': the ledger command has verify`);
    const values = parseCommandOptions(rest, OPTIONS2);
    if (values.help) {
      io.stdout.write(LEDGER_USAGE);
      return 0;
    }
    const format = checkFormat(values.format);
    const app = appUrl(values.app ?? io.env?.MODEL_APPROVAL_APP_URL?.trim());
    const token = tokenFrom(io.env ?? {});
    if (!token)
      throw new UsageError(
        "set GITHUB_TOKEN (or GH_TOKEN) to a GitHub token: the App shows what it can read"
      );
    const kept2 = values.expect ? await keptHeads(values.expect, io.cwd) : [];
    const listed2 = values.repo ? [values.repo] : ((await appGet(app, "api/repositories", {}, token)).repositories ?? []).map((r) => r.repository);
    const names = [
      ...new Set(
        [
          ...listed2,
          ...kept2.filter((k) => !values.repo || k.repository === values.repo.toLowerCase()).map((k) => k.repository)
        ].map((n) => n.toLowerCase())
      )
    ];
    const checked = [];
    for (const repository of names) {
      const { records, repositoryId } = await wholeChain(app, token, repository);
      const problems = verifyChain(repository, records, repositoryId);
      const expected = kept2.find((k) => k.repository.toLowerCase() === repository);
      if (expected) problems.push(...againstKept(expected, records));
      else if (records.length === 0)
        problems.push({
          repository,
          sequence: 0,
          problem: "no records: none were written, they were deleted, or this token cannot read the repository"
        });
      checked.push({
        repository,
        ...repositoryId === void 0 ? {} : { repositoryId },
        records,
        problems
      });
    }
    const broken = checked.some((c) => c.problems.length > 0);
    io.stdout.write(
      format === "json" ? JSON.stringify(
        {
          whole: !broken,
          repositories: checked.map((c) => ({
            repository: c.repository,
            ...c.repositoryId === void 0 ? {} : { repositoryId: c.repositoryId },
            records: c.records.length,
            head: c.records.at(-1)?.hash ?? null,
            problems: c.problems
          }))
        },
        null,
        2
      ) + "\n" : renderVerification(checked)
    );
    return broken ? 1 : 0;
  } catch (error) {
    return reportFailure(io, "ledger", error);
  }
}

// src/cli/version.ts
var VERSION = "0.1.0";

// src/cli/run.ts
var COMMANDS = {
  validate: { summary: "check a config file and report every problem with its location", run: runValidate },
  evaluate: {
    summary: "decide from local metrics, reviews and PR files, as the Action would",
    run: runEvaluate
  },
  history: {
    summary: "list who approved which model, on what evidence, and what was deployed",
    run: runHistory
  },
  ledger: { summary: "verify the hash chain of the App's ledger (ledger verify)", run: runLedger }
};
var USAGE = `Usage: model-approval <command> [options]

Commands:
${Object.entries(COMMANDS).map(([name, { summary }]) => `  ${name.padEnd(10)} ${summary}`).join("\n")}

Options:
  -h, --help     show help (also: model-approval <command> --help)
  -V, --version  print the version

Run 'model-approval <command> --help' for a command's options.
`;
async function runCli(argv, io) {
  const [command, ...rest] = argv;
  if (command === void 0 || command === "--help" || command === "-h" || command === "help") {
    (command === void 0 ? io.stderr : io.stdout).write(USAGE);
    return command === void 0 ? EXIT_USAGE : 0;
  }
  if (command === "--version" || command === "-V" || command === "version") {
    io.stdout.write(`${VERSION}
`);
    return 0;
  }
  const entry = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : void 0;
  if (!entry) {
    io.stderr.write(`model-approval: unknown command '${command}'

${USAGE}`);
    return EXIT_USAGE;
  }
  try {
    return await entry.run(rest, io);
  } catch (error) {
    io.stderr.write(
      `model-approval ${command}: internal error: ${error instanceof Error ? error.message : String(error)}
`
    );
    return EXIT_USAGE;
  }
}

// src/cli/main.ts
useResampleWorker(new URL("./predictions-worker.js", import.meta.url));
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env
});
