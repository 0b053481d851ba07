import { loadExample } from "../helpers";
import { describeTeamMatrix } from "./attacker-matrix";
import { worldOf } from "./matrix-world";

// The generated matrix on every other example with execution roles: one key per account, and workload accounts.
for (const example of ["contoso-external", "contoso-multi-account", "fabrikam-adoption"]) {
  const world = worldOf(example, loadExample(example));
  for (const team of world.teams) describeTeamMatrix(world, team, 300);
}
