// POST /graphql as GitHub answers it: 200 with `data` and, when something failed, `errors` (each with
// GitHub's `type` where GitHub gives one). Every query is validated against GitHub's published
// schema (the committed subset); an invalid one is answered as GitHub would and recorded as a
// contract violation, so the test that sent it fails.
import {
  execute,
  GraphQLError,
  Kind,
  parse,
  validate,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";
import type { Handler, Reply } from "../routes.js";
import { GraphQLTypedError, queryRoot, Unimplemented } from "./resolvers.js";
import { githubSchema } from "./schema.js";

export const GRAPHQL_ROUTE = "POST /graphql";

/** Where GitHub serves GraphQL: /graphql, and /api/graphql on GitHub Enterprise Server. */
export function isGraphQLPath(path: string): boolean {
  return path === "/graphql" || path === "/api/graphql";
}

interface GraphQLBody {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

/**
 * A query's parse and its validation against the schema, by its text. The gateway sends the same
 * few query texts with new variables every time, and validating against GitHub's schema was an
 * eighth of the model-based tests' time; a parsed document is immutable, so one serves every request.
 */
interface Checked {
  document: DocumentNode | GraphQLError;
  invalid?: readonly GraphQLError[];
}
const checkedQueries = new Map<string, Checked>();
const CHECKED_QUERIES_KEPT = 200;

function checked(query: string): Checked {
  const known = checkedQueries.get(query);
  if (known) return known;
  let document: DocumentNode | GraphQLError;
  try {
    document = parse(query);
  } catch (error) {
    document = error instanceof GraphQLError ? error : new GraphQLError(String(error));
  }
  const entry: Checked = { document };
  if (checkedQueries.size >= CHECKED_QUERIES_KEPT) checkedQueries.clear();
  checkedQueries.set(query, entry);
  return entry;
}

function parsed(body: GraphQLBody): DocumentNode | GraphQLError {
  if (typeof body?.query !== "string")
    return new GraphQLError("A query attribute must be specified and must be a string.");
  return checked(body.query).document;
}

/** What validating the query against the schema found (memoized with its parse: one schema per process). */
function invalidIn(query: string, schema: GraphQLSchema, document: DocumentNode): readonly GraphQLError[] {
  const entry = checked(query);
  return (entry.invalid ??= validate(schema, document));
}

function operationIn(document: DocumentNode, name: unknown): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  return typeof name === "string" ? operations.find((o) => o.name?.value === name) : operations[0];
}

/** Which kind of operation a request body asks for (a query reads; a mutation writes), if any. */
export function operationKind(body: unknown): "query" | "mutation" | "subscription" | undefined {
  const document = parsed(body as GraphQLBody);
  if (document instanceof GraphQLError) return undefined;
  return operationIn(document, (body as GraphQLBody).operationName)?.operation;
}

function githubError(error: GraphQLError): Record<string, unknown> {
  const original = error.originalError;
  return {
    ...(original instanceof GraphQLTypedError ? { type: original.type } : {}),
    ...(error.path ? { path: error.path } : {}),
    ...(error.locations ? { locations: error.locations } : {}),
    message: error.message,
  };
}

function answer(result: ExecutionResult, violations: string[] = []): Reply {
  return {
    status: 200,
    body: {
      ...("data" in result ? { data: result.data } : {}),
      ...(result.errors?.length ? { errors: result.errors.map(githubError) } : {}),
    },
    violations,
  };
}

export const graphqlHandler: Handler = (ctx) => {
  const { schema, version } = githubSchema();
  const body = (ctx.body ?? {}) as GraphQLBody;
  const document = parsed(body);
  if (document instanceof GraphQLError)
    return answer({ errors: [document] }, [`GraphQL query does not parse: ${document.message}`]);
  const invalid = invalidIn(body.query as string, schema, document);
  if (invalid.length > 0)
    return answer(
      { errors: invalid },
      invalid.map(
        (e) =>
          `GraphQL query invalid against ${version} (or a field scripts/gen-graphql-subset.mjs does not list): ${e.message}`,
      ),
    );
  if (operationIn(document, body.operationName)?.operation !== "query")
    return answer({ errors: [new GraphQLError("the local GitHub answers queries only")] }, [
      "the local GitHub implements no GraphQL mutation",
    ]);
  const result = execute({
    schema,
    document,
    rootValue: queryRoot(ctx.state),
    variableValues: (body.variables ?? {}) as Record<string, unknown>,
    ...(typeof body.operationName === "string" ? { operationName: body.operationName } : {}),
  });
  if (result instanceof Promise) throw new Error("the local GitHub's resolvers are synchronous");
  const unimplemented = (result.errors ?? [])
    .filter(
      (e) => e.originalError instanceof Unimplemented || !(e.originalError instanceof GraphQLTypedError),
    )
    .map((e) => `GraphQL: ${e.message} (at ${(e.path ?? []).join(".")})`);
  return answer(result, unimplemented);
};
