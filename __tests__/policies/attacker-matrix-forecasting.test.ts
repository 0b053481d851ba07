import { describeTeamMatrix } from "./attacker-matrix";

// One file per team so that jest runs the teams in parallel; cases and simulator mode: see attacker-matrix.ts.
describeTeamMatrix("forecasting");
