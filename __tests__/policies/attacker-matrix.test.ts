import { describeTeamMatrix } from "./attacker-matrix";
import { TEAMS } from "./simulator";

// Cases and simulator mode: see attacker-matrix.ts.
for (const team of TEAMS) describeTeamMatrix(team);
