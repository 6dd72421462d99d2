import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { AppConfig } from '../../../config/app-config';
import { ServiceAccount, serviceAccountCatalogSchema } from '../domain/service-account';

/** The YAML catalog of machine clients, validated at start (a bad file stops the boot naming the problem). */
@Injectable()
export class ServiceAccountCatalog implements OnModuleInit {
  private readonly logger = new Logger('ServiceAccounts');
  private byClientId = new Map<string, ServiceAccount>();
  private byName = new Map<string, ServiceAccount>();

  constructor(private readonly config: AppConfig) {}

  onModuleInit(): void {
    const path = resolve(this.config.auth.serviceAccountsFile);
    if (!existsSync(path)) {
      this.logger.log(`No service account catalog at ${path}; client credentials are disabled`);
      return;
    }
    const parsed = serviceAccountCatalogSchema.safeParse(parse(readFileSync(path, 'utf8')) ?? {});
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new Error(`Invalid service account catalog ${path}: ${issues}`);
    }
    for (const sa of parsed.data.serviceAccounts) {
      this.byClientId.set(sa.clientId, sa);
      this.byName.set(sa.name, sa);
    }
    this.logger.log(`Loaded ${this.byName.size} service account(s) from ${path}`);
  }

  findByClientId(clientId: string): ServiceAccount | undefined {
    return this.byClientId.get(clientId);
  }

  findByName(name: string): ServiceAccount | undefined {
    return this.byName.get(name);
  }

  all(): ServiceAccount[] {
    return [...this.byName.values()];
  }
}
