import { Logger } from '@nestjs/common';
import type { importJWK } from 'jose';
import { InvalidationBus } from '../../../shared/contracts/invalidation-bus';
import { SigningKeys } from '../application/signing-keys';

export type VerificationKey = Awaited<ReturnType<typeof importJWK>>;

const TOPIC = 'signing-keys';
const RELOAD_MIN_INTERVAL_MS = 1000;
/** Verifiers' clocks may lag a little; a retired key is kept this much longer than the token lifetime. */
export const CLOCK_SKEW_SECONDS = 60;

/**
 * What both key stores share: each instance holds the keys in memory and loads them again when any
 * instance changed them (the invalidation bus), or when a token names a kid it does not know (at most once
 * a second); loads asked for while one runs share it.
 */
export abstract class ReloadingSigningKeys extends SigningKeys {
  protected readonly logger = new Logger('SigningKeys');
  private lastReload = 0;
  private reloading: Promise<void> | null = null;

  constructor(private readonly bus: InvalidationBus) {
    super();
  }

  /** Reads the keys from the store into memory. */
  protected abstract load(): Promise<void>;
  /** The verification key of a kid among those in memory. */
  protected abstract verifier(kid: string): VerificationKey | null;

  protected listenForChanges(): void {
    this.bus.subscribe(TOPIC, () => void this.reload().catch((e: Error) => this.logger.warn(e.message)));
  }

  /** After this instance changed the keys: every instance (this one included) loads them again. */
  protected async changed(): Promise<void> {
    await this.bus.publish(TOPIC, 'changed');
    await this.reload();
  }

  protected reload(): Promise<void> {
    if (!this.reloading) {
      this.lastReload = Date.now();
      this.reloading = this.load().finally(() => (this.reloading = null));
    }
    return this.reloading;
  }

  async verificationKey(kid: string | undefined): Promise<VerificationKey | null> {
    if (!kid) return null;
    const hit = this.verifier(kid);
    if (hit) return hit;
    if (Date.now() - this.lastReload >= RELOAD_MIN_INTERVAL_MS) await this.reload();
    return this.verifier(kid);
  }
}
