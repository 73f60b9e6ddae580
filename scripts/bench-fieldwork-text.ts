/**
 * Sentences for the fieldwork benchmark's generated stories and transcripts: Spanish originals
 * with their English translations at the same index, grouped by topic (SENTENCES_PER_TOPIC each)
 * so that a word such as "niños" appears in some records and not in all of them, as in real
 * fieldwork. Invented; no real person or event.
 */
export const SENTENCES_PER_TOPIC = 6;

type Pair = [es: string, en: string];

const TOPICS: Pair[][] = [
  [
    [
      "Los niños y las niñas ya no trabajan en el corte de caña durante la zafra.",
      "Boys and girls no longer work cutting cane during the harvest.",
    ],
    [
      "Las familias cortadoras llevan a sus hijos a la escuela o al espacio de cuidado.",
      "Cutters' families take their children to school or to the childcare space.",
    ],
    [
      "Los productores firmaron un acuerdo para no contratar a menores de edad.",
      "Producers signed an agreement not to hire minors.",
    ],
    [
      "Antes era normal ver niños cargando costales en las fincas de café.",
      "It used to be normal to see children carrying sacks on the coffee farms.",
    ],
    [
      "Las becas escolares ayudaron a que los jóvenes terminaran la secundaria.",
      "School grants helped young people finish secondary school.",
    ],
    [
      "El ingenio revisa las listas de cortadores para detectar trabajo infantil.",
      "The mill checks the cutters' lists to detect child labor.",
    ],
  ],
  [
    [
      "Los trabajadores votaron en secreto la legitimación de su contrato colectivo.",
      "The workers voted by secret ballot to legitimize their collective contract.",
    ],
    [
      "El sindicato independiente eligió a su nueva directiva por voto libre.",
      "The independent union elected its new leadership by free vote.",
    ],
    [
      "Las asambleas ahora se anuncian con tiempo y cualquiera puede hablar.",
      "Assemblies are now announced in advance and anyone can speak.",
    ],
    [
      "Algunos compañeros tenían miedo de represalias por organizarse.",
      "Some co-workers were afraid of retaliation for organizing.",
    ],
    [
      "La votación se hizo en la planta con observadores del centro federal.",
      "The vote was held at the plant with observers from the federal center.",
    ],
    [
      "Conseguimos un aumento salarial negociado por primera vez en años.",
      "We obtained a negotiated wage increase for the first time in years.",
    ],
  ],
  [
    [
      "Las trabajadoras denunciaron el acoso sexual ante el comité de la empresa.",
      "The women workers reported sexual harassment to the company committee.",
    ],
    [
      "La empresa adoptó un protocolo contra la violencia de género.",
      "The company adopted a protocol against gender-based violence.",
    ],
    [
      "Ahora hay mujeres en la directiva del sindicato y en las mesas de negociación.",
      "There are now women on the union board and at the bargaining table.",
    ],
    [
      "Las compañeras embarazadas ya no son despedidas al avisar a la empresa.",
      "Pregnant co-workers are no longer dismissed when they tell the company.",
    ],
    [
      "Se abrió una guardería para las madres del turno de noche.",
      "A nursery opened for the mothers on the night shift.",
    ],
    [
      "La capacitación sobre igualdad salarial llegó a todas las supervisoras.",
      "The training on equal pay reached every female supervisor.",
    ],
  ],
  [
    [
      "El centro de conciliación resolvió el conflicto en menos de cuarenta y cinco días.",
      "The conciliation center settled the dispute in under forty-five days.",
    ],
    [
      "Los tribunales laborales publican sus sentencias y las audiencias son orales.",
      "The labor courts publish their rulings and hearings are oral.",
    ],
    [
      "Las conciliadoras recibieron formación sobre el nuevo modelo de justicia laboral.",
      "The conciliators were trained in the new labor justice model.",
    ],
    [
      "Antes un juicio por despido tardaba años; ahora se resuelve en meses.",
      "A dismissal case used to take years; now it is settled in months.",
    ],
    [
      "La persona trabajadora puede presentar su solicitud en línea sin abogado.",
      "The worker can file the request online without a lawyer.",
    ],
    [
      "El registro de contratos colectivos es público y se puede consultar.",
      "The register of collective contracts is public and can be consulted.",
    ],
  ],
  [
    [
      "Los inspectores visitaron los campos agrícolas con intérpretes de lenguas indígenas.",
      "The inspectors visited the farms with interpreters of indigenous languages.",
    ],
    [
      "La inspección encontró jornadas de doce horas sin pago de horas extra.",
      "The inspection found twelve-hour days without overtime pay.",
    ],
    [
      "La secretaría coordinó las visitas con la autoridad estatal del trabajo.",
      "The ministry coordinated the visits with the state labor authority.",
    ],
    [
      "Se difundieron los derechos laborales por radio comunitaria en náhuatl y zapoteco.",
      "Labor rights were broadcast on community radio in Nahuatl and Zapotec.",
    ],
    [
      "Las empresas corrigieron las faltas antes de la segunda visita.",
      "The companies corrected the violations before the second visit.",
    ],
    [
      "El mecanismo de respuesta rápida llevó a la reinstalación de los despedidos.",
      "The rapid response mechanism led to the reinstatement of the dismissed workers.",
    ],
  ],
  [
    [
      "Los jornaleros migrantes reciben ahora un contrato por escrito en su idioma.",
      "Migrant day laborers now receive a written contract in their language.",
    ],
    [
      "El transporte a los campos es más seguro y ya no se cobra a los trabajadores.",
      "Transport to the fields is safer and workers are no longer charged for it.",
    ],
    [
      "Las cuarterías tienen agua potable y baños separados para mujeres.",
      "The labor camps have drinking water and separate toilets for women.",
    ],
    ["Los enganchadores ya no retienen los documentos de identidad.", "Recruiters no longer keep identity documents."],
    [
      "Muchas familias indígenas viajan desde Guerrero y Oaxaca cada temporada.",
      "Many indigenous families travel from Guerrero and Oaxaca every season.",
    ],
    [
      "El pago se deposita en una cuenta y se entrega un recibo de nómina.",
      "Pay is deposited into an account and a payslip is handed over.",
    ],
  ],
  [
    [
      "Las personas trabajadoras del hogar se afiliaron a la seguridad social.",
      "Domestic workers enrolled in social security.",
    ],
    [
      "Las trabajadoras informales formaron una cooperativa de costura.",
      "Informal women workers formed a sewing cooperative.",
    ],
    [
      "La cooperativa negoció un precio justo con los compradores.",
      "The cooperative negotiated a fair price with the buyers.",
    ],
    [
      "Sin contrato no había vacaciones ni aguinaldo.",
      "Without a contract there were no holidays and no year-end bonus.",
    ],
    [
      "La organización civil acompañó los trámites ante el instituto.",
      "The civil society organization accompanied the paperwork before the institute.",
    ],
    ["Ahora conocemos nuestros derechos y sabemos a dónde acudir.", "Now we know our rights and where to go."],
  ],
  [
    [
      "No hubo cambio: la empresa siguió negándose a reconocer al sindicato.",
      "There was no change: the company kept refusing to recognize the union.",
    ],
    ["Los salarios siguen sin alcanzar para la canasta básica.", "Wages still do not cover the basic food basket."],
    ["Algunos trabajadores despedidos no han sido reinstalados.", "Some dismissed workers have not been reinstated."],
    [
      "La autoridad local no dio seguimiento a las denuncias.",
      "The local authority did not follow up on the complaints.",
    ],
    [
      "El proyecto terminó y nadie continuó las capacitaciones.",
      "The project ended and nobody continued the training.",
    ],
    ["Todavía existe miedo de hablar con los inspectores.", "There is still fear of talking to the inspectors."],
  ],
];

/** Talk that fills a transcript whatever its topic. */
const CONVERSATION: Pair[] = [
  ["Bueno, le cuento cómo fue desde el principio.", "Well, let me tell you how it was from the beginning."],
  ["Sí, claro, eso pasó hace como dos años.", "Yes, of course, that happened about two years ago."],
  [
    "No me acuerdo bien de la fecha, pero fue en temporada de lluvias.",
    "I do not remember the date well, but it was in the rainy season.",
  ],
  ["¿Y qué opinaron sus compañeros de trabajo?", "And what did your co-workers think?"],
  ["Mire, al principio nadie creía que iba a funcionar.", "Look, at first nobody believed it would work."],
  [
    "Ellos vinieron a la comunidad y nos explicaron el programa.",
    "They came to the community and explained the program to us.",
  ],
  ["¿Podría darme un ejemplo concreto?", "Could you give me a concrete example?"],
  ["Eso fue lo que más nos cambió la vida, la verdad.", "That is what changed our lives the most, honestly."],
  ["Hubo reuniones cada mes en la casa ejidal.", "There were meetings every month at the communal hall."],
  ["Gracias por su tiempo; ¿quiere agregar algo más?", "Thank you for your time; would you like to add anything else?"],
  ["Pues sí, faltan cosas, pero vamos avanzando.", "Well, yes, things are missing, but we are making progress."],
  ["¿Cómo se enteró usted de esa posibilidad?", "How did you find out about that possibility?"],
];

/** Story titles per topic (same order as TOPICS). */
const TITLES: Pair[][] = [
  [
    ["Menos trabajo infantil en la zafra", "Less child labor in the cane harvest"],
    ["Niñas y niños en la escuela durante la cosecha", "Girls and boys in school during the harvest"],
  ],
  [
    ["Votación libre del contrato colectivo", "Free vote on the collective contract"],
    ["Un sindicato independiente en la planta", "An independent union at the plant"],
  ],
  [
    ["Protocolo contra el acoso en la maquiladora", "Anti-harassment protocol at the assembly plant"],
    ["Mujeres en la mesa de negociación", "Women at the bargaining table"],
  ],
  [
    ["Conciliación laboral rápida y sin abogado", "Fast labor conciliation without a lawyer"],
    ["Juicios laborales en meses y no en años", "Labor trials in months, not years"],
  ],
  [
    ["Inspecciones con intérpretes en los campos", "Inspections with interpreters in the fields"],
    ["Reinstalación tras el mecanismo de respuesta rápida", "Reinstatement after the rapid response mechanism"],
  ],
  [
    ["Contratos por escrito para jornaleros migrantes", "Written contracts for migrant day laborers"],
    ["Cuarterías dignas para familias jornaleras", "Decent camps for day-laborer families"],
  ],
  [
    ["Seguridad social para trabajadoras del hogar", "Social security for domestic workers"],
    ["Cooperativa de costureras informales", "Cooperative of informal seamstresses"],
  ],
  [
    ["Sin reconocimiento del sindicato", "No recognition of the union"],
    ["Despidos sin reinstalación", "Dismissals without reinstatement"],
  ],
];

export const TOPIC_COUNT = TOPICS.length;
export const TITLES_PER_TOPIC = 2;
export const CONVERSATION_COUNT = CONVERSATION.length;

export const textPools = {
  topicEs: TOPICS.flat().map(([es]) => es),
  topicEn: TOPICS.flat().map(([, en]) => en),
  conversationEs: CONVERSATION.map(([es]) => es),
  conversationEn: CONVERSATION.map(([, en]) => en),
  titleEs: TITLES.flat().map(([es]) => es),
  titleEn: TITLES.flat().map(([, en]) => en),
};

export const STATES = [
  "Aguascalientes",
  "Baja California",
  "Chiapas",
  "Chihuahua",
  "Ciudad de México",
  "Coahuila",
  "Durango",
  "Guanajuato",
  "Guerrero",
  "Jalisco",
  "Estado de México",
  "Michoacán",
  "Morelos",
  "Nuevo León",
  "Oaxaca",
  "Puebla",
  "San Luis Potosí",
  "Sinaloa",
  "Veracruz",
];
