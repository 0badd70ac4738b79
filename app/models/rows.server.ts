// Rows as objects, read from SQLite as arrays. better-sqlite3 builds each row object in C++, one
// property at a time with its name made anew for every row (~0.45 µs a value on this machine);
// read raw and given one fixed shape here, a council's 59 evaluation sheets took 170 µs instead
// of 280 (for one row there is nothing to gain). For the hand-written statements that read many
// rows.
//
// Code that makes an object per row builds it as a literal (or with its new properties first,
// `{ extra, ...row }`), never as `{ ...row, extra }`: in this Node's V8 an object copied by a
// spread that then gains a property gets a hidden class of its own, ~1 µs each (a literal of the
// same ten properties: ~0.04 µs), and a council page made a hundred of them.
import type Database from "better-sqlite3";

type Params<P> = P extends unknown[] ? P : [P];
type Shape = (values: unknown[]) => unknown;

const shapes = new WeakMap<Database.Statement, Shape>();

/** One function per statement that makes a row object from its values, in column order: an
 * object literal, so every row of the statement has the same hidden class. */
function shapeOf(statement: Database.Statement): Shape {
  let shape = shapes.get(statement);
  if (!shape) {
    const names = statement.columns().map((c) => c.name);
    if (names.includes("__proto__")) throw new Error("A column named __proto__ cannot be a row property.");
    // Names are the statement's own column names (our SQL), never input.
    shape = new Function("v", `return { ${names.map((name, i) => `${JSON.stringify(name)}: v[${i}]`).join(", ")} };`) as Shape;
    shapes.set(statement, shape);
  }
  return shape;
}

/** statement.all(...params), the same objects, faster. */
export function allRows<P extends unknown[] | object, R>(statement: Database.Statement<P, R>, ...params: Params<P>): R[] {
  const shape = shapeOf(statement as Database.Statement);
  let values: unknown[][];
  try {
    values = statement.raw(true).all(...params) as unknown as unknown[][];
  } finally {
    statement.raw(false);
  }
  const rows = new Array<R>(values.length);
  for (let i = 0; i < values.length; i++) rows[i] = shape(values[i]!) as R;
  return rows;
}
