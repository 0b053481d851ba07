import type { RawProblem } from "../errors";
import type { FederationConfig } from "../types";
import { adminSession } from "./admin-session";
import { adminsListedOnce } from "./admins-listed-once";
import { certificateEndDate } from "./certificate-end-date";
import type { ConfigRule } from "./config-rule";
import { consistentLimits } from "./consistent-limits";
import { consoleGuardDeployer } from "./console-guard-deployer";
import { customPersonasHaveActivities } from "./custom-personas-have-activities";
import { derivedNames } from "./derived-names";
import { existingGroups } from "./existing-groups";
import { identityCenterUrls } from "./identity-center-urls";
import { justInTimeAdmins } from "./just-in-time-admins";
import { knownPersonas } from "./known-personas";
import { managementAccount } from "./management-account";
import { oneCasingPerUser } from "./one-casing-per-user";
import { oneTeamPerBucket } from "./one-team-per-bucket";
import { oneTeamPerFileSystem } from "./one-team-per-file-system";
import { oneTeamPerGroup } from "./one-team-per-group";
import { permissionSetName } from "./permission-set-name";
import { policySizes } from "./policy-sizes";
import { profileNames } from "./profile-names";
import { reservedTeamKey } from "./reserved-team-key";
import { retiredTeams } from "./retired-teams";
import { sharedSpacePersonaNotForPeople } from "./shared-space-persona-not-for-people";
import { sharedSpacePersonaUnchanged } from "./shared-space-persona-unchanged";
import { sharedSpacesWithinPersonas } from "./shared-spaces-within-personas";
import { studioInstanceTypes } from "./studio-instance-types";
import { studioNetworks } from "./studio-networks";
import { teamAccounts } from "./team-accounts";
import { teamKeyPrefixes } from "./team-key-prefixes";
import { workloadAccounts } from "./workload-accounts";

/**
 * Every check across values, run on the input in this order. Problems are then sorted by line; on one line they
 * keep this order, so a rule that explains a line best comes first.
 */
export const CONFIG_RULES: readonly ConfigRule[] = [
  customPersonasHaveActivities,
  sharedSpacePersonaUnchanged,
  studioInstanceTypes,
  reservedTeamKey,
  knownPersonas,
  sharedSpacePersonaNotForPeople,
  derivedNames,
  profileNames,
  oneTeamPerBucket,
  oneTeamPerFileSystem,
  teamKeyPrefixes,
  sharedSpacesWithinPersonas,
  oneTeamPerGroup,
  existingGroups,
  consistentLimits,
  adminSession,
  permissionSetName,
  justInTimeAdmins,
  adminsListedOnce,
  oneCasingPerUser,
  identityCenterUrls,
  certificateEndDate,
  studioNetworks,
  workloadAccounts,
  teamAccounts,
  consoleGuardDeployer,
  managementAccount,
  retiredTeams,
];

/** Checks that need the derived config: the sizes of the policies it generates. */
export const DERIVED_CONFIG_RULES: readonly ((config: FederationConfig) => RawProblem[])[] = [policySizes];
