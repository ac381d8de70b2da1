import { describe, expect, it } from "@jest/globals";
import { destinationEnvNames } from "../../src/core/notify/event.js";
import { resolveDestinations, type DestinationSpec } from "../../src/notify/destinations.js";

const SLACK_URL = "https://hooks.slack.com/services/T000/B000/slackPathSecret";
const SECRET = "webhook-secret-0123456789";

function one(spec: DestinationSpec, env: Record<string, string | undefined>) {
  return resolveDestinations([spec], env);
}

describe("destinationEnvNames", () => {
  it("upper-cases the name and writes everything else as _", () => {
    expect(destinationEnvNames("ml-team")).toEqual({
      url: "MODEL_APPROVAL_NOTIFY_ML_TEAM_URL",
      secret: "MODEL_APPROVAL_NOTIFY_ML_TEAM_SECRET",
      repos: "MODEL_APPROVAL_NOTIFY_ML_TEAM_REPOS",
    });
    expect(destinationEnvNames("ops2.alerts x").url).toBe("MODEL_APPROVAL_NOTIFY_OPS2_ALERTS_X_URL");
    expect(destinationEnvNames("straße").url).toBe("MODEL_APPROVAL_NOTIFY_STRA_E_URL");
  });
});

describe("resolveDestinations", () => {
  it("takes a Slack destination's URL from its variable", () => {
    expect(one({ name: "ml-team", type: "slack" }, { MODEL_APPROVAL_NOTIFY_ML_TEAM_URL: SLACK_URL })).toEqual(
      {
        destinations: [{ name: "ml-team", type: "slack", url: SLACK_URL }],
        problems: [],
      },
    );
  });

  it("takes a webhook's URL and secret, and keeps only the destination's own fields", () => {
    const spec = { name: "audit", type: "webhook", on: ["approved"] } as DestinationSpec;
    const env = {
      MODEL_APPROVAL_NOTIFY_AUDIT_URL: " https://audit.example.com/hook \n",
      MODEL_APPROVAL_NOTIFY_AUDIT_SECRET: SECRET,
    };
    expect(one(spec, env)).toEqual({
      destinations: [
        { name: "audit", type: "webhook", url: "https://audit.example.com/hook", secret: SECRET },
      ],
      problems: [],
    });
  });

  it("allows plain http to loopback only", () => {
    for (const url of [
      "http://127.0.0.1:8080/hook",
      "http://127.5.6.7/hook",
      "http://127.1/hook",
      "http://localhost:3000/hook",
      "http://LOCALHOST/hook",
      "http://[::1]:9000/hook",
    ]) {
      expect(one({ name: "dev", type: "slack" }, { MODEL_APPROVAL_NOTIFY_DEV_URL: url }).problems).toEqual(
        [],
      );
    }
    for (const url of [
      "http://example.com/hook",
      "http://127.0.0.1.evil.example/hook",
      "http://localhost.evil.example/hook",
      "http://128.0.0.1/hook",
      "http://[::2]/hook",
      "http://10.0.0.1/hook",
    ]) {
      const { destinations, problems } = one(
        { name: "dev", type: "slack" },
        { MODEL_APPROVAL_NOTIFY_DEV_URL: url },
      );
      expect(destinations).toEqual([]);
      expect(problems).toEqual([
        'notification destination "dev" (slack): MODEL_APPROVAL_NOTIFY_DEV_URL is plain http: use https (http is allowed only to localhost, 127.0.0.0/8 and ::1)',
      ]);
    }
  });

  const bad: Array<[string, DestinationSpec, Record<string, string | undefined>, RegExp]> = [
    ["no URL", { name: "ml-team", type: "slack" }, {}, /MODEL_APPROVAL_NOTIFY_ML_TEAM_URL is not set/],
    [
      "an empty URL",
      { name: "ml-team", type: "slack" },
      { MODEL_APPROVAL_NOTIFY_ML_TEAM_URL: "  " },
      /MODEL_APPROVAL_NOTIFY_ML_TEAM_URL is not set/,
    ],
    [
      "a URL that does not parse",
      { name: "ml-team", type: "slack" },
      { MODEL_APPROVAL_NOTIFY_ML_TEAM_URL: "hooks.slack.com/services/T000/B000/slackPathSecret" },
      /MODEL_APPROVAL_NOTIFY_ML_TEAM_URL is not a valid URL/,
    ],
    [
      "a URL that is not http(s)",
      { name: "ml-team", type: "slack" },
      { MODEL_APPROVAL_NOTIFY_ML_TEAM_URL: "ftp://hooks.slack.com/services/T000/B000/slackPathSecret" },
      /MODEL_APPROVAL_NOTIFY_ML_TEAM_URL is not an https URL/,
    ],
    [
      "a URL with credentials",
      { name: "ml-team", type: "slack" },
      { MODEL_APPROVAL_NOTIFY_ML_TEAM_URL: "https://user:slackPathSecret@hooks.slack.com/services/T000" },
      /MODEL_APPROVAL_NOTIFY_ML_TEAM_URL has credentials in it/,
    ],
    [
      "a URL with a user only",
      { name: "ml-team", type: "slack" },
      { MODEL_APPROVAL_NOTIFY_ML_TEAM_URL: "https://slackPathSecret@hooks.slack.com/services/T000" },
      /MODEL_APPROVAL_NOTIFY_ML_TEAM_URL has credentials in it/,
    ],
    [
      "a webhook without a secret",
      { name: "audit", type: "webhook" },
      { MODEL_APPROVAL_NOTIFY_AUDIT_URL: "https://audit.example.com/slackPathSecret" },
      /MODEL_APPROVAL_NOTIFY_AUDIT_SECRET is not set; webhook deliveries are always signed/,
    ],
    [
      "a webhook with an empty secret",
      { name: "audit", type: "webhook" },
      {
        MODEL_APPROVAL_NOTIFY_AUDIT_URL: "https://audit.example.com/x",
        MODEL_APPROVAL_NOTIFY_AUDIT_SECRET: "",
      },
      /MODEL_APPROVAL_NOTIFY_AUDIT_SECRET is not set/,
    ],
    [
      "a webhook with a short secret",
      { name: "audit", type: "webhook" },
      {
        MODEL_APPROVAL_NOTIFY_AUDIT_URL: "https://audit.example.com/x",
        MODEL_APPROVAL_NOTIFY_AUDIT_SECRET: "slackPathSecre!",
      },
      /MODEL_APPROVAL_NOTIFY_AUDIT_SECRET is shorter than 16 characters/,
    ],
  ];

  it.each(bad)(
    "reports %s, naming the destination and the variable but no value",
    (_, spec, env, expected) => {
      const { destinations, problems } = one(spec, env);
      expect(destinations).toEqual([]);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(expected);
      expect(problems[0]).toContain(`notification destination "${spec.name}" (${spec.type})`);
      expect(problems[0]).not.toContain("slackPathSecre");
      expect(problems[0]).not.toContain("hooks.slack.com");
      expect(problems[0]).not.toContain("audit.example.com");
    },
  );

  it("reports every problem of a destination, and keeps the good ones", () => {
    const { destinations, problems } = resolveDestinations(
      [
        { name: "ml-team", type: "slack" },
        { name: "audit", type: "webhook" },
      ],
      {
        MODEL_APPROVAL_NOTIFY_ML_TEAM_URL: SLACK_URL,
        MODEL_APPROVAL_NOTIFY_AUDIT_URL: "http://example.com/x",
      },
    );
    expect(destinations.map((d) => d.name)).toEqual(["ml-team"]);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/AUDIT_URL is plain http/);
    expect(problems[1]).toMatch(/AUDIT_SECRET is not set/);
  });

  it("ignores a secret given to a Slack destination, which Slack does not check", () => {
    const { destinations } = one(
      { name: "ml-team", type: "slack" },
      { MODEL_APPROVAL_NOTIFY_ML_TEAM_URL: SLACK_URL, MODEL_APPROVAL_NOTIFY_ML_TEAM_SECRET: "x" },
    );
    expect(destinations).toEqual([{ name: "ml-team", type: "slack", url: SLACK_URL }]);
  });

  it("makes one destination of a name listed twice, and none of a name given two types", () => {
    const env = {
      MODEL_APPROVAL_NOTIFY_ML_TEAM_URL: SLACK_URL,
      MODEL_APPROVAL_NOTIFY_ML_TEAM_SECRET: SECRET,
    };
    expect(
      resolveDestinations(
        [
          { name: "ml-team", type: "slack" },
          { name: "ml-team", type: "slack" },
        ],
        env,
      ),
    ).toEqual({ destinations: [{ name: "ml-team", type: "slack", url: SLACK_URL }], problems: [] });
    const { destinations, problems } = resolveDestinations(
      [
        { name: "ml-team", type: "slack" },
        { name: "ml-team", type: "webhook" },
      ],
      env,
    );
    expect(destinations).toEqual([]);
    expect(problems).toEqual([
      'notification destination "ml-team" is listed as both slack and webhook: one name has one URL, so give each type its own name',
    ]);
  });
});

describe("a destination's repositories (_REPOS)", () => {
  const env = (repos?: string) => ({
    MODEL_APPROVAL_NOTIFY_ML_TEAM_URL: SLACK_URL,
    ...(repos === undefined ? {} : { MODEL_APPROVAL_NOTIFY_ML_TEAM_REPOS: repos }),
  });
  const slack = [{ name: "ml-team", type: "slack" as const }];
  const scope = (repository: string, required = true) => ({ repository, required });

  it("sends for a listed repository or owner, whatever the case", () => {
    expect(resolveDestinations(slack, env("acme/models"), scope("Acme/Models")).destinations).toHaveLength(1);
    expect(resolveDestinations(slack, env("other/x, acme/*"), scope("acme/churn")).destinations).toHaveLength(
      1,
    );
  });

  it("refuses a repository it does not list, saying which variable, never the URL", () => {
    const { destinations, problems } = resolveDestinations(
      slack,
      env("acme/models"),
      scope("mallory/models"),
    );
    expect(destinations).toEqual([]);
    expect(problems).toEqual([
      'notification destination "ml-team" (slack): MODEL_APPROVAL_NOTIFY_ML_TEAM_REPOS does not list mallory/models, so it is not sent there',
    ]);
    expect(problems.join(" ")).not.toContain("slackPathSecret");
    // "acme/*" is not a prefix match for another owner.
    expect(resolveDestinations(slack, env("acme/*"), scope("acme-evil/models")).destinations).toEqual([]);
  });

  it("must be set where it is required (the App), and may be left out where not (the Action)", () => {
    expect(resolveDestinations(slack, env(), scope("acme/models")).problems[0]).toContain(
      "MODEL_APPROVAL_NOTIFY_ML_TEAM_REPOS is not set",
    );
    expect(resolveDestinations(slack, env(), scope("acme/models", false)).destinations).toHaveLength(1);
  });
});
