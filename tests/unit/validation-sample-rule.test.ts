/** The sample's rule, pure (decision 0043): strata keyed by country and state, the rule's reach, the fallback. */
import { describe, expect, it } from "vitest";
import { drawByRule, matchesRule, parseStratum, stratumOf, type SamplingCandidate } from "@/lib/validation/sampling";
import { drawSampleInput } from "@/lib/validation/schema";

const person = (code: string, type: string, country: string | null, state: string): SamplingCandidate => ({
  id: `id-${code}`,
  code,
  type,
  country,
  state,
  gender: "WOMAN",
});

describe("strata", () => {
  it("keys a Mexican state by its name, as before, and a region abroad with its country", () => {
    expect(stratumOf(person("R-1", "COMPANY", null, "Jalisco"))).toBe("COMPANY|Jalisco|WOMAN");
    expect(stratumOf(person("R-2", "COMPANY", "GT", "La Paz"))).not.toBe(
      stratumOf(person("R-3", "COMPANY", "SV", "La Paz")),
    );
    expect(parseStratum("COMPANY|GT:La Paz|WOMAN")).toEqual({
      type: "COMPANY",
      countryCode: "GT",
      state: "La Paz",
      gender: "WOMAN",
    });
    expect(parseStratum("COMPANY|Río|Bravo|MAN")).toMatchObject({ countryCode: null, state: "Río|Bravo" });
    expect(parseStratum("nonsense")).toBeNull();
  });
});

describe("the rule", () => {
  const reach = { regions: new Set(["Veracruz", "GT:La Paz"]), types: new Set(["AGRICULTURAL_PRODUCER"]) };
  const jaliscoProducer = person("R-1", "AGRICULTURAL_PRODUCER", null, "Jalisco");
  const veracruzCompany = person("R-2", "COMPANY", null, "Veracruz");
  const salvadoran = person("R-3", "COMPANY", "SV", "La Paz");

  it("reaches by state, by type or by either, and never a namesake region of another country", () => {
    expect(matchesRule("SHARED_STATE_OR_TYPE", reach, jaliscoProducer)).toBe(true);
    expect(matchesRule("SHARED_STATE", reach, jaliscoProducer)).toBe(false);
    expect(matchesRule("SHARED_TYPE", reach, veracruzCompany)).toBe(false);
    expect(matchesRule("SHARED_STATE", reach, veracruzCompany)).toBe(true);
    expect(matchesRule("SHARED_STATE_OR_TYPE", reach, salvadoran)).toBe(false);
    expect(matchesRule("WHOLE_EVALUATION", reach, salvadoran)).toBe(true);
  });

  it("takes all who match when they are too few and fills the rest from beyond, the same for the same seed", () => {
    const pool = [
      veracruzCompany,
      ...Array.from({ length: 6 }, (_, i) => person(`R-1${i}`, "COMPANY", null, i % 2 ? "Jalisco" : "Sonora")),
    ];
    const draw = drawByRule(pool, "SHARED_STATE", reach, 3, 77);
    expect(draw.members).toHaveLength(3);
    expect(draw.members.map((m) => m.code)).toContain("R-2");
    expect(draw.matching).toBe(1);
    expect(draw.beyondRule).toHaveLength(2);
    expect(draw.beyondRule).not.toContain("R-2");
    expect(drawByRule([...pool].reverse(), "SHARED_STATE", reach, 3, 77)).toEqual(draw);
    expect(draw.strata["COMPANY|Veracruz|WOMAN"]).toEqual({ eligible: 1, matching: 1 });
    expect(drawByRule(pool, "WHOLE_EVALUATION", reach, 3, 77).beyondRule).toEqual([]);
  });
});

describe("the draw's input", () => {
  it("defaults to the story's states or types and refuses a rule it does not know", () => {
    const ids = { evaluationId: "cm0evaluation0000000000000", roundId: "cm0round000000000000000000" };
    expect(drawSampleInput.parse(ids).rule).toBe("SHARED_STATE_OR_TYPE");
    expect(drawSampleInput.safeParse({ ...ids, rule: "NATIONWIDE" }).success).toBe(false);
  });
});
