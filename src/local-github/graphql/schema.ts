// GitHub's GraphQL schema as the local GitHub knows it: the committed subset of the published schema
// (scripts/gen-graphql-subset.mjs), built once per process.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildSchema, type GraphQLSchema } from "graphql";

const SUBSET = "test/fixtures/graphql/github-subset.graphql";

/** Found upwards from this module, from src/ and from build/, as the OpenAPI subset is. */
function subsetPath(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, SUBSET))) return join(dir, SUBSET);
    if (dirname(dir) === dir)
      throw new Error(`cannot find ${SUBSET} above ${fileURLToPath(import.meta.url)}`);
  }
}

let built: { schema: GraphQLSchema; version: string } | undefined;

export function githubSchema(): { schema: GraphQLSchema; version: string } {
  if (built) return built;
  const text = readFileSync(subsetPath(), "utf8");
  const version = /@octokit\/graphql-schema ([\w.-]+)/.exec(text)?.[1] ?? "unknown";
  built = { schema: buildSchema(text), version: `@octokit/graphql-schema ${version}` };
  return built;
}
