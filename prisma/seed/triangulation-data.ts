/**
 * Demo evidence for two selected stories. The source types are those the reference evaluation
 * triangulated with (public administrative records, labour-authority data, press); the citations
 * name real public sources in general terms, and what they show is illustrative. The press note
 * is fictional and says so.
 */
import type { EvidenceSourceType, EvidenceStance, EvidenceStrength } from "@/lib/generated/prisma/enums";

export type EvidenceSpec = {
  sourceType: EvidenceSourceType;
  citation: string;
  whatItShows: string;
  stance: EvidenceStance;
  strength: EvidenceStrength;
  /** Position of the story's figure it backs. */
  figure?: number;
  response?: string;
  addedOn: string;
};

export type TriangulationSpec = { codeNumber: number; evidence: EvidenceSpec[] };

export const TRIANGULATION: TriangulationSpec[] = [
  {
    codeNumber: 5,
    evidence: [
      {
        sourceType: "ADMINISTRATIVE_RECORD",
        citation:
          "Oficina del Representante Comercial de EE. UU. (USTR), expedientes públicos del Mecanismo Laboral de Respuesta Rápida del T-MEC, 2021–2023.",
        whatItShows:
          "Los expedientes registran cada queja, el plan de reparación acordado con la empresa y la fecha de cierre; en los casos de la historia el reconocimiento llegó entre uno y nueve meses después de la queja.",
        stance: "SUPPORTS",
        strength: "STRONG",
        figure: 2,
        addedOn: "2025-01-22",
      },
      {
        sourceType: "MEDIA",
        citation:
          "Nota de prensa regional sobre el reconocimiento de un sindicato en una planta de autopartes, 2023 (ficticia, para la demostración).",
        whatItShows:
          "Informa del reconocimiento del sindicato, pero lo atribuye al cambio de dirección de la planta y no al mecanismo.",
        stance: "MIXED",
        strength: "WEAK",
        response:
          "La fecha del reconocimiento coincide con el plan de reparación del mecanismo; la nota no menciona la queja previa, que consta en el expediente público.",
        addedOn: "2025-01-23",
      },
    ],
  },
  {
    codeNumber: 2,
    evidence: [
      {
        sourceType: "QUANTITATIVE_DATASET",
        citation:
          "Centro Federal de Conciliación y Registro Laboral (CFCRL), datos abiertos de consultas de legitimación de contratos colectivos, 2020–2023.",
        whatItShows:
          "Las consultas de legitimación de las cinco empresas aparecen con votación personal, libre y secreta y con los contratos legitimados.",
        stance: "SUPPORTS",
        strength: "STRONG",
        figure: 1,
        addedOn: "2025-01-24",
      },
    ],
  },
];
