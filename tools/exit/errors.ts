/** A part of the Terraform JSON the converter does not understand, named by its JSON path: never dropped silently. */
export class ConversionError extends Error {
  constructor(
    readonly path: string,
    problem: string,
  ) {
    super(`${path}: ${problem}`);
    this.name = "ConversionError";
  }
}
