import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { globalQuery } from '../../../shared/persistence/tenant-sql';
import { ServiceAccountKey, ServiceAccountKeyRepository } from '../domain/http-signature';

interface ServiceAccountKeyRecord {
  key_id: string;
  service_account: string;
  public_key: string;
  created_at: Date;
  revoked_at: Date | null;
}

const toKey = (r: ServiceAccountKeyRecord): ServiceAccountKey => ({
  keyId: r.key_id,
  serviceAccount: r.service_account,
  publicKey: r.public_key,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
});

/** Service accounts are global (not tenant-owned), so are their keys. */
@Injectable()
export class SqlServiceAccountKeyRepository extends ServiceAccountKeyRepository {
  constructor(private readonly db: DataSource) {
    super();
  }

  async insert(k: ServiceAccountKey): Promise<boolean> {
    const rows = await globalQuery(
      this.db,
      `INSERT INTO service_account_keys (key_id, service_account, public_key, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (key_id) DO NOTHING RETURNING key_id`,
      [k.keyId, k.serviceAccount, k.publicKey, k.createdAt],
    );
    return rows.length > 0;
  }

  async find(keyId: string): Promise<ServiceAccountKey | null> {
    const [r] = await globalQuery<ServiceAccountKeyRecord>(
      this.db,
      `SELECT * FROM service_account_keys WHERE key_id = $1`,
      [keyId],
    );
    return r ? toKey(r) : null;
  }

  async list(serviceAccount: string): Promise<ServiceAccountKey[]> {
    const rows = await globalQuery<ServiceAccountKeyRecord>(
      this.db,
      `SELECT * FROM service_account_keys WHERE service_account = $1 ORDER BY created_at, key_id`,
      [serviceAccount],
    );
    return rows.map(toKey);
  }

  async revoke(serviceAccount: string, keyId: string, at: Date): Promise<boolean> {
    const rows = await globalQuery(
      this.db,
      `UPDATE service_account_keys SET revoked_at = $3
        WHERE service_account = $1 AND key_id = $2 AND revoked_at IS NULL RETURNING key_id`,
      [serviceAccount, keyId, at],
    );
    return rows.length > 0;
  }
}
