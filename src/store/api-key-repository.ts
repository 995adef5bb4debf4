import type { Selectable } from 'kysely';
import type { Db } from './database';
import type { Tables } from './tables';

/** A pull API key as stored: never the key itself, only its hash and its first characters. */
export interface ApiKeyRecord {
  id: string;
  name: string;
  /** SHA-256 of the key, in hex (`hashApiKey`). */
  hash: string;
  /** The key's first characters, for `api-keys list` (`cfk_Q2hp…`). */
  hint: string;
  /** The forms whose submissions the key may read. */
  forms: string[];
  /** The agency whose forms these are; undefined for a key made before agencies. */
  agency: string | undefined;
  createdAt: number;
  revokedAt: number | undefined;
  lastUsedAt: number | undefined;
}

/** A new key to store. */
export type NewApiKey = Omit<ApiKeyRecord, 'revokedAt' | 'lastUsedAt'>;

/** A receipt: when the agency first confirmed it has a submission, and with which key. */
export interface Receipt {
  reference: string;
  apiKeyId: string;
  at: number;
}

/** Pull API keys and the receipts given with them. */
export interface ApiKeyRepository {
  addKey(key: NewApiKey): Promise<void>;
  /** The key with this hash, revoked or not. */
  findKeyByHash(hash: string): Promise<ApiKeyRecord | undefined>;
  /** Every key, oldest first. */
  listKeys(): Promise<ApiKeyRecord[]>;
  /** Ends the key with this id or name; false when there is none still in use. */
  revokeKey(idOrName: string, at: number): Promise<boolean>;
  touchKey(id: string, at: number): Promise<void>;
  /** Records the first receipt of a submission and gives it; a later one gives the first. */
  addReceipt(receipt: Receipt): Promise<Receipt>;
  findReceipt(reference: string): Promise<Receipt | undefined>;
}

function toKey(row: Selectable<Tables['api_keys']>): ApiKeyRecord {
  return {
    id: row.id,
    name: row.name,
    hash: row.hash,
    hint: row.hint,
    forms: JSON.parse(row.forms) as string[],
    agency: row.agency ?? undefined,
    createdAt: row.created_at,
    revokedAt: row.revoked_at ?? undefined,
    lastUsedAt: row.last_used_at ?? undefined,
  };
}

function toReceipt(row: Selectable<Tables['receipts']>): Receipt {
  return { reference: row.reference, apiKeyId: row.api_key_id, at: row.at };
}

/** The API key repository on either database. */
export function apiKeyRepository(db: Db): ApiKeyRepository {
  const findReceipt = async (q: Db['q'], reference: string) => {
    const row = await q
      .selectFrom('receipts')
      .selectAll()
      .where('reference', '=', reference)
      .executeTakeFirst();
    return row ? toReceipt(row) : undefined;
  };
  return {
    async addKey(key) {
      await db.q
        .insertInto('api_keys')
        .values({
          id: key.id,
          name: key.name,
          hash: key.hash,
          hint: key.hint,
          forms: JSON.stringify(key.forms),
          agency: key.agency ?? null,
          created_at: key.createdAt,
        })
        .execute();
    },
    async findKeyByHash(hash) {
      const row = await db.q
        .selectFrom('api_keys')
        .selectAll()
        .where('hash', '=', hash)
        .executeTakeFirst();
      return row ? toKey(row) : undefined;
    },
    async listKeys() {
      const rows = await db.q
        .selectFrom('api_keys')
        .selectAll()
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(toKey);
    },
    async revokeKey(idOrName, at) {
      const result = await db.q
        .updateTable('api_keys')
        .set({ revoked_at: at })
        .where((eb) => eb.or([eb('id', '=', idOrName), eb('name', '=', idOrName)]))
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async touchKey(id, at) {
      await db.q.updateTable('api_keys').set({ last_used_at: at }).where('id', '=', id).execute();
    },
    addReceipt(receipt) {
      return db.write(async ({ q }) => {
        await q
          .insertInto('receipts')
          .values({ reference: receipt.reference, api_key_id: receipt.apiKeyId, at: receipt.at })
          .onConflict((oc) => oc.column('reference').doNothing())
          .execute();
        return (await findReceipt(q, receipt.reference)) ?? receipt;
      });
    },
    findReceipt: (reference) => findReceipt(db.q, reference),
  };
}
