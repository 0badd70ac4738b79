// Statements whose SQL depends only on a key (an actor's scope and a filter's shape), built by
// the query builder once and kept prepared: each call only binds its values. Building the SQL of
// a scoped search (the scope's subqueries, the facets) cost about as much as running it.
//
// The key must name everything the SQL's text depends on; the values (sql.placeholder(name) in
// the SQL) are what changes between calls. `actorKey` names an actor's whole scope: the scope
// helpers (pathScope, inboxScope, reachScope, mine) read nothing else.
import type Database from "better-sqlite3";
import { fillPlaceholders, type SQL } from "drizzle-orm";
import { SQLiteSyncDialect } from "drizzle-orm/sqlite-core";
import type { Db } from "../../db/client";
import type { Actor } from "~/auth/policy";
import { allRows } from "./rows.server";

const MAX_STATEMENTS = 500;
const CHECK_KEYS = process.env.NODE_ENV !== "production";
const dialect = new SQLiteSyncDialect();

type Kept = { sql: string; value: unknown };
const caches = new WeakMap<Database.Database, Map<string, Kept>>();

/** `make(build())` once per connection and key; outside production the SQL is built every time
 * anyway and compared, to catch a key that misses something. */
function keep<B, T>(db: Db, key: string, build: () => B, sqlOf: (built: B) => string, make: (built: B) => T): T {
  const sqlite = db.$client;
  let cache = caches.get(sqlite);
  if (!cache) caches.set(sqlite, (cache = new Map()));
  let hit = cache.get(key);
  if (hit && CHECK_KEYS) {
    const again = sqlOf(build());
    if (again !== hit.sql) throw new Error(`compiled.server: key "${key}" gave two statements:\n${hit.sql}\n${again}`);
  }
  if (!hit) {
    const built = build();
    hit = { sql: sqlOf(built), value: make(built) };
    if (cache.size >= MAX_STATEMENTS) cache.delete(cache.keys().next().value!);
    cache.set(key, hit);
  }
  return hit.value as T;
}

export type CompiledQuery<Row> = { all(values: Record<string, unknown>): Row[] };

/** SQL written with the builder's `sql` template: a prepared statement, its rows as SQLite
 * names them. */
export function compiled<Row>(db: Db, key: string, build: () => SQL): CompiledQuery<Row> {
  return keep(
    db,
    `sql\u0000${key}`,
    () => dialect.sqlToQuery(build()),
    (query) => query.sql,
    (query): CompiledQuery<Row> => {
      const statement = db.$client.prepare(query.sql);
      return { all: (values) => allRows(statement, ...fillPlaceholders(query.params, values)) as Row[] };
    },
  );
}

type Preparable<P> = { prepare(): P; toSQL(): { sql: string } };

/** A query of the builder: its prepared form (`.all(values)`, `.get(values)`, which map the rows
 * to the query's fields as the builder does). */
export function preparedOnce<P>(db: Db, key: string, build: () => Preparable<P>): P {
  return keep(db, `query\u0000${key}`, build, (query) => query.toSQL().sql, (query) => query.prepare());
}

/** Everything an actor's scope is made of. */
export const actorKey = (actor: Actor): string => JSON.stringify([actor.personId, actor.orgId, actor.orgPath, actor.grants]);
