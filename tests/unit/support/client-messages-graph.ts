/**
 * Which interface messages the browser needs, read from the source: the client code each route
 * file brings in (everything reachable from a "use client" file), the message paths that code
 * names, and the `<ClientMessages namespaces={[...]}>` lists of the layouts that send them.
 * Used by tests/unit/i18n-client-messages.test.ts; parsed with the TypeScript compiler, so
 * comments and type-only imports are told apart from code.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

export const ROOT = process.cwd();
const SOURCE_FOLDERS = ["app", "components", "lib"];
const ROUTE_FILES = new Set(["page", "layout", "template", "error", "not-found", "loading", "default", "global-error"]);

type MessageTree = { [key: string]: string | MessageTree };

type SourceFile = {
  file: string;
  useClient: boolean;
  /** Server actions: the browser gets references to them, not their code. */
  useServer: boolean;
  imports: string[];
  /** Packages imported at run time ("zod", "next-intl"), by their name. */
  packages: string[];
  /** Message paths named in the file: "signIn", "admin.errors", "validation.invalid". */
  messagePaths: string[];
  /** The `namespaces` list of a `<ClientMessages>` element, when the file has one. */
  provides: string[] | null;
};

/** True when `dotted` names a message or a group of messages. */
export function isMessagePath(messages: MessageTree, dotted: string): boolean {
  let node: string | MessageTree | undefined = messages;
  for (const part of dotted.split(".")) {
    if (typeof node !== "object" || !part || !Object.hasOwn(node, part)) return false;
    node = node[part];
  }
  return true;
}

function resolveImport(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = path.join(ROOT, specifier.slice(2));
  else if (specifier.startsWith(".")) base = path.resolve(path.dirname(from), specifier);
  else return null; // a package: its messages are not ours
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    path.join(base, "index.ts"),
    path.join(base, "index.tsx"),
  ]) {
    if (/\.tsx?$/.test(candidate) && existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** "zod/v4/core" → "zod", "@tanstack/react-table" → "@tanstack/react-table". */
function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return (specifier.startsWith("@") ? parts.slice(0, 2) : parts.slice(0, 1)).join("/");
}

function isTypeOnlyImport(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false; // `import "./x"` runs the module
  if (clause.isTypeOnly) return true;
  const named = clause.namedBindings;
  return (
    !clause.name &&
    !!named &&
    ts.isNamedImports(named) &&
    named.elements.length > 0 &&
    named.elements.every((element) => element.isTypeOnly)
  );
}

/** A string, or the fixed start of a template (`admin.errors.${code}` → "admin.errors"). */
function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return node.head.text.replace(/\.$/, "") || null;
  return null;
}

function readProvides(element: ts.JsxOpeningLikeElement, file: string): string[] {
  for (const attribute of element.attributes.properties) {
    if (!ts.isJsxAttribute(attribute) || attribute.name.getText() !== "namespaces") continue;
    const value = attribute.initializer;
    const expression = value && ts.isJsxExpression(value) ? value.expression : undefined;
    if (expression && ts.isArrayLiteralExpression(expression) && expression.elements.every(ts.isStringLiteral)) {
      return expression.elements.map((element) => (element as ts.StringLiteral).text);
    }
  }
  throw new Error(
    `${file}: <ClientMessages> needs namespaces={[...]} written as a list of strings, so that this check can read it`,
  );
}

function parse(file: string, messages: MessageTree): SourceFile {
  const source = ts.createSourceFile(
    file,
    readFileSync(file, "utf8"),
    ts.ScriptTarget.Latest,
    true,
    file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const first = source.statements[0];
  const directive =
    first && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) ? first.expression.text : null;
  const imports: string[] = [];
  const packages: string[] = [];
  const messagePaths = new Set<string>();
  let provides: string[] | null = null;
  const addImport = (specifier: string) => {
    const resolved = resolveImport(file, specifier);
    if (resolved) imports.push(resolved);
    else if (!specifier.startsWith(".") && !specifier.startsWith("@/")) packages.push(packageName(specifier));
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!isTypeOnlyImport(node)) addImport(node.moduleSpecifier.text);
      return;
    }
    if (ts.isExportDeclaration(node)) {
      if (node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) && !node.isTypeOnly)
        addImport(node.moduleSpecifier.text);
      return;
    }
    if (ts.isImportTypeNode(node) || ts.isTypeNode(node)) return; // types never reach the browser
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments;
      if (argument && ts.isStringLiteral(argument)) addImport(argument.text);
    }
    // A hook given a namespace: useTranslations("signIn"), useStatusAction("reviews").
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && /^use[A-Z]/.test(node.expression.text)) {
      const [argument] = node.arguments;
      const text = argument ? literalText(argument) : null;
      if (text && isMessagePath(messages, text)) messagePaths.add(text);
    }
    if (
      (ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) &&
      node.tagName.getText() === "ClientMessages"
    ) {
      provides = readProvides(node, file);
    }
    // A full key given to a translator of the root: "validation.invalid", `admin.errors.${code}`.
    const text = literalText(node);
    if (text && text.includes(".") && isMessagePath(messages, text)) messagePaths.add(text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return {
    file,
    useClient: directive === "use client",
    useServer: directive === "use server",
    imports,
    packages,
    messagePaths: [...messagePaths],
    provides,
  };
}

function listSources(folder: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "generated" && entry.name !== "node_modules") found.push(...listSources(full));
    } else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts")) {
      found.push(full);
    }
  }
  return found;
}

export type RouteNeed = { routeFile: string; clientFile: string; messagePath: string };
export type Provider = { layout: string; folder: string; namespaces: string[] };

export function analyse(messages: MessageTree) {
  const files = new Map<string, SourceFile>();
  for (const folder of SOURCE_FOLDERS)
    for (const file of listSources(path.join(ROOT, folder))) files.set(file, parse(file, messages));

  /** The client files a route file brings into the browser: all that is reachable from a "use client" file. */
  function clientFilesOf(routeFile: string): Set<string> {
    const client = new Set<string>();
    const seenOnServer = new Set<string>();
    // A server action's schema stays on the server, but its messages come back as field errors
    // the browser translates: the zod modules an action reaches count as read by the client.
    const walkSchemas = (file: string) => {
      for (const next of files.get(file)?.imports ?? []) {
        if (client.has(next) || !files.get(next)?.packages.includes("zod")) continue;
        client.add(next);
        walkSchemas(next);
      }
    };
    const walk = (file: string, inClient: boolean) => {
      const parsed = files.get(file);
      if (parsed && inClient && parsed.useServer) return walkSchemas(file);
      if (!parsed) return;
      const isClient = inClient || parsed.useClient;
      const seen = isClient ? client : seenOnServer;
      if (seen.has(file)) return;
      seen.add(file);
      for (const next of parsed.imports) walk(next, isClient);
    };
    walk(routeFile, false);
    return client;
  }

  const providers = new Map<string, Provider>();
  for (const parsed of files.values()) {
    if (parsed.provides && path.basename(parsed.file, path.extname(parsed.file)) === "layout") {
      providers.set(path.dirname(parsed.file), {
        layout: parsed.file,
        folder: path.dirname(parsed.file),
        namespaces: parsed.provides,
      });
    }
  }

  /** The provider around what is rendered from `folder` down: the nearest layout with <ClientMessages>. */
  function providerFor(folder: string): Provider | null {
    for (let current = folder; current.startsWith(path.join(ROOT, "app")); current = path.dirname(current)) {
      const provider = providers.get(current);
      if (provider) return provider;
    }
    return null;
  }

  const routeFiles = [...files.keys()].filter(
    (file) =>
      file.startsWith(path.join(ROOT, "app") + path.sep) && ROUTE_FILES.has(path.basename(file).replace(/\.tsx?$/, "")),
  );
  const needs = new Map<Provider | null, RouteNeed[]>();
  for (const routeFile of routeFiles) {
    const folder = path.dirname(routeFile);
    const isLayout = path.basename(routeFile).startsWith("layout.");
    // A layout's own elements sit outside the provider it puts around its children.
    const provider =
      isLayout && providers.get(folder)?.layout === routeFile ? providerFor(path.dirname(folder)) : providerFor(folder);
    const list = needs.get(provider) ?? [];
    for (const clientFile of clientFilesOf(routeFile)) {
      for (const messagePath of files.get(clientFile)!.messagePaths) list.push({ routeFile, clientFile, messagePath });
    }
    needs.set(provider, list);
  }
  return { providers: [...providers.values()], needs, routeFiles };
}

/** True when sending `sent` sends the message or group at `needed`. */
export function covers(sent: string, needed: string): boolean {
  return needed === sent || needed.startsWith(`${sent}.`);
}

export const relative = (file: string) => path.relative(ROOT, file);

/**
 * Every way the browser reaches a package: for each "use client" file (and
 * instrumentation-client.ts), the first chain of runtime imports that ends in a file importing it.
 * Server actions stop the walk: the browser gets a reference to them, not their code.
 */
export function clientChainsTo(packageName: string): string[][] {
  const files = new Map<string, SourceFile>();
  const sources = [
    ...SOURCE_FOLDERS.flatMap((folder) => listSources(path.join(ROOT, folder))),
    path.join(ROOT, "instrumentation-client.ts"),
  ];
  for (const file of sources) if (existsSync(file)) files.set(file, parse(file, {}));
  const roots = [...files.values()].filter(
    (parsed) => parsed.useClient || parsed.file.endsWith("instrumentation-client.ts"),
  );
  const chains: string[][] = [];
  for (const root of roots) {
    // Breadth first, so the chain shown is the shortest.
    const cameFrom = new Map<string, string | null>([[root.file, null]]);
    const queue = [root.file];
    while (queue.length > 0) {
      const file = queue.shift()!;
      const parsed = files.get(file);
      if (!parsed || (file !== root.file && parsed.useServer)) continue;
      if (parsed.packages.includes(packageName)) {
        const chain: string[] = [];
        for (let at: string | null = file; at; at = cameFrom.get(at) ?? null) chain.unshift(relative(at));
        chains.push(chain);
        break;
      }
      for (const next of parsed.imports) {
        if (cameFrom.has(next)) continue;
        cameFrom.set(next, file);
        queue.push(next);
      }
    }
  }
  return chains;
}
