/**
 * A project list's pure parts: who may import one (on top of `import.run`, the permission to set
 * up the evaluation), the mapping and key suggested from a spreadsheet's headers in either
 * language, and the acronym and name clashes a row is checked for, accents and case aside.
 */
import { describe, expect, it } from "vitest";
import { suggestKeyColumn, suggestMapping } from "@/lib/imports/mapping";
import { importableKinds, mayImport } from "@/lib/imports/policy";
import { projectInput, ProjectKeys } from "@/lib/imports/project-rows";
import type { Role } from "@/lib/permissions";
import { projectFieldsSchema } from "@/lib/projects/schema";

describe("who may import which kind of file", () => {
  // Kinds in this order: respondents, interviews, stories, projects.
  const EXPECTED: Record<Role, string> = {
    LEAD: "X X X X",
    EVALUATOR: "X X X .",
    PANELIST: ". . . .",
    ANALYST: ". . . .",
    REVIEWER: ". . . .",
    // An administrator sets a project up by the form; importing is for the evaluation's team.
    ADMIN: ". . . .",
  };
  it.each(Object.entries(EXPECTED))("%s", (role, row) => {
    const allowed = row
      .trim()
      .split(/\s+/)
      .map((mark) => mark === "X");
    expect(
      ["RESPONDENTS", "INTERVIEWS", "STORIES", "PROJECTS"].map((kind) => mayImport([role as Role], kind as "PROJECTS")),
    ).toEqual(allowed);
  });

  it("offers a lead who is also an administrator every kind, and an evaluator no project list", () => {
    expect(importableKinds(["LEAD", "ADMIN"])).toEqual(["RESPONDENTS", "INTERVIEWS", "STORIES", "PROJECTS"]);
    expect(importableKinds(["EVALUATOR"])).toEqual(["RESPONDENTS", "INTERVIEWS", "STORIES"]);
    expect(importableKinds(["EVALUATOR", "ADMIN"])).toEqual(["RESPONDENTS", "INTERVIEWS", "STORIES", "PROJECTS"]);
  });
});

describe("reading a project list's header", () => {
  it("matches English and Spanish column names and keys rows on the acronym", () => {
    const english = ["Acronym", "Name", "Managing office", "Funding streams", "Start date", "End date", "Notes"];
    const mapping = suggestMapping("PROJECTS", english);
    expect(mapping).toEqual({
      Acronym: "acronym",
      Name: "name",
      "Managing office": "managingOffice",
      "Funding streams": "fundingStreams",
      "Start date": "startDate",
      "End date": "endDate",
      Notes: "notes",
    });
    expect(suggestKeyColumn(english, "PROJECTS", mapping)).toBe("Acronym");
    const spanish = [
      "Siglas",
      "Nombre del proyecto",
      "Oficina a cargo",
      "Fuentes de financiamiento",
      "Fecha de inicio",
      "Fecha de término",
      "Observaciones",
    ];
    expect(Object.values(suggestMapping("PROJECTS", spanish))).toEqual([
      "acronym",
      "name",
      "managingOffice",
      "fundingStreams",
      "startDate",
      "endDate",
      "notes",
    ]);
  });

  it("keeps a submission id as the key when the file has one, and suggests none without an acronym column", () => {
    expect(suggestKeyColumn(["_uuid", "Acronym"], "PROJECTS", { Acronym: "acronym" })).toBe("_uuid");
    expect(suggestKeyColumn(["Name"], "PROJECTS", { Name: "name" })).toBeNull();
    expect(suggestKeyColumn(["Acronym"], "STORIES", { Acronym: "acronym" })).toBeNull();
  });
});

describe("a project row", () => {
  const reported: Array<[string, string]> = [];
  const report = (field: string, code: string) => reported.push([field, code]);

  it("is refused an acronym or name the evaluation or an earlier row holds, whatever the accents, case or spacing", () => {
    const keys = new ProjectKeys({ acronym: new Set(["dial"]), name: new Set(["dialogo social"]) });
    reported.length = 0;
    projectInput({ acronym: "ILAB", name: "Proyecto Ílab" }, keys, report);
    projectInput({ acronym: " ilab ", name: "Otro" }, keys, report);
    projectInput({ acronym: "DÍAL", name: "proyecto   ilab" }, keys, report);
    projectInput({ acronym: "NEW", name: "Diálogo Social" }, keys, report);
    expect(reported).toEqual([
      ["acronym", "imports.rowErrors.acronymRepeated"],
      ["acronym", "setup.errors.DUPLICATE_ACRONYM"],
      ["name", "imports.rowErrors.nameRepeated"],
      ["name", "setup.errors.DUPLICATE_NAME"],
    ]);
  });

  it("becomes what the project form sends: dates as days, a bare number refused as an unformatted date cell", () => {
    const keys = new ProjectKeys({ acronym: new Set(), name: new Set() });
    reported.length = 0;
    const input = projectInput(
      {
        acronym: "EQUAL",
        name: "Equal",
        managingOffice: "OCFT",
        fundingStreams: "USMCA; non-USMCA",
        startDate: "01/10/2021",
        endDate: "2025-09-30T00:00:00",
      },
      keys,
      report,
    );
    expect(projectFieldsSchema.parse(input)).toEqual({
      acronym: "EQUAL",
      name: "Equal",
      managingOffice: "OCFT",
      fundingStreams: ["USMCA", "non-USMCA"],
      startDate: "2021-10-01",
      endDate: "2025-09-30",
      notes: null,
    });
    projectInput({ acronym: "X", name: "Y", startDate: "45414" }, keys, report);
    expect(reported).toEqual([["startDate", "imports.rowErrors.numberNotDate"]]);
  });
});
