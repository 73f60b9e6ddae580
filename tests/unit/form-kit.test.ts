/**
 * The form kit's date field and radio group, as a screen reader meets them: a label (or legend)
 * tied to the control, the hint and the error linked with aria-describedby, the control marked
 * invalid while it has an error, and a required answer said so.
 */
import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DateField, dayOf } from "@/components/ui/date-field";
import { RadioGroup } from "@/components/ui/radio-group";

type Tag = { name: string; attributes: Record<string, string>; text: string };

/** Every element named `name` with its attributes and the text up to its closing tag. */
function tags(html: string, name: string): Tag[] {
  const found: Tag[] = [];
  for (const match of html.matchAll(new RegExp(`<${name}((?:\\s[^>]*)?)>`, "g"))) {
    const attributes: Record<string, string> = {};
    for (const attribute of match[1]!.matchAll(/([\w-]+)(?:="([^"]*)")?/g))
      attributes[attribute[1]!] = attribute[2] ?? "";
    const rest = html.slice(match.index + match[0].length);
    const end = rest.indexOf(`</${name}>`);
    found.push({ name, attributes, text: (end < 0 ? "" : rest.slice(0, end)).replace(/<[^>]*>/g, "") });
  }
  return found;
}

const byId = (html: string, id: string) =>
  ["p", "label", "legend", "fieldset", "input"]
    .flatMap((name) => tags(html, name))
    .find((tag) => tag.attributes.id === id);

describe("DateField", () => {
  const render = (props: Record<string, unknown>) =>
    renderToStaticMarkup(h(DateField, { id: "interview-date", name: "date", label: "Fecha", ...props }));

  it("is a date input named by its visible label", () => {
    const html = render({ defaultValue: "2026-03-04" });
    const [input] = tags(html, "input");
    const [label] = tags(html, "label");
    expect(input!.attributes).toMatchObject({ type: "date", id: "interview-date", name: "date", value: "2026-03-04" });
    expect(label!.attributes.for).toBe("interview-date");
    expect(label!.text).toBe("Fecha");
  });

  it("links its hint and its error to the input and marks it invalid", () => {
    const html = render({ hint: "Día en que se hizo.", error: "Escriba una fecha real." });
    const input = tags(html, "input")[0]!;
    expect(input.attributes["aria-invalid"]).toBe("true");
    expect(input.attributes["aria-describedby"]).toBe("interview-date-hint interview-date-error");
    expect(byId(html, "interview-date-hint")!.text).toBe("Día en que se hizo.");
    expect(byId(html, "interview-date-error")!.text).toBe("Escriba una fecha real.");
  });

  it("says nothing is wrong while there is no error", () => {
    const input = tags(render({}), "input")[0]!;
    expect(input.attributes["aria-invalid"]).toBeUndefined();
    expect(input.attributes["aria-describedby"]).toBeUndefined();
  });

  it("marks a required day on the input and in the label", () => {
    const html = render({ required: true, requiredLabel: "obligatorio" });
    expect(tags(html, "input")[0]!.attributes).toHaveProperty("required");
    expect(tags(html, "label")[0]!.text).toBe("Fecha (obligatorio)");
  });

  it("shows a stored day whatever form it comes in, and limits the picker", () => {
    const html = render({
      onValueChange: () => {},
      value: new Date("2026-03-04T00:00:00.000Z"),
      min: "2020-01-01T00:00:00.000Z",
      max: null,
    });
    expect(tags(html, "input")[0]!.attributes).toMatchObject({ value: "2026-03-04", min: "2020-01-01" });
    expect(tags(html, "input")[0]!.attributes.max).toBeUndefined();
    expect([dayOf(null), dayOf(""), dayOf(new Date("x")), dayOf("2026-03-04T12:00:00Z"), dayOf("04/03/2026")]).toEqual([
      "",
      "",
      "",
      "2026-03-04",
      "04/03/2026", // not a day the form can read: shown as it is, for the server to refuse by the field
    ]);
  });
});

describe("RadioGroup", () => {
  const options = [
    { value: "PRIMARY", label: "Principal" },
    { value: "SECONDARY", label: "Secundario" },
  ];
  const render = (props: Record<string, unknown>) =>
    renderToStaticMarkup(h(RadioGroup, { id: "domain-kind", legend: "Tipo", options, ...props }));

  it("is a group whose legend is the question, each button named by its label", () => {
    const html = render({ value: "SECONDARY", onChange: () => {} });
    const fieldset = tags(html, "fieldset")[0]!;
    expect(fieldset.attributes.id).toBe("domain-kind");
    expect(tags(html, "legend")[0]!.text).toBe("Tipo");
    const radios = tags(html, "input");
    expect(radios.map((radio) => radio.attributes.type)).toEqual(["radio", "radio"]);
    expect(new Set(radios.map((radio) => radio.attributes.name))).toEqual(new Set(["domain-kind"]));
    // Each button sits inside its label, which names it.
    for (const option of options) {
      expect(html).toMatch(
        new RegExp(
          `<label[^>]*><input type="radio"[^>]*value="${option.value}"[^>]*/> <span>${option.label}</span></label>`,
        ),
      );
    }
    expect(radios.map((radio) => "checked" in radio.attributes)).toEqual([false, true]);
  });

  it("links its hint and its error to the group and marks every button invalid", () => {
    const html = render({ hint: "Un relato tiene un dominio principal.", error: "Elija una de las opciones." });
    expect(tags(html, "fieldset")[0]!.attributes["aria-describedby"]).toBe("domain-kind-hint domain-kind-error");
    expect(byId(html, "domain-kind-error")!.text).toBe("Elija una de las opciones.");
    expect(byId(html, "domain-kind-hint")!.text).toBe("Un relato tiene un dominio principal.");
    expect(tags(html, "input").map((radio) => radio.attributes["aria-invalid"])).toEqual(["true", "true"]);
  });

  it("says nothing is wrong while there is no error", () => {
    const html = render({});
    expect(tags(html, "fieldset")[0]!.attributes["aria-describedby"]).toBeUndefined();
    expect(tags(html, "input").map((radio) => radio.attributes["aria-invalid"])).toEqual([undefined, undefined]);
  });

  it("says an answer is required, to screen readers and in the legend", () => {
    const html = render({ required: true, requiredLabel: "obligatorio" });
    expect(tags(html, "input").map((radio) => "required" in radio.attributes)).toEqual([true, true]);
    expect(tags(html, "legend")[0]!.text).toBe("Tipo (obligatorio)");
    expect(tags(render({}), "input").map((radio) => "required" in radio.attributes)).toEqual([false, false]);
    expect(tags(render({}), "legend")[0]!.text).toBe("Tipo");
  });

  it("starts from a stored answer when the form reads it from FormData", () => {
    const html = render({ name: "kind", defaultValue: "PRIMARY" });
    const radios = tags(html, "input");
    expect(radios.map((radio) => [radio.attributes.name, "checked" in radio.attributes])).toEqual([
      ["kind", true],
      ["kind", false],
    ]);
  });
});
