import Redis from 'ioredis';
import { RedisClient } from '../../../shared/redis/redis.module';

/**
 * The Redis connection of the chat hot path: the shared auto-pipelined connection (so a request's limit
 * check and its budget lookup, issued together, travel in one write), under a name of Chat's own.
 */
export abstract class ChatRedis {}
export interface ChatRedis extends Redis {}

export const chatRedisProvider = { provide: ChatRedis, useExisting: RedisClient };
