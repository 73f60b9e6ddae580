/**
 * Fictional interviews and focus groups of the demo, with short transcripts in Spanish (and an
 * English translation for some). Every transcript opens by saying it is fictional. Speakers are
 * named by respondent code only, as real transcripts in the app should be.
 */
import type { InterviewMode, TranscriptVariant } from "@/lib/generated/prisma/enums";

type DemoStaff = "lead" | "evaluator";
type PlaceRef = { state: string; municipality?: string };

export type InterviewSpec = {
  key: string;
  date: string;
  mode: InterviewMode;
  place: PlaceRef;
  durationMinutes: number;
  interviewers: DemoStaff[];
  respondents: number[];
  /** Project acronyms. */
  projects: string[];
  notes: string;
  transcript: string;
  translation?: string;
};

export type FocusGroupSpec = {
  key: string;
  date: string;
  place: PlaceRef;
  topic: string;
  facilitators: DemoStaff[];
  participants: number[];
  anonymousParticipantCount: number;
  projects: string[];
  notes: string;
  transcript: string;
  translation?: string;
};

export type ExcerptSpec = {
  key: string;
  /** An interview or focus-group key. */
  source: string;
  variant: TranscriptVariant;
  /** Must appear verbatim in the transcript; the offsets are computed from it. */
  quote: string;
  note?: string;
};

const FICTIONAL_ES = "[Entrevista ficticia para demostración: las personas y los hechos concretos son inventados.]";
const FICTIONAL_EN = "[Fictional interview for demonstration: the people and the specific events are invented.]";
const FICTIONAL_GROUP_ES =
  "[Grupo focal ficticio para demostración: las personas y los hechos concretos son inventados.]";
const FICTIONAL_GROUP_EN =
  "[Fictional focus group for demonstration: the people and the specific events are invented.]";

const paragraphs = (...lines: string[]) => lines.join("\n\n");

export const INTERVIEWS: InterviewSpec[] = [
  {
    key: "I1",
    date: "2024-06-12",
    mode: "IN_PERSON",
    place: { state: "Coahuila", municipality: "Monclova" },
    durationMinutes: 75,
    interviewers: ["evaluator", "lead"],
    respondents: [1],
    projects: ["SC3", "SC2"],
    notes: "Entrevista en el local sindical, fuera del horario de trabajo. (Ficticia.)",
    transcript: paragraphs(
      FICTIONAL_ES,
      "Entrevistador: ¿Qué cambio en su centro de trabajo considera el más importante de los últimos años?",
      "R-0001: Antes el contrato lo firmaba un sindicato que nadie conocía; nunca vimos una asamblea. En 2022 se legitimó el contrato y votamos en secreto por primera vez. Ganó el sindicato independiente y ahora elegimos a nuestra directiva cada tres años.",
      "Entrevistador: ¿Por qué es importante para usted?",
      "R-0001: Porque ahora podemos hablar sin miedo a que nos corran. Los talleres del proyecto nos enseñaron cómo funciona la votación y qué dice la reforma de 2019. Cuando llegó el día de votar ya sabíamos que el voto era secreto y que nadie podía ver nuestra boleta.",
    ),
    translation: paragraphs(
      FICTIONAL_EN,
      "Interviewer: What change at your workplace do you consider the most important in recent years?",
      "R-0001: Before, the contract was signed by a union nobody knew; we never saw an assembly. In 2022 the contract was put to a legitimation vote and we voted by secret ballot for the first time. The independent union won and now we elect our leadership every three years.",
      "Interviewer: Why is it important to you?",
      "R-0001: Because now we can speak without fear of being fired. The project's workshops taught us how the vote works and what the 2019 reform says. When voting day came we already knew the ballot was secret and that nobody could see how we voted.",
    ),
  },
  {
    key: "I2",
    date: "2024-06-14",
    mode: "IN_PERSON",
    place: { state: "San Luis Potosí", municipality: "San Luis Potosí" },
    durationMinutes: 90,
    interviewers: ["evaluator"],
    respondents: [2, 7],
    projects: ["SC3", "GEM", "EQUAL"],
    notes: "Entrevista conjunta a dos integrantes del comité sindical, a petición de ellas. (Ficticia.)",
    transcript: paragraphs(
      FICTIONAL_ES,
      "Entrevistador: Cuéntenme qué ha cambiado en el sindicato.",
      "R-0002: Lo primero fue el manejo de las cuotas. Antes nadie sabía a dónde iba el dinero. Desde 2023 la tesorería presenta un informe cada trimestre en asamblea y cualquier persona afiliada puede pedir los comprobantes.",
      "R-0007: Para nosotras lo más grande fue el programa contra la violencia. La empresa aceptó un protocolo para atender la violencia de género, también la que se vive en casa, y quedó escrito en el contrato colectivo. Hay licencia con goce de sueldo para quien lo necesite.",
      "Entrevistador: ¿Por qué les parece significativo?",
      "R-0007: Porque ya no depende de la buena voluntad de un gerente. Está en el contrato y se revisa cada año. Varias compañeras se han acercado al comité y ya no tienen miedo de perder el trabajo.",
    ),
    translation: paragraphs(
      FICTIONAL_EN,
      "Interviewer: Tell me what has changed in the union.",
      "R-0002: The first thing was how dues are handled. Before, nobody knew where the money went. Since 2023 the treasurer presents a report to the assembly every quarter and any member can ask to see the receipts.",
      "R-0007: For us women the biggest thing was the programme against violence. The company accepted a protocol to deal with gender-based violence, including violence at home, and it was written into the collective agreement. There is paid leave for anyone who needs it.",
      "Interviewer: Why do you find it significant?",
      "R-0007: Because it no longer depends on a manager's goodwill. It is in the contract and it is reviewed every year. Several colleagues have come to the committee and they are no longer afraid of losing their jobs.",
    ),
  },
  {
    key: "I3",
    date: "2024-07-03",
    mode: "IN_PERSON",
    place: { state: "Veracruz", municipality: "Córdoba" },
    durationMinutes: 60,
    interviewers: ["evaluator"],
    respondents: [3],
    projects: ["Fields of Hope", "Senderos"],
    notes: "Entrevista en la parcela durante la zafra. (Ficticia.)",
    transcript: paragraphs(
      FICTIONAL_ES,
      "Entrevistador: ¿Qué ha cambiado en las parcelas de caña de la zona?",
      "R-0003: Hace unos años era normal ver niños cortando caña o cargando con sus papás. Después de las pláticas con el ingenio y con el proyecto, los productores firmamos un acuerdo: ningún menor en el corte. En mi comunidad los niños ya van a la escuela durante la zafra.",
      "Entrevistador: ¿Qué hizo posible el cambio?",
      "R-0003: Nos explicaron que el comprador podía dejar de recibir nuestra caña si había trabajo infantil, pero también abrieron un espacio de cuidado para los hijos de los cortadores. Sin ese espacio, las familias no tenían dónde dejar a los niños.",
    ),
    translation: paragraphs(
      FICTIONAL_EN,
      "Interviewer: What has changed in the cane plots around here?",
      "R-0003: A few years ago it was normal to see children cutting cane or carrying it with their parents. After the talks with the mill and with the project, we producers signed an agreement: no minors in the cutting. In my community the children now go to school during the harvest.",
      "Interviewer: What made the change possible?",
      "R-0003: They explained that the buyer could stop taking our cane if there was child labour, but they also opened a childcare space for the cutters' children. Without that space, families had nowhere to leave the children.",
    ),
  },
  {
    key: "I4",
    date: "2024-07-05",
    mode: "PHONE",
    place: { state: "Oaxaca" },
    durationMinutes: 35,
    interviewers: ["evaluator"],
    respondents: [4],
    projects: ["Senderos"],
    notes: "Entrevista telefónica; consentimiento oral grabado sin nombre. Sin traducción todavía. (Ficticia.)",
    transcript: paragraphs(
      FICTIONAL_ES,
      "Entrevistador: ¿Cómo era el trabajo en la cosecha de café antes?",
      "R-0004: Toda la familia subía al cafetal, también mis hijos de nueve y once años. Si no cortábamos suficiente, no alcanzaba.",
      "Entrevistador: ¿Y ahora?",
      "R-0004: Desde la cosecha de 2023 mis hijos se quedan en el albergue escolar mientras cortamos. Nos dieron una beca pequeña y la cooperativa paga un poco más por kilo si no hay menores en el corte. Para mí es lo más importante: mis hijos ya no faltan a la escuela.",
    ),
  },
  {
    key: "I5",
    date: "2024-08-20",
    mode: "VIDEO",
    place: { state: "Veracruz" },
    durationMinutes: 50,
    interviewers: ["evaluator"],
    respondents: [6],
    projects: ["VZF", "Fields of Hope"],
    notes: "Videollamada con el responsable de la unidad de responsabilidad social de un ingenio. (Ficticia.)",
    transcript: paragraphs(
      FICTIONAL_ES,
      "Entrevistador: ¿Qué cambió en el ingenio?",
      "R-0006: En 2023 creamos una unidad de responsabilidad social que revisa las listas de cortadores para que no haya menores y atiende las quejas de los trabajadores. También compramos equipo de protección: guantes, polainas, lentes y agua potable en los frentes de corte.",
      "Entrevistador: ¿Qué resultados han visto?",
      "R-0006: Los accidentes con machete bajaron en la zafra siguiente. Otros cuatro ingenios de la región vinieron a ver cómo lo hicimos e invirtieron en medidas parecidas. La capacitación del proyecto nos ayudó a registrar los accidentes, que antes ni contábamos.",
    ),
    translation: paragraphs(
      FICTIONAL_EN,
      "Interviewer: What changed at the mill?",
      "R-0006: In 2023 we created a social responsibility unit that checks the cutters' lists so that there are no minors and handles workers' complaints. We also bought protective equipment: gloves, leg guards, goggles, and drinking water at the cutting fronts.",
      "Interviewer: What results have you seen?",
      "R-0006: Machete accidents went down the following harvest. Four other mills in the region came to see how we did it and invested in similar measures. The project's training helped us record accidents, which we did not even count before.",
    ),
  },
  {
    key: "I6",
    date: "2024-09-10",
    mode: "IN_PERSON",
    place: { state: "Guanajuato", municipality: "Silao de la Victoria" },
    durationMinutes: 45,
    interviewers: ["evaluator"],
    respondents: [9],
    projects: ["MAP", "SC2"],
    notes: "Entrevista en un lugar público elegido por la persona entrevistada. Sin traducción todavía. (Ficticia.)",
    transcript: paragraphs(
      FICTIONAL_ES,
      "Entrevistador: ¿Cambió algo en la relación entre la empresa y el sindicato después de la reforma de 2019?",
      "R-0009: En mi planta no. Seguimos con el mismo sindicato y el mismo contrato. Hubo una votación, pero nos dijeron por quién votar y los supervisores estaban en la fila.",
      "Entrevistador: ¿Conoce los materiales de difusión sobre los nuevos derechos?",
      "R-0009: Vi unos carteles y un video en el celular, pero en la planta nadie se atreve a preguntar. Quiero que quede registrado que aquí no ha cambiado nada; si no lo decimos, parece que todo está bien.",
    ),
  },
];

export const FOCUS_GROUPS: FocusGroupSpec[] = [
  {
    key: "G1",
    date: "2024-07-04",
    place: { state: "Oaxaca", municipality: "Oaxaca de Juárez" },
    topic: "Seguridad y salud de jornaleras y jornaleros agrícolas",
    facilitators: ["lead", "evaluator"],
    participants: [5, 12],
    anonymousParticipantCount: 7,
    projects: ["VZF", "Una Cosecha Justa"],
    notes: "Nueve participantes; interpretación del mixteco al español para una persona. (Ficticio.)",
    transcript: paragraphs(
      FICTIONAL_GROUP_ES,
      "Facilitadora: ¿Qué ha cambiado en sus condiciones de trabajo en el campo?",
      "R-0005 (con interpretación del mixteco): Antes fumigaban mientras estábamos cortando. Después del curso sobre seguridad, un grupo de jornaleros fuimos con el encargado a pedir agua limpia, sombra y que avisen antes de fumigar. Al principio se rió, pero al mes pusieron una lona y un tambo de agua.",
      "Participante 3: Ahora también esperan el tiempo que dice la etiqueta antes de que entremos al surco.",
      "R-0012: Lo importante es que ahora hablamos nosotras y nosotros; antes esperábamos que alguien viniera a decir las cosas por nosotros.",
    ),
    translation: paragraphs(
      FICTIONAL_GROUP_EN,
      "Facilitator: What has changed in your working conditions in the fields?",
      "R-0005 (interpreted from Mixtec): Before, they sprayed while we were picking. After the safety course, a group of us day labourers went to the foreman to ask for clean water, shade, and a warning before spraying. At first he laughed, but a month later they put up a tarp and a water drum.",
      "Participant 3: Now they also wait the time the label says before we go back into the rows.",
      "R-0012: What matters is that now we speak for ourselves; before, we waited for someone to come and speak for us.",
    ),
  },
  {
    key: "G2",
    date: "2024-09-25",
    place: { state: "Morelos", municipality: "Cuautla" },
    topic: "Conciliación, justicia laboral y el Mecanismo Laboral de Respuesta Rápida",
    facilitators: ["evaluator"],
    participants: [8, 10, 11, 13],
    anonymousParticipantCount: 4,
    projects: ["TECLAB", "ENLACE", "OBSERVAR"],
    notes:
      "Ocho participantes de instituciones y organizaciones; sin grabación de audio por petición de una persona. Sin traducción todavía. (Ficticio.)",
    transcript: paragraphs(
      FICTIONAL_GROUP_ES,
      "Facilitador: ¿Qué cambios han visto en la conciliación y la justicia laboral?",
      "R-0008: En el centro de conciliación ahora la mayoría de las solicitudes se resuelve en la primera audiencia. Antes un asunto podía tardar años en la junta.",
      "R-0011: Acompañamos a trabajadores de tres plantas. Cuando se presentó la queja ante el Mecanismo Laboral de Respuesta Rápida, la empresa reconoció al sindicato en pocos meses. Sin el mecanismo, eso no habría pasado.",
      "R-0010: Como autoridad vemos que las empresas ya saben que hay consecuencias. Pero todavía nos faltan inspectores para cubrir todo el estado.",
      "R-0013: Desde la universidad damos seguimiento a los casos; lo que más ha cambiado es que las personas trabajadoras conocen el procedimiento.",
    ),
  },
];

export const EXCERPTS: ExcerptSpec[] = [
  {
    key: "E1",
    source: "I1",
    variant: "ORIGINAL",
    quote: "En 2022 se legitimó el contrato y votamos en secreto por primera vez.",
  },
  {
    key: "E2",
    source: "I1",
    variant: "TRANSLATION",
    quote: "Because now we can speak without fear of being fired.",
    note: "Cita para el informe en inglés.",
  },
  {
    key: "E3",
    source: "I2",
    variant: "ORIGINAL",
    quote:
      "Desde 2023 la tesorería presenta un informe cada trimestre en asamblea y cualquier persona afiliada puede pedir los comprobantes.",
  },
  {
    key: "E4",
    source: "I2",
    variant: "ORIGINAL",
    quote:
      "La empresa aceptó un protocolo para atender la violencia de género, también la que se vive en casa, y quedó escrito en el contrato colectivo.",
  },
  {
    key: "E5",
    source: "I3",
    variant: "ORIGINAL",
    quote: "los productores firmamos un acuerdo: ningún menor en el corte.",
  },
  { key: "E6", source: "I4", variant: "ORIGINAL", quote: "mis hijos ya no faltan a la escuela." },
  {
    key: "E7",
    source: "I5",
    variant: "ORIGINAL",
    quote: "Otros cuatro ingenios de la región vinieron a ver cómo lo hicimos e invirtieron en medidas parecidas.",
  },
  {
    key: "E8",
    source: "I6",
    variant: "ORIGINAL",
    quote: "Quiero que quede registrado que aquí no ha cambiado nada; si no lo decimos, parece que todo está bien.",
  },
  {
    key: "E9",
    source: "G1",
    variant: "ORIGINAL",
    quote: "un grupo de jornaleros fuimos con el encargado a pedir agua limpia, sombra y que avisen antes de fumigar.",
  },
  {
    key: "E10",
    source: "G2",
    variant: "ORIGINAL",
    quote:
      "Cuando se presentó la queja ante el Mecanismo Laboral de Respuesta Rápida, la empresa reconoció al sindicato en pocos meses.",
  },
];
