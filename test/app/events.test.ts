// The App's manifest subscribes to exactly the events the App handles.
import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { APP_EVENTS } from "../../src/app/events.js";

describe("app.yml", () => {
  it("subscribes to the App's events", () => {
    const manifest = parse(readFileSync("app.yml", "utf8")) as { default_events: string[] };
    expect([...manifest.default_events].sort()).toEqual([...APP_EVENTS].sort());
  });
});
