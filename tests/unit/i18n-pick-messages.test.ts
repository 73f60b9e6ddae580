import { describe, expect, it } from "vitest";
import { pickMessages } from "@/lib/i18n/client-messages";

const catalogue = {
  admin: { errors: { INVALID: "Invalid", FORBIDDEN: "No" }, users: { title: "Users" }, oneTimeLink: { copy: "Copy" } },
  signIn: { title: "Sign in" },
  tables: { next: "Next" },
};

describe("pickMessages", () => {
  it("sends the listed groups only, nested as in the catalogue", () => {
    expect(pickMessages(catalogue, ["signIn", "admin.errors", "admin.users"])).toEqual({
      signIn: { title: "Sign in" },
      admin: { errors: { INVALID: "Invalid", FORBIDDEN: "No" }, users: { title: "Users" } },
    });
  });

  it("sends a group once when a part of it is listed too, in either order", () => {
    expect(pickMessages(catalogue, ["admin.errors", "admin"])).toEqual({ admin: catalogue.admin });
    expect(pickMessages(catalogue, ["admin", "admin.errors"])).toEqual({ admin: catalogue.admin });
  });

  it("leaves the catalogue as it was", () => {
    const before = structuredClone(catalogue);
    pickMessages(catalogue, ["admin.errors", "admin.users", "tables"]);
    expect(catalogue).toEqual(before);
  });

  it("refuses a group that does not exist, or a message where a group is expected", () => {
    expect(() => pickMessages(catalogue, ["nothing"])).toThrow('No message group "nothing"');
    expect(() => pickMessages(catalogue, ["signIn.title.more"])).toThrow("No message group");
  });
});
