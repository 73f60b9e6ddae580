import { describe, expect, it } from "vitest";
import { DEFAULT_AFTER_SIGN_IN, safeCallbackPath } from "@/lib/auth/redirect";

describe("safeCallbackPath", () => {
  it.each([
    "/evaluations",
    "/evaluations/abc?x=1",
    "/evaluations/abc#domains",
    "/evaluations/abc?next=//evil.example",
    "/sign-in?callbackUrl=%2Fevaluations",
  ])("keeps the app path %s", (path) => {
    expect(safeCallbackPath(path)).toBe(path);
  });

  it.each([
    ["protocol-relative", "//evil.example"],
    ["protocol-relative with path", "//evil.example/evaluations"],
    ["absolute https", "https://evil.example"],
    ["absolute http on our own path", "http://localhost:3000/evaluations"],
    ["backslash host", "/\\evil.example"],
    ["backslash later", "/evaluations\\..\\//evil.example"],
    ["javascript scheme", "javascript:alert(1)"],
    ["data scheme", "data:text/html,<script>alert(1)</script>"],
    ["encoded slashes", "%2F%2Fevil.example"],
    ["relative path", "evaluations"],
    ["empty", ""],
    ["spaces", "   "],
    ["tab that browsers drop", "/\t/evil.example"],
    ["newline", "/\n/evil.example"],
    ["null byte", "/evaluations\u0000"],
    ["DEL", "/evaluations\u007f"],
    ["leading space", " /evaluations"],
    ["too long", `/${"a".repeat(3000)}`],
  ])("refuses %s", (_label, value) => {
    expect(safeCallbackPath(value)).toBe(DEFAULT_AFTER_SIGN_IN);
  });

  it.each([undefined, null, 42, ["/evaluations"], { href: "/evaluations" }])("refuses the non-string %j", (value) => {
    expect(safeCallbackPath(value)).toBe(DEFAULT_AFTER_SIGN_IN);
  });

  it("falls back to the landing, which leads to the evaluation list or an only pending ballot", () => {
    expect(DEFAULT_AFTER_SIGN_IN).toBe("/");
  });
});
