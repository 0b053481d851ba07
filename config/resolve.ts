import type { ActivityKey } from "../policies/activities";
import { BUILTIN_PERSONAS, COMPUTE_PERSONA, SHARED_SPACE_PERSONA } from "../policies/builtin-personas";
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

/** The personas a team's people use: its default and its members'. */
export function peoplePersonas(team: TeamInput): string[] {
  const used = new Set([team.defaultPersona]);
  for (const [userName, member] of Object.entries(team.members))
    used.add(resolveMember(team, userName, member).persona);
  return [...used].sort();
}

/**
 * The personas a team needs roles for: its people's, and always compute (passed to jobs) and shared-space (what
 * the domain's shared spaces run as).
 */
export function teamPersonas(team: TeamInput): string[] {
  return [...new Set([...peoplePersonas(team), COMPUTE_PERSONA, SHARED_SPACE_PERSONA])].sort();
}

/** A persona's activities as derive() resolves them; undefined for an unknown persona. */
export function personaActivities(input: FederationInput, key: string): readonly ActivityKey[] | undefined {
  return (
    input.personas[key]?.activities ??
    (Object.hasOwn(BUILTIN_PERSONAS, key) ? BUILTIN_PERSONAS[key]!.activities : undefined)
  );
}

/**
 * The team's personas that open Studio but lack what a shared space's role holds (the workspace's `shared/`
 * prefix, through Amazon S3 Bucket Access): a shared space would give their people more than their persona.
 */
export function personasBelowSharedSpace(input: FederationInput, team: TeamInput): string[] {
  return peoplePersonas(team).filter((persona) => {
    const activities = personaActivities(input, persona) ?? [];
    return activities.includes("run-studio-applications") && !activities.includes("s3-bucket-access");
  });
}

/** Whether the team's members may create shared spaces: as configured, or by default when it gives nobody more. */
export function usesSharedSpaces(input: FederationInput, team: TeamInput): boolean {
  return team.sharedSpaces ?? personasBelowSharedSpace(input, team).length === 0;
}
