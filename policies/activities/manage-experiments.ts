import { sagemaker, sagemakerArn, type AccountContext, type PolicyStatement } from "../document";

/** Manage Experiments: experiments, trials, trial components and lineage entities. */
export function manageExperiments(context: AccountContext): PolicyStatement[] {
  return [
    {
      Sid: "ManageExperiments",
      Effect: "Allow",
      Action: sagemaker(
        "AddAssociation",
        "DeleteAssociation",
        "CreateAction",
        "CreateArtifact",
        "CreateContext",
        "CreateExperiment",
        "CreateTrial",
        "CreateTrialComponent",
        "UpdateAction",
        "UpdateArtifact",
        "UpdateContext",
        "UpdateExperiment",
        "UpdateTrial",
        "UpdateTrialComponent",
        "AssociateTrialComponent",
        "DisassociateTrialComponent",
        "DeleteAction",
        "DeleteArtifact",
        "DeleteContext",
        "DeleteExperiment",
        "DeleteTrial",
        "DeleteTrialComponent",
      ),
      Resource: sagemakerArn(context, "*"),
    },
  ];
}
