/**
 * Tells every instance to drop a cached entry (membership, API key, signing key) at once, so revocations
 * and role changes take effect everywhere without waiting for a cache timeout.
 */
export abstract class InvalidationBus {
  abstract publish(topic: string, key: string): Promise<void>;
  abstract subscribe(topic: string, onKey: (key: string) => void): void;
}
