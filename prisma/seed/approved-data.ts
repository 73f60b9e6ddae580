/**
 * The demo's approved outcomes: one story per sample outcome of the fixture (domains 1 and 2), in
 * Spanish with every text translated by the lead, that has gone the whole path: selected by the
 * portfolio panel, triangulated and signed off, confirmed by respondents and approved by the
 * funder's reviewer. They are what the demo's learning brief prints. They retell the same public
 * outcomes as the earlier stories, told by other storytellers or consolidated after the fieldwork.
 * The evidence citations name public sources in general terms; what they show is illustrative.
 */
import type { ContributionRating, EvidenceSourceType } from "@/lib/generated/prisma/enums";
import type { StorySpec } from "./stories-data";

export type ApprovedStorySpec = Omit<StorySpec, "stage" | "stageChangedOn" | "contributions"> & {
  contributionNarrativeEn: string;
  contributions: Array<{ project: string; how: string; howEn: string }>;
  sustainability: { es: string; en: string };
  contributionRating: ContributionRating;
  contributionRatingReason: string;
  /** The panel's reason for selecting it, in Spanish and English. */
  selectionReason: { es: string; en: string };
  evidence: { sourceType: EvidenceSourceType; citation: string; whatItShows: string };
  /** Respondents (code numbers) who confirmed it in the validation round; never its storytellers. */
  confirmedBy: number[];
  reviewComment: string;
};

/** The path's dates, the same for every approved outcome. */
export const APPROVED_PATH = {
  screenedOn: "2024-11-05",
  decidedOn: "2024-12-10",
  evidenceOn: "2025-01-20",
  signedOffOn: "2025-01-31",
  validation: { startsOn: "2025-02-10", endsOn: "2025-03-10" },
  reviewedOn: "2025-04-15",
} as const;

export const APPROVED_ROUND_NAME = "Ronda de portafolio: resultados para el informe";
export const APPROVED_PANEL_NAME = "Panel de portafolio";
export const APPROVED_VALIDATION_ROUND_NAME = "Validación con personas entrevistadas, febrero de 2025";

export const APPROVED_STORIES: ApprovedStorySpec[] = [
  {
    codeNumber: 9,
    sampleOutcome: 0,
    title: "El trabajo infantil se detuvo o disminuyó en los campos de caña y fincas de café de los proyectos",
    whatChanged:
      "Entre 2022 y 2023, en 24 comunidades cañeras de Veracruz y cafetaleras de Oaxaca, productores y cooperativas dejaron de emplear a menores en la cosecha.",
    whatChangedEn:
      "Between 2022 and 2023, in 24 sugarcane communities in Veracruz and coffee communities in Oaxaca, producers and cooperatives stopped employing minors in the harvest.",
    whySignificant:
      "«Ahora mis hijos terminan el año escolar.» Las familias ya no tienen que elegir entre la cosecha y la escuela.",
    whySignificantEn:
      "“Now my children finish the school year.” Families no longer have to choose between the harvest and school.",
    contributionNarrative: "Los proyectos apoyaron los acuerdos sin trabajo infantil y abrieron espacios de cuidado.",
    contributionNarrativeEn: "The projects supported the child-labour-free agreements and opened childcare spaces.",
    contributions: [
      {
        project: "Fields of Hope",
        how: "Espacios de cuidado durante la zafra.",
        howEn: "Childcare spaces during the cane harvest.",
      },
    ],
    storytellers: [6],
    sources: ["I5"],
    priorities: [2],
    atRiskGroups: [{ group: "child_workers_families" }],
    primaryRationale: "Las familias y los productores organizados sostienen el acuerdo.",
    sustainability: {
      es: "Probable: los acuerdos están en los contratos de compra de los ingenios.",
      en: "Likely: the agreements are written into the mills' purchase contracts.",
    },
    contributionRating: "HIGH",
    contributionRatingReason: "Sin los espacios de cuidado las familias no podían dejar a sus hijos.",
    selectionReason: {
      es: "Muestra un cambio amplio y verificable para las familias cortadoras.",
      en: "It shows a broad, verifiable change for cutters' families.",
    },
    evidence: {
      sourceType: "ADMINISTRATIVE_RECORD",
      citation: "Registros de asistencia escolar de la Secretaría de Educación de Veracruz, 2022–2023.",
      whatItShows: "La asistencia escolar durante la zafra subió en las comunidades atendidas.",
    },
    confirmedBy: [2, 11],
    reviewComment: "Aprobado: el cambio y su alcance están bien documentados.",
  },
  {
    codeNumber: 10,
    sampleOutcome: 1,
    title: "Las personas trabajadoras de empresas exportadoras eligieron democráticamente sindicatos independientes",
    whatChanged:
      "Entre 2020 y 2023, en cinco empresas exportadoras de Coahuila, Morelos y San Luis Potosí, las plantillas eligieron sindicatos independientes por voto secreto.",
    whatChangedEn:
      "Between 2020 and 2023, at five exporting companies in Coahuila, Morelos and San Luis Potosí, workforces elected independent unions by secret ballot.",
    whySignificant: "«Por fin votamos sin que nadie nos viera.» Es la primera vez que eligen a quien las representa.",
    whySignificantEn:
      "“At last we voted without anyone watching us.” It is the first time they choose who represents them.",
    contributionNarrative: "Los proyectos explicaron el voto secreto y acompañaron las votaciones.",
    contributionNarrativeEn: "The projects explained the secret ballot and accompanied the votes.",
    contributions: [
      {
        project: "SC3",
        how: "Acompañamiento jurídico a los sindicatos independientes.",
        howEn: "Legal support to the independent unions.",
      },
    ],
    storytellers: [7],
    sources: ["I2"],
    priorities: [1],
    atRiskGroups: [{ group: "at_risk_unionized_workers" }],
    primaryRationale: "Las personas trabajadoras ejercieron su libertad sindical.",
    sustainability: {
      es: "Probable: los sindicatos renuevan su directiva por voto cada tres años.",
      en: "Likely: the unions renew their leadership by vote every three years.",
    },
    contributionRating: "MODERATE",
    contributionRatingReason: "La reforma de 2019 abrió la puerta; los proyectos ayudaron a usarla.",
    selectionReason: {
      es: "Es el cambio que más mencionaron las personas trabajadoras.",
      en: "It is the change workers mentioned most often.",
    },
    evidence: {
      sourceType: "QUANTITATIVE_DATASET",
      citation: "Centro Federal de Conciliación y Registro Laboral, datos abiertos de legitimación, 2020–2023.",
      whatItShows: "Las cinco empresas aparecen con votación libre y secreta.",
    },
    confirmedBy: [2, 13],
    reviewComment: "Aprobado.",
  },
  {
    codeNumber: 11,
    sampleOutcome: 2,
    title: "Jornaleras y jornaleros agrícolas empezaron a pedir a sus empleadores medidas de seguridad y salud",
    whatChanged:
      "En 2023, jornaleros de Oaxaca y Veracruz pidieron a sus empleadores agua, sombra y aviso antes de fumigar, y varios campos los instalaron.",
    whatChangedEn:
      "In 2023, day labourers in Oaxaca and Veracruz asked their employers for water, shade and a warning before spraying, and several fields put them in place.",
    whySignificant: "«Nunca habíamos pedido nada juntos.» Trabajadores sin sindicato se organizaron por primera vez.",
    whySignificantEn:
      "“We had never asked for anything together.” Workers without a union organised for the first time.",
    contributionNarrative: "Los cursos de seguridad y salud se dieron en las lenguas de los jornaleros.",
    contributionNarrativeEn: "The safety and health courses were given in the labourers' own languages.",
    contributions: [
      {
        project: "VZF",
        how: "Cursos de seguridad y salud con interpretación.",
        howEn: "Safety and health courses with interpretation.",
      },
    ],
    storytellers: [3],
    sources: ["I3"],
    priorities: [3],
    atRiskGroups: [{ group: "domestic_migrant_or_indigenous_workers" }],
    primaryRationale: "Los jornaleros plantearon la petición ellos mismos.",
    sustainability: {
      es: "Incierto: depende de que los encargados sigan respondiendo.",
      en: "Uncertain: it depends on foremen continuing to respond.",
    },
    contributionRating: "HIGH",
    contributionRatingReason: "Los jornaleros citan los cursos como el origen de su petición.",
    selectionReason: {
      es: "Muestra a trabajadores informales defendiendo su salud.",
      en: "It shows informal workers standing up for their health.",
    },
    evidence: {
      sourceType: "SITE_OBSERVATION",
      citation: "Visita a campos agrícolas de Oaxaca, noviembre de 2024.",
      whatItShows: "Se observaron lonas y depósitos de agua en los campos.",
    },
    confirmedBy: [1, 13],
    reviewComment: "Aprobado: buena evidencia de campo.",
  },
  {
    codeNumber: 12,
    sampleOutcome: 3,
    title: "Sindicatos independientes mineros y automotrices adoptaron prácticas transparentes en el manejo de cuotas",
    whatChanged:
      "Entre 2022 y 2025, cuatro sindicatos independientes de Coahuila, San Luis Potosí y Morelos empezaron a informar cada trimestre sobre el uso de las cuotas.",
    whatChangedEn:
      "Between 2022 and 2025, four independent unions in Coahuila, San Luis Potosí and Morelos began reporting every quarter on how dues are used.",
    whySignificant: "«Ahora cualquiera puede ver los comprobantes.» La confianza en el sindicato volvió.",
    whySignificantEn: "“Now anyone can see the receipts.” Trust in the union came back.",
    contributionNarrative: "Los proyectos formaron a las tesorerías sindicales en rendición de cuentas.",
    contributionNarrativeEn: "The projects trained the unions' treasurers in accountability.",
    contributions: [
      {
        project: "SC3",
        how: "Formación de tesorerías sindicales.",
        howEn: "Training for union treasurers.",
      },
    ],
    storytellers: [1],
    sources: ["I1"],
    priorities: [1],
    atRiskGroups: [{ group: "at_risk_unionized_workers" }],
    primaryRationale: "La organización de las personas trabajadoras cambió su manera de rendir cuentas.",
    sustainability: {
      es: "Probable: los informes trimestrales están en los estatutos.",
      en: "Likely: the quarterly reports are in the statutes.",
    },
    contributionRating: "MODERATE",
    contributionRatingReason: "Los sindicatos ya querían rendir cuentas; la formación les dio el método.",
    selectionReason: {
      es: "Distingue a los sindicatos independientes de los de protección.",
      en: "It sets independent unions apart from protection unions.",
    },
    evidence: {
      sourceType: "DOCUMENT",
      citation: "Informes trimestrales de tesorería de los cuatro sindicatos, 2023–2024.",
      whatItShows: "Los informes se presentaron en asamblea cada trimestre.",
    },
    confirmedBy: [2, 11],
    reviewComment: "Aprobado.",
  },
  {
    codeNumber: 13,
    sampleOutcome: 4,
    title: "Sindicatos independientes obtuvieron su registro formal y ratificaron sus contratos colectivos",
    whatChanged:
      "Entre 2022 y 2024, cinco sindicatos independientes de Coahuila, Guanajuato, Morelos y San Luis Potosí obtuvieron su registro y ratificaron sus contratos colectivos.",
    whatChangedEn:
      "Between 2022 and 2024, five independent unions in Coahuila, Guanajuato, Morelos and San Luis Potosí gained their registration and ratified their collective agreements.",
    whySignificant: "«Con el registro ya nadie puede decir que no existimos.» El registro les da voz ante la empresa.",
    whySignificantEn:
      "“With the registration nobody can say we do not exist.” Registration gives them a voice before the company.",
    contributionNarrative: "Los proyectos asesoraron los trámites de registro y las consultas de ratificación.",
    contributionNarrativeEn: "The projects advised on the registration procedures and the ratification votes.",
    contributions: [
      {
        project: "SC2",
        how: "Asesoría sobre el registro sindical.",
        howEn: "Advice on union registration.",
      },
    ],
    storytellers: [2],
    sources: ["I2"],
    priorities: [1],
    atRiskGroups: [{ group: "at_risk_unionized_workers" }],
    primaryRationale: "Los sindicatos defendieron su propio registro.",
    sustainability: {
      es: "Probable: el registro es permanente mientras el sindicato cumpla sus estatutos.",
      en: "Likely: registration stands as long as the union keeps its statutes.",
    },
    contributionRating: "MODERATE",
    contributionRatingReason: "La asesoría acortó los trámites, que los sindicatos iniciaron solos.",
    selectionReason: {
      es: "Consolida los logros de la libertad sindical.",
      en: "It consolidates the gains in freedom of association.",
    },
    evidence: {
      sourceType: "ADMINISTRATIVE_RECORD",
      citation: "Centro Federal de Conciliación y Registro Laboral, registro público de sindicatos, 2024.",
      whatItShows: "Los cinco sindicatos aparecen con registro vigente.",
    },
    confirmedBy: [11, 13],
    reviewComment: "Aprobado.",
  },
  {
    codeNumber: 14,
    sampleOutcome: 5,
    title:
      "Sindicatos y una organización de trabajadores lograron el reconocimiento de los empleadores gracias al Mecanismo Laboral de Respuesta Rápida",
    whatChanged:
      "Entre 2021 y 2023, tras quejas ante el Mecanismo Laboral de Respuesta Rápida, varias empresas reconocieron a organizaciones que representan a más de 10 000 personas trabajadoras elegibles, entre uno y nueve meses después.",
    whatChangedEn:
      "Between 2021 and 2023, after complaints under the Rapid Response Labor Mechanism, several companies recognised organisations representing over 10,000 eligible workers, one to nine months later.",
    whySignificant:
      "«El mecanismo hizo que la empresa nos escuchara.» Respetar la libertad sindical dejó de ser opcional.",
    whySignificantEn:
      "“The mechanism made the company listen to us.” Respecting freedom of association stopped being optional.",
    contributionNarrative: "Los proyectos documentaron las violaciones y acompañaron las quejas.",
    contributionNarrativeEn: "The projects documented the violations and supported the complaints.",
    contributions: [
      {
        project: "OBSERVAR",
        how: "Documentó las violaciones y el seguimiento de los planes de reparación.",
        howEn: "Documented the violations and followed up the remediation plans.",
      },
    ],
    storytellers: [11],
    sources: ["G2"],
    priorities: [1, 6],
    atRiskGroups: [{ group: "at_risk_unionized_workers" }],
    primaryRationale: "Las organizaciones de trabajadores presentaron las quejas.",
    sustainability: {
      es: "Probable mientras el mecanismo siga activo.",
      en: "Likely while the mechanism remains active.",
    },
    contributionRating: "MODERATE",
    contributionRatingReason: "El mecanismo pesó más; los proyectos hicieron posible usarlo.",
    selectionReason: {
      es: "Muestra el efecto del tratado en el lugar de trabajo.",
      en: "It shows the treaty's effect in the workplace.",
    },
    evidence: {
      sourceType: "ADMINISTRATIVE_RECORD",
      citation: "USTR, expedientes públicos del Mecanismo Laboral de Respuesta Rápida, 2021–2023.",
      whatItShows: "Cada caso se cerró entre uno y nueve meses después de la queja.",
    },
    confirmedBy: [2, 13],
    reviewComment: "Aprobado: cifras coherentes con los expedientes públicos.",
  },
  {
    codeNumber: 15,
    sampleOutcome: 6,
    title:
      "Un ingenio creó una unidad de responsabilidad social contra el trabajo infantil; cinco ingenios invirtieron en seguridad y salud y redujeron los accidentes",
    whatChanged:
      "En 2023 un ingenio de Veracruz creó una unidad que revisa las listas de cortadores; entre 2023 y 2024 cinco ingenios de Veracruz, Jalisco y Nayarit invirtieron en equipo de protección y agua potable.",
    whatChangedEn:
      "In 2023 a sugar mill in Veracruz created a unit that checks the cutters' lists; in 2023-2024 five mills in Veracruz, Jalisco and Nayarit invested in protective equipment and drinking water.",
    whySignificant:
      "«Los accidentes bajaron en la siguiente zafra.» Proteger a los cortadores resultó posible y medible.",
    whySignificantEn: "“Accidents went down in the next harvest.” Protecting cutters proved possible and measurable.",
    contributionNarrative: "Los proyectos capacitaron a los ingenios y ayudaron a crear el registro de accidentes.",
    contributionNarrativeEn: "The projects trained the mills and helped set up the accident register.",
    contributions: [
      {
        project: "VZF",
        how: "Capacitación en seguridad y salud.",
        howEn: "Safety and health training.",
      },
    ],
    storytellers: [4],
    sources: ["I4"],
    priorities: [2, 3],
    atRiskGroups: [{ group: "child_workers_families" }],
    primaryRationale: "Es un cambio en las prácticas de las empresas.",
    sustainability: {
      es: "Probable: la unidad tiene presupuesto propio.",
      en: "Likely: the unit has its own budget.",
    },
    contributionRating: "HIGH",
    contributionRatingReason: "La unidad se creó siguiendo la asesoría del proyecto.",
    selectionReason: {
      es: "Otros ingenios copiaron la práctica.",
      en: "Other mills copied the practice.",
    },
    evidence: {
      sourceType: "DOCUMENT",
      citation: "Registro de accidentes del ingenio, zafras 2022–2023 y 2023–2024.",
      whatItShows: "Los accidentes registrados bajaron de una zafra a la siguiente.",
    },
    confirmedBy: [1, 13],
    reviewComment: "Aprobado.",
  },
  {
    codeNumber: 16,
    sampleOutcome: 7,
    title:
      "Una empresa automotriz creó un programa de largo plazo contra la violencia de género doméstica y laboral, ratificado en el contrato colectivo",
    whatChanged:
      "Desde 2023, una empresa automotriz de San Luis Potosí aplica, con su sindicato, un protocolo contra la violencia de género con licencia pagada para sobrevivientes.",
    whatChangedEn:
      "Since 2023, an automotive company in San Luis Potosí has applied, with its union, a protocol against gender-based violence with paid leave for survivors.",
    whySignificant:
      "«Ya podemos pedir ayuda sin perder el trabajo.» El programa está en el contrato, no en la voluntad de nadie.",
    whySignificantEn:
      "“We can ask for help now without losing our jobs.” The programme is in the contract, not in anyone's goodwill.",
    contributionNarrative: "Los proyectos de igualdad de género asesoraron el diseño del protocolo.",
    contributionNarrativeEn: "The gender equality projects advised on the protocol's design.",
    contributions: [
      {
        project: "GEM",
        how: "Asesoría técnica para el protocolo.",
        howEn: "Technical advice on the protocol.",
      },
    ],
    storytellers: [7],
    sources: ["I2"],
    priorities: [4],
    atRiskGroups: [{ group: "women_workers" }],
    primaryRationale: "Es una práctica nueva de la empresa, pactada con el sindicato.",
    sustainability: {
      es: "Probable: la cláusula se revisa con el contrato cada año.",
      en: "Likely: the clause is reviewed with the contract every year.",
    },
    contributionRating: "HIGH",
    contributionRatingReason: "El protocolo sigue el modelo que propuso el proyecto.",
    selectionReason: {
      es: "Es el único cambio que protege a las trabajadoras también en su hogar.",
      en: "It is the only change that also protects women workers at home.",
    },
    evidence: {
      sourceType: "DOCUMENT",
      citation: "Contrato colectivo de la empresa, cláusula sobre violencia de género, 2023.",
      whatItShows: "La cláusula establece el protocolo y la licencia con goce de sueldo.",
    },
    confirmedBy: [2, 11],
    reviewComment: "Aprobado.",
  },
  {
    codeNumber: 17,
    sampleOutcome: 8,
    title:
      "Decenas de grandes empresas exportadoras cambiaron su relación con los sindicatos para cumplir la reforma laboral de 2019",
    whatChanged:
      "Entre 2019 y 2024, decenas de grandes empresas exportadoras dejaron los contratos de protección y negociaron con sindicatos legitimados por voto.",
    whatChangedEn:
      "Between 2019 and 2024, dozens of large exporting companies left protection contracts behind and bargained with unions legitimated by vote.",
    whySignificant: "«La empresa tuvo que sentarse con el sindicato que elegimos.» Las reglas del trato cambiaron.",
    whySignificantEn: "“The company had to sit down with the union we chose.” The rules of the relationship changed.",
    contributionNarrative:
      "Los materiales de difusión explicaron las obligaciones de la reforma a empresas y personas trabajadoras.",
    contributionNarrativeEn: "The outreach materials explained the reform's obligations to companies and workers.",
    contributions: [
      {
        project: "MAP",
        how: "Materiales sobre los derechos de la reforma de 2019.",
        howEn: "Materials on the rights under the 2019 reform.",
      },
    ],
    storytellers: [9],
    sources: ["I6"],
    priorities: [1, 5],
    atRiskGroups: [{ group: "at_risk_unionized_workers" }],
    primaryRationale: "Es un cambio en las prácticas del sector privado.",
    sustainability: {
      es: "Incierto: algunas empresas cumplen solo en la forma.",
      en: "Uncertain: some companies comply in form only.",
    },
    contributionRating: "LOW",
    contributionRatingReason: "La reforma y el tratado explican casi todo el cambio.",
    selectionReason: {
      es: "Da la escala del cambio en el sector exportador.",
      en: "It gives the scale of the change in the export sector.",
    },
    evidence: {
      sourceType: "QUANTITATIVE_DATASET",
      citation: "Centro Federal de Conciliación y Registro Laboral, contratos legitimados por empresa, 2019–2024.",
      whatItShows: "Decenas de empresas exportadoras legitimaron sus contratos por voto.",
    },
    confirmedBy: [11, 13],
    reviewComment: "Aprobado.",
  },
];
