import { BUILTIN_PERSONAS } from "../policies/builtin-personas";
import type { FederationInput } from "./schema";
import { profileNameFor } from "./names";

type TeamInput = FederationInput["teams"][string];
type MemberInput = TeamInput["members"][string];

/** A member's persona and profile name after the team's defaults are applied. */
export function resolveMember(team: TeamInput, userName: string, member: MemberInput) {
  if (member === null) return { persona: team.defaultPersona, profileName: profileNameFor(userName) };
  if (typeof member === "string") return { persona: member, profileName: profileNameFor(userName) };
  return {
    persona: member.persona ?? team.defaultPersona,
    profileName: member.profileName ?? profileNameFor(userName),
  };
}

/** The built-in personas followed by the config's own, in the order a reader expects. */
export function personaKeys(input: FederationInput): string[] {
  const own = Object.keys(input.personas).filter((key) => !Object.hasOwn(BUILTIN_PERSONAS, key));
  return [...Object.keys(BUILTIN_PERSONAS), ...own.sort()];
}

/** The personas a team needs roles for: its default, its members', and always compute (passed to jobs). */
export function teamPersonas(team: TeamInput, computePersona: string): string[] {
  const used = new Set([team.defaultPersona, computePersona]);
  for (const [userName, member] of Object.entries(team.members))
    used.add(resolveMember(team, userName, member).persona);
  return [...used].sort();
}
