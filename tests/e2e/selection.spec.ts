import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { expectInteractive } from "./support/interactive";
import { expectReflowAt320 } from "./support/reflow";
import { signInToEvaluation } from "./support/sign-in";
import { copyOfDemo } from "./support/world";

// A Mexican browser: the app starts in Spanish.
test.use({ locale: "es-MX" });

const PASSWORD = "msc-demo-2026";
const DEMO_ROUND = "Ronda 1: cambios más significativos del dominio";
const PANELIST = "panelist2@demo.example";
// The round is decided here: on a copy of the demo of this spec's own, which no other spec reads.
let evaluationName: string;

test.beforeAll(async () => {
  evaluationName = (await copyOfDemo("Evaluación de prueba: selección")).name;
});

async function openSelection(page: Page, email: string): Promise<string> {
  const base = await signInToEvaluation(page, evaluationName, email, PASSWORD);
  await page
    .getByRole("navigation", { name: "Secciones de la evaluación" })
    .getByRole("link", { name: "Selección" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Selección" })).toBeVisible();
  return base;
}

/** The ranked codes, top first, as the ballot shows them. */
async function rankedCodes(page: Page): Promise<string[]> {
  return page.locator("form ol > li h3 .code").allTextContents();
}

/**
 * Drags a story by its handle, with the mouse, onto the place of another story: press, a few
 * small moves (a drag starts only after some travel), then let go over the target.
 */
async function dragStory(page: Page, code: string, ontoCode: string): Promise<void> {
  const handle = page.getByRole("button", { name: `Arrastrar ${code} a otro lugar` });
  const target = page.getByRole("button", { name: `Arrastrar ${ontoCode} a otro lugar` });
  // The mouse only reaches what is on screen: a window tall enough for the whole ballot.
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: size.width, height: 1800 });
  await page.evaluate(() => window.scrollTo(0, 0));
  // The drag code loads when a pointer first comes over the list; its handles then point to
  // dnd-kit's instructions. A person's mouse reaches the list before it presses.
  await handle.hover();
  await expect(handle).toHaveAttribute("aria-describedby", /^ranking-instructions/);
  const from = (await handle.boundingBox())!;
  const to = (await target.boundingBox())!;
  expect(Math.max(from.y, to.y) + from.height).toBeLessThan(1800);
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2 + (to.y > from.y ? 10 : -10), { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 15 });
  await page.mouse.up();
  await page.setViewportSize(size);
}

test("a lead sets up a panel and a round; a panelist ranks by keyboard in Spanish and English; the lead closes and decides", async ({
  page,
  browser,
}) => {
  // Three people, eight pages and seven axe checks on a shared two-core machine.
  test.setTimeout(180_000);
  // ── The lead: a panel for the domain whose story is still screened, then a round, then open it.
  const base = await openSelection(page, "lead@demo.example");
  await expectNoAxeViolations(page, "selection list (lead, es)");
  // The new-round form's date-and-time field and the panel form's e-mail addresses once widened it.
  await expectReflowAt320(page, "selection list (lead, es), text spacing", { textSpacing: true });
  await expectInteractive(page.getByRole("button", { name: "Crear el panel" }));
  await page.getByLabel("Nombre del panel").fill("Panel de prácticas laborales");
  await page.getByLabel("Dominio de cambio").selectOption({ label: "Prácticas laborales del sector privado" });
  await page.getByRole("checkbox", { name: /Joaquín Treviño Alcalá/ }).check();
  await page.getByRole("button", { name: "Crear el panel" }).click();
  await expect(page.getByText("Se creó el panel «Panel de prácticas laborales».")).toBeVisible();

  await page.getByRole("button", { name: "Crear la ronda" }).click();
  await expect(page.getByText("Completa este campo.").first()).toBeVisible();
  await page.getByLabel("Panel que vota").selectOption({ label: "Panel de prácticas laborales (Panel de dominio)" });
  await page.getByLabel("Nombre de la ronda").fill("Ronda de prácticas laborales <script>alert(1)</script>");
  await page.getByRole("radio", { name: "Aprobación" }).check();
  await page.getByLabel(/^Fecha límite, en hora estándar central \(America\/Mexico_City\)/).fill("2030-01-15T12:00");
  await page.getByRole("button", { name: "Crear la ronda" }).click();
  await expect(page).toHaveURL(/\/selection\/rounds\/[A-Za-z0-9_-]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Ronda de prácticas laborales <script>alert(1)</script>",
  );
  await expect(page.getByText("Borrador (aún no abierta)")).toBeVisible();
  await expectNoAxeViolations(page, "new round, draft (lead, es)");
  await page.getByRole("button", { name: "Abrir la ronda" }).click();
  await expect(page.getByText("La ronda ahora está: Abierta a votación.")).toBeVisible();
  await expect(page.getByRole("link", { name: /CS-0008/ })).toBeVisible();

  // ── The panelist, in Spanish: ranks the demo round with the keyboard only.
  const context = await browser.newContext({ locale: "es-MX" });
  const panelist = await context.newPage();
  await openSelection(panelist, PANELIST);
  await expect(
    panelist.getByRole("link", { name: "Ronda de prácticas laborales <script>alert(1)</script>" }),
  ).toBeVisible();
  await panelist.getByRole("link", { name: DEMO_ROUND }).click();
  await expect(panelist.getByRole("heading", { level: 2, name: "Su voto" })).toBeVisible();
  await expect(
    panelist.getByText("El conteo y los votos de los demás panelistas se muestran cuando cierra la ronda."),
  ).toBeVisible();
  expect(await rankedCodes(panelist)).toEqual(["CS-0001", "CS-0002", "CS-0005"]);
  await expectNoAxeViolations(panelist, "round, ballot (panelist, es)");
  // The ballot may have come by a full page load: drags and keys wait until it is live.
  await expectInteractive(panelist.getByRole("button", { name: "Arrastrar CS-0005 a otro lugar" }));
  await expectInteractive(panelist.getByRole("button", { name: "Bajar CS-0001" }));

  // Mouse users may drag a story by its handle; the drop is announced like a button move. The
  // handle stays out of the Tab order (the buttons are the keyboard's way), and the story goes
  // back so the keyboard steps below start from the same order.
  await expect(panelist.getByRole("button", { name: "Arrastrar CS-0005 a otro lugar" })).toHaveAttribute(
    "tabindex",
    "-1",
  );
  await dragStory(panelist, "CS-0005", "CS-0001");
  await expect.poll(() => rankedCodes(panelist)).toEqual(["CS-0005", "CS-0001", "CS-0002"]);
  await expect(panelist.getByText("CS-0005 ahora es la número 1 de 3.")).toBeAttached();
  await dragStory(panelist, "CS-0005", "CS-0002");
  await expect.poll(() => rankedCodes(panelist)).toEqual(["CS-0001", "CS-0002", "CS-0005"]);
  await expect(panelist.getByText("CS-0005 ahora es la número 3 de 3.")).toBeAttached();

  await panelist.getByRole("button", { name: "Bajar CS-0001" }).focus();
  await panelist.keyboard.press("Enter");
  await expect(panelist.getByText("CS-0001 ahora es la número 2 de 3.")).toBeAttached();
  await expect(panelist.getByRole("button", { name: "Bajar CS-0001" })).toBeFocused();
  await panelist.keyboard.press("Enter");
  expect(await rankedCodes(panelist)).toEqual(["CS-0002", "CS-0005", "CS-0001"]);
  for (const code of ["CS-0002", "CS-0005", "CS-0001"]) {
    await panelist.getByLabel(`¿Por qué? (${code})`).focus();
    await panelist.keyboard.type(`Razón de ${code}: el cambio llegó a quienes más lo necesitaban.`);
  }
  await panelist.getByRole("button", { name: "Emitir mi voto" }).focus();
  await panelist.keyboard.press("Enter");
  await expect(panelist.getByText("Su voto quedó guardado.")).toBeVisible();

  // ── The same panelist in English changes the order; the earlier version is kept.
  await panelist.getByRole("button", { name: "English" }).click();
  await expect(panelist.locator("html")).toHaveAttribute("lang", "en");
  await expect(panelist.getByRole("heading", { level: 2, name: "Your ballot" })).toBeVisible();
  expect(await rankedCodes(panelist)).toEqual(["CS-0002", "CS-0005", "CS-0001"]);
  await expectInteractive(panelist.getByRole("button", { name: "Move CS-0005 up" }));
  await panelist.getByRole("button", { name: "Move CS-0005 up" }).focus();
  await panelist.keyboard.press("Enter");
  await expect(panelist.getByText("CS-0005 is now number 1 of 3.")).toBeAttached();
  await panelist.getByRole("button", { name: "Save my changes" }).focus();
  await panelist.keyboard.press("Enter");
  await expect(panelist.getByText("Your ballot is saved.")).toBeVisible();
  await expectNoAxeViolations(panelist, "round, ballot (panelist, en)");

  // ── The lead: who voted (not how), a reminder for the other, then close and decide.
  await page.goto(`${base}/selection`);
  await page.getByRole("link", { name: DEMO_ROUND }).click();
  await expect(page.getByText("Joaquín Treviño Alcalá: ya votó")).toBeVisible();
  await expectInteractive(page.getByRole("button", { name: "Registrar que se envió el recordatorio" }));
  await expect(page.getByText("Lucía Barragán Ortiz: todavía no vota")).toBeVisible();
  await expect(page.getByRole("table", { name: /Conteo/ })).toHaveCount(0);
  await expect(page.getByLabel("Texto del recordatorio")).toHaveValue(
    /Ronda 1: cambios más significativos del dominio/,
  );
  await page.getByRole("button", { name: "Registrar que se envió el recordatorio" }).click();
  await expect(page.getByText("Registrado: recordatorio enviado a 1 panelista.")).toBeVisible();
  await expectNoAxeViolations(page, "open round (lead, es)");

  // Closing cannot be undone: the app says what will happen before it does it.
  await page.getByRole("button", { name: "Cerrar la ronda" }).click();
  const confirmClose = page.getByRole("button", { name: "Sí, cerrar la ronda" });
  await expect(confirmClose).toBeFocused();
  await expect(confirmClose).toHaveAccessibleDescription(/el panel ya no puede emitir ni cambiar votos/);
  await confirmClose.click();
  await expect(page.getByText("La ronda ahora está: Cerrada, en espera de la decisión.")).toBeVisible();
  const tally = page.getByRole("table", { name: "Conteo de la ronda, calculado a partir de los votos" });
  await expect(tally.locator("tbody tr").first()).toContainText("CS-0005");
  await expect(tally.locator("tbody tr").first()).toContainText("2");
  await expectNoAxeViolations(page, "closed round with tally (lead, es)");

  await page.getByRole("button", { name: "Registrar la decisión" }).click();
  await page.getByRole("button", { name: "Sí, registrar la decisión" }).click();
  await expect(
    page.getByText("Algunos datos necesitan atención; revise los mensajes junto a los campos."),
  ).toBeVisible();
  const feedbackFields = page.getByRole("textbox", { name: /^Retroalimentación sobre CS-/ });
  await expect(feedbackFields.first()).toHaveAttribute("aria-invalid", "true");
  await page.getByRole("checkbox", { name: /CS-0005/ }).check();
  await page
    .getByLabel("Razones del panel para seleccionar CS-0005", { exact: true })
    .fill("El panel la eligió porque el cambio fue amplio, duradero y lo contaron quienes lo vivieron.");
  await page.getByLabel("Desacuerdos").fill("Una persona del panel prefería CS-0002.");
  // Every storyteller hears back, selected or not, each story in its own field.
  const candidates = await feedbackFields.count();
  expect(candidates).toBeGreaterThan(1);
  for (let i = 0; i < candidates; i += 1) {
    await feedbackFields
      .nth(i)
      .fill(`Gracias por compartir su historia. El panel eligió la historia CS-0005 por su alcance (${i + 1}).`);
  }
  await expect(page.getByLabel("Idioma de la retroalimentación sobre CS-0005")).toHaveValue("es");
  await page.getByRole("button", { name: "Registrar la decisión" }).click();
  await expect(page.getByRole("button", { name: "Sí, registrar la decisión" })).toHaveAccessibleDescription(
    /1 historia avanza como seleccionada/,
  );
  await page.getByRole("button", { name: "Sí, registrar la decisión" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Decisión" })).toBeVisible();
  await expect(page.getByText("Decidida")).toBeVisible();
  await expect(page.getByText(/El panel eligió la historia CS-0005 por su alcance \(1\)/)).toBeVisible();
  await expectNoAxeViolations(page, "decided round (lead, es)");

  // The panelist now sees the tally and the reasons; the stories moved on.
  await panelist.reload();
  await expect(panelist.getByRole("table", { name: "Tally of the round, computed from the ballots" })).toBeVisible();
  await panelist.getByRole("link", { name: /CS-0001/ }).click();
  await expect(panelist.getByText("Not selected").first()).toBeVisible();
  await context.close();
});
