// `npm run lint`: the recommended rules that catch real bugs, and the layering of CONVENTIONS.md
// as rules (decision 0032). Formatting is Prettier's job, not ESLint's.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

/** The database client, and the modules that reach it: data files, list queries, mutations. */
/** An import by the `@/` alias or by a relative path that climbs to the root. */
const FROM_ROOT = "^(@/|(\\.\\./)+)";
const DATABASE = `${FROM_ROOT}lib/db$`;
const DATABASE_LAYER = [
  DATABASE,
  `${FROM_ROOT}lib/generated/prisma/client$`,
  `${FROM_ROOT}lib/[a-z-]+/([a-z-]+-)?data$`,
  `${FROM_ROOT}lib/[a-z-]+/list$`,
  `${FROM_ROOT}lib/[a-z-]+/([a-z-]+-)?mutations$`,
];
const UI = `${FROM_ROOT}(app|components)(/|$)`;
const ROUTES = `${FROM_ROOT}app(/|$)`;

/**
 * Inside lib, only data, loaders and mutations import the client; these files do under another
 * name, each for the reason tests/unit/read-boundary.test.ts gives (keep the two lists equal).
 */
const CLIENT_ELSEWHERE = [
  "lib/db/health.ts",
  "lib/brief/download.ts",
  "lib/exports/door.ts",
  "lib/mail/delivery.ts",
  "lib/evaluations/copy-setup.ts",
  "lib/respondents/identity-export.ts",
  "lib/stories/list.ts",
  "lib/respondents/list.ts",
];

const restrict = (patterns) => [
  "error",
  { patterns: patterns.map(({ regex, message }) => ({ regex, message, allowTypeImports: true })) },
];

/** A file that imports the database client says so with `import "server-only"` (Next.js then refuses it in client code). */
const serverOnlyWithDatabase = {
  meta: {
    type: "problem",
    docs: { description: 'require `import "server-only"` in files that import the database client' },
    messages: { missing: 'This file imports the database client: add `import "server-only";` as its first import.' },
    schema: [],
  },
  create(context) {
    let marked = false;
    let clientImport;
    return {
      ImportDeclaration(node) {
        if (node.source.value === "server-only") marked = true;
        if (node.source.value === "@/lib/db" && node.importKind !== "type") clientImport ??= node;
      },
      "Program:exit"() {
        if (clientImport && !marked) context.report({ node: clientImport, messageId: "missing" });
      },
    };
  },
};

export default tseslint.config(
  {
    ignores: [
      "lib/generated/**",
      ".next/**",
      "node_modules/**",
      "test-results/**",
      "playwright-report/**",
      ".data/**",
      "next-env.d.ts",
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: "error" },
    plugins: { local: { rules: { "server-only-with-database": serverOnlyWithDatabase } } },
    rules: {
      // TypeScript checks names (tsc --noEmit runs in the suite); this rule does not know Node's or the DOM's globals.
      "no-undef": "off",
      // Unused names are errors, except the `_`-prefixed ones the code leaves on purpose (rest siblings, placeholders).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
      // The text checks strip control characters on purpose (CSV injection, XML 1.0, mail headers).
      "no-control-regex": "off",
    },
  },
  {
    files: ["lib/**", "app/**", "components/**"],
    rules: { "local/server-only-with-database": "error" },
  },
  {
    // next-intl's locale is the Intl tag ("es-MX"); code that chooses a language reads "es" | "en" from lib/i18n.
    files: ["lib/**", "app/**", "components/**"],
    ignores: ["lib/i18n/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "next-intl", importNames: ["useLocale"], message: "Use useLocale from @/lib/i18n/use-locale." },
            { name: "next-intl/server", importNames: ["getLocale"], message: "Use getLocale from @/lib/i18n/locale." },
          ],
        },
      ],
    },
  },
  {
    // CommonJS on purpose: preloaded with `node --require` before any loader exists.
    files: ["**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  // app -> components -> lib: lib never reaches up into the UI, components never into routes.
  {
    files: ["lib/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": restrict([
        { regex: UI, message: "lib is below app and components: move the shared part into lib." },
      ]),
    },
  },
  {
    files: ["components/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": restrict([
        { regex: ROUTES, message: "components are below app: move the shared part into components or lib." },
        ...DATABASE_LAYER.map((regex) => ({ regex, message: "One door for reads: components read through a loader." })),
      ]),
    },
  },
  {
    files: ["app/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": restrict(
        DATABASE_LAYER.map((regex) => ({
          regex,
          message: "One door for reads: pages and routes read through a loader.",
        })),
      ),
    },
  },
  // Inside lib, the client belongs to data, loaders and mutations (and the files listed above).
  {
    files: ["lib/**"],
    ignores: [
      "lib/db.ts",
      "lib/**/data.ts",
      "lib/**/*-data.ts",
      "lib/**/loaders.ts",
      "lib/**/*-loaders.ts",
      "lib/**/mutations.ts",
      "lib/**/*-mutations.ts",
      ...CLIENT_ELSEWHERE,
    ],
    rules: {
      "@typescript-eslint/no-restricted-imports": restrict([
        { regex: UI, message: "lib is below app and components: move the shared part into lib." },
        { regex: DATABASE, message: "Only data, loaders and mutations import the database client (CONVENTIONS.md)." },
      ]),
    },
  },
);
