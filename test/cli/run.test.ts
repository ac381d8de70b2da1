import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { cli } from "./support.js";

describe("model-approval", () => {
  it("prints the package version", async () => {
    const { version } = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
    for (const flag of ["--version", "-V"]) {
      expect(await cli([flag])).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
    }
  });

  it("lists the commands with --help, exit 0", async () => {
    const { code, stdout } = await cli(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/validate\s+check a config/);
    expect(stdout).toMatch(/evaluate\s+/);
  });

  it("prints usage on stderr and exits 2 without a command", async () => {
    const { code, stdout, stderr } = await cli([]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("Usage: model-approval <command>");
  });

  it("rejects an unknown command, exit 2", async () => {
    for (const command of ["approve", "toString", "__proto__"]) {
      const { code, stderr } = await cli([command]);
      expect(code).toBe(2);
      expect(stderr).toContain(`unknown command '${command}'`);
    }
  });
});
