/**
 * A small HashiCorp Vault HTTP API client (fetch): X-Vault-Token authentication from a token or an AppRole
 * login, an optional namespace, a deadline per request, and Vault's `{"errors": [...]}` bodies surfaced in
 * the thrown error. Used by the KV v2 secret loader at start and by the Transit signing adapter.
 */
export interface VaultSettings {
  addr?: string;
  token?: string;
  roleId?: string;
  secretId?: string;
  namespace?: string;
  timeoutMs: number;
}

export class VaultError extends Error {
  constructor(
    readonly status: number,
    readonly errors: string[],
    what: string,
  ) {
    super(`Vault ${what}: ${status}${errors.length ? ` ${errors.join('; ')}` : ''}`);
  }
}

export class VaultClient {
  private token: string | undefined;

  constructor(private readonly settings: VaultSettings) {
    if (!settings.addr) throw new Error('VAULT_ADDR is not set');
    this.token = settings.token;
  }

  async read<T>(path: string): Promise<T | null> {
    return this.call<T>('GET', path);
  }

  async write<T>(path: string, body: unknown = {}): Promise<T | null> {
    return this.call<T>('POST', path, body);
  }

  private async login(): Promise<string> {
    const res = await this.request('POST', 'auth/approle/login', undefined, {
      role_id: this.settings.roleId,
      secret_id: this.settings.secretId,
    });
    const body = (await this.body(res, 'AppRole login')) as { auth?: { client_token?: string } } | null;
    if (!body?.auth?.client_token) throw new VaultError(res.status, ['no client_token'], 'AppRole login');
    this.token = body.auth.client_token;
    return this.token;
  }

  /** 404 (`{"errors":[]}`, Vault's "nothing here") answers null; other failures throw VaultError. */
  private async call<T>(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    retried = false,
  ): Promise<T | null> {
    const token = this.token ?? (await this.login());
    const res = await this.request(method, path, token, body);
    if (res.status === 404) return null;
    // An AppRole token expired or was revoked: log in again once.
    if (res.status === 403 && !this.settings.token && !retried) {
      this.token = undefined;
      return this.call<T>(method, path, body, true);
    }
    return (await this.body(res, `${method} ${path}`)) as T | null;
  }

  private request(
    method: string,
    path: string,
    token: string | undefined,
    body?: unknown,
  ): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (token) headers['x-vault-token'] = token;
    if (this.settings.namespace) headers['x-vault-namespace'] = this.settings.namespace;
    if (body !== undefined) headers['content-type'] = 'application/json';
    return fetch(`${this.settings.addr!.replace(/\/$/, '')}/v1/${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(this.settings.timeoutMs),
    });
  }

  private async body(res: Response, what: string): Promise<unknown> {
    const text = await res.text();
    let json: { errors?: unknown } | null = null;
    try {
      json = text ? (JSON.parse(text) as { errors?: unknown }) : null;
    } catch {
      // Not Vault answering (a proxy's HTML page, a truncated body): keep the start of it for the error.
      throw new VaultError(res.status, [`unexpected non-JSON answer: ${text.slice(0, 80)}`], what);
    }
    // Vault answers every status >= 400 with {"errors": [...]}; 204 and 200 are both success.
    if (!res.ok)
      throw new VaultError(res.status, Array.isArray(json?.errors) ? json.errors.map(String) : [], what);
    return json;
  }
}
