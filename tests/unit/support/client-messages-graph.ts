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
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (/\.tsx?$/.test(candidate) && existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

function isTypeOnlyImport(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false; // `import "./x"` runs the module
  if (clause.isTypeOnly) return true;
  const named = clause.namedBindings;
  return !clause.name && !!named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((element) => element.isTypeOnly);
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
  throw new Error(`${file}: <ClientMessages> needs namespaces={[...]} written as a list of strings, so that this check can read it`);
}

function parse(file: string, messages: MessageTree): SourceFile {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const first = source.statements[0];
  const directive = first && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) ? first.expression.text : null;
  const imports: string[] = [];
  const messagePaths = new Set<string>();
  let provides: string[] | null = null;
  const addImport = (specifier: string) => {
    const resolved = resolveImport(file, specifier);
    if (resolved) imports.push(resolved);
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!isTypeOnlyImport(node)) addImport(node.moduleSpecifier.text);
      return;
    }
    if (ts.isExportDeclaration(node)) {
      if (node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) && !node.isTypeOnly) addImport(node.moduleSpecifier.text);
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
    if ((ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) && node.tagName.getText() === "ClientMessages") {
      provides = readProvides(node, file);
    }
    // A full key given to a translator of the root: "validation.invalid", `admin.errors.${code}`.
    const text = literalText(node);
    if (text && text.includes(".") && isMessagePath(messages, text)) messagePaths.add(text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { file, useClient: directive === "use client", useServer: directive === "use server", imports, messagePaths: [...messagePaths], provides };
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
  for (const folder of SOURCE_FOLDERS) for (const file of listSources(path.join(ROOT, folder))) files.set(file, parse(file, messages));

  /** The client files a route file brings into the browser: all that is reachable from a "use client" file. */
  function clientFilesOf(routeFile: string): Set<string> {
    const client = new Set<string>();
    const seenOnServer = new Set<string>();
    const walk = (file: string, inClient: boolean) => {
      const parsed = files.get(file);
      if (!parsed || (inClient && parsed.useServer)) return;
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
      providers.set(path.dirname(parsed.file), { layout: parsed.file, folder: path.dirname(parsed.file), namespaces: parsed.provides });
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

  const routeFiles = [...files.keys()].filter((file) => file.startsWith(path.join(ROOT, "app") + path.sep) && ROUTE_FILES.has(path.basename(file).replace(/\.tsx?$/, "")));
  const needs = new Map<Provider | null, RouteNeed[]>();
  for (const routeFile of routeFiles) {
    const folder = path.dirname(routeFile);
    const isLayout = path.basename(routeFile).startsWith("layout.");
    // A layout's own elements sit outside the provider it puts around its children.
    const provider = isLayout && providers.get(folder)?.layout === routeFile ? providerFor(path.dirname(folder)) : providerFor(folder);
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
