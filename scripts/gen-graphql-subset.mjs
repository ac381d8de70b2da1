// Regenerates test/fixtures/graphql/github-subset.graphql: the fields the gateway's GraphQL reads
// select, cut from GitHub's published GraphQL schema (@octokit/graphql-schema, a devDependency),
// with every argument, enum, input and scalar they need exactly as GitHub declares them. The local
// GitHub validates every query against it, so a field GitHub does not have, a wrong argument or a
// wrong type fails the tests; a field it has but the subset lacks fails too, until it is added here.
//
//   node scripts/gen-graphql-subset.mjs          writes the subset
//   node scripts/gen-graphql-subset.mjs --check  exits 1 if the committed subset differs
//
// Building the whole schema takes about half a second, every test file would pay it; the subset
// takes milliseconds.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { Kind, parse, print } from "graphql";

const OUT = "test/fixtures/graphql/github-subset.graphql";

/** Every field src/github/graphql/ selects (add a line when it learns a new one). */
export const FIELDS = {
  Query: ["repository"],
  Repository: ["pullRequest", "pullRequests", "nameWithOwner", "defaultBranchRef"],
  Ref: ["name", "target"],
  PullRequest: [
    "number",
    "title",
    "state",
    "merged",
    "isDraft",
    "updatedAt",
    "changedFiles",
    "author",
    "headRefName",
    "headRefOid",
    "baseRefName",
    "baseRefOid",
    "headRepository",
    "headRepositoryOwner",
    "baseRepository",
    "createdAt",
    "closedAt",
    "labels",
    "reviewRequests",
    "reviews",
    "comments",
    "commits",
  ],
  Actor: ["login"],
  RepositoryOwner: ["login"],
  User: ["login"],
  Bot: ["login"],
  Mannequin: ["login"],
  Organization: ["login"],
  EnterpriseUserAccount: ["login"],
  Team: ["slug"],
  LabelConnection: ["totalCount", "nodes"],
  Label: ["name"],
  ReviewRequestConnection: ["totalCount", "nodes"],
  ReviewRequest: ["requestedReviewer"],
  PullRequestReviewConnection: ["pageInfo", "nodes"],
  PageInfo: ["hasNextPage", "endCursor"],
  PullRequestReview: ["fullDatabaseId", "state", "body", "submittedAt", "author", "commit"],
  Commit: ["oid", "checkSuites", "file"],
  TreeEntry: ["type", "mode", "object"],
  GitObject: ["oid"],
  Blob: ["oid", "text", "isBinary", "isTruncated"],
  IssueCommentConnection: ["pageInfo", "nodes"],
  IssueComment: ["fullDatabaseId", "body", "author"],
  PullRequestCommitConnection: ["nodes"],
  PullRequestCommit: ["commit"],
  CheckSuiteConnection: ["pageInfo", "nodes"],
  CheckSuite: ["app", "checkRuns"],
  App: ["slug"],
  CheckRunConnection: ["pageInfo", "nodes"],
  PullRequestConnection: ["pageInfo", "nodes"],
  CheckRun: [
    "resourcePath",
    "name",
    "status",
    "conclusion",
    "title",
    "summary",
    "text",
    "detailsUrl",
    "externalId",
  ],
};

// The package exports no file paths; the project installs it at the root of node_modules.
const PACKAGE = "node_modules/@octokit/graphql-schema";
const schemaPath = `${PACKAGE}/schema.graphql`;
const version = JSON.parse(readFileSync(`${PACKAGE}/package.json`, "utf8")).version;

const named = (type) => (type.kind === Kind.NAMED_TYPE ? type.name.value : named(type.type));

export function subset(sdl) {
  const document = parse(sdl, { noLocation: true });
  // GitHub's published SDL declares a few fields twice (graphql-js refuses to build it as is): the
  // first declaration is kept, and only kept types matter.
  const definitions = new Map();
  for (const definition of document.definitions)
    if (definition.name && !definitions.has(definition.name.value))
      definitions.set(definition.name.value, definition);
  const kept = new Map();
  const pending = Object.keys(FIELDS);
  const need = (name) => {
    if (!kept.has(name)) pending.push(name);
  };
  while (pending.length > 0) {
    const name = pending.pop();
    if (kept.has(name)) continue;
    const definition = definitions.get(name);
    if (!definition) {
      // Built-in scalars are not declared.
      if (["String", "Int", "Float", "Boolean", "ID"].includes(name)) continue;
      throw new Error(`GitHub's schema has no type ${name}`);
    }
    let out = definition;
    if (
      definition.kind === Kind.OBJECT_TYPE_DEFINITION ||
      definition.kind === Kind.INTERFACE_TYPE_DEFINITION
    ) {
      const wanted = FIELDS[name];
      if (!wanted) throw new Error(`${name} is reached by a selected field: list the fields it needs`);
      const fields = [];
      for (const field of wanted) {
        const found = definition.fields.find((f) => f.name.value === field);
        if (!found) throw new Error(`GitHub's schema has no field ${name}.${field}`);
        fields.push(found);
        need(named(found.type));
        for (const argument of found.arguments ?? []) need(named(argument.type));
      }
      const interfaces = (definition.interfaces ?? []).filter((i) => FIELDS[i.name.value]);
      out = { ...definition, description: undefined, directives: [], fields, interfaces };
    } else if (definition.kind === Kind.UNION_TYPE_DEFINITION) {
      const types = definition.types.filter((t) => FIELDS[t.name.value]);
      out = { ...definition, description: undefined, directives: [], types };
    } else if (definition.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION) {
      for (const field of definition.fields) need(named(field.type));
      out = stripDocs(definition);
    } else {
      out = stripDocs(definition);
    }
    kept.set(name, out);
  }
  const ordered = [...kept.keys()].sort().map((name) => kept.get(name));
  return `# GitHub's GraphQL schema (@octokit/graphql-schema ${version}), cut to the fields the gateway selects.\n# Generated by scripts/gen-graphql-subset.mjs: do not edit.\n\n${print({ kind: Kind.DOCUMENT, definitions: ordered })}\n`;
}

/** Descriptions and directives (@deprecated, @preview) say nothing a validator checks. */
function stripDocs(definition) {
  const strip = (node) => ({ ...node, description: undefined, directives: [] });
  return {
    ...strip(definition),
    ...(definition.fields ? { fields: definition.fields.map(strip) } : {}),
    ...(definition.values ? { values: definition.values.map(strip) } : {}),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const text = subset(readFileSync(schemaPath, "utf8"));
  if (process.argv.includes("--check")) {
    if (readFileSync(OUT, "utf8") !== text) {
      console.error(`${OUT} is not what scripts/gen-graphql-subset.mjs makes: rerun it`);
      process.exit(1);
    }
  } else {
    mkdirSync(dirname(OUT), { recursive: true });
    writeFileSync(OUT, text);
    console.log(`${OUT}: ${text.length} bytes`);
  }
}
