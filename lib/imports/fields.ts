/**
 * The fields a file column can fill, per kind of import, and the header names (English and
 * Spanish, as evaluators name Kobo/ODK questions) that suggest them. Pure: the wizard uses it too.
 */
import type { ImportKind } from "@/lib/generated/prisma/enums";

export const IMPORT_KINDS = [
  "RESPONDENTS",
  "INTERVIEWS",
  "STORIES",
  "PROJECTS",
] as const satisfies readonly ImportKind[];

type FieldShape = "text" | "multi";
/**
 * Fields of a group are optional together: once one of them is mapped, all of them must be (a
 * consent needs its date, method, form version, language and scopes, as the consent form does).
 */
export type FieldGroup = "consent";
/**
 * `rowKey`: the field whose column identifies a row when the file has no submission id (a
 * project list typed in a spreadsheet has none: its acronym is what a re-import is matched on).
 */
export type ImportField = {
  name: string;
  shape: FieldShape;
  required?: boolean;
  identity?: boolean;
  group?: FieldGroup;
  rowKey?: boolean;
  synonyms: string[];
};

type FieldOptions = {
  shape?: FieldShape;
  required?: boolean;
  identity?: boolean;
  group?: FieldGroup;
  rowKey?: boolean;
};

const f = (name: string, synonyms: string[], options: FieldOptions = {}): ImportField => ({
  name,
  shape: options.shape ?? "text",
  required: options.required,
  identity: options.identity,
  group: options.group,
  rowKey: options.rowKey,
  synonyms,
});

const consent = { group: "consent" } as const;

export const IMPORT_FIELDS: Record<ImportKind, ImportField[]> = {
  RESPONDENTS: [
    f(
      "type",
      [
        "type",
        "respondent_type",
        "tipo",
        "tipo_de_persona",
        "tipo_respondente",
        "tipo_de_respondente",
        "tipo_informante",
      ],
      { required: true },
    ),
    f("gender", ["gender", "sex", "sexo", "genero"], { required: true }),
    f("state", ["state", "estado", "entidad", "entidad_federativa"], { required: true }),
    f("place", ["municipality", "municipio", "place", "lugar", "localidad"]),
    f("sector", ["sector", "industry", "industria", "rama"]),
    f("language", ["language", "idioma", "lengua"], { required: true }),
    f(
      "atRiskGroups",
      [
        "at_risk_groups",
        "at_risk",
        "risk_groups",
        "grupos_en_riesgo",
        "grupos_riesgo",
        "grupos_vulnerables",
        "grupo_riesgo",
      ],
      { shape: "multi" },
    ),
    f("name", ["name", "full_name", "nombre", "nombre_completo"], { identity: true }),
    f("phone", ["phone", "telephone", "mobile", "telefono", "celular"], { identity: true }),
    f("email", ["email", "e_mail", "mail", "correo", "correo_electronico"], { identity: true }),
    f("community", ["community", "comunidad", "colonia"], { identity: true }),
    // Consent recorded in the same submission. A header under a consent group ("consentimiento/fecha")
    // is also read with its group's name in front ("consentimiento_fecha"), see mapping.ts.
    f(
      "consentGivenOn",
      [
        "consent_date",
        "date_of_consent",
        "consent_given_on",
        "consent_fecha",
        "fecha_consentimiento",
        "fecha_del_consentimiento",
        "fecha_de_consentimiento",
        "consentimiento_fecha",
      ],
      consent,
    ),
    f(
      "consentMethod",
      [
        "consent_method",
        "consent_type",
        "method_of_consent",
        "consent_metodo",
        "metodo_consentimiento",
        "metodo_de_consentimiento",
        "tipo_consentimiento",
        "tipo_de_consentimiento",
        "forma_consentimiento",
        "consentimiento_metodo",
        "consentimiento_tipo",
        "consentimiento_forma",
      ],
      consent,
    ),
    f(
      "consentFormVersion",
      [
        "consent_version",
        "consent_form_version",
        "version_consentimiento",
        "version_del_consentimiento",
        "version_formato_consentimiento",
        "version_formulario_consentimiento",
        "consentimiento_version",
        "consentimiento_version_formato",
        "consentimiento_version_formulario",
      ],
      consent,
    ),
    f(
      "consentLanguage",
      [
        "consent_language",
        "language_of_consent",
        "consent_idioma",
        "idioma_consentimiento",
        "idioma_del_consentimiento",
        "lengua_consentimiento",
        "consentimiento_idioma",
        "consentimiento_lengua",
      ],
      consent,
    ),
    f(
      "consentScopes",
      [
        "consent_scopes",
        "consent_scope",
        "consent_uses",
        "consent_usos",
        "scopes_of_consent",
        "usos_consentidos",
        "usos_autorizados",
        "alcance_consentimiento",
        "alcances_consentimiento",
        "consentimiento_usos",
        "consentimiento_alcance",
        "consentimiento_alcances",
        "consentimiento_autoriza",
      ],
      { shape: "multi", ...consent },
    ),
  ],
  INTERVIEWS: [
    f("date", ["date", "interview_date", "fecha", "fecha_entrevista", "fecha_de_la_entrevista"], { required: true }),
    f("mode", ["mode", "modality", "modalidad", "modo"], { required: true }),
    f("place", ["place", "municipality", "municipio", "lugar", "localidad"]),
    f("language", ["language", "idioma", "lengua"], { required: true }),
    f("durationMinutes", ["duration", "duration_minutes", "minutes", "duracion", "minutos", "duracion_minutos"]),
    f("interviewers", ["interviewer", "interviewers", "entrevistador", "entrevistadora", "entrevistadores"], {
      shape: "multi",
      required: true,
    }),
    f(
      "respondents",
      [
        "respondent",
        "respondents",
        "respondent_code",
        "codigo_respondente",
        "respondente",
        "respondentes",
        "persona_entrevistada",
      ],
      { shape: "multi", required: true },
    ),
    f("projects", ["project", "projects", "proyecto", "proyectos"], { shape: "multi" }),
    f("notes", ["notes", "notas", "observaciones"]),
    f("transcriptOriginal", ["transcript", "transcripcion", "transcripcion_original"]),
    f("transcriptLanguage", ["transcript_language", "idioma_transcripcion"]),
  ],
  STORIES: [
    f("title", ["title", "titulo", "story_title", "titulo_historia"], { required: true }),
    f("whatChanged", ["what_changed", "change", "que_cambio", "cambio", "descripcion_cambio"], { required: true }),
    f(
      "whySignificant",
      ["why_significant", "significance", "por_que_significativo", "por_que_es_significativo", "significado"],
      { required: true },
    ),
    f("originalLanguage", ["language", "original_language", "idioma", "lengua"], { required: true }),
    f("changeType", ["change_type", "type_of_change", "tipo_de_cambio", "tipo_cambio"], { required: true }),
    f("periodPrecision", ["period_precision", "precision_periodo", "precision"]),
    f("periodFrom", ["period_from", "from", "since", "desde", "periodo_desde", "inicio"]),
    f("periodTo", ["period_to", "to", "until", "hasta", "periodo_hasta", "fin"]),
    // The whole period in one cell: "2022" is that year, "2022-2024" a range, "2022-" or "desde 2022" open.
    f("period", ["period", "periodo", "periodo_del_cambio", "period_of_change"]),
    f("places", ["places", "place", "lugares", "lugar", "municipios", "municipio"], { shape: "multi" }),
    f("sectors", ["sectors", "sector", "sectores"], { shape: "multi" }),
    f(
      "storytellers",
      ["storytellers", "storyteller", "narradores", "narrador", "narradora", "respondent", "respondente"],
      { shape: "multi" },
    ),
    f("collectedBy", ["collected_by", "recogida_por", "recopilada_por", "entrevistador", "interviewer"]),
    f("contributionNarrative", ["contribution", "contribucion", "aporte"]),
    f("sustainabilityAssessment", [
      "sustainability",
      "sustainability_assessment",
      "sostenibilidad",
      "valoracion_sostenibilidad",
      "evaluacion_sostenibilidad",
    ]),
    f("sustainabilityConditions", [
      "sustainability_conditions",
      "conditions",
      "condiciones",
      "condiciones_sostenibilidad",
    ]),
    f("sustainabilityRisks", ["sustainability_risks", "risks", "riesgos", "riesgos_sostenibilidad"]),
    // Interviews and focus groups have no code: a source is named by the submission key it was
    // imported with (Kobo's _uuid) or by its id in the app (see references.ts).
    f("sources", ["sources", "source", "fuentes", "fuente", "entrevistas", "interviews", "grupos_focales"], {
      shape: "multi",
    }),
    f("primaryDomain", ["domain", "primary_domain", "dominio", "dominio_principal", "dominio_de_cambio"]),
    f("secondaryDomains", ["secondary_domains", "other_domains", "dominios_secundarios", "otros_dominios"], {
      shape: "multi",
    }),
    f("domainRationale", [
      "domain_rationale",
      "domain_reason",
      "razon_dominio",
      "justificacion_dominio",
      "por_que_dominio",
    ]),
    // The translation: the form's three translated texts, their language and the translator.
    f("titleTranslation", [
      "title_translation",
      "title_en",
      "titulo_traduccion",
      "titulo_traducido",
      "translated_title",
    ]),
    f("whatChangedTranslation", [
      "what_changed_translation",
      "what_changed_en",
      "que_cambio_traduccion",
      "cambio_traducido",
    ]),
    f("whySignificantTranslation", [
      "why_significant_translation",
      "why_significant_en",
      "por_que_significativo_traduccion",
      "significado_traducido",
    ]),
    f("translationLanguage", [
      "translation_language",
      "idioma_traduccion",
      "idioma_de_la_traduccion",
      "lengua_traduccion",
    ]),
    f("translatedBy", ["translated_by", "translator", "traductor", "traductora", "traducido_por", "traducida_por"]),
    // The translations of the contribution and sustainability texts (decision 0038), by the same translator.
    f("contributionNarrativeTranslation", [
      "contribution_translation",
      "contribution_en",
      "contribucion_traduccion",
      "contribucion_traducida",
      "aporte_traducido",
    ]),
    f("sustainabilityAssessmentTranslation", [
      "sustainability_translation",
      "sustainability_assessment_translation",
      "sustainability_en",
      "sostenibilidad_traduccion",
      "sostenibilidad_traducida",
    ]),
    f("sustainabilityConditionsTranslation", [
      "sustainability_conditions_translation",
      "conditions_translation",
      "conditions_en",
      "condiciones_traduccion",
      "condiciones_traducidas",
    ]),
    f("sustainabilityRisksTranslation", [
      "sustainability_risks_translation",
      "risks_translation",
      "risks_en",
      "riesgos_traduccion",
      "riesgos_traducidos",
    ]),
    // Tags: the evaluation's USMCA priorities (by name in either language or number) and at-risk groups.
    f("priorities", ["priorities", "priority", "usmca_priorities", "prioridades", "prioridad", "prioridades_usmca"], {
      shape: "multi",
    }),
    f(
      "atRiskGroups",
      ["at_risk_groups", "at_risk", "risk_groups", "grupos_en_riesgo", "grupos_riesgo", "grupos_vulnerables"],
      { shape: "multi" },
    ),
  ],
  // The funder's portfolio, as a lead keeps it in a spreadsheet. Funding streams stay one cell of
  // text ("USMCA, non-USMCA"): the project form's schema splits it, so a stream may hold spaces.
  PROJECTS: [
    f(
      "acronym",
      ["acronym", "project_acronym", "short_name", "acronimo", "siglas", "acronimo_del_proyecto", "nombre_corto"],
      { required: true, rowKey: true },
    ),
    f("name", ["name", "project_name", "project", "title", "nombre", "nombre_del_proyecto", "proyecto", "titulo"], {
      required: true,
    }),
    f(
      "managingOffice",
      ["managing_office", "office", "oficina", "oficina_responsable", "oficina_gestora", "oficina_a_cargo"],
      { required: true },
    ),
    f("fundingStreams", [
      "funding_streams",
      "funding_stream",
      "funding",
      "fund",
      "financiamiento",
      "fuente_de_financiamiento",
      "fuentes_de_financiamiento",
      "fondos",
    ]),
    f("startDate", ["start_date", "start", "starts", "inicio", "fecha_de_inicio", "fecha_inicio"]),
    f("endDate", [
      "end_date",
      "end",
      "ends",
      "fin",
      "fecha_de_fin",
      "fecha_fin",
      "fecha_de_termino",
      "fecha_termino",
      "termino",
    ]),
    f("notes", ["notes", "note", "comments", "notas", "observaciones", "comentarios"]),
  ],
};

/** Columns Kobo and ODK add to every export; the first one present is the row's key. */
export const KEY_CANDIDATES = ["_uuid", "meta/instanceid", "instanceid", "key", "_id"];

export function fieldsOf(kind: ImportKind): ImportField[] {
  return IMPORT_FIELDS[kind];
}

export function fieldOf(kind: ImportKind, name: string): ImportField | undefined {
  return IMPORT_FIELDS[kind].find((field) => field.name === name);
}
