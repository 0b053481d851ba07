import { describeTeamMatrix, lookAlikeConfig } from "./attacker-matrix";
import { worldOf } from "./matrix-world";

// The same generated matrix on team keys that start alike (`ml`, `ml2`, `mlops`) and a persona of the config's own.
const world = worldOf("a config with look-alike team keys", lookAlikeConfig());
for (const team of world.teams) describeTeamMatrix(world, team, 300);
