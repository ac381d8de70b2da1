// Fills a response out to the documented shape: the fake's handlers give only the fields that
// carry meaning, and every other required field gets a placeholder of the right type. The result
// is still validated, so a meaningful field of the wrong type or value is caught.
import type { Contract, Schema } from "./contract.js";

type Value = unknown;

function isObject(value: Value): value is Record<string, Value> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function types(schema: Schema): string[] {
  const type = schema.type;
  if (Array.isArray(type)) return type as string[];
  if (typeof type === "string") return [type];
  if (schema.properties) return ["object"];
  return [];
}

function kindOf(value: Value): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

export class Shaper {
  constructor(private readonly contract: Contract) {}

  private deref(schema: Schema): Schema {
    let current = schema;
    while (typeof current.$ref === "string") current = this.contract.definition(current.$ref);
    return current;
  }

  /** Does `value`'s JSON type fit `schema` at the top level (enough to pick an anyOf branch)? */
  private fits(schema: Schema, value: Value): boolean {
    const resolved = this.deref(schema);
    const branches = (resolved.anyOf ?? resolved.oneOf) as Schema[] | undefined;
    if (branches) return branches.some((b) => this.fits(b, value));
    if (resolved.allOf) return (resolved.allOf as Schema[]).every((b) => this.fits(b, value));
    const allowed = types(resolved);
    if (allowed.length === 0) return true;
    const kind = kindOf(value);
    return allowed.includes(kind) || (kind === "integer" && allowed.includes("number"));
  }

  /** `data` completed to `schema`'s required fields; data === undefined gives a placeholder. */
  build(schema: Schema, data: Value): Value {
    const resolved = this.deref(schema);
    const branches = (resolved.anyOf ?? resolved.oneOf) as Schema[] | undefined;
    if (branches) {
      if (data === undefined) {
        // null is the cheapest valid placeholder when a branch allows it.
        const nullable = branches.find((b) => this.fits(b, null));
        return this.build(nullable ?? branches[0] ?? {}, undefined);
      }
      const branch = branches.find((b) => this.fits(b, data)) ?? branches[0] ?? {};
      return this.build(branch, data);
    }
    if (resolved.allOf) {
      // Each part completes what the parts before it built, so none undoes another's filling.
      return (resolved.allOf as Schema[]).reduce<Value>((merged, part) => {
        const built = this.build(part, merged === undefined ? data : merged);
        return isObject(merged) && isObject(built) ? { ...merged, ...built } : built;
      }, undefined);
    }
    const allowed = types(resolved);
    if (data === undefined) return this.placeholder(resolved, allowed);
    if (isObject(data) && allowed.includes("object")) return this.buildObject(resolved, data);
    if (Array.isArray(data) && allowed.includes("array") && resolved.items)
      return data.map((item) => this.build(resolved.items as Schema, item));
    return data;
  }

  private buildObject(schema: Schema, data: Record<string, Value>): Record<string, Value> {
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    const required = (schema.required ?? []) as string[];
    const out: Record<string, Value> = {};
    for (const name of required) out[name] = this.build(properties[name] ?? {}, data[name]);
    for (const [name, value] of Object.entries(data)) {
      if (name in out || value === undefined) continue;
      out[name] = properties[name] ? this.build(properties[name], value) : value;
    }
    return out;
  }

  private placeholder(schema: Schema, allowed: string[]): Value {
    if (Array.isArray(schema.enum)) return schema.enum[0];
    if (allowed.includes("null")) return null;
    switch (allowed[0]) {
      case "object":
        return this.buildObject(schema, {});
      case "array":
        return [];
      case "string":
        return "";
      case "integer":
      case "number":
        return 0;
      case "boolean":
        return false;
      default:
        return null;
    }
  }
}
