import { createHmac } from "node:crypto";
import { describe, expect, it } from "@jest/globals";
import { signature, verifySignature } from "../../src/notify/sign.js";

describe("signature", () => {
  it("is GitHub's X-Hub-Signature-256 scheme (GitHub's documented example)", () => {
    expect(signature("It's a Secret to Everybody", "Hello, World!")).toBe(
      "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
    );
  });

  it("signs a string as its UTF-8 bytes, the same as the bytes themselves", () => {
    const body = '{"summary":"précision ≥ 0.9 🚀"}';
    const expected = `sha256=${createHmac("sha256", "0123456789abcdef").update(Buffer.from(body, "utf8")).digest("hex")}`;
    expect(signature("0123456789abcdef", body)).toBe(expected);
    expect(signature("0123456789abcdef", Buffer.from(body, "utf8"))).toBe(expected);
  });
});

describe("verifySignature", () => {
  const secret = "a-long-enough-secret";
  const body = '{"event":"approved"}';
  const header = signature(secret, body);

  it("accepts the body's signature", () => {
    expect(verifySignature(secret, body, header)).toBe(true);
    expect(verifySignature(secret, Buffer.from(body), header)).toBe(true);
  });

  it("rejects another secret, another body, and malformed or missing headers", () => {
    expect(verifySignature("another-long-secret", body, header)).toBe(false);
    expect(verifySignature(secret, `${body} `, header)).toBe(false);
    expect(verifySignature(secret, body, header.slice(0, -1))).toBe(false);
    expect(verifySignature(secret, body, `${header}0`)).toBe(false);
    expect(verifySignature(secret, body, header.replace("sha256=", "sha1=") + "xxx")).toBe(false);
    expect(verifySignature(secret, body, header.slice("sha256=".length))).toBe(false);
    expect(verifySignature(secret, body, "")).toBe(false);
    expect(verifySignature(secret, body, undefined)).toBe(false);
    expect(verifySignature(secret, body, null)).toBe(false);
  });
});
