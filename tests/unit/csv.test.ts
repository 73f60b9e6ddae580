import { describe, expect, it } from "vitest";
import { csvSafeCell } from "@/lib/exports/csv";
import { exportStream } from "@/lib/exports/writers";

async function* rowsOf<T>(rows: T[]) {
  yield* rows;
}

async function bytes(stream: ReadableStream<Uint8Array>) {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe("CSV export", () => {
  it.each([
    ['=HYPERLINK("http://evil.example","click")', `'=HYPERLINK("http://evil.example","click")`],
    ["+52 55 1234", "'+52 55 1234"],
    ["-1+1", "'-1+1"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1", "'\t=1"],
    ["\r=1", "'\r=1"],
    ["Las niñas volvieron", "Las niñas volvieron"],
    [null, ""],
    // Text that looks like a number is still text a person typed: neutralised.
    ["-5", "'-5"],
  ])("makes %j safe for spreadsheets", (value, expected) => {
    expect(csvSafeCell(value)).toBe(expected);
  });

  it.each([
    [-5, "-5"],
    [0, "0"],
    [1.5, "1.5"],
    [-12n, "-12"],
    [Number.NaN, ""],
  ])("keeps the number %s a number", (value, expected) => {
    expect(csvSafeCell(value)).toBe(expected);
  });

  it("writes a database decimal exactly, negative ones included", async () => {
    const { Prisma } = await import("@/lib/generated/prisma/client");
    expect(csvSafeCell(new Prisma.Decimal("-600000.50"))).toBe("-600000.5");
  });

  it("quotes separators, quotes and line breaks, starts with a BOM and counts the rows", async () => {
    let counted = -1;
    const raw = await bytes(
      exportStream(
        "csv",
        "Stories",
        [
          { header: "title", kind: "text" },
          { header: "note", kind: "text" },
        ],
        async (sink) => {
          for await (const row of rowsOf([{ title: "=cmd|' /C calc'!A0" }, { title: "Cosecha, justa" }]))
            await sink([[row.title, 'a "quoted", word\nnext line']]);
        },
        async (count) => {
          counted = count;
        },
      ),
    );
    expect([...raw.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const body = new TextDecoder().decode(raw); // drops the BOM
    expect(body.split("\n")[0]).toBe("title,note");
    expect(body).toContain(`'=cmd|' /C calc'!A0,"a ""quoted"", word\nnext line"`);
    expect(body).toContain(`"Cosecha, justa"`);
    expect(counted).toBe(2);
  });
});
