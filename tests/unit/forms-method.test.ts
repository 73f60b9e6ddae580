/**
 * A form that is sent by script (`onSubmit`) says `method="post"`. Until the page's script has run
 * (a slow connection in a field office, a busy laptop), pressing its button makes the browser send
 * the form itself, and without a method that is a GET: the password, a respondent's name or phone
 * would land in the address bar, the history and the server's logs. A POST to a page only shows the
 * page again. `auth.spec.ts` proves it on the sign-in page with script turned off.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".tsx"))
    .map((file) => path.join(folder, file));
}

/** The opening `<form ...>` tags of a file, braces ({...}) skipped so `=>` does not end a tag. */
function formTags(source: string): string[] {
  const tags: string[] = [];
  for (const match of source.matchAll(/<form\b/g)) {
    let depth = 0;
    let end = match.index + match[0].length;
    for (; end < source.length; end += 1) {
      const char = source[end];
      if (char === "{") depth += 1;
      else if (char === "}") depth -= 1;
      else if (char === ">" && depth === 0) break;
    }
    tags.push(source.slice(match.index, end + 1));
  }
  return tags;
}

describe("forms sent by script", () => {
  it("reads a tag whose handler holds an arrow", () => {
    expect(formTags('<form onSubmit={(event) => go(event)} method="post">x</form>')).toEqual([
      '<form onSubmit={(event) => go(event)} method="post">',
    ]);
  });

  it('all say method="post", so a press before the script runs sends nothing in the address', () => {
    const files = [...sourceFiles("components"), ...sourceFiles("app")];
    const scripted = files.flatMap((file) =>
      formTags(readFileSync(file, "utf8"))
        .filter((tag) => tag.includes("onSubmit"))
        .map((tag) => ({ file, tag })),
    );
    // Most forms are the kit's ActionForm, whose own <form> (in components/ui, checked here) says it once.
    const kitForms = files.flatMap((file) => [...readFileSync(file, "utf8").matchAll(/<ActionForm\b/g)]);
    expect(scripted.length + kitForms.length).toBeGreaterThan(20);
    // The list filters are searches meant for the address (a link to a filtered list), script or not.
    const searches = ["components/data-table/filter-form.tsx"];
    const notPost = scripted.filter(({ tag }) => !/\bmethod="post"/.test(tag));
    expect(notPost.map(({ file }) => file)).toEqual(searches);
    expect(notPost.every(({ tag }) => /\bmethod="get"/.test(tag))).toBe(true);
  });
});
