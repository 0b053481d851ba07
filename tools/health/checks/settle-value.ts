import { cannotCheck } from "./cannot-check";
import type { Finding } from "./finding";

/** A value some checks depend on, or the "cannot check" finding that says why it could not be had. */
export async function settleValue<T>(
  check: string,
  get: () => Promise<T>,
): Promise<
  { readonly value: T; readonly finding?: undefined } | { readonly value?: undefined; readonly finding: Finding }
> {
  try {
    return { value: await get() };
  } catch (error) {
    return { finding: cannotCheck(check, error) };
  }
}
