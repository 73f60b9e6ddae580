import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { expectInteractive } from "./support/interactive";
import { tabTo } from "./support/keyboard";
import { openListedEvaluation, signInToEvaluation, signInToList } from "./support/sign-in";
import { copyOfDemo } from "./support/world";

// A Mexican browser: the pages start in Spanish; one journey switches to English.
test.use({ locale: "es-MX" });

const PASSWORD = "msc-demo-2026";
/** This spec's own copy of the demo: the interviews it records land in no other spec's evaluation. */
let evaluationName: string;

test.beforeAll(async () => {
  evaluationName = (await copyOfDemo("Evaluación de prueba: trabajo de campo")).name;
});
const TRANSCRIPT = [
  "[Entrevista ficticia de prueba.]",
  "Entrevistadora: ¿Qué cambió en su centro de trabajo?",
  "R-0001: Antes nadie nos explicaba el contrato. Ahora lo votamos en asamblea y sabemos cuánto nos deben pagar 💪🏽.",
  "Entrevistadora: ¿Y las horas extra?",
  "R-0001: Ya nos las pagan completas desde marzo.",
].join("\n\n");
const MOUSE_PASSAGE = "Ahora lo votamos en asamblea";
const KEYBOARD_PASSAGE = "Ya nos las pagan completas";

function occurrences(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

/** Signs the evaluator in and fills the new-interview form of this spec's evaluation with its date and one respondent. */
async function newInterviewOf(page: Page, date: string, respondentCode: string) {
  const evaluationPath = await signInToEvaluation(page, evaluationName, "evaluator@demo.example", PASSWORD);
  await page.goto(`${evaluationPath}/interviews/new`);
  await expectInteractive(page.getByLabel("Fecha"));
  await page.getByLabel("Fecha").fill(date);
  await page.getByRole("checkbox", { name: new RegExp(`^${respondentCode}`) }).check();
}

/** Drags the mouse over `passage` in the transcript viewer, as a person selecting it would. */
async function selectWithMouse(page: Page, viewer: Locator, passage: string) {
  await viewer.locator("textarea").scrollIntoViewIfNeeded();
  // The backdrop (where positions are measured) is drawn once the page is interactive.
  await expect(viewer.locator("div[aria-hidden='true']")).toContainText(passage);
  const points = await viewer.evaluate((section, wanted) => {
    const reader = section.querySelector("textarea")!;
    const backdrop = reader.previousElementSibling as HTMLElement;
    const start = reader.value.indexOf(wanted);
    // The backdrop lays the same text out exactly under the textarea: measure there.
    const walker = document.createTreeWalker(backdrop, NodeFilter.SHOW_TEXT);
    const positions: Array<{ node: Text; from: number }> = [];
    let offset = 0;
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      positions.push({ node, from: offset });
      offset += node.data.length;
    }
    const at = (index: number) => {
      const hit = positions.find((p) => index >= p.from && index < p.from + p.node.data.length)!;
      const range = document.createRange();
      range.setStart(hit.node, index - hit.from);
      range.setEnd(hit.node, index - hit.from + 1);
      return range.getBoundingClientRect();
    };
    const first = at(start);
    const last = at(start + wanted.length - 1);
    return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
  }, passage);
  await page.mouse.move(points.x1, points.y1);
  await page.mouse.down();
  await page.mouse.move(points.x2, points.y2, { steps: 8 });
  await page.mouse.up();
}

test("an evaluator records an interview, marks excerpts by mouse and keyboard, edits the transcript, and the excerpts stay highlighted", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const evaluationPath = await signInToEvaluation(page, evaluationName, "evaluator@demo.example", PASSWORD);

  await page.goto(`${evaluationPath}/interviews/new`);
  await expect(page.getByRole("heading", { level: 1, name: "Nueva entrevista" })).toBeVisible();
  await expectNoAxeViolations(page, "new interview (es)");

  // Server validation answers next to the fields, in Spanish.
  await page.getByRole("button", { name: "Guardar entrevista" }).click();
  await expect(page.locator("#interview-form-error")).toHaveText(
    "No se guardó nada. Corrija los campos señalados abajo.",
  );
  await expect(page.getByLabel("Fecha")).toHaveAccessibleDescription("Este campo es obligatorio.");
  await expect(page.getByLabel("Fecha")).toBeFocused();

  await page.getByLabel("Fecha").fill("2024-06-15");
  await page.getByLabel("Duración (minutos)").fill("45");
  await expect(page.getByRole("checkbox", { name: "Daniel Esquivel Mora" })).toBeChecked();
  await page.getByLabel("Buscar por código o estado").fill("R-0001");
  await page.getByRole("checkbox", { name: /^R-0001/ }).check();
  await page.getByLabel("Buscar por código o estado").fill("");
  await page.getByRole("group", { name: "Proyectos mencionados" }).getByRole("checkbox").first().check();
  await page.getByLabel("Notas").fill("<script>alert('x')</script> en el local sindical");
  await page.getByLabel("Transcripción en el idioma original").fill(TRANSCRIPT);
  await expect(page.getByText(`${TRANSCRIPT.length} de 500,000 caracteres`)).toBeVisible();
  await page.getByRole("button", { name: "Guardar entrevista" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Entrevista del 15 de junio de 2024" })).toBeVisible();
  await expect(page.getByText("<script>alert('x')</script> en el local sindical")).toBeVisible();
  const interviewPath = new URL(page.url()).pathname;
  // The page carries the transcript's words once (not once in the HTML and again for React).
  expect(occurrences(await (await page.request.get(interviewPath)).text(), "[Entrevista ficticia de prueba.]")).toBe(1);
  expect(
    occurrences(await (await page.request.get(`${interviewPath}/edit`)).text(), "[Entrevista ficticia de prueba.]"),
  ).toBe(1);
  const viewer = page.getByRole("region", { name: "Transcripción (Español)" });
  const reader = viewer.getByRole("textbox", { name: "Transcripción (Español)" });
  await expect(reader).toHaveValue(TRANSCRIPT);
  await expectNoAxeViolations(page, "interview (es)");

  // With the mouse.
  await selectWithMouse(page, viewer, MOUSE_PASSAGE);
  await expect(viewer.getByText(`${MOUSE_PASSAGE.length} caracteres seleccionados`)).toBeVisible();
  await viewer.getByLabel("Nota para el fragmento (opcional)").fill("Contrato votado");
  await viewer.getByRole("button", { name: "Crear fragmento de la selección" }).click();
  await expect(viewer.getByRole("status")).toContainText("Fragmento creado");
  await expect(viewer.locator("blockquote")).toHaveText([MOUSE_PASSAGE]);
  await expect(viewer.locator("mark")).toHaveText([MOUSE_PASSAGE]);

  // With the keyboard only: into the text, to the passage, Shift+arrows, then the button.
  await tabTo(page, reader);
  // The viewer reads; it never edits.
  await page.keyboard.type("x");
  await page.keyboard.press("Backspace");
  await expect(reader).toHaveValue(TRANSCRIPT);
  await page.keyboard.press("Control+End");
  const fromEnd = TRANSCRIPT.length - TRANSCRIPT.indexOf(KEYBOARD_PASSAGE);
  for (let i = 0; i < fromEnd; i++) await page.keyboard.press("ArrowLeft");
  for (let i = 0; i < KEYBOARD_PASSAGE.length; i++) await page.keyboard.press("Shift+ArrowRight");
  await expect(viewer.getByText(`${KEYBOARD_PASSAGE.length} caracteres seleccionados`)).toBeVisible();
  const button = viewer.getByRole("button", { name: "Crear fragmento de la selección" });
  await tabTo(page, button, 5);
  await page.keyboard.press("Enter");
  await expect(viewer.locator("blockquote")).toHaveText([MOUSE_PASSAGE, KEYBOARD_PASSAGE]);
  await expect(viewer.locator("mark")).toHaveText([MOUSE_PASSAGE, KEYBOARD_PASSAGE]);
  await expect(viewer.getByRole("heading", { name: "2 fragmentos" })).toBeVisible();
  await expectNoAxeViolations(page, "interview with excerpts (es)");

  // "Show in transcript" selects the passage in the text, from the keyboard too.
  await viewer.getByRole("button", { name: "Mostrar en la transcripción" }).nth(1).press("Enter");
  await expect(reader).toBeFocused();
  expect(
    await reader.evaluate((node: HTMLTextAreaElement) => node.value.slice(node.selectionStart, node.selectionEnd)),
  ).toBe(KEYBOARD_PASSAGE);

  // "Write a story from this passage": the new story starts with its sources and storyteller.
  await viewer.getByRole("link", { name: "Escribir una historia a partir de este fragmento" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Nueva historia de cambio" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Iniciada desde un fragmento" })).toBeVisible();
  await expect(page.locator("blockquote")).toHaveText(MOUSE_PASSAGE);
  await expect(page.getByRole("group", { name: "Personas que cuentan la historia", exact: true })).toContainText(
    "R-0001",
  );
  await expect(page.getByRole("group", { name: "Fuentes", exact: true }).getByRole("listitem")).toHaveCount(2);
  await expectNoAxeViolations(page, "new story from an excerpt (es)");
  await page.goto(interviewPath);

  // Edit the transcript before both passages (and change nothing else).
  await page.getByRole("link", { name: "Editar entrevista" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Editar entrevista" })).toBeVisible();
  await expectNoAxeViolations(page, "edit interview (es)");
  const editor = page.getByLabel("Transcripción en el idioma original");
  await editor.focus();
  await page.keyboard.press("Control+Home");
  await page.keyboard.type("[Grabación 1, minuto 0] ");
  await page.getByRole("button", { name: "Guardar cambios" }).click();

  await expect(page).toHaveURL(interviewPath);
  const after = page.getByRole("region", { name: "Transcripción (Español)" });
  await expect(after.getByRole("textbox", { name: "Transcripción (Español)" })).toHaveValue(
    `[Grabación 1, minuto 0] ${TRANSCRIPT}`,
  );
  await expect(after.locator("mark")).toHaveText([MOUSE_PASSAGE, KEYBOARD_PASSAGE]);
  await expect(after.getByText(/Requiere atención/)).toHaveCount(0);

  // Now change the first passage itself: that excerpt is kept, with a warning; the other follows.
  await page.getByRole("link", { name: "Editar entrevista" }).click();
  await page
    .getByLabel("Transcripción en el idioma original")
    .fill(`[Grabación 1, minuto 0] ${TRANSCRIPT}`.replace("lo votamos", "lo discutimos y votamos"));
  await page.getByRole("button", { name: "Guardar cambios" }).click();
  await expect(page).toHaveURL(interviewPath);
  const warned = page.getByRole("region", { name: "Transcripción (Español)" });
  await expect(warned.locator("mark")).toHaveText([KEYBOARD_PASSAGE]);
  await expect(warned.getByText(/Requiere atención: este pasaje/)).toHaveCount(1);
  await expect(warned.getByText("1 fragmento requiere atención:", { exact: false })).toBeVisible();
  await expectNoAxeViolations(page, "interview with a warning (es)");

  // The same page in English.
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Interview of June 15, 2024" })).toBeVisible();
  const english = page.getByRole("region", { name: "Transcript (Spanish)" });
  await expect(english.getByRole("button", { name: "Create excerpt from selection" })).toBeVisible();
  await expect(english.getByText(/Needs attention: this passage/)).toHaveCount(1);
  await expect(english.locator("mark")).toHaveText([KEYBOARD_PASSAGE]);
  await expectNoAxeViolations(page, "interview (en)");
});

test("a 500,000-character transcript is saved and shown; one character more is refused with a clear message", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await newInterviewOf(page, "2024-09-02", "R-0003");
  const line = "R-0003: En el ingenio ya se respeta la jornada de ocho horas y se paga el descanso. ";
  const full = line.repeat(Math.ceil(500_000 / line.length)).slice(0, 500_000);
  const transcript = page.getByLabel("Transcripción en el idioma original");
  await transcript.fill(`${full}x`);
  await expect(page.getByText("500,001 de 500,000 caracteres")).toBeVisible();
  await page.getByRole("button", { name: "Guardar entrevista" }).click();
  await expect(transcript).toHaveAccessibleDescription(
    /La transcripción tiene más de 500,000 caracteres\. Acórtela o divídala en dos registros\./,
  );
  await expect(page).toHaveURL(/\/interviews\/new$/);

  await transcript.fill(full);
  await page.getByRole("button", { name: "Guardar entrevista" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Entrevista del 2 de septiembre de 2024" })).toBeVisible();
  const reader = page.getByRole("textbox", { name: "Transcripción (Español)" });
  await expect(reader).toHaveValue(full);
  // Marking a passage near the end of a long text works as well.
  const offset = full.length - line.length * 2;
  await reader.evaluate((node: HTMLTextAreaElement, start) => {
    node.focus();
    node.setSelectionRange(start, start + 40);
  }, offset);
  await page.getByRole("button", { name: "Crear fragmento de la selección" }).click();
  await expect(page.getByRole("status")).toContainText("Fragmento creado");
  await expect(page.locator("mark")).toHaveText([full.slice(offset, offset + 40).trim()]);

  // A mark no story rests on can be removed again; the transcript stays as it was.
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Quitar fragmento" }).click();
  await expect(page.getByRole("status")).toHaveText("Fragmento quitado.");
  await expect(page.locator("mark")).toHaveCount(0);
  await expect(reader).toHaveValue(full);
});

test("a respondent whose consent was withdrawn cannot be added, and the form says which one", async ({ page }) => {
  await newInterviewOf(page, "2024-11-20", "R-0012");
  await expect(page.getByRole("checkbox", { name: /^R-0012/ })).toHaveAccessibleName(/consentimiento retirado/);
  await page.getByRole("button", { name: "Guardar entrevista" }).click();
  const group = page.getByRole("group", { name: "Personas entrevistadas" });
  await expect(group).toContainText(
    "No se pueden añadir estas personas porque su consentimiento no cubre entrevistas o fue retirado: R-0012.",
  );
  await expect(page).toHaveURL(/\/interviews\/new$/);
});

test("an evaluator records a focus group in English with an anonymous head-count", async ({ page }) => {
  await signInToList(page, "evaluator@demo.example", PASSWORD);
  await page.getByRole("button", { name: "English" }).click();
  const evaluationPath = await openListedEvaluation(page, evaluationName);
  await page.goto(`${evaluationPath}/focus-groups/new`);
  await expect(page.getByRole("heading", { level: 1, name: "New focus group" })).toBeVisible();
  await expectNoAxeViolations(page, "new focus group (en)");
  await page.getByLabel("Topic").fill("Cambios en el ingenio");
  await page.getByLabel("Date").fill("2024-07-03");
  await page.getByLabel("Other participants (not registered)").fill("-2");
  await page.getByRole("button", { name: "Save focus group" }).click();
  await expect(page.getByLabel("Other participants (not registered)")).toHaveAccessibleDescription(
    /Enter a whole number from 0 to 10,000/,
  );
  await page.getByLabel("Other participants (not registered)").fill("7");
  await page
    .getByLabel("Transcript in the original language")
    .fill("Moderadora: ¿Qué cambió? Participante: ya hay reparto de utilidades.");
  await page.getByRole("button", { name: "Save focus group" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Cambios en el ingenio" })).toBeVisible();
  await expect(page.getByText("No registered participants and 7 other people")).toBeVisible();
  await expectNoAxeViolations(page, "focus group (en)");
});

test("the funder's reviewer and the installation's administrator get a plain 404 for an interview, and none of its words", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  await newInterviewOf(page, "2024-08-01", "R-0002");
  await page
    .getByLabel("Transcripción en el idioma original")
    .fill("Entrevistadora: palabras que solo el equipo puede leer.");
  await page.getByRole("button", { name: "Guardar entrevista" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Entrevista del 1 de agosto de 2024" })).toBeVisible();
  const interviewPath = new URL(page.url()).pathname;

  const as = async (email: string) => {
    const context = await browser.newContext({ baseURL, locale: "es-MX" });
    const other = await context.newPage();
    await signInToList(other, email, PASSWORD);
    return { other, context };
  };

  // Other browser tests lock the panelist's account and give the analyst two-factor sign-in, so
  // the accounts used here are ones no other test changes. Every role × action is covered by
  // tests/integration/authorization-matrix.test.ts and interviews-create.test.ts.
  for (const email of ["reviewer@demo.example", "admin@demo.example"]) {
    const { other, context } = await as(email);
    const response = await other.goto(interviewPath);
    expect(response?.status(), email).toBe(404);
    await expect(other.getByRole("heading", { level: 1, name: "Página no encontrada" })).toBeVisible();
    expect(await other.content(), email).not.toContain("solo el equipo");
    await context.close();
  }
});
