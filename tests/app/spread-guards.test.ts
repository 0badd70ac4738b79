// Code that runs once per row builds its objects as literals or with the spread last, never as a
// spread copy that then gains properties (`{ ...row, extra }`, `<Frame {...props} error={e}>`):
// in this Node's V8 each such copy gets a hidden class of its own, ~1 µs, where a literal costs
// a few hundredths of that (app/models/rows.server.ts). A council page made a hundred of them.
// This test reads the app's sources and lists those copies inside callbacks of array methods.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = join(__dirname, "../..");
const PER_ROW = new Set(["map", "flatMap", "forEach", "filter", "reduce", "some", "every", "find"]);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    // Browser-only modules (.client) check one form at a time: not per row of a page.
    return /\.tsx?$/.test(e.name) && !/\.(test|client)\./.test(e.name) ? [path] : [];
  });
}

/** Is the node inside a function passed to an array method such as map? */
function perRow(node: ts.Node): boolean {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if ((ts.isArrowFunction(n) || ts.isFunctionExpression(n)) && ts.isCallExpression(n.parent) && n.parent.arguments.includes(n as ts.Expression)) {
      const callee = n.parent.expression;
      if (ts.isPropertyAccessExpression(callee) && PER_ROW.has(callee.name.text)) return true;
    }
  }
  return false;
}

/** `{ ...a, b }` and `<X {...a} b={…}>` / `<X {...a}>children</X>`: a copy first, then more. */
function copyThenAdd(node: ts.Node): boolean {
  if (ts.isObjectLiteralExpression(node)) {
    const [first, ...rest] = node.properties;
    return !!first && ts.isSpreadAssignment(first) && rest.some((p) => !ts.isSpreadAssignment(p));
  }
  if (ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) {
    const [first, ...rest] = node.attributes.properties;
    if (!first || !ts.isJsxSpreadAttribute(first)) return false;
    const hasChildren = ts.isJsxOpeningElement(node) && ts.isJsxElement(node.parent) && node.parent.children.some((c) => !ts.isJsxText(c) || c.text.trim() !== "");
    // A key is taken out by the runtime, not copied into the props.
    return rest.some((a) => !ts.isJsxSpreadAttribute(a) && a.name.getText() !== "key") || hasChildren;
  }
  return false;
}

export function findCopies(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (copyThenAdd(node) && perRow(node)) found.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("object copies in per-row code", () => {
  it("finds the slow shapes and lets the fast ones pass", () => {
    const slow = [
      "rows.map((r) => ({ ...r, name: fullName(r) }));",
      "rows.map((r) => { const x = 1; return { ...r, x }; });",
      "items.map((i) => <Row {...i} extra={1} />);",
      "items.map((i) => <Frame {...i}>text</Frame>);",
    ];
    const fast = [
      "rows.map((r) => ({ name: fullName(r), ...r }));",
      "rows.map((r) => ({ ...r }));",
      "const one = { ...row, name: 'a' };",
      "items.map((i) => <Row key={i.id} {...i} />);",
      "items.map((i) => <Row {...i} key={i.id} />);",
      "items.map((i) => <a href={i.href} {...i.rest}>text</a>);",
    ];
    for (const code of slow) expect(findCopies("x.tsx", code), code).toHaveLength(1);
    for (const code of fast) expect(findCopies("x.tsx", code), code).toEqual([]);
  });

  it("none in the app", () => {
    const found = sources(join(ROOT, "app")).flatMap((file) => findCopies(relative(ROOT, file), readFileSync(file, "utf8")));
    expect(found).toEqual([]);
  });
});
