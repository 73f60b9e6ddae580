import { describe, expect, it } from "vitest";
import { oneAtATime } from "@/lib/concurrency/one-at-a-time";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("oneAtATime", () => {
  it("runs work for one key one after another, in arrival order", async () => {
    const log: string[] = [];
    const step = (name: string, ms: number) => async () => {
      log.push(`start ${name}`);
      await pause(ms);
      log.push(`end ${name}`);
      return name;
    };
    const results = await Promise.all([
      oneAtATime("k", step("a", 30)),
      oneAtATime("k", step("b", 1)),
      oneAtATime("k", step("c", 10)),
    ]);
    expect(results).toEqual(["a", "b", "c"]);
    expect(log).toEqual(["start a", "end a", "start b", "end b", "start c", "end c"]);
  });

  it("lets different keys run side by side", async () => {
    let running = 0;
    let most = 0;
    const work = async () => {
      running += 1;
      most = Math.max(most, running);
      await pause(20);
      running -= 1;
    };
    await Promise.all(["x", "y", "z"].map((key) => oneAtATime(key, work)));
    expect(most).toBe(3);
  });

  it("passes a failure to its own caller only, and the next in line still runs", async () => {
    const failing = oneAtATime("f", async () => {
      throw new Error("refused");
    });
    const next = oneAtATime("f", async () => "ran");
    await expect(failing).rejects.toThrow("refused");
    await expect(next).resolves.toBe("ran");
  });
});
