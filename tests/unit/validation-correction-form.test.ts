/**
 * The response correction form as the server renders it, in both languages: every control has a
 * label (the verdict is a fieldset with a legend), the stored values fill it, and a hostile stored
 * comment is shown as text.
 */
import { NextIntlClientProvider } from "next-intl";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { INTL_LOCALE } from "@/lib/i18n/config";
import { en, es } from "@/lib/i18n/messages";

vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: () => {}, push: () => {} }) }));
vi.mock("@/lib/validation/actions", () => ({
  correctValidationResponse: async () => ({ ok: false, error: "UNEXPECTED" }),
}));

const { CorrectionForm } = await import("@/components/validation/correction-form");

function render(locale: "en" | "es", comments: string) {
  const form = createElement(CorrectionForm, {
    evaluationId: "e1",
    responseId: "r1",
    stored: { version: 3, verdict: "DISPUTES", comments, proposedChanges: "", resolved: true },
  });
  return renderToStaticMarkup(
    createElement(NextIntlClientProvider, {
      locale: INTL_LOCALE[locale],
      messages: locale === "en" ? en : es,
      timeZone: "UTC",
      children: form,
    }),
  );
}

describe("CorrectionForm", () => {
  it.each([
    ["en", "Verdict", "Comments", "Proposed changes", "Save the correction"],
    ["es", "Veredicto", "Comentarios", "Cambios propuestos", "Guardar la corrección"],
  ] as const)(
    "labels every field in %s and starts from the stored values",
    (locale, verdict, comments, proposed, save) => {
      const html = render(locale, "Fueron 20.");
      expect(html).toContain(`<legend class="field__label">${verdict}</legend>`);
      expect(html).toContain(`<label class="field__label" for="correction-comments">${comments}</label>`);
      expect(html).toContain(`<label class="field__label" for="correction-proposedChanges">${proposed}</label>`);
      expect(html).toMatch(/<input type="radio" name="correction-verdict" checked="" value="DISPUTES"\/>/);
      expect(html).toContain(">Fueron 20.</textarea>");
      expect(html).toContain(save);
      expect(html).not.toContain("notice"); // nobody saved meanwhile
    },
  );

  it("shows a stored <script> as text", () => {
    const html = render("en", "<script>alert(1)</script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toContain("<script>");
  });
});
