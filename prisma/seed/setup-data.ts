/**
 * Bilingual texts the fixture does not carry: domain definitions, Spanish names of the USMCA
 * priorities and of the sectors, and the municipalities the fictional fieldwork took place in.
 */

/** By domain position (fixture `order`). */
export const DOMAIN_DEFINITIONS: Record<number, { en: string; es: string }> = {
  1: {
    en: "Changes in how workers, unionised or not, learn about, claim and defend their labour rights: organising, voting, electing representatives, bargaining and demanding safe conditions.",
    es: "Cambios en la forma en que las personas trabajadoras, sindicalizadas o no, conocen, reclaman y defienden sus derechos laborales: organizarse, votar, elegir representantes, negociar y exigir condiciones seguras.",
  },
  2: {
    en: "Changes in what employers and their supply chains do: policies, investments, due diligence and relations with unions that respect labour rights.",
    es: "Cambios en lo que hacen las empresas y sus cadenas de suministro: políticas, inversiones, debida diligencia y relaciones con los sindicatos que respetan los derechos laborales.",
  },
  3: {
    en: "Changes in the conciliation centres, union and contract registration and labour courts created by the 2019 reform: speed, fairness, access and trust.",
    es: "Cambios en los centros de conciliación, el registro de sindicatos y contratos y los tribunales laborales creados por la reforma de 2019: rapidez, imparcialidad, acceso y confianza.",
  },
  4: {
    en: "Changes that reduce discrimination in hiring, pay and promotion, prevent gender-based violence and harassment at work, and advance equality between women and men.",
    es: "Cambios que reducen la discriminación en la contratación, el salario y los ascensos, previenen la violencia y el acoso por razón de género en el trabajo y avanzan la igualdad entre mujeres y hombres.",
  },
  5: {
    en: "Changes in how labour authorities enforce the law: inspections, sanctions, dissemination of rights and coordination among institutions.",
    es: "Cambios en la forma en que las autoridades laborales hacen cumplir la ley: inspecciones, sanciones, difusión de derechos y coordinación entre instituciones.",
  },
};

/** By the fixture's English name. */
export const PRIORITY_NAMES_ES: Record<string, string> = {
  "Freedom of association and collective bargaining": "Libertad sindical y negociación colectiva",
  "Reducing and abolishing child labor": "Reducción y erradicación del trabajo infantil",
  "Acceptable conditions of work (occupational safety and health)":
    "Condiciones de trabajo aceptables (seguridad y salud en el trabajo)",
  "Preventing workplace discrimination, violence and harassment on the basis of sex":
    "Prevención de la discriminación, la violencia y el acoso por razón de sexo en el trabajo",
  "Public awareness of labor law": "Conocimiento público de la legislación laboral",
  "Enforcement and monitoring of labor law compliance":
    "Aplicación y vigilancia del cumplimiento de la legislación laboral",
  "Record keeping, labor conciliation and arbitration services":
    "Registro, servicios de conciliación y arbitraje laboral",
  "Access to labor courts": "Acceso a los tribunales laborales",
};

/** By the fixture's sector word (sample outcomes), with the name shown in each language. */
export const SECTOR_NAMES: Record<string, { en: string; es: string }> = {
  sugarcane: { en: "Sugarcane", es: "Caña de azúcar" },
  coffee: { en: "Coffee", es: "Café" },
  "export manufacturing": { en: "Export manufacturing", es: "Manufactura de exportación" },
  agriculture: { en: "Agriculture", es: "Agricultura" },
  mining: { en: "Mining", es: "Minería" },
  automotive: { en: "Automotive", es: "Automotriz" },
  "industrial manufacturing": { en: "Industrial manufacturing", es: "Manufactura industrial" },
  export: { en: "Exporting companies (several sectors)", es: "Empresas exportadoras (varios sectores)" },
};

/** Spanish labels of the fixture's figures (the stories are written in Spanish). */
export const FIGURE_LABELS_ES: Record<string, string> = {
  communities: "comunidades",
  companies: "empresas",
  unions: "sindicatos",
  "eligible workers represented": "personas trabajadoras elegibles representadas",
  "months to outcome": "meses hasta el resultado",
  "mills investing in OSH": "ingenios que invirtieron en seguridad y salud",
};

/** Public municipality names (never a respondent's community) where fieldwork took place. */
export const MUNICIPALITIES: Array<{ state: string; municipality: string }> = [
  { state: "Veracruz", municipality: "Córdoba" },
  { state: "Oaxaca", municipality: "Oaxaca de Juárez" },
  { state: "Coahuila", municipality: "Monclova" },
  { state: "Morelos", municipality: "Cuautla" },
  { state: "San Luis Potosí", municipality: "San Luis Potosí" },
  { state: "Guanajuato", municipality: "Silao de la Victoria" },
];
