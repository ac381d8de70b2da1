// GitHub's GraphQL schema as the local GitHub knows it: the committed subset of the published schema
// (scripts/gen-graphql-subset.mjs), built once per process.
import { readFileSync } from "node:fs";
import { buildSchema, type GraphQLSchema } from "graphql";
import { fixturePath } from "../fixture-path.js";

const SUBSET = "test/fixtures/graphql/github-subset.graphql";

let built: { schema: GraphQLSchema; version: string } | undefined;

export function githubSchema(): { schema: GraphQLSchema; version: string } {
  if (built) return built;
  const text = readFileSync(fixturePath(SUBSET), "utf8");
  const version = /@octokit\/graphql-schema ([\w.-]+)/.exec(text)?.[1] ?? "unknown";
  built = { schema: buildSchema(text), version: `@octokit/graphql-schema ${version}` };
  return built;
}
