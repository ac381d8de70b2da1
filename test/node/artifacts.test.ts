import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { combinedDigest, digestArtifacts } from "../../src/node/artifacts.js";

const sha = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");

describe("digestArtifacts", () => {
  let cwd: string;
  const big = Buffer.alloc(5 * 1024 * 1024 + 7, 0x5a);

  beforeAll(() => {
    cwd = mkdtempSync(join(tmpdir(), "artifacts-"));
    mkdirSync(join(cwd, "models/tokenizer"), { recursive: true });
    writeFileSync(join(cwd, "models/model.pkl"), "weights v1");
    writeFileSync(join(cwd, "models/big.bin"), big);
    writeFileSync(join(cwd, "models/tokenizer/vocab.txt"), "a\nb\n");
    writeFileSync(join(cwd, "models/tokenizer/config.json"), "{}");
    mkdirSync(join(cwd, "empty"));
  });
  afterAll(() => rmSync(cwd, { recursive: true, force: true }));

  it("hashes each file and combines sorted 'path\\tsha256\\n' lines", async () => {
    const id = await digestArtifacts(["models/model.pkl", "models/big.bin"], { cwd });
    expect(id.artifacts).toEqual([
      { path: "models/model.pkl", sha256: sha("weights v1"), bytes: 10 },
      { path: "models/big.bin", sha256: sha(big), bytes: big.length },
    ]);
    const lines = `models/big.bin\t${sha(big)}\nmodels/model.pkl\t${sha("weights v1")}\n`;
    expect(id.digest).toBe(sha(lines));
    expect(id.errors).toBeUndefined();
  });

  it("gives the same digest whatever order the artifacts are listed in, and a new one when a file changes", async () => {
    const a = await digestArtifacts(["models/model.pkl", "models/big.bin"], { cwd });
    const b = await digestArtifacts(["models/big.bin", "models/model.pkl"], { cwd });
    expect(b.digest).toBe(a.digest);
    writeFileSync(join(cwd, "models/model.pkl"), "weights v2");
    const c = await digestArtifacts(["models/model.pkl", "models/big.bin"], { cwd });
    writeFileSync(join(cwd, "models/model.pkl"), "weights v1");
    expect(c.digest).not.toBe(a.digest);
  });

  it("expands a directory into its files", async () => {
    const id = await digestArtifacts(["models/tokenizer/"], { cwd });
    expect(id.artifacts.map((a) => a.path)).toEqual([
      "models/tokenizer/config.json",
      "models/tokenizer/vocab.txt",
    ]);
    expect(id.digest).toBe(combinedDigest(id.artifacts));
  });

  it("reports missing artifacts and empty directories without a digest, never throwing", async () => {
    const id = await digestArtifacts(["models/model.pkl", "models/missing.pkl", "empty"], { cwd });
    expect(id.digest).toBeUndefined();
    expect(id.errors).toEqual([
      "model artifact models/missing.pkl does not exist",
      "model artifact directory empty is empty",
    ]);
    expect(id.artifacts.map((a) => a.path)).toEqual(["models/model.pkl"]);
  });

  it("has no digest when there are no artifacts", async () => {
    expect(await digestArtifacts([], { cwd })).toEqual({ artifacts: [] });
  });
});
