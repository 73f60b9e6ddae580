/**
 * An expected refusal raised inside a transaction, so that everything written before it is
 * rolled back; the mutation catches it and returns it as a typed result the form can show.
 */
export class Refusal extends Error {
  constructor(
    readonly reason: string,
    readonly field?: string,
  ) {
    super(reason);
    this.name = "Refusal";
  }
}

export type Refused = { ok: false; reason: string; field?: string };

/** Runs `work`; a Refusal thrown by it (and the rollback it caused) becomes a typed result. */
export async function refusalsAsResults<T>(work: () => Promise<T>): Promise<T | Refused> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, reason: error.reason, field: error.field };
    throw error;
  }
}
