/**
 * Fictional respondents of the demo. Nobody here exists: codes, traits and consent dates are
 * invented to exercise every respondent type, gender and at-risk group the app handles.
 */
import type { StandardAtRiskGroupCode } from "@/tests/factories/evaluations";
import type {
  ConsentMethod,
  ConsentScopeKind,
  Gender,
  RespondentType,
  WithdrawalChoice,
} from "@/lib/generated/prisma/enums";

export type RespondentSpec = {
  codeNumber: number;
  type: RespondentType;
  gender: Gender;
  state: string;
  /** A public municipality from MUNICIPALITIES, or none (state level only). */
  municipality?: string;
  /** A key of SECTOR_NAMES. */
  sector?: string;
  /** ISO 639 code of the language the respondent was heard in. */
  language: string;
  atRiskGroups: StandardAtRiskGroupCode[];
  consent: {
    givenOn: string;
    method: ConsentMethod;
    language: string;
    refused?: ConsentScopeKind[];
    withdrawn?: { on: string; choice: WithdrawalChoice; note: string };
  };
};

const written = (givenOn: string, refused: ConsentScopeKind[] = []) =>
  ({ givenOn, method: "WRITTEN", language: "es", refused }) as const;

export const RESPONDENTS: RespondentSpec[] = [
  {
    codeNumber: 1,
    type: "UNION_MEMBER",
    gender: "MAN",
    state: "Coahuila",
    municipality: "Monclova",
    sector: "export manufacturing",
    language: "es",
    atRiskGroups: ["at_risk_unionized_workers"],
    consent: written("2024-06-12"),
  },
  {
    codeNumber: 2,
    type: "UNION_MEMBER",
    gender: "WOMAN",
    state: "San Luis Potosí",
    municipality: "San Luis Potosí",
    sector: "automotive",
    language: "es",
    atRiskGroups: ["women_workers", "at_risk_unionized_workers"],
    consent: written("2024-06-14"),
  },
  {
    codeNumber: 3,
    type: "AGRICULTURAL_PRODUCER",
    gender: "MAN",
    state: "Veracruz",
    municipality: "Córdoba",
    sector: "sugarcane",
    language: "es",
    atRiskGroups: [],
    consent: written("2024-07-03"),
  },
  {
    codeNumber: 4,
    type: "UNAFFILIATED_WORKER",
    gender: "WOMAN",
    state: "Oaxaca",
    sector: "coffee",
    language: "es",
    atRiskGroups: [
      "women_workers",
      "child_workers_families",
      "domestic_migrant_or_indigenous_workers",
      "unaffiliated_or_informal_workers",
    ],
    // Consent by phone, recorded without her name.
    consent: { givenOn: "2024-07-05", method: "ORAL_RECORDED_WITHOUT_NAME", language: "es" },
  },
  {
    codeNumber: 5,
    type: "UNAFFILIATED_WORKER",
    gender: "MAN",
    state: "Oaxaca",
    municipality: "Oaxaca de Juárez",
    sector: "agriculture",
    language: "mix",
    atRiskGroups: ["domestic_migrant_or_indigenous_workers", "unaffiliated_or_informal_workers"],
    // Given in Mixtec through an interpreter.
    consent: { givenOn: "2024-07-04", method: "ORAL_RECORDED_WITHOUT_NAME", language: "mix" },
  },
  {
    codeNumber: 6,
    type: "COMPANY",
    gender: "MAN",
    state: "Veracruz",
    sector: "sugarcane",
    language: "es",
    atRiskGroups: [],
    consent: written("2024-08-20"),
  },
  {
    codeNumber: 7,
    type: "UNION_MEMBER",
    gender: "WOMAN",
    state: "San Luis Potosí",
    municipality: "San Luis Potosí",
    sector: "automotive",
    language: "es",
    atRiskGroups: ["women_workers"],
    consent: written("2024-06-14"),
  },
  {
    codeNumber: 8,
    type: "CONCILIATION_OR_COURT_STAFF",
    gender: "WOMAN",
    state: "Guanajuato",
    language: "es",
    atRiskGroups: [],
    consent: written("2024-09-25", ["CONTACT_FOR_VALIDATION"]),
  },
  {
    codeNumber: 9,
    type: "UNAFFILIATED_WORKER",
    gender: "NON_BINARY",
    state: "Guanajuato",
    municipality: "Silao de la Victoria",
    sector: "export manufacturing",
    language: "es",
    atRiskGroups: ["unaffiliated_or_informal_workers"],
    consent: written("2024-09-10"),
  },
  {
    codeNumber: 10,
    type: "LABOUR_AUTHORITY",
    gender: "MAN",
    state: "Morelos",
    municipality: "Cuautla",
    language: "es",
    atRiskGroups: [],
    consent: written("2024-09-25", ["AUDIO_RECORDING"]),
  },
  {
    codeNumber: 11,
    type: "CIVIL_SOCIETY",
    gender: "UNDISCLOSED",
    state: "Coahuila",
    language: "es",
    atRiskGroups: [],
    consent: written("2024-09-25"),
  },
  {
    codeNumber: 12,
    type: "UNAFFILIATED_WORKER",
    gender: "WOMAN",
    state: "Oaxaca",
    municipality: "Oaxaca de Juárez",
    sector: "agriculture",
    language: "es",
    atRiskGroups: ["women_workers", "unaffiliated_or_informal_workers"],
    consent: {
      ...written("2024-07-04"),
      withdrawn: {
        on: "2024-11-15",
        choice: "EXCLUDE",
        note: "Pidió por teléfono que sus aportaciones no se usen en la selección ni en los informes. (Ficticio.)",
      },
    },
  },
  {
    codeNumber: 13,
    type: "ACADEMIA",
    gender: "WOMAN",
    state: "Morelos",
    language: "es",
    atRiskGroups: [],
    consent: written("2024-09-25"),
  },
];
