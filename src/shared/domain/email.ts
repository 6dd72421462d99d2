/**
 * The one form an email address is stored and compared in: Unicode NFC, trimmed, lower case. Mailbox
 * local parts are case-sensitive in theory, but no provider people use treats them so, and an address that
 * differs only in case must not name a second account or claim someone else's invitation.
 */
export const normalizeEmail = (email: string): string => email.normalize('NFC').trim().toLowerCase();
