/**
 * A signed-in owner of a new organization for a benchmark: registration answers 202 (and mails a
 * verification link), sign-in works before verification, and /me names the organization and the user.
 */
export async function signUpOwner(
  base: string,
  input: { email: string; password: string; name: string; organizationName: string },
): Promise<{ accessToken: string; user: { id: string }; organization: { id: string } }> {
  const call = async (path: string, init: RequestInit) => {
    const res = await fetch(`${base}${path}`, {
      ...init,
      headers: { 'content-type': 'application/json', ...(init.headers as Record<string, string>) },
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.status === 204 ? {} : ((await res.json()) as Record<string, any>);
  };
  await call('/api/v1/auth/register', { method: 'POST', body: JSON.stringify(input) });
  const session = await call('/api/v1/auth/login', {
    method: 'POST',
    body: JSON.stringify({ email: input.email, password: input.password }),
  });
  const me = await call('/api/v1/auth/me', { headers: { authorization: `Bearer ${session.accessToken}` } });
  return { accessToken: session.accessToken, user: { id: me.id }, organization: { id: me.tenantId } };
}
