import { describe, expect, it } from "@jest/globals";
import { workflowUsesAction } from "../../../src/core/candidate/uses-action.js";

describe("which workflow files run the model-approval Action", () => {
  it.each([
    ["a version tag", "jobs:\n  train:\n    steps:\n      - uses: model-approval/model-approval@v1\n"],
    [
      "a pinned commit, quoted",
      'jobs:\n  t:\n    steps:\n      - run: python train.py\n      - uses: "acme/model-approval@0123456789abcdef0123456789abcdef01234567"\n',
    ],
    ["a sub-path", "jobs:\n  t:\n    steps:\n      - uses: acme/model-approval/gate@main\n"],
    [
      "flow style",
      "jobs:\n  train: { steps: [{ uses: model-approval/model-approval@v1, with: { app: true } }] }\n",
    ],
  ])("%s", (_name, text) => {
    expect(workflowUsesAction(text)).toBe(true);
  });

  it.each([
    ["another action", "jobs:\n  t:\n    steps:\n      - uses: actions/checkout@v4\n"],
    ["a look-alike name", "jobs:\n  t:\n    steps:\n      - uses: acme/model-approval-fork@v1\n"],
    ["no ref", "jobs:\n  t:\n    steps:\n      - uses: model-approval/model-approval\n"],
    [
      "a comment",
      "jobs:\n  t:\n    steps:\n      # - uses: model-approval/model-approval@v1\n      - run: pytest\n",
    ],
    [
      "a line of a run script",
      "jobs:\n  t:\n    steps:\n      - run: |\n          echo '\n          uses: model-approval/model-approval@v1'\n",
    ],
    ["a reusable workflow call", "jobs:\n  t:\n    uses: ./.github/workflows/train.yml\n"],
    ["invalid YAML", "jobs:\n  t: [\n"],
    ["no jobs", "on: push\n"],
    [
      "an alias bomb",
      `a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\njobs: { t: { steps: [{ uses: model-approval/model-approval@v1 }] } }\n`,
    ],
  ])("not %s", (_name, text) => {
    expect(workflowUsesAction(text)).toBe(false);
  });
});
