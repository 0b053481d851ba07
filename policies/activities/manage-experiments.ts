import type { AccountContext, PolicyStatement } from "../document";
import { createsForOwnTeam, onOwnTeamResources } from "../team-boundary";

/** Manage Experiments: experiments, trials, trial components and lineage entities of the caller's team. */
export function manageExperiments(context: AccountContext): PolicyStatement[] {
  return [
    ...createsForOwnTeam(context, {
      CreateExperiment: "experiment/*",
      CreateTrial: "experiment-trial/*",
      CreateTrialComponent: "experiment-trial-component/*",
      CreateAction: "action/*",
      CreateArtifact: "artifact/*",
      CreateContext: "context/*",
    }),
    onOwnTeamResources(
      "ManageOwnTeamExperiments",
      [
        // A trial is created in an experiment, which must be the team's own.
        "CreateTrial",
        "AddAssociation",
        "DeleteAssociation",
        "UpdateAction",
        "UpdateArtifact",
        "UpdateContext",
        "UpdateExperiment",
        "UpdateTrial",
        "UpdateTrialComponent",
        // Run.log_metric() writes to the run's trial component.
        "BatchPutMetrics",
        "AssociateTrialComponent",
        "DisassociateTrialComponent",
        "DeleteAction",
        "DeleteArtifact",
        "DeleteContext",
        "DeleteExperiment",
        "DeleteTrial",
        "DeleteTrialComponent",
      ],
      context,
    ),
  ];
}
