import type { RawProblem } from "../errors";
import type { FederationConfig } from "../types";
import { adminSession } from "./identity/admin-session";
import { adminsListedOnce } from "./identity/admins-listed-once";
import { certificateEndDate } from "./identity/certificate-end-date";
import type { ConfigRule } from "./config-rule";
import { consistentLimits } from "./personas/consistent-limits";
import { consoleGuardDeployer } from "./accounts/console-guard-deployer";
import { customPersonasHaveActivities } from "./personas/custom-personas-have-activities";
import { derivedNames } from "./teams/derived-names";
import { existingGroups } from "./identity/existing-groups";
import { identityCenterUrls } from "./identity/identity-center-urls";
import { justInTimeAdmins } from "./identity/just-in-time-admins";
import { knownPersonas } from "./personas/known-personas";
import { managementAccount } from "./accounts/management-account";
import { oneCasingPerUser } from "./identity/one-casing-per-user";
import { oneTeamPerBucket } from "./teams/one-team-per-bucket";
import { oneTeamPerFileSystem } from "./teams/one-team-per-file-system";
import { oneTeamPerGroup } from "./identity/one-team-per-group";
import { permissionSetName } from "./identity/permission-set-name";
import { policySizes } from "./teams/policy-sizes";
import { profileNames } from "./teams/profile-names";
import { reservedTeamKey } from "./teams/reserved-team-key";
import { retiredTeams } from "./teams/retired-teams";
import { sharedSpacePersonaNotForPeople } from "./personas/shared-space-persona-not-for-people";
import { sharedSpacePersonaUnchanged } from "./personas/shared-space-persona-unchanged";
import { sharedSpacesWithinPersonas } from "./personas/shared-spaces-within-personas";
import { studioInstanceTypes } from "./personas/studio-instance-types";
import { studioNetworks } from "./accounts/studio-networks";
import { teamAccounts } from "./accounts/team-accounts";
import { teamKeyPrefixes } from "./teams/team-key-prefixes";
import { workloadAccounts } from "./accounts/workload-accounts";

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
