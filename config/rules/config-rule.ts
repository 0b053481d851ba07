import type { RawProblem } from "../errors";
import type { FederationInput } from "../schema";

export interface RuleContext {
  /** The moment date rules (certificate end date) are checked against. */
  readonly now: Date;
}

/**
 * A check across values of a config that passed the schema (or what is left of it once the rejected parts are cut
 * out). Returns every problem it finds, each at the path a reader fixes.
 */
export type ConfigRule = (input: FederationInput, context: RuleContext) => RawProblem[];
