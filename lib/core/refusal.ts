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
  /** The separator an imported file seems to use when it was read with another one. */
  suggestion?: "SEMICOLON" | "TAB" | "COMMA";
  /** The imported file's column the refusal is about (a repeated column name). */
  header?: string;
  /** The record's field an import's column mapping leaves out ("consentDate"). */
  target?: string;
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

/**
 * An expected refusal as an action answers it (lib/actions.ts), e.g. "EMAIL_TAKEN": the form
 * shows it next to the field or on top; details travel beside the reason, never inside it.
 */
export type Rejection = { rejected: string; field?: string; details?: RefusalDetails };

export function isRejection(value: unknown): value is Rejection {
  return typeof value === "object" && value !== null && "rejected" in value;
}

/** Every detail a client may see; a result's other fields (a step's list of blockers) stay on the server. */
const DETAIL_KEYS = {
  story: true,
  suggestion: true,
  header: true,
  target: true,
  respondent: true,
} satisfies Record<keyof RefusalDetails, true>;

/** A rejection with the reason, its field, and only the details that are set. */
export function reject(reason: string, field?: string, details: RefusalDetails = {}): Rejection {
  const present = Object.entries(details).filter(
    ([key, value]) => Object.hasOwn(DETAIL_KEYS, key) && value !== undefined,
  );
  return present.length > 0
    ? { rejected: reason, field, details: Object.fromEntries(present) }
    : { rejected: reason, field };
}

/** A refusal, thrown or returned by a mutation, as its action answers it. */
export function rejectionOf(refusal: Refusal | Refused): Rejection {
  if (refusal instanceof Refusal) return reject(refusal.reason, refusal.field, refusal.details);
  const { reason, field, ...details } = refusal;
  return reject(reason, field, details);
}

/**
 * Runs a mutation that answers in the action's own shape (imports, respondents); a refusal it
 * throws (and the rollback it caused) comes back as a rejection, anything else is thrown on.
 */
export async function refusalsAsRejections<T>(work: () => Promise<T>): Promise<T | Rejection> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Refusal) return rejectionOf(error);
    throw error;
  }
}

/** A mutation's result as its action answers it: the outcome itself, or its refusal as a rejection. */
export function outcomeOrRejection<T extends { ok: true } | Refused>(outcome: T): Extract<T, { ok: true }> | Rejection {
  return outcome.ok ? (outcome as Extract<T, { ok: true }>) : rejectionOf(outcome as Refused);
}
