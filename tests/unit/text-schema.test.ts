/**
 * The free-text fields of the story, domain, selection, triangulation and validation forms answer
 * with the same message keys, which the forms map to messages: pinned here field by field.
 */
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { assignDomainInput } from "@/lib/domains/schema";
import { recordDecisionInput, sendReminderInput } from "@/lib/selection/schema";
import { contributionSchema, moveStoryInput } from "@/lib/stories/schema";
import { signOffInput, verificationFieldsSchema } from "@/lib/triangulation/schema";
import { resolveDisputeInput, responseFieldsSchema } from "@/lib/validation/schema";

type TextField = { name: string; schema: z.ZodType; base: Record<string, unknown>; field: string; max: number };

const REQUIRED: TextField[] = [
  {
    name: "a contribution's how",
    schema: contributionSchema,
    base: { projectId: "p1" },
    field: "howContributed",
    max: 5_000,
  },
  {
    name: "a domain assignment's rationale",
    schema: assignDomainInput,
    base: { evaluationId: "e1", storyId: "s1", domainId: "d1", kind: "PRIMARY", expectedPrimaryId: null },
    field: "rationale",
    max: 2_000,
  },
  {
    name: "a selection reminder",
    schema: sendReminderInput,
    base: { evaluationId: "e1", roundId: "r1" },
    field: "text",
    max: 10_000,
  },
  {
    name: "an analyst's sign-off note",
    schema: signOffInput,
    base: { evaluationId: "e1", storyId: "s1", storyVersion: 1 },
    field: "note",
    max: 2_000,
  },
  {
    name: "a dispute's resolution",
    schema: resolveDisputeInput,
    base: { evaluationId: "e1", responseId: "r1", outcome: "ACCEPT" },
    field: "resolution",
    max: 10_000,
  },
];

const OPTIONAL: TextField[] = [
  {
    name: "a stage move's comment",
    schema: moveStoryInput,
    base: { evaluationId: "e1", storyId: "s1", from: "DRAFT", to: "SUBMITTED" },
    field: "comment",
    max: 2_000,
  },
  {
    name: "a decision's dissent",
    schema: recordDecisionInput,
    base: { evaluationId: "e1", roundId: "r1", expectedVersion: 1, selected: [], feedback: [] },
    field: "dissent",
    max: 10_000,
  },
  {
    name: "the contribution narrative",
    schema: verificationFieldsSchema,
    base: { contributions: [] },
    field: "contributionNarrative",
    max: 5_000,
  },
  {
    name: "a validation response's comments",
    schema: responseFieldsSchema,
    base: { verdict: "CONFIRMS" },
    field: "comments",
    max: 10_000,
  },
];

function parse({ schema, base, field }: TextField, value: unknown): { value: unknown } | { messages: string[] } {
  const input = value === undefined ? base : { ...base, [field]: value };
  const parsed = schema.safeParse(input);
  if (parsed.success) return { value: (parsed.data as Record<string, unknown>)[field] };
  return { messages: parsed.error.issues.map((issue) => `${issue.path.join(".")}:${issue.message}`) };
}

describe.each(REQUIRED)("required text: $name", (textField) => {
  const { field, max } = textField;

  it("trims and keeps hostile text literally, up to the limit", () => {
    expect(parse(textField, "  Así fue.  ")).toEqual({ value: "Así fue." });
    expect(parse(textField, "<script>alert(1)</script> '; DROP TABLE x; --")).toEqual({
      value: "<script>alert(1)</script> '; DROP TABLE x; --",
    });
    expect(parse(textField, "x".repeat(max))).toEqual({ value: "x".repeat(max) });
  });

  it("answers missing, blank, wrong-type, too long and NUL with their keys", () => {
    expect(parse(textField, undefined)).toEqual({ messages: [`${field}:required`] });
    expect(parse(textField, null)).toEqual({ messages: [`${field}:required`] });
    expect(parse(textField, "   ")).toEqual({ messages: [`${field}:required`] });
    expect(parse(textField, 42)).toEqual({ messages: [`${field}:required`] });
    expect(parse(textField, { contains: "" })).toEqual({ messages: [`${field}:required`] });
    expect(parse(textField, "x".repeat(max + 1))).toEqual({ messages: [`${field}:tooLong`] });
    expect(parse(textField, "a\u0000b")).toEqual({ messages: [`${field}:invalidCharacters`] });
    expect(parse(textField, `${"x".repeat(max)}\u0000`)).toEqual({
      messages: [`${field}:tooLong`, `${field}:invalidCharacters`],
    });
  });
});

describe.each(OPTIONAL)("optional text: $name", (textField) => {
  const { field, max } = textField;

  it("trims, and turns missing, null and blank into null", () => {
    expect(parse(textField, "  Así fue.  ")).toEqual({ value: "Así fue." });
    expect(parse(textField, undefined)).toEqual({ value: null });
    expect(parse(textField, null)).toEqual({ value: null });
    expect(parse(textField, "  \n ")).toEqual({ value: null });
    expect(parse(textField, "x".repeat(max))).toEqual({ value: "x".repeat(max) });
  });

  it("answers wrong-type, too long and NUL with their keys", () => {
    expect(parse(textField, 42)).toEqual({ messages: [`${field}:invalid`] });
    expect(parse(textField, { not: null })).toEqual({ messages: [`${field}:invalid`] });
    expect(parse(textField, "x".repeat(max + 1))).toEqual({ messages: [`${field}:tooLong`] });
    expect(parse(textField, "a\u0000b")).toEqual({ messages: [`${field}:invalidCharacters`] });
  });
});
