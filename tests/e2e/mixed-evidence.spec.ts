/**
 * Mixed evidence counts toward the two-source-type rule only with the analyst's note on why it still
 * supports the story: on a copy of the demo whose round selected CS-0005 (one supporting record and
 * one mixed press note come with it), in Spanish and English, with axe on each page.
 */
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { expectInteractive } from "./support/interactive";
import { signInAt } from "./support/sign-in";
import { appDatabase, copyOfDemo, decideOpenRound } from "./support/world";

test.use({ locale: "es-MX" });

test("an analyst writes why mixed evidence still supports the story, and only then it counts", async ({ page }) => {
  test.setTimeout(120_000);
  const copy = await copyOfDemo("Evaluación de prueba: evidencia mixta");
  await decideOpenRound(copy.id, ["CS-0005"]);
  const story = await appDatabase().changeStory.findFirstOrThrow({
    where: { evaluationId: copy.id, code: "CS-0005" },
    select: { id: true },
  });
  const path = `/evaluations/${copy.id}/stories/${story.id}/triangulation`;
  await signInAt(page, path, "analyst@demo.example", "msc-demo-2026");

  const readiness = page.getByRole("region", { name: "Lo que falta" });
  await expect(readiness).toContainText("(ahora hay 1)");
  const evidence = page.getByRole("region", { name: "Evidencia", exact: true });
  await expect(evidence.getByText("Sin nota: no cuenta como respaldo.")).toBeVisible();
  await expectNoAxeViolations(page, "triangulation with unexplained mixed evidence (analyst, es)");

  await evidence.getByRole("link", { name: /^Editar la evidencia: Nota de prensa regional/ }).click();
  const note = page.getByLabel("Por qué aún respalda la historia");
  await expectInteractive(page.getByRole("button", { name: "Guardar evidencia" }));
  await note.fill(
    "Confirma el reconocimiento del sindicato en la fecha del plan de reparación, que es el cambio de la historia.",
  );
  await expectNoAxeViolations(page, "evidence form with the support note (analyst, es)");
  await page.getByRole("button", { name: "Guardar evidencia" }).click();

  await expect(page).toHaveURL(new RegExp(`${path}$`));
  await expect(evidence.getByText(/^Confirma el reconocimiento del sindicato/)).toBeVisible();
  await expect(readiness).not.toContainText("tipos de fuente");

  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByText("Why it still supports the story")).toBeVisible();
  await expectNoAxeViolations(page, "triangulation with explained mixed evidence (analyst, en)");
});
