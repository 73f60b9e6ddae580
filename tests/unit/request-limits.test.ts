/**
 * How large a request may be is stated once (lib/request-limits.json): the import and upload
 * checks, both of Next's body limits and the messages people read must all agree with it.
 */
import { describe, expect, it } from "vitest";
import { MAX_IMPORT_BYTES } from "@/lib/imports/limits";
import { en, es } from "@/lib/i18n/messages";
import limits from "@/lib/request-limits.json";
import { MAX_UPLOAD_BYTES } from "@/lib/uploads/file-check-limits";

const MB = 1024 * 1024;

describe("request limits", () => {
  it("leave room for the largest import or upload plus the form's framing", () => {
    expect(MAX_IMPORT_BYTES).toBe(limits.importMegabytes * MB);
    expect(MAX_UPLOAD_BYTES).toBe(limits.uploadMegabytes * MB);
    expect(limits.requestMegabytes).toBeGreaterThanOrEqual(limits.importMegabytes + 1);
    expect(limits.requestMegabytes).toBeGreaterThanOrEqual(limits.uploadMegabytes + 1);
  });

  it("are what Next lets through, in the server actions and in the proxy alike", async () => {
    // @ts-expect-error next.config.js is plain JavaScript, read by Next itself.
    const { default: config } = (await import("@/next.config.js")) as { default: import("next").NextConfig };
    const expected = `${limits.requestMegabytes}mb`;
    expect(config.experimental?.serverActions?.bodySizeLimit).toBe(expected);
    expect(config.experimental?.proxyClientMaxBodySize).toBe(expected);
  });

  it("are the sizes the messages name, in both languages", () => {
    for (const messages of [en, es]) {
      expect(messages.imports.wizard.fileHint).toContain(`${limits.importMegabytes} MB`);
      expect(messages.imports.refusals.TOO_LARGE).toContain(`${limits.importMegabytes} MB`);
      expect(messages.triangulation.evidence.fileHint).toContain(`${limits.uploadMegabytes} MB`);
      expect(messages.triangulation.errors.FILE_TOO_LARGE).toContain(`${limits.uploadMegabytes} MB`);
    }
  });
});
