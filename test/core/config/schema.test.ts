import { describe, expect, it } from "@jest/globals";
import { Ajv } from "ajv";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { configSchema, validate } from "../../../src/core/config/schema-validator.generated.js";

const schema = JSON.parse(readFileSync("schema/model-approval.schema.json", "utf8")) as Record<
  string,
  unknown
>;

describe("the published JSON Schema", () => {
  it("is what the committed validator was generated from (run npm run build after editing it)", () => {
    expect(configSchema).toEqual(schema);
  });

  it("compiles in strict mode and agrees with the generated validator on the corpus", () => {
    const compiled = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
    const files = [
      ...readdirSync("examples")
        .filter((f) => f.endsWith(".yml"))
        .map((f) => join("examples", f)),
      ...readdirSync("test/fixtures/config/valid").map((f) => join("test/fixtures/config/valid", f)),
      ...[
        "approvers-string",
        "users-instead-of-approvers",
        "unknown-step-type",
        "no-steps",
        "several-errors",
      ].map((f) => join("test/fixtures/config/invalid", `${f}.yml`)),
    ];
    for (const file of files) {
      const data: unknown = parse(readFileSync(file, "utf8"));
      expect([file, validate(data)]).toEqual([file, compiled(data)]);
      expect([file, validate(data)]).toEqual([file, !file.includes("/invalid/")]);
    }
  });

  it("forbids unknown keys in every object it describes", () => {
    const objects: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (Array.isArray(node)) node.forEach((n, i) => walk(n, `${path}/${i}`));
      else if (node && typeof node === "object") {
        const record = node as Record<string, unknown>;
        if ("properties" in record && !path.includes("/if")) objects.push(path);
        if ("properties" in record && !path.includes("/if") && !path.endsWith("/then")) {
          expect([path, record.additionalProperties]).toEqual([path, false]);
        }
        for (const [k, v] of Object.entries(record)) walk(v, `${path}/${k}`);
      }
    };
    walk(schema, "#");
    expect(objects.length).toBeGreaterThan(6);
  });
});
