import { Injectable, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { MembershipDirectory, UserMembership } from '../../../shared/contracts/memberships';
import { MembershipRepository } from '../domain/membership.repository.port';
import { InvalidationBus } from '../../../shared/contracts/invalidation-bus';
import { LRUCache } from 'lru-cache';

const TOPIC = 'membership';

/**
 * A user's organizations and roles, read on every JWT-authenticated request. Cached in process; any
 * membership change drops the entry here and, through the bus, on every other instance.
 */
@Injectable()
export class CachedMembershipDirectory extends MembershipDirectory implements OnModuleInit {
  private readonly cache: LRUCache<string, UserMembership[]>;

  constructor(
    private readonly memberships: MembershipRepository,
    private readonly bus: InvalidationBus,
    config: AppConfig,
  ) {
    super();
    this.cache = new LRUCache<string, UserMembership[]>({ max: 10_000, ttl: config.auth.cacheTtlMs || 1 }); // ttl 0 in config = effectively no caching;
  }

  onModuleInit(): void {
    this.bus.subscribe(TOPIC, (userId) => this.cache.delete(userId));
  }

  async forUser(userId: string): Promise<UserMembership[]> {
    const cached = this.cache.get(userId);
    if (cached) return cached;
    const memberships = await this.memberships.listForUser(userId);
    this.cache.set(userId, memberships);
    return memberships;
  }

  async changed(userId: string): Promise<void> {
    this.cache.delete(userId);
    await this.bus.publish(TOPIC, userId);
  }
}
