import { loadExample } from "../helpers";
import { describeTeamMatrix } from "./attacker-matrix";
import { worldOf } from "./matrix-world";

// Cases and simulator mode: see attacker-matrix.ts.
const world = worldOf("contoso", loadExample("contoso"));
for (const team of world.teams) describeTeamMatrix(world, team, 500);
