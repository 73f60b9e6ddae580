import { describe, expect, it } from "vitest";
import { signInSchema } from "@/lib/auth/schema";

function issues(input: unknown) {
  const result = signInSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${String(issue.path[0])}:${issue.message}`);
}

describe("signInSchema", () => {
  it("lower-cases and trims the e-mail address", () => {
    expect(signInSchema.parse({ email: "  Lead@Demo.Example ", password: "x" })).toEqual({
      email: "lead@demo.example",
      password: "x",
    });
  });

  it.each([
    [{ email: "", password: "x" }, ["email:EMAIL_REQUIRED"]],
    [{ email: "not-an-email", password: "x" }, ["email:EMAIL_INVALID"]],
    [{ email: "<script>@x", password: "x" }, ["email:EMAIL_INVALID"]],
    [{ email: "a@b.example", password: "" }, ["password:PASSWORD_REQUIRED"]],
    [{ email: "a@b.example", password: "x".repeat(1025) }, ["password:PASSWORD_REQUIRED"]],
    [{ email: `${"a".repeat(250)}@b.example`, password: "x" }, ["email:EMAIL_INVALID"]],
  ])("refuses %j", (input, expected) => {
    expect(issues(input)).toEqual(expected);
  });

  it("refuses wrong types", () => {
    expect(signInSchema.safeParse({ email: ["a@b.example"], password: 1 }).success).toBe(false);
    expect(signInSchema.safeParse(undefined).success).toBe(false);
  });
});
