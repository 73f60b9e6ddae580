/** Writes docs/glossary.md from lib/i18n/glossary.ts (tests/unit/i18n-glossary.test.ts checks it). */
import { writeFileSync } from "node:fs";
import { glossaryMarkdown } from "@/lib/i18n/glossary";

writeFileSync("docs/glossary.md", glossaryMarkdown());
