import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import type { StoreParts } from '../../../src/store/create-store';
import { openPostgresStore } from '../../../src/store/postgres-store';
import { openSqliteStore } from '../../../src/store/sqlite-store';
import type { Store } from '../../../src/store/store';
import { tempDataDir } from '../../support/agent';

/** The databases every store behaviour is proven on. */
export const DATABASES = ['sqlite', 'postgres'] as const;
export type TestDatabase = (typeof DATABASES)[number];

/**
 * The PostgreSQL server the tests use: `TEST_DATABASE_URL`, by default the machine's own on
 * 127.0.0.1:5432 (database `test`). Each test file gets a database of its own, dropped at its end,
 * and each store opened in it a schema of its own, so tests never see each other's rows.
 */
export const POSTGRES_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

let fileDatabase: Promise<string> | undefined;
let madeDatabase: string | undefined;

// Under jest, each test file drops the database it made (a hook cannot be added inside a test).
if (typeof afterAll === 'function') {
  afterAll(async () => {
    if (!madeDatabase) return;
    const dropper = new pg.Client({ connectionString: POSTGRES_URL });
    await dropper.connect();
    try {
      await dropper.query(`DROP DATABASE IF EXISTS ${madeDatabase} WITH (FORCE)`);
    } finally {
      await dropper.end();
    }
  }, 60_000);
}

/** This test file's own PostgreSQL database (made on first use), as a connection string. */
export function postgresDatabase(): Promise<string> {
  fileDatabase ??= (async () => {
    const name = `civic_forms_test_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name}`);
    } finally {
      await admin.end();
    }
    madeDatabase = name;
    const url = new URL(POSTGRES_URL);
    url.pathname = `/${name}`;
    return url.toString();
  })();
  return fileDatabase;
}

/** A connection string to a new, empty schema of this file's database. */
export async function postgresSchemaUrl(): Promise<string> {
  const url = new URL(await postgresDatabase());
  const schema = `s_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await client.end();
  }
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

/** Where a test store keeps its rows: a second store or a raw connection can reach the same ones. */
export type TestLocation = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

/** A new, empty place for a store on the database named (nothing is opened yet). */
export async function newTestLocation(kind: TestDatabase): Promise<TestLocation> {
  return kind === 'sqlite'
    ? { kind, file: path.join(tempDataDir(), 'civic-forms.sqlite') }
    : { kind, url: await postgresSchemaUrl() };
}

/** Opens a store at a test location, as another process (or a restarted one) would. */
export async function openStoreAt(location: TestLocation, parts: StoreParts = {}): Promise<Store> {
  return location.kind === 'sqlite'
    ? openSqliteStore({ ...parts, file: location.file })
    : openPostgresStore({ ...parts, connectionString: location.url });
}

/** Opens a new, empty store on the database named. */
export async function openTestStore(kind: TestDatabase, parts: StoreParts = {}): Promise<Store> {
  return openStoreAt(await newTestLocation(kind), parts);
}
