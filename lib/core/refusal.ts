/**
 * An expected refusal ("the round is closed"), raised inside a transaction so that everything
 * written before it is rolled back; the mutation returns it as a typed result the form shows.
 *
 * Each mutation file exports its reasons as a closed list (`const X_REFUSALS = [...] as const`
 * and its type), refuses only with those, and sends details (the story that blocked a step) as
 * fields of the result, never inside the reason. tests/unit/refusal-messages.test.ts checks that
 * every exported reason has a message in each language.
 */

/** What a refusal may say beside its reason; the form may show it with the message. */
export type RefusalDetails = {
  /** The code of the story that stopped the change ("CS-0007"). */
  story?: string;
  /** The code of the respondent whose consent stopped it ("R-0042"). */
  respondent?: string;
};

export class Refusal<R extends string = string> extends Error {
  constructor(
    readonly reason: R,
    readonly field?: string,
    readonly details: RefusalDetails = {},
  ) {
    super(reason);
    this.name = "Refusal";
  }
}

export type Refused<R extends string = string> = { ok: false; reason: R; field?: string } & RefusalDetails;

/** A refusal as a result; details become fields beside the reason. */
export function refusedResult<R extends string>(refusal: Refusal<R>): Refused<R> {
  return { ok: false, reason: refusal.reason, field: refusal.field, ...refusal.details };
}

/**
 * Runs `work`; a Refusal thrown by it (and the rollback it caused) becomes a typed result. `R` is
 * the mutation's closed list of reasons: refuse only through a function typed with it.
 */
export async function refusalsAsResults<T, R extends string = string>(work: () => Promise<T>): Promise<T | Refused<R>> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Refusal) return refusedResult(error as Refusal<R>);
    throw error;
  }
}

/**
 * A mutation's own way to refuse, typed by its closed list of reasons:
 * `const { refuse, asResults } = refusals<RoundRefusal>()`; `throw refuse("WRONG_STATUS")` inside
 * the transaction, `return asResults(() => db().$transaction(...))` around it.
 */
export function refusals<R extends string>() {
  return {
    refuse: (reason: R, field?: string, details?: RefusalDetails) => new Refusal<R>(reason, field, details),
    asResults: <T>(work: () => Promise<T>) => refusalsAsResults<T, R>(work),
  };
}
