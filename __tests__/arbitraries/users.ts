/** Generated users: user names and the profile names the loader derives from them, unique as Entra ID and SageMaker compare. */
import fc from "fast-check";
import { DIGITS, LOWER, UPPER, word } from "./building-blocks";

// Users: the loader derives a profile name from the part before the @ (lowercase, runs of other characters become
// one hyphen, trimmed): "Jane.Doe@contoso.com" becomes "jane-doe". Users without such a name give one explicitly.

export interface User {
  readonly userName: string;
  readonly profileName: string;
  /** True when the config must give the profile name (the user name yields none). */
  readonly explicit: boolean;
}

export const domainPart = fc
  .tuple(
    fc.oneof(word(LOWER + DIGITS + "-", 1, 8), fc.constantFrom("contoso", "bücher", "例え", "café", "fabrikam")),
    fc.constantFrom("com", "example", "de", "jp", "co.uk", "onmicrosoft.com"),
  )
  .map(([label, tld]) => `${label}.${tld}`);

export const derivedUser: fc.Arbitrary<User> = fc
  .tuple(
    fc.array(word(LOWER + UPPER + DIGITS, 1, 6), { minLength: 1, maxLength: 4 }),
    fc.array(fc.constantFrom(".", "_", "-", "+", "'", ".."), { minLength: 3, maxLength: 3 }),
    fc.constantFrom("", "_", "."),
    fc.constantFrom("", "_", "-"),
    domainPart,
    fc.boolean(),
  )
  .map(([runs, separators, lead, trail, domain, upperDomain]) => ({
    userName: `${lead}${runs.map((run, i) => (i === 0 ? run : separators[i - 1] + run)).join("")}${trail}@${upperDomain ? domain.toUpperCase() : domain}`,
    profileName: runs.map((run) => run.toLowerCase()).join("-"),
    explicit: false,
  }));

/** `^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$` */
export const profileName = fc
  .tuple(
    fc.array(word(LOWER + UPPER + DIGITS, 1, 8), { minLength: 1, maxLength: 5 }),
    fc.array(fc.constantFrom("-", "--"), { minLength: 4, maxLength: 4 }),
  )
  .map(([runs, hyphens]) => runs.map((run, i) => (i === 0 ? run : hyphens[i - 1] + run)).join(""));

export const explicitUser: fc.Arbitrary<User> = fc
  .tuple(fc.oneof(word("zoëßøñ名前日本アлия'._+", 1, 8), word(LOWER, 1, 8)), domainPart, profileName)
  .map(([local, domain, profile]) => ({ userName: `${local}@${domain}`, profileName: profile, explicit: true }));

/** Users unique by user name and by profile name, both compared without case (as Entra ID and SageMaker do). */
export function userPool(maxLength: number) {
  return fc
    .uniqueArray(fc.oneof({ weight: 3, arbitrary: derivedUser }, { weight: 1, arbitrary: explicitUser }), {
      maxLength,
      selector: (user) => user.profileName.toLowerCase(),
    })
    .map((users) =>
      users.filter((user, i) => users.findIndex((other) => sameName(other.userName, user.userName)) === i),
    );
}

export function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
