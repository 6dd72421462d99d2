/**
 * The part of structured-headers (RFC 8941 parser) Tollgate uses. Its own types are reachable only
 * through package "exports", which this project's CommonJS module resolution does not read.
 */
declare module 'structured-headers' {
  export type BareItem = number | string | boolean | ArrayBuffer | Date | { toString(): string };
  export type Parameters = Map<string, BareItem>;
  export type Item = [BareItem, Parameters];
  export type InnerList = [Item[], Parameters];
  export type Dictionary = Map<string, Item | InnerList>;
  export function parseDictionary(input: string): Dictionary;
  export function serializeInnerList(input: InnerList): string;
}
