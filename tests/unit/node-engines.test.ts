/**
 * The Node lines the README promises (20, 22, 24) are the ones every installed dependency declares
 * it runs on, so a fresh `npm install` prints no EBADENGINE warning on any of them (decision 0032).
 * A dependency bump that drops one of them fails here, before anyone installs it.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import semver from "semver";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const readJson = (file: string) => JSON.parse(readFileSync(path.join(ROOT, file), "utf8"));

/** The oldest release of each supported line; a range that admits it admits the later ones too. */
const OLDEST_SUPPORTED = ["20.19.0", "22.13.0", "24.0.0"];

type LockEntry = { version?: string; engines?: { node?: string }; os?: string[]; cpu?: string[] };
const lock = readJson("package-lock.json") as { packages: Record<string, LockEntry> };

/** npm installs a package built for another system (a Windows or WebAssembly binary) nowhere else. */
function installsHere(entry: LockEntry) {
  const fits = (list: string[] | undefined, value: string) =>
    !list || list.some((item) => (item.startsWith("!") ? item.slice(1) !== value : item === value));
  return fits(entry.os, process.platform) && fits(entry.cpu, process.arch);
}

describe("the supported Node lines", () => {
  it("are the ones package.json declares", () => {
    const declared = readJson("package.json").engines.node as string;
    for (const version of OLDEST_SUPPORTED) expect(semver.satisfies(version, declared), version).toBe(true);
    expect(semver.satisfies("21.7.0", declared)).toBe(false);
    expect(semver.satisfies("20.18.0", declared)).toBe(false);
  });

  it("are declared by every dependency installed on this system", () => {
    const refusing = Object.entries(lock.packages)
      .filter(([name, entry]) => name !== "" && entry.engines?.node && installsHere(entry))
      .flatMap(([name, entry]) =>
        OLDEST_SUPPORTED.filter((version) => !semver.satisfies(version, entry.engines!.node!)).map(
          (version) =>
            `${name.replace(/^.*node_modules\//, "")}@${entry.version} (${entry.engines!.node}) refuses ${version}`,
        ),
      );
    expect(refusing).toEqual([]);
  });
});
