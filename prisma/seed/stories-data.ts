/**
 * The demo's change stories: each retells one of the fixture's sample outcomes (title in English,
 * period, places, sectors, figures, domain) through a fictional storyteller, in Spanish with an
 * English translation. The last one documents a lack of change.
 */
import type { StoryStage } from "@/lib/generated/prisma/enums";
import type { StandardAtRiskGroupCode } from "@/tests/factories/evaluations";
import type { SampleOutcome } from "./fixture";

/** The evaluator wrote (and the lead translated) every demo story on this day. */
export const STORIES_WRITTEN_ON = "2024-10-14";

export type StorySpec = {
  codeNumber: number;
  /** Index into fixture.sample_outcomes; `outcome` overrides some of its facts. */
  sampleOutcome: number;
  outcome?: Partial<SampleOutcome>;
  stage: Extract<StoryStage, "DRAFT" | "SUBMITTED" | "SCREENED" | "APPROVED">;
  /** When the story reached its stage; a draft's is the day it was written (STORIES_WRITTEN_ON). */
  stageChangedOn: string;
  /** Set when the story was collected by someone other than its author (the evaluator). */
  collectedBy?: "lead";
  title: string;
  /** Defaults to the fixture's (English) title. */
  titleEn?: string;
  whatChanged: string;
  whatChangedEn: string;
  whySignificant: string;
  whySignificantEn: string;
  contributionNarrative: string;
  contributions: Array<{ project: string; how: string }>;
  storytellers: number[];
  /** Interview, focus-group and excerpt keys from fieldwork-data.ts. */
  sources: string[];
  /** 1-based positions in fixture.usmca_priorities. */
  priorities: number[];
  atRiskGroups: Array<{ group: StandardAtRiskGroupCode; note?: string }>;
  primaryRationale: string;
  secondary?: { domain: number; rationale: string };
};

export const STORIES: StorySpec[] = [
  {
    codeNumber: 1,
    sampleOutcome: 0,
    stage: "SCREENED",
    stageChangedOn: "2024-11-05",
    title: "El trabajo infantil se detuvo o disminuyó en los campos de caña y las fincas de café atendidos",
    whatChanged:
      "Entre 2022 y 2023, en 24 comunidades productoras de caña de azúcar en Veracruz y de café en Oaxaca, productores, ingenios y cooperativas acordaron no emplear a menores en el corte. Las niñas y los niños de familias cortadoras asisten a la escuela o a espacios de cuidado durante la zafra y la cosecha.",
    whatChangedEn:
      "Between 2022 and 2023, in 24 sugarcane-growing communities in Veracruz and coffee-growing communities in Oaxaca, producers, mills and cooperatives agreed not to employ minors in harvesting. Children of cutters' families attend school or childcare spaces during the cane and coffee harvests.",
    whySignificant:
      "«Para mí es lo más importante: mis hijos ya no faltan a la escuela.» Las familias dicen que por primera vez pueden trabajar la temporada sin sacar a sus hijos de la escuela, y los productores, que el acuerdo protege la venta de su caña.",
    whySignificantEn:
      "“For me it is the most important thing: my children no longer miss school.” Families say that for the first time they can work the season without taking their children out of school, and producers that the agreement protects the sale of their cane.",
    contributionNarrative:
      "Los proyectos contra el trabajo infantil sensibilizaron a productores e ingenios, apoyaron los acuerdos de no contratación de menores y financiaron espacios de cuidado y becas escolares.",
    contributions: [
      {
        project: "Fields of Hope",
        how: "Abrió espacios de cuidado para hijas e hijos de cortadores durante la zafra en Veracruz.",
      },
      {
        project: "Senderos",
        how: "Acompañó a cooperativas cafetaleras de Oaxaca en acuerdos sin trabajo infantil y otorgó becas escolares.",
      },
    ],
    storytellers: [3, 4],
    sources: ["I3", "I4", "E5", "E6"],
    priorities: [2],
    atRiskGroups: [
      {
        group: "child_workers_families",
        note: "Hijas e hijos de familias cortadoras van a la escuela durante la temporada.",
      },
      { group: "domestic_migrant_or_indigenous_workers" },
    ],
    primaryRationale:
      "Las familias cortadoras y los productores organizados exigieron y sostienen el acuerdo: el cambio nace de su propia defensa de derechos.",
  },
  {
    codeNumber: 2,
    sampleOutcome: 1,
    stage: "SCREENED",
    stageChangedOn: "2024-11-05",
    title:
      "Las personas trabajadoras de empresas exportadoras atendidas eligieron democráticamente sindicatos independientes",
    whatChanged:
      "Entre 2020 y 2023, en cinco empresas exportadoras de Coahuila, Morelos y San Luis Potosí, las plantillas votaron en secreto la legitimación de sus contratos colectivos y eligieron sindicatos independientes, que ahora renuevan su directiva por voto cada tres años.",
    whatChangedEn:
      "Between 2020 and 2023, at five exporting companies in Coahuila, Morelos and San Luis Potosí, workforces voted by secret ballot on the legitimation of their collective agreements and elected independent unions, which now renew their leadership by vote every three years.",
    whySignificant:
      "«Ahora podemos hablar sin miedo a que nos corran.» Por primera vez las personas trabajadoras conocieron a quien las representa y pudieron elegirlo sin presión.",
    whySignificantEn:
      "“Now we can speak without fear of being fired.” For the first time workers knew who represents them and could choose them without pressure.",
    contributionNarrative:
      "Los proyectos de libertad sindical capacitaron a trabajadoras y trabajadores sobre la reforma de 2019 y el voto secreto, y acompañaron a los sindicatos independientes en las votaciones.",
    contributions: [
      {
        project: "SC3",
        how: "Talleres sobre el voto libre y secreto y acompañamiento jurídico a sindicatos independientes.",
      },
      { project: "SC2", how: "Materiales y asesoría sobre la legitimación de contratos colectivos." },
    ],
    storytellers: [1],
    sources: ["I1", "E1", "E2"],
    priorities: [1],
    atRiskGroups: [{ group: "at_risk_unionized_workers" }],
    primaryRationale: "Las personas trabajadoras ejercieron su libertad sindical votando y eligiendo a su sindicato.",
    secondary: {
      domain: 3,
      rationale:
        "Las votaciones de legitimación se hicieron ante el nuevo Centro Federal de Conciliación y Registro Laboral.",
    },
  },
  {
    codeNumber: 3,
    sampleOutcome: 2,
    stage: "SUBMITTED",
    stageChangedOn: "2024-10-21",
    collectedBy: "lead",
    title:
      "Jornaleras y jornaleros agrícolas atendidos comenzaron a exigir a sus empleadores medidas de seguridad y salud",
    whatChanged:
      "En 2023, tras cursos sobre seguridad y salud en el trabajo, grupos de jornaleros agrícolas de Oaxaca y Veracruz pidieron a sus encargados agua limpia, sombra y aviso antes de fumigar. En varios campos se instalaron lonas y depósitos de agua y se respetan los tiempos de reingreso tras la fumigación.",
    whatChangedEn:
      "In 2023, after occupational safety and health courses, groups of agricultural day labourers in Oaxaca and Veracruz asked their foremen for clean water, shade and a warning before spraying. In several fields tarps and water tanks were installed and re-entry times after spraying are respected.",
    whySignificant:
      "«Al principio se rió, pero al mes pusieron una lona y un tambo de agua.» Trabajadores sin sindicato, muchos de ellos indígenas migrantes, se organizaron por primera vez para pedir condiciones seguras y lo consiguieron.",
    whySignificantEn:
      "“At first he laughed, but a month later they put up a tarp and a water drum.” Workers without a union, many of them indigenous migrants, organised for the first time to ask for safe conditions, and got them.",
    contributionNarrative:
      "El Fondo Visión Cero impartió cursos de seguridad y salud para jornaleros en su lengua y explicó cómo plantear peticiones colectivas al empleador.",
    contributions: [
      { project: "VZF", how: "Cursos de seguridad y salud en el trabajo con interpretación a lenguas indígenas." },
    ],
    storytellers: [5],
    sources: ["G1", "E9"],
    priorities: [3],
    atRiskGroups: [{ group: "domestic_migrant_or_indigenous_workers" }, { group: "unaffiliated_or_informal_workers" }],
    primaryRationale:
      "Las y los jornaleros plantearon la petición ellos mismos: es su propia defensa de condiciones seguras.",
  },
  {
    codeNumber: 4,
    sampleOutcome: 3,
    stage: "DRAFT",
    stageChangedOn: "2024-10-14",
    title:
      "Sindicatos independientes mineros y automotrices establecieron prácticas transparentes para manejar las cuotas sindicales",
    whatChanged:
      "Entre 2022 y 2025, cuatro sindicatos independientes de la minería y la industria automotriz en Coahuila, San Luis Potosí y Morelos empezaron a informar cada trimestre en asamblea sobre el uso de las cuotas y a mostrar los comprobantes a cualquier persona afiliada que los pida.",
    whatChangedEn:
      "Between 2022 and 2025, four independent unions in mining and the automotive industry in Coahuila, San Luis Potosí and Morelos began to report to the assembly every quarter on how dues are used and to show the receipts to any member who asks.",
    whySignificant:
      "«Antes nadie sabía a dónde iba el dinero.» La transparencia en las cuotas devolvió la confianza de las personas afiliadas en su sindicato y lo distingue de los sindicatos de protección.",
    whySignificantEn:
      "“Before, nobody knew where the money went.” Transparency about dues restored members' trust in their union and sets it apart from protection unions.",
    contributionNarrative:
      "Los proyectos acompañaron a las tesorerías sindicales con formación en administración y rendición de cuentas.",
    contributions: [
      { project: "SC3", how: "Formación de tesorerías y comisiones de vigilancia en rendición de cuentas." },
      {
        project: "SC1",
        how: "Guías sobre transparencia sindical difundidas entre sindicatos y organizaciones civiles.",
      },
    ],
    storytellers: [2],
    sources: ["I2", "E3"],
    priorities: [1],
    atRiskGroups: [{ group: "at_risk_unionized_workers" }],
    primaryRationale:
      "Es la propia organización de las personas trabajadoras la que cambió su manera de rendir cuentas.",
  },
  {
    codeNumber: 5,
    sampleOutcome: 5,
    stage: "SCREENED",
    stageChangedOn: "2024-11-05",
    title:
      "Sindicatos y una organización de trabajadores lograron el reconocimiento de los empleadores y el respeto de los derechos laborales, con la influencia del Mecanismo Laboral de Respuesta Rápida",
    whatChanged:
      "Entre 2021 y 2023, tras quejas presentadas ante el Mecanismo Laboral de Respuesta Rápida del T-MEC, varias empresas reconocieron a sindicatos y a una organización de trabajadores que representan a más de 10 000 personas trabajadoras elegibles. El resultado llegó entre uno y nueve meses después de cada queja.",
    whatChangedEn:
      "Between 2021 and 2023, after complaints filed under the USMCA Rapid Response Labor Mechanism, several companies recognised unions and a worker organisation representing over 10,000 eligible workers. The outcome came between one and nine months after each complaint.",
    whySignificant:
      "«Sin el mecanismo, eso no habría pasado.» Quienes acompañaron los casos dicen que el mecanismo cambió el cálculo de las empresas: respetar la libertad sindical dejó de ser opcional.",
    whySignificantEn:
      "“Without the mechanism, that would not have happened.” Those who supported the cases say the mechanism changed companies' calculations: respecting freedom of association stopped being optional.",
    contributionNarrative:
      "Los proyectos de observación y de sociedad civil documentaron violaciones, orientaron a las personas trabajadoras sobre el mecanismo y acompañaron los casos.",
    contributions: [
      { project: "OBSERVAR", how: "Documentó las violaciones y dio seguimiento a los planes de reparación acordados." },
      { project: "SC1", how: "Orientó a trabajadores y organizaciones civiles sobre cómo presentar una queja." },
    ],
    storytellers: [11],
    sources: ["G2", "E10"],
    priorities: [1, 6],
    atRiskGroups: [{ group: "at_risk_unionized_workers" }],
    primaryRationale:
      "Los sindicatos y la organización de trabajadores presentaron las quejas y defendieron su reconocimiento.",
    secondary: {
      domain: 5,
      rationale: "El Mecanismo Laboral de Respuesta Rápida es un instrumento de aplicación de la ley laboral.",
    },
  },
  {
    codeNumber: 6,
    sampleOutcome: 6,
    stage: "SUBMITTED",
    stageChangedOn: "2024-10-21",
    title:
      "Un ingenio creó una unidad de responsabilidad social para prevenir el trabajo infantil y proteger a los cortadores; cinco ingenios invirtieron en seguridad y salud y redujeron los accidentes",
    whatChanged:
      "En 2023 un ingenio de Veracruz creó una unidad de responsabilidad social que revisa las listas de cortadores para impedir el trabajo de menores y atiende quejas. Entre 2023 y 2024 ese ingenio y otros cuatro de Veracruz, Jalisco y Nayarit compraron equipo de protección, llevaron agua potable a los frentes de corte y empezaron a registrar los accidentes, que disminuyeron en la zafra siguiente.",
    whatChangedEn:
      "In 2023 a sugar mill in Veracruz created a social responsibility unit that checks the cutters' lists to prevent child labour and handles complaints. In 2023-2024 that mill and four others in Veracruz, Jalisco and Nayarit bought protective equipment, brought drinking water to the cutting fronts and began recording accidents, which went down the following harvest.",
    whySignificant:
      "«Otros cuatro ingenios de la región vinieron a ver cómo lo hicimos.» Para la empresa, el cambio mostró que proteger a los cortadores es posible y se puede medir, y otros ingenios lo imitaron.",
    whySignificantEn:
      "“Four other mills in the region came to see how we did it.” For the company, the change showed that protecting cutters is possible and measurable, and other mills copied it.",
    contributionNarrative:
      "Los proyectos capacitaron a los ingenios en seguridad y salud y en debida diligencia sobre trabajo infantil, y ayudaron a crear el registro de accidentes.",
    contributions: [
      { project: "VZF", how: "Capacitación en seguridad y salud y en el registro de accidentes." },
      {
        project: "Fields of Hope",
        how: "Asesoría para revisar las listas de cortadores y prevenir el trabajo infantil.",
      },
    ],
    storytellers: [6],
    sources: ["I5", "E7"],
    priorities: [2, 3],
    atRiskGroups: [{ group: "child_workers_families" }, { group: "domestic_migrant_or_indigenous_workers" }],
    primaryRationale: "Es un cambio en las prácticas de las empresas: una nueva unidad e inversiones de los ingenios.",
  },
  {
    codeNumber: 7,
    sampleOutcome: 7,
    stage: "DRAFT",
    stageChangedOn: "2024-10-14",
    title:
      "Una empresa automotriz creó un programa de largo plazo para prevenir la violencia de género doméstica y laboral, ratificado en el contrato colectivo",
    whatChanged:
      "Desde 2023, una empresa automotriz de San Luis Potosí y su sindicato independiente aplican un protocolo para prevenir y atender la violencia de género en el trabajo y en el hogar, con licencia con goce de sueldo para las sobrevivientes. El programa quedó ratificado en el contrato colectivo y se revisa cada año.",
    whatChangedEn:
      "Since 2023, an automotive company in San Luis Potosí and its independent union have applied a protocol to prevent and respond to gender-based violence at work and at home, with paid leave for survivors. The programme was ratified in the collective bargaining agreement and is reviewed every year.",
    whySignificant:
      "«Ya no depende de la buena voluntad de un gerente.» Al estar en el contrato, las trabajadoras pueden pedir ayuda sin miedo a perder el empleo.",
    whySignificantEn:
      "“It no longer depends on a manager's goodwill.” Because it is in the contract, women workers can ask for help without fear of losing their jobs.",
    contributionNarrative:
      "Los proyectos de igualdad de género asesoraron a la empresa y al sindicato en el diseño del protocolo y en su incorporación al contrato colectivo.",
    contributions: [
      { project: "GEM", how: "Asesoría técnica para diseñar el protocolo contra la violencia de género." },
      { project: "EQUAL", how: "Formación del comité sindical de mujeres para negociar la cláusula." },
    ],
    storytellers: [7],
    sources: ["I2", "E4"],
    priorities: [4],
    atRiskGroups: [
      {
        group: "women_workers",
        note: "Licencia con goce de sueldo y atención a sobrevivientes de violencia de género.",
      },
    ],
    primaryRationale: "Es una práctica nueva de la empresa, pactada con el sindicato.",
    secondary: { domain: 4, rationale: "Previene la violencia de género y protege el empleo de las trabajadoras." },
  },
  {
    codeNumber: 8,
    sampleOutcome: 8,
    outcome: {
      change_type: "no change",
      title: "At an exporting plant in Guanajuato, relations with the union did not change after the 2019 Labor Reform",
      states: ["Guanajuato"],
      sectors: ["export manufacturing"],
    },
    stage: "SCREENED",
    stageChangedOn: "2024-11-05",
    title:
      "En una planta exportadora de Guanajuato la relación con el sindicato no cambió tras la reforma laboral de 2019",
    whatChanged:
      "Entre 2019 y 2024, en una planta manufacturera de exportación en Guanajuato, la empresa siguió con el mismo sindicato y el mismo contrato. La votación de legitimación se hizo con supervisores presentes y con indicaciones sobre cómo votar.",
    whatChangedEn:
      "Between 2019 and 2024, at an export manufacturing plant in Guanajuato, the company kept the same union and the same contract. The legitimation vote took place with supervisors present and with instructions on how to vote.",
    whySignificant:
      "«Quiero que quede registrado que aquí no ha cambiado nada; si no lo decimos, parece que todo está bien.» La persona que lo cuenta quiere que el informe muestre que la reforma no llegó a todas las plantas.",
    whySignificantEn:
      "“I want it on record that nothing has changed here; if we don't say so, it looks as if everything is fine.” The storyteller wants the report to show that the reform has not reached every plant.",
    contributionNarrative:
      "Los materiales de difusión llegaron a la planta, pero sin acompañamiento no bastaron para que las personas trabajadoras ejercieran sus derechos.",
    contributions: [
      {
        project: "MAP",
        how: "Carteles y videos sobre los derechos de la reforma de 2019 que circularon en la planta.",
      },
    ],
    storytellers: [9],
    sources: ["I6", "E8"],
    priorities: [1, 5],
    atRiskGroups: [{ group: "unaffiliated_or_informal_workers" }],
    primaryRationale:
      "Documenta que las relaciones entre empresa y sindicato no cambiaron en esta planta: una falta de cambio en las prácticas del sector privado.",
  },
];
