// The sealed cookies of the details pages: unreadable and unforgeable without the secret, bound to
// their purpose, and expiring.
import { describe, expect, it } from "@jest/globals";
import { SealedCookies } from "../../../src/app/web/session.js";

describe("sealed cookies", () => {
  const SECRET = "s".repeat(32);

  it("open what they sealed, for the same purpose, until they expire", () => {
    let now = 1_000;
    const cookies = new SealedCookies(SECRET, () => now);
    const sealed = cookies.seal("ma_session", { login: "alice", token: "ghu_x" }, 60_000);
    expect(sealed).not.toContain("alice");
    expect(cookies.open("ma_session", sealed)).toEqual({ login: "alice", token: "ghu_x" });
    now += 60_001;
    expect(cookies.open("ma_session", sealed)).toBeUndefined();
  });

  it("never open as another cookie, under another secret, or altered", () => {
    const cookies = new SealedCookies(SECRET);
    const signIn = cookies.seal("ma_sign_in", { state: "abc", returnTo: "/" }, 60_000);
    expect(cookies.open("ma_session", signIn)).toBeUndefined();
    expect(new SealedCookies("t".repeat(32)).open("ma_sign_in", signIn)).toBeUndefined();
    const bytes = Buffer.from(signIn, "base64url");
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
    expect(cookies.open("ma_sign_in", bytes.toString("base64url"))).toBeUndefined();
    expect(cookies.open("ma_sign_in", "not a cookie")).toBeUndefined();
  });
});
