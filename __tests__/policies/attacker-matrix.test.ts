import { loadExample } from "../helpers";
import { describeTeamMatrix, lookAlikeConfig } from "./attacker-matrix";
import { worldOf } from "./matrix-world";

// Cases and simulator mode: see attacker-matrix.ts. Contoso, every other example with execution roles, and team
// keys that start alike (`ml`, `ml2`, `mlops`) with a persona of the config's own.
const worlds = [
  ...["contoso", "contoso-external", "contoso-multi-account", "fabrikam-adoption"].map((example) =>
    worldOf(example, loadExample(example)),
  ),
  worldOf("a config with look-alike team keys", lookAlikeConfig()),
];
for (const world of worlds) for (const team of world.teams) describeTeamMatrix(world, team, 300);
