/**
 * Two pieces of the form kit: the whole-number field (a count typed in, with the number keyboard
 * and the schema's range, framed like every field) and the readers of an uncontrolled form's
 * FormData, which every form's `handleSubmit` uses so a choice not made reaches the schema as missing.
 */
import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { formChoice, formChoices, formText } from "@/components/ui/form-data";
import { WholeNumberField, wholeNumber } from "@/components/ui/whole-number-field";

/** The attributes of the first `<name ...>` tag in `html`. */
function attributesOf(html: string, name: string): Record<string, string> {
  const tag = new RegExp(`<${name}((?:\\s[^>]*)?)>`).exec(html);
  if (!tag) throw new Error(`no <${name}> in ${html}`);
  return Object.fromEntries(
    [...tag[1]!.matchAll(/([\w-]+)(?:="([^"]*)")?/g)].map((match) => [match[1], match[2] ?? ""]),
  );
}

describe("WholeNumberField", () => {
  const render = (props: Record<string, unknown>) =>
    renderToStaticMarkup(
      h(WholeNumberField, {
        id: "focus-group-count",
        name: "count",
        label: "Otras personas",
        min: 0,
        max: 500,
        ...props,
      }),
    );

  it("asks for whole numbers in the schema's range, with the number keyboard", () => {
    const input = attributesOf(render({ defaultValue: 3 }), "input");
    expect(input).toMatchObject({
      type: "number",
      inputMode: "numeric",
      min: "0",
      max: "500",
      step: "1",
      id: "focus-group-count",
      name: "count",
      value: "3",
    });
  });

  it("is named by its label and shows its error next to it, linked and marked invalid", () => {
    const html = render({ hint: "Sin registrar.", error: "Escriba un número entero." });
    expect(attributesOf(html, "label").for).toBe("focus-group-count");
    expect(attributesOf(html, "input")).toMatchObject({
      "aria-invalid": "true",
      "aria-describedby": "focus-group-count-hint focus-group-count-error",
    });
    expect(html).toContain('<p class="field__error" id="focus-group-count-error">Escriba un número entero.</p>');
  });

  it("gives a table's bare cell the same attributes", () => {
    expect(wholeNumber(1, 10)).toEqual({ type: "number", inputMode: "numeric", min: 1, max: 10, step: 1 });
  });
});

describe("reading a submitted form", () => {
  const data = new FormData();
  data.set("name", "  Ana ");
  data.set("empty", "");
  data.set("file", new Blob(["x"]), "notes.txt");
  data.append("roles", "LEAD");
  data.append("roles", "ANALYST");

  it("reads text as typed, and an absent field or a file as empty text", () => {
    expect([
      formText(data, "name"),
      formText(data, "empty"),
      formText(data, "missing"),
      formText(data, "file"),
    ]).toEqual(["  Ana ", "", "", ""]);
  });

  it("leaves a choice not made missing, so the schema can say it is required", () => {
    expect(formChoice(data, "name")).toBe("  Ana ");
    expect(formChoice(data, "empty")).toBe("");
    expect(formChoice(data, "missing")).toBeUndefined();
  });

  it("reads every checked box, in order, and none as an empty list", () => {
    expect(formChoices(data, "roles")).toEqual(["LEAD", "ANALYST"]);
    expect(formChoices(data, "missing")).toEqual([]);
  });
});
