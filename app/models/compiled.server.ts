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

const MAX_STATEMENTS = 500;
const CHECK_KEYS = process.env.NODE_ENV !== "production";
const dialect = new SQLiteSyncDialect();

type Compiled = { statement: Database.Statement; params: unknown[] };
const caches = new WeakMap<Database.Database, Map<string, Compiled>>();

export type CompiledQuery<Row> = { all(values: Record<string, unknown>): Row[] };

export function compiled<Row>(db: Db, key: string, build: () => SQL): CompiledQuery<Row> {
  const sqlite = db.$client;
  let cache = caches.get(sqlite);
  if (!cache) caches.set(sqlite, (cache = new Map()));
  let hit = cache.get(key);
  if (hit && CHECK_KEYS) {
    // Outside production the SQL is built every time anyway, to catch a key that misses something.
    const again = dialect.sqlToQuery(build()).sql;
    if (again !== hit.statement.source) throw new Error(`compiled(): key "${key}" gave two statements:\n${hit.statement.source}\n${again}`);
  }
  if (!hit) {
    const query = dialect.sqlToQuery(build());
    hit = { statement: sqlite.prepare(query.sql), params: query.params };
    if (cache.size >= MAX_STATEMENTS) cache.delete(cache.keys().next().value!);
    cache.set(key, hit);
  }
  const { statement, params } = hit;
  return { all: (values) => statement.all(...fillPlaceholders(params, values)) as Row[] };
}

type Preparable<P> = { prepare(): P; toSQL(): { sql: string } };
const preparedCaches = new WeakMap<Database.Database, Map<string, { sql: string; query: unknown }>>();

/** The same for a query of the builder: its prepared form (`.all(values)`, `.get(values)`, which
 * map the rows to the query's fields as the builder does), built once per key. */
export function preparedOnce<P>(db: Db, key: string, build: () => Preparable<P>): P {
  const sqlite = db.$client;
  let cache = preparedCaches.get(sqlite);
  if (!cache) preparedCaches.set(sqlite, (cache = new Map()));
  let hit = cache.get(key);
  if (hit && CHECK_KEYS) {
    const again = build().toSQL().sql;
    if (again !== hit.sql) throw new Error(`preparedOnce(): key "${key}" gave two statements:\n${hit.sql}\n${again}`);
  }
  if (!hit) {
    const query = build();
    hit = { sql: query.toSQL().sql, query: query.prepare() };
    if (cache.size >= MAX_STATEMENTS) cache.delete(cache.keys().next().value!);
    cache.set(key, hit);
  }
  return hit.query as P;
}

/** Everything an actor's scope is made of. */
export const actorKey = (actor: Actor): string => JSON.stringify([actor.personId, actor.orgId, actor.orgPath, actor.grants]);
