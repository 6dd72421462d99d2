import { randomBytes } from 'node:crypto';

/**
 * API keys look like `tg_live_<prefix>_<secret>`: the prefix (12 lowercase letters and digits) is public,
 * shown in lists and used for an O(1) lookup; only the secret (32 random bytes, base64url) is verified.
 */
export const API_KEY_START = 'tg_live_';
const PREFIX_LENGTH = 12;
const SECRET_LENGTH = 43;
const PREFIX_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const SHAPE = /^tg_live_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$/;

export interface ApiKeyParts {
  prefix: string;
  secret: string;
}

export function generateApiKey(): ApiKeyParts & { key: string } {
  const bytes = randomBytes(PREFIX_LENGTH);
  const prefix = Array.from(bytes, (b) => PREFIX_ALPHABET[b % PREFIX_ALPHABET.length]).join('');
  const secret = randomBytes(32).toString('base64url');
  return { prefix, secret, key: `${API_KEY_START}${prefix}_${secret}` };
}

export function parseApiKey(key: string): ApiKeyParts | null {
  if (key.length !== API_KEY_START.length + PREFIX_LENGTH + 1 + SECRET_LENGTH || !SHAPE.test(key))
    return null;
  const start = API_KEY_START.length;
  return { prefix: key.slice(start, start + PREFIX_LENGTH), secret: key.slice(start + PREFIX_LENGTH + 1) };
}

export const looksLikeApiKey = (token: string): boolean => token.startsWith('tg_');
