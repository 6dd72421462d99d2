/** numeric → canonical decimal string (no trailing zeros) or null. */
export const num = (v: string | null | undefined): string | null =>
  v === null || v === undefined ? null : trimZeros(String(v));

export function trimZeros(v: string): string {
  if (!v.includes('.')) return v;
  const t = v.replace(/0+$/, '').replace(/\.$/, '');
  return t === '-0' ? '0' : t;
}
