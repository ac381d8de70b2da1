// Logins as REST spells them, for answers read through GraphQL.

/** Who GraphQL names as an author or reviewer. */
export interface GraphQLActor {
  __typename: string;
  login: string;
}

/**
 * GraphQL names a bot by its app's slug ("github-actions"); REST, whose logins the rest of the
 * gateway compares with, appends "[bot]". A deleted account is null.
 */
export function restLogin(actor: Partial<GraphQLActor> | null | undefined): string {
  if (!actor?.login) return "";
  return actor.__typename === "Bot" ? `${actor.login}[bot]` : actor.login;
}
