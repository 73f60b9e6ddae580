/**
 * A language cell's name, in the reader's language and capitalised; the names are kept for the
 * process, so a second page gets the same text without asking ICU again.
 */
import { describe, expect, it } from "vitest";
import { languageName } from "@/components/data-table/lists/format";

describe("languageName", () => {
  it("names a language in the reader's language, capitalised", () => {
    expect(languageName("en", "es")).toBe("Inglés");
    expect(languageName("es", "en")).toBe("Spanish");
  });

  it("gives the same name again, per reader's language", () => {
    expect(languageName("en", "es")).toBe(languageName("en", "es"));
    expect(languageName("en", "en")).toBe("English");
    expect(languageName("en", "es")).toBe("Inglés");
  });

  it("shows no name for no code, and a malformed code as it is", () => {
    expect(languageName(null, "es")).toBe("");
    expect(languageName("", "en")).toBe("");
    expect(languageName("not a code", "en")).toBe("Not a code");
    expect(languageName("not a code", "en")).toBe("Not a code");
  });
});
