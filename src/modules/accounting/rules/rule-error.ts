/**
 * A business rule the input breaks. `field` names the input to fix (`terms.2.percent`), so an
 * action can answer it as a field error; the message is a sentence a person can act on.
 */
export class RuleError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'RuleError';
  }
}
