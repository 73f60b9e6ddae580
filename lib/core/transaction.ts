/**
 * Options for every write transaction. Writers to one evaluation queue on the audit chain's
 * lock, and a save runs several statements: the limits allow for a busy machine.
 */
export const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 30_000 } as const;
