# Terraform tier (docs/architecture.md, section 5, tier 2) for examples/contoso-multi-account.yaml.
#
# IAM Identity Center lives in 111122223333 (the default provider `aws`); the teams' domains live in the workload
# accounts research (444455556666, provider aws.research) and production (777788889999, aws.production). Each
# workload account's roles, policies, domains and profiles are blocks of their own, suffixed with the account key
# (aws_sagemaker_domain.team_research); the Identity Center side (identity store lookups, application and account
# assignments, permission set) uses the default provider, and so does the SCP: this Identity Center account is the
# organization's management account.
#
# run.sh synthesizes the example and copies this file (with mocks/ and forget-domains/) next to the JSON. There is one
# mocked provider per provider configuration. The per-instance overrides sit INSIDE the mock_provider of the account
# the instance must be created through, and the workload mocks give user profiles and policy attachments ids of
# their own account: an override or default only reaches an instance bound to that provider, so "the forecasting
# domain has id d-rsfcst000001" also proves the domain is created through aws.research (bound anywhere else it would
# get the shared default d-mockdomain00 and the assertion fails).
#
# Every expectation is written by hand from the example YAML, never read back from the synthesized JSON. Resource
# addresses are the fixed, documented ones of docs/addresses.md.

# ---------------------------------------------------------------------------------------------------------------
# Identity Center account (default provider)
# ---------------------------------------------------------------------------------------------------------------
mock_provider "aws" {
  source = "./tests/mocks"

  # The identity store, as the IdP would have filled it: every group the config names, every member with a profile.
  override_data {
    target = data.aws_identitystore_groups.identity_center
    values = {
      groups = [
        { group_id = "9067a1b2c3-00000000-0000-4000-8000-0000000000a1", display_name = "sagemaker-admins", description = "", external_ids = [] },
        { group_id = "9067a1b2c3-00000000-0000-4000-8000-0000000000a2", display_name = "ml-forecasting", description = "", external_ids = [] },
        { group_id = "9067a1b2c3-00000000-0000-4000-8000-0000000000a3", display_name = "ml-recommendations", description = "", external_ids = [] },
        { group_id = "9067a1b2c3-00000000-0000-4000-8000-0000000000a4", display_name = "ml-fraud-detection", description = "", external_ids = [] },
      ]
    }
  }
  override_data {
    target = data.aws_identitystore_users.identity_center
    values = {
      users = [for name in ["alice@contoso.com", "bob@contoso.com", "grace@contoso.com", "judy@contoso.com", "mallory@contoso.com"] : { user_name = name }]
    }
  }

  override_resource {
    target = aws_organizations_policy.console_guard
    values = {
      id  = "p-c0ns01eorg0"
      arn = "arn:aws:organizations::111122223333:policy/o-a1b2c3d4e5/service_control_policy/p-c0ns01eorg0"
    }
  }

  # Application assignments made through the Identity Center account's provider get this id.
  mock_resource "aws_ssoadmin_application_assignment" {
    defaults = {
      id = "arn:aws:sso::111122223333:application/ssoins-6804a1b2c3d4e5f6/apl-1111222233330000,9067a1b2c3-00000000-0000-4000-8000-0000000000a0,GROUP"
    }
  }
}

# ---------------------------------------------------------------------------------------------------------------
# Workload account research: forecasting and recommendations
# ---------------------------------------------------------------------------------------------------------------
mock_provider "aws" {
  alias  = "research"
  source = "./tests/mocks"

  mock_resource "aws_sagemaker_user_profile" {
    defaults = {
      id                       = "arn:aws:sagemaker:eu-west-1:444455556666:user-profile/d-rsmock000000/mock"
      arn                      = "arn:aws:sagemaker:eu-west-1:444455556666:user-profile/d-rsmock000000/mock"
      home_efs_file_system_uid = "200001"
    }
  }
  mock_resource "aws_iam_role_policy_attachment" {
    defaults = {
      id = "mock-execution-role/arn:aws:iam::444455556666:policy/mock-persona-policy"
    }
  }

  override_resource {
    target = aws_sagemaker_domain.team_research["forecasting"]
    values = {
      id                             = "d-rsfcst000001"
      arn                            = "arn:aws:sagemaker:eu-west-1:444455556666:domain/d-rsfcst000001"
      url                            = "https://d-rsfcst000001.studio.eu-west-1.sagemaker.aws"
      single_sign_on_application_arn = "arn:aws:sso::111122223333:application/ssoins-6804a1b2c3d4e5f6/apl-rf00000000000001"
    }
  }
  override_resource {
    target = aws_sagemaker_domain.team_research["recommendations"]
    values = {
      id                             = "d-rsreco000002"
      arn                            = "arn:aws:sagemaker:eu-west-1:444455556666:domain/d-rsreco000002"
      url                            = "https://d-rsreco000002.studio.eu-west-1.sagemaker.aws"
      single_sign_on_application_arn = "arn:aws:sso::111122223333:application/ssoins-6804a1b2c3d4e5f6/apl-rr00000000000002"
    }
  }

  override_resource {
    target = aws_iam_role.execution_research["forecasting/compute"]
    values = { arn = "arn:aws:iam::444455556666:role/sagemaker-studio/contoso-org/contoso-org-forecasting-compute" }
  }
  override_resource {
    target = aws_iam_role.execution_research["forecasting/data-scientist"]
    values = { arn = "arn:aws:iam::444455556666:role/sagemaker-studio/contoso-org/contoso-org-forecasting-data-scientist" }
  }
  override_resource {
    target = aws_iam_role.execution_research["forecasting/mlops"]
    values = { arn = "arn:aws:iam::444455556666:role/sagemaker-studio/contoso-org/contoso-org-forecasting-mlops" }
  }
  override_resource {
    target = aws_iam_role.execution_research["recommendations/compute"]
    values = { arn = "arn:aws:iam::444455556666:role/sagemaker-studio/contoso-org/contoso-org-recommendations-compute" }
  }
  override_resource {
    target = aws_iam_role.execution_research["recommendations/data-scientist"]
    values = { arn = "arn:aws:iam::444455556666:role/sagemaker-studio/contoso-org/contoso-org-recommendations-data-scientist" }
  }

  override_resource {
    target = aws_iam_role.execution_research["forecasting/shared-space"]
    values = { arn = "arn:aws:iam::444455556666:role/sagemaker-studio/contoso-org/contoso-org-forecasting-shared-space" }
  }
  override_resource {
    target = aws_iam_role.execution_research["recommendations/shared-space"]
    values = { arn = "arn:aws:iam::444455556666:role/sagemaker-studio/contoso-org/contoso-org-recommendations-shared-space" }
  }
  override_resource {
    target = aws_iam_policy.persona_research["compute/2"]
    values = { arn = "arn:aws:iam::444455556666:policy/sagemaker-studio/contoso-org/contoso-org-compute-2" }
  }
  override_resource {
    target = aws_iam_policy.persona_research["data-scientist/3"]
    values = { arn = "arn:aws:iam::444455556666:policy/sagemaker-studio/contoso-org/contoso-org-data-scientist-3" }
  }

  override_resource {
    target = aws_iam_policy.persona_research["compute/1"]
    values = { arn = "arn:aws:iam::444455556666:policy/sagemaker-studio/contoso-org/contoso-org-compute-1" }
  }
  override_resource {
    target = aws_iam_policy.persona_research["data-scientist/1"]
    values = { arn = "arn:aws:iam::444455556666:policy/sagemaker-studio/contoso-org/contoso-org-data-scientist-1" }
  }
  override_resource {
    target = aws_iam_policy.persona_research["data-scientist/2"]
    values = { arn = "arn:aws:iam::444455556666:policy/sagemaker-studio/contoso-org/contoso-org-data-scientist-2" }
  }
  override_resource {
    target = aws_iam_policy.persona_research["mlops/1"]
    values = { arn = "arn:aws:iam::444455556666:policy/sagemaker-studio/contoso-org/contoso-org-mlops-1" }
  }
  override_resource {
    target = aws_iam_policy.persona_research["mlops/2"]
    values = { arn = "arn:aws:iam::444455556666:policy/sagemaker-studio/contoso-org/contoso-org-mlops-2" }
  }
  override_resource {
    target = aws_iam_policy.persona_research["mlops/3"]
    values = { arn = "arn:aws:iam::444455556666:policy/sagemaker-studio/contoso-org/contoso-org-mlops-3" }
  }
}

# ---------------------------------------------------------------------------------------------------------------
# Workload account production: fraud
# ---------------------------------------------------------------------------------------------------------------
mock_provider "aws" {
  alias  = "production"
  source = "./tests/mocks"

  mock_resource "aws_sagemaker_user_profile" {
    defaults = {
      id                       = "arn:aws:sagemaker:eu-west-1:777788889999:user-profile/d-pdmock000000/mock"
      arn                      = "arn:aws:sagemaker:eu-west-1:777788889999:user-profile/d-pdmock000000/mock"
      home_efs_file_system_uid = "200001"
    }
  }
  mock_resource "aws_iam_role_policy_attachment" {
    defaults = {
      id = "mock-execution-role/arn:aws:iam::777788889999:policy/mock-persona-policy"
    }
  }

  override_resource {
    target = aws_sagemaker_domain.team_production["fraud"]
    values = {
      id                             = "d-pdfrau000003"
      arn                            = "arn:aws:sagemaker:eu-west-1:777788889999:domain/d-pdfrau000003"
      url                            = "https://d-pdfrau000003.studio.eu-west-1.sagemaker.aws"
      single_sign_on_application_arn = "arn:aws:sso::111122223333:application/ssoins-6804a1b2c3d4e5f6/apl-pf00000000000003"
    }
  }

  override_resource {
    target = aws_iam_role.execution_production["fraud/compute"]
    values = { arn = "arn:aws:iam::777788889999:role/sagemaker-studio/contoso-org/contoso-org-fraud-compute" }
  }
  override_resource {
    target = aws_iam_role.execution_production["fraud/data-scientist"]
    values = { arn = "arn:aws:iam::777788889999:role/sagemaker-studio/contoso-org/contoso-org-fraud-data-scientist" }
  }
  override_resource {
    target = aws_iam_role.execution_production["fraud/mlops"]
    values = { arn = "arn:aws:iam::777788889999:role/sagemaker-studio/contoso-org/contoso-org-fraud-mlops" }
  }

  override_resource {
    target = aws_iam_role.execution_production["fraud/shared-space"]
    values = { arn = "arn:aws:iam::777788889999:role/sagemaker-studio/contoso-org/contoso-org-fraud-shared-space" }
  }
  override_resource {
    target = aws_iam_policy.persona_production["data-scientist/3"]
    values = { arn = "arn:aws:iam::777788889999:policy/sagemaker-studio/contoso-org/contoso-org-data-scientist-3" }
  }

  override_resource {
    target = aws_iam_policy.persona_production["compute/1"]
    values = { arn = "arn:aws:iam::777788889999:policy/sagemaker-studio/contoso-org/contoso-org-compute-1" }
  }
  override_resource {
    target = aws_iam_policy.persona_production["data-scientist/1"]
    values = { arn = "arn:aws:iam::777788889999:policy/sagemaker-studio/contoso-org/contoso-org-data-scientist-1" }
  }
  override_resource {
    target = aws_iam_policy.persona_production["data-scientist/2"]
    values = { arn = "arn:aws:iam::777788889999:policy/sagemaker-studio/contoso-org/contoso-org-data-scientist-2" }
  }
  override_resource {
    target = aws_iam_policy.persona_production["mlops/1"]
    values = { arn = "arn:aws:iam::777788889999:policy/sagemaker-studio/contoso-org/contoso-org-mlops-1" }
  }
  override_resource {
    target = aws_iam_policy.persona_production["mlops/2"]
    values = { arn = "arn:aws:iam::777788889999:policy/sagemaker-studio/contoso-org/contoso-org-mlops-2" }
  }
  override_resource {
    target = aws_iam_policy.persona_production["mlops/3"]
    values = { arn = "arn:aws:iam::777788889999:policy/sagemaker-studio/contoso-org/contoso-org-mlops-3" }
  }
}

# ---------------------------------------------------------------------------------------------------------------
# Expectations, from examples/contoso-multi-account.yaml
# ---------------------------------------------------------------------------------------------------------------
variables {
  identity_center_account = "111122223333"
  deployer_role_arn       = "arn:aws:iam::111122223333:role/platform-terraform" # consoleGuard.deployerRoleArn

  # aws.accounts; production declares no kmsKeyArn.
  accounts = {
    research = {
      id       = "444455556666"
      deployer = "arn:aws:iam::444455556666:role/sagemaker-federation-deployer"
      plan     = "arn:aws:iam::444455556666:role/sagemaker-federation-plan"
      vpc      = "vpc-04a5b6c7d8e9f0a1b"
      subnets  = ["subnet-04a5b6c7d8e9f0a1c", "subnet-04a5b6c7d8e9f0a1d"]
      sgs      = ["sg-04a5b6c7d8e9f0a1e"]
      kms      = "arn:aws:kms:eu-west-1:444455556666:key/4d5e6f70-8192-4a3b-9c4d-5e6f708192a3"
    }
    production = {
      id       = "777788889999"
      deployer = "arn:aws:iam::777788889999:role/sagemaker-federation-deployer"
      plan     = "arn:aws:iam::777788889999:role/sagemaker-federation-plan"
      vpc      = "vpc-07a8b9c0d1e2f3a4b"
      subnets  = ["subnet-07a8b9c0d1e2f3a4c"]
      sgs      = ["sg-07a8b9c0d1e2f3a4d"]
      kms      = null
    }
  }

  teams = {
    forecasting = {
      account     = "research"
      group       = "ml-forecasting"
      domain_name = "contoso-org-forecasting"
      domain_id   = "d-rsfcst000001" # the override above
      buckets     = ["contoso-org-forecasting-workspace"]
      shared      = "s3://contoso-org-forecasting-workspace/shared/notebooks/"
    }
    recommendations = {
      account     = "research"
      group       = "ml-recommendations"
      domain_name = "contoso-org-recommendations"
      domain_id   = "d-rsreco000002"
      buckets     = ["contoso-org-recommendations-workspace"]
      shared      = "s3://contoso-org-recommendations-workspace/shared/notebooks/"
    }
    fraud = {
      account     = "production"
      group       = "ml-fraud-detection"
      domain_name = "contoso-org-fraud"
      domain_id   = "d-pdfrau000003"
      buckets     = ["contoso-org-fraud-workspace", "contoso-org-fraud-transactions"]
      shared      = "s3://contoso-org-fraud-workspace/shared/notebooks/"
    }
  }

  groups = {
    admins          = "sagemaker-admins"
    forecasting     = "ml-forecasting"
    recommendations = "ml-recommendations"
    fraud           = "ml-fraud-detection"
  }
  group_ids = {
    admins          = "9067a1b2c3-00000000-0000-4000-8000-0000000000a1"
    forecasting     = "9067a1b2c3-00000000-0000-4000-8000-0000000000a2"
    recommendations = "9067a1b2c3-00000000-0000-4000-8000-0000000000a3"
    fraud           = "9067a1b2c3-00000000-0000-4000-8000-0000000000a4"
  }

  profiles = {
    "forecasting/alice@contoso.com"     = { team = "forecasting", account = "research", user = "alice@contoso.com", name = "alice", role = "forecasting/data-scientist" }
    "forecasting/bob@contoso.com"       = { team = "forecasting", account = "research", user = "bob@contoso.com", name = "bob", role = "forecasting/mlops" }
    "recommendations/grace@contoso.com" = { team = "recommendations", account = "research", user = "grace@contoso.com", name = "grace", role = "recommendations/data-scientist" }
    "fraud/judy@contoso.com"            = { team = "fraud", account = "production", user = "judy@contoso.com", name = "judy", role = "fraud/mlops" }
    "fraud/alice@contoso.com"           = { team = "fraud", account = "production", user = "alice@contoso.com", name = "alice", role = "fraud/data-scientist" }
  }

  # The personas each team uses (its members' and its defaultPersona) plus compute and the team's shared-space role;
  # recommendations has no mlops.
  roles = {
    "forecasting/compute"            = { team = "forecasting", account = "research", persona = "compute" }
    "forecasting/data-scientist"     = { team = "forecasting", account = "research", persona = "data-scientist" }
    "forecasting/mlops"              = { team = "forecasting", account = "research", persona = "mlops" }
    "recommendations/compute"        = { team = "recommendations", account = "research", persona = "compute" }
    "recommendations/data-scientist" = { team = "recommendations", account = "research", persona = "data-scientist" }
    "fraud/compute"                  = { team = "fraud", account = "production", persona = "compute" }
    "fraud/data-scientist"           = { team = "fraud", account = "production", persona = "data-scientist" }
    "fraud/mlops"                    = { team = "fraud", account = "production", persona = "mlops" }
    "forecasting/shared-space"       = { team = "forecasting", account = "research", persona = "shared-space" }
    "recommendations/shared-space"   = { team = "recommendations", account = "research", persona = "shared-space" }
    "fraud/shared-space"             = { team = "fraud", account = "production", persona = "shared-space" }
  }

  # Each account gets the managed policies of the personas its teams use (all three in both), named alike but
  # built for the account (its ARNs and network). Three for data-scientist, two each for mlops and compute, none for
  # the shared-space role (inline only): IAM's 6,144-character limit, not the YAML, decides; the addresses are pinned
  # on purpose.
  # Each persona's grants split into managed policies of at most 6,144 characters, per account: research has a KMS
  # key, whose guardrails make the compute role's grants take a second policy.
  persona_policies = {
    research = {
      "compute/1"        = { persona = "compute", name = "contoso-org-compute-1" }
      "compute/2"        = { persona = "compute", name = "contoso-org-compute-2" }
      "data-scientist/1" = { persona = "data-scientist", name = "contoso-org-data-scientist-1" }
      "data-scientist/2" = { persona = "data-scientist", name = "contoso-org-data-scientist-2" }
      "data-scientist/3" = { persona = "data-scientist", name = "contoso-org-data-scientist-3" }
      "mlops/1"          = { persona = "mlops", name = "contoso-org-mlops-1" }
      "mlops/2"          = { persona = "mlops", name = "contoso-org-mlops-2" }
      "mlops/3"          = { persona = "mlops", name = "contoso-org-mlops-3" }
    }
    production = {
      "compute/1"        = { persona = "compute", name = "contoso-org-compute-1" }
      "data-scientist/1" = { persona = "data-scientist", name = "contoso-org-data-scientist-1" }
      "data-scientist/2" = { persona = "data-scientist", name = "contoso-org-data-scientist-2" }
      "data-scientist/3" = { persona = "data-scientist", name = "contoso-org-data-scientist-3" }
      "mlops/1"          = { persona = "mlops", name = "contoso-org-mlops-1" }
      "mlops/2"          = { persona = "mlops", name = "contoso-org-mlops-2" }
      "mlops/3"          = { persona = "mlops", name = "contoso-org-mlops-3" }
    }
  }
}

# ---------------------------------------------------------------------------------------------------------------
# Plan: the for_each keys of every block, i.e. which account each team's resources are in.
# ---------------------------------------------------------------------------------------------------------------
run "plan_shape" {
  command   = plan
  state_key = "stack"
  # Compares the domains' settings with the config: not known before the domains exist.
  expect_failures = [check.studio_domain_settings_research, check.studio_domain_settings_production]

  assert {
    condition = (
      toset(keys(aws_sagemaker_domain.team_research)) == toset([for k, t in var.teams : k if t.account == "research"]) &&
      toset(keys(aws_sagemaker_domain.team_production)) == toset([for k, t in var.teams : k if t.account == "production"])
    )
    error_message = "domains planned: research ${jsonencode(keys(aws_sagemaker_domain.team_research))}, production ${jsonencode(keys(aws_sagemaker_domain.team_production))}"
  }
  assert {
    condition = (
      toset(keys(aws_iam_role.execution_research)) == toset([for k, r in var.roles : k if r.account == "research"]) &&
      toset(keys(aws_iam_role.execution_production)) == toset([for k, r in var.roles : k if r.account == "production"])
    )
    error_message = "execution roles planned: research ${jsonencode(keys(aws_iam_role.execution_research))}, production ${jsonencode(keys(aws_iam_role.execution_production))}"
  }
  assert {
    condition = (
      toset(keys(aws_iam_role_policy.team_resources_research)) == toset([for k, r in var.roles : k if r.account == "research"]) &&
      toset(keys(aws_iam_role_policy.team_resources_production)) == toset([for k, r in var.roles : k if r.account == "production"])
    )
    error_message = "inline policies planned: research ${jsonencode(keys(aws_iam_role_policy.team_resources_research))}, production ${jsonencode(keys(aws_iam_role_policy.team_resources_production))}"
  }
  assert {
    condition = (
      toset(keys(aws_iam_policy.persona_research)) == toset(keys(var.persona_policies.research)) &&
      toset(keys(aws_iam_policy.persona_production)) == toset(keys(var.persona_policies.production))
    )
    error_message = "managed policies planned: research ${jsonencode(keys(aws_iam_policy.persona_research))}, production ${jsonencode(keys(aws_iam_policy.persona_production))}"
  }
  assert {
    condition = (
      toset(keys(aws_iam_role_policy_attachment.persona_research)) == toset(flatten([for rk, r in var.roles :
        [for pk, p in var.persona_policies.research : "${rk}/${split("/", pk)[1]}" if p.persona == r.persona] if r.account == "research"
      ])) &&
      toset(keys(aws_iam_role_policy_attachment.persona_production)) == toset(flatten([for rk, r in var.roles :
        [for pk, p in var.persona_policies.production : "${rk}/${split("/", pk)[1]}" if p.persona == r.persona] if r.account == "production"
      ]))
    )
    error_message = "policy attachments planned: research ${jsonencode(keys(aws_iam_role_policy_attachment.persona_research))}, production ${jsonencode(keys(aws_iam_role_policy_attachment.persona_production))}"
  }
  assert {
    condition = (
      toset(keys(aws_sagemaker_user_profile.member_research)) == toset([for k, p in var.profiles : k if p.account == "research"]) &&
      toset(keys(aws_sagemaker_user_profile.member_production)) == toset([for k, p in var.profiles : k if p.account == "production"])
    )
    error_message = "user profiles planned: research ${jsonencode(keys(aws_sagemaker_user_profile.member_research))}, production ${jsonencode(keys(aws_sagemaker_user_profile.member_production))}"
  }
  assert {
    condition = (
      toset(keys(aws_ssoadmin_application_assignment.team_research)) == toset([for k, t in var.teams : k if t.account == "research"]) &&
      toset(keys(aws_ssoadmin_application_assignment.team_production)) == toset([for k, t in var.teams : k if t.account == "production"])
    )
    error_message = "application assignments planned: research ${jsonencode(keys(aws_ssoadmin_application_assignment.team_research))}, production ${jsonencode(keys(aws_ssoadmin_application_assignment.team_production))}"
  }
  # The admins and the SCP go to the accounts that host a domain: the two workload accounts, not the Identity
  # Center account (it hosts none).
  assert {
    condition     = toset(keys(aws_ssoadmin_account_assignment.admin)) == toset(keys(var.accounts))
    error_message = "admin account assignments planned for ${jsonencode(keys(aws_ssoadmin_account_assignment.admin))}"
  }
  assert {
    condition     = toset(keys(aws_organizations_policy_attachment.console_guard)) == toset(keys(var.accounts))
    error_message = "console guard attachments planned for ${jsonencode(keys(aws_organizations_policy_attachment.console_guard))}"
  }
}

# ---------------------------------------------------------------------------------------------------------------
# Apply: the whole AWS side in three accounts, then the expanded instances and their references.
# An object of the two blocks of a kind, indexed by a team's account, finds "the team's block":
#   { research = <account_research_...>, production = <account_production_...> }[t.account][team]
# ---------------------------------------------------------------------------------------------------------------
run "apply_aws_side" {
  command   = apply
  state_key = "stack"

  # --- Identity Center lookups (default provider: the overridden lists prove it) ---------------------------------
  assert {
    condition = (
      data.aws_identitystore_groups.identity_center.identity_store_id == data.aws_ssoadmin_instances.identity_center.identity_store_ids[0] &&
      data.aws_identitystore_users.identity_center.identity_store_id == data.aws_ssoadmin_instances.identity_center.identity_store_ids[0] &&
      length(data.aws_identitystore_groups.identity_center.groups) == length(var.groups)
    )
    error_message = "identity store lookups: ${jsonencode(data.aws_identitystore_groups.identity_center.groups)}"
  }

  # --- Idle shutdown and storage: no limits in the YAML, so every domain and profile has the defaults: idle 60
  # minutes, chosen between 60 and 480, private spaces of 5 GB, at most 100 GB ---------------------------------
  assert {
    condition = alltrue([for d in concat(values(aws_sagemaker_domain.team_research), values(aws_sagemaker_domain.team_production)) : jsonencode([
      for idle in [
        d.default_user_settings[0].jupyter_lab_app_settings[0].app_lifecycle_management[0].idle_settings[0],
        d.default_user_settings[0].code_editor_app_settings[0].app_lifecycle_management[0].idle_settings[0],
        d.default_space_settings[0].jupyter_lab_app_settings[0].app_lifecycle_management[0].idle_settings[0],
      ] : [idle.lifecycle_management, idle.idle_timeout_in_minutes, idle.min_idle_timeout_in_minutes, idle.max_idle_timeout_in_minutes]
      ]) == jsonencode([for i in range(3) : ["ENABLED", 60, 60, 480]]) && jsonencode([
      d.default_user_settings[0].space_storage_settings[0].default_ebs_storage_settings[0].default_ebs_volume_size_in_gb,
      d.default_user_settings[0].space_storage_settings[0].default_ebs_storage_settings[0].maximum_ebs_volume_size_in_gb,
    ]) == jsonencode([5, 100])])
    error_message = "domain limits: ${jsonencode({ for k, d in merge(aws_sagemaker_domain.team_research, aws_sagemaker_domain.team_production) : k => [d.default_user_settings[0].jupyter_lab_app_settings, d.default_user_settings[0].code_editor_app_settings, d.default_user_settings[0].space_storage_settings] })}"
  }

  # --- Each team's domain: in its account's block only, created through that account's provider ----------------
  assert {
    condition = alltrue([for team, t in var.teams :
      contains(keys(aws_sagemaker_domain.team_research), team) == (t.account == "research") &&
      contains(keys(aws_sagemaker_domain.team_production), team) == (t.account == "production")
    ])
    error_message = "domains by account: research ${jsonencode(keys(aws_sagemaker_domain.team_research))}, production ${jsonencode(keys(aws_sagemaker_domain.team_production))}"
  }
  assert {
    condition = alltrue([for team, t in var.teams :
      { research = aws_sagemaker_domain.team_research, production = aws_sagemaker_domain.team_production }[t.account][team].id == t.domain_id &&
      { research = aws_sagemaker_domain.team_research, production = aws_sagemaker_domain.team_production }[t.account][team].arn == "arn:aws:sagemaker:eu-west-1:${var.accounts[t.account].id}:domain/${t.domain_id}"
    ])
    error_message = "domain ids (the per-account overrides reach only instances of that account's provider): ${jsonencode({ research = { for k, d in aws_sagemaker_domain.team_research : k => d.arn }, production = { for k, d in aws_sagemaker_domain.team_production : k => d.arn } })}"
  }
  # The account's network and key (production has no KMS key: kms_key_id stays unset).
  assert {
    condition = alltrue([for team, t in var.teams : alltrue([
      for d in [{ research = aws_sagemaker_domain.team_research, production = aws_sagemaker_domain.team_production }[t.account][team]] :
      d.domain_name == t.domain_name &&
      d.auth_mode == "SSO" &&
      d.app_network_access_type == "VpcOnly" &&
      d.vpc_id == var.accounts[t.account].vpc &&
      toset(d.subnet_ids) == toset(var.accounts[t.account].subnets) &&
      d.kms_key_id == var.accounts[t.account].kms &&
      d.tags["sagemaker-team"] == team &&
      length(d.retention_policy) == 1 && d.retention_policy[0].home_efs_file_system == "Retain"
    ])])
    error_message = "domain settings: ${jsonencode({ for k, d in merge(aws_sagemaker_domain.team_research, aws_sagemaker_domain.team_production) : k => [d.domain_name, d.auth_mode, d.app_network_access_type, d.vpc_id, d.subnet_ids, d.kms_key_id, d.tags, d.retention_policy] })}"
  }
  # Each account's security groups (a VpcOnly domain needs at least one: the loader enforces it).
  assert {
    condition = alltrue([for team, d in aws_sagemaker_domain.team_research :
      toset(d.default_user_settings[0].security_groups) == toset(var.accounts.research.sgs) &&
      toset(d.domain_settings[0].security_group_ids) == toset(var.accounts.research.sgs)
    ])
    error_message = "research security groups: ${jsonencode({ for k, d in aws_sagemaker_domain.team_research : k => [d.default_user_settings[0].security_groups, d.domain_settings] })}"
  }
  assert {
    condition = alltrue([for team, d in aws_sagemaker_domain.team_production :
      toset(d.default_user_settings[0].security_groups) == toset(var.accounts.production.sgs) &&
      toset(d.domain_settings[0].security_group_ids) == toset(var.accounts.production.sgs)
    ])
    error_message = "production security groups: ${jsonencode({ for k, d in aws_sagemaker_domain.team_production : k => [d.default_user_settings[0].security_groups, d.domain_settings] })}"
  }
  assert {
    condition = alltrue([for team, t in var.teams : alltrue([
      for d in [{ research = aws_sagemaker_domain.team_research, production = aws_sagemaker_domain.team_production }[t.account][team]] :
      d.default_user_settings[0].execution_role == "arn:aws:iam::${var.accounts[t.account].id}:role/sagemaker-studio/contoso-org/contoso-org-${team}-shared-space" &&
      d.default_space_settings[0].execution_role == "arn:aws:iam::${var.accounts[t.account].id}:role/sagemaker-studio/contoso-org/contoso-org-${team}-shared-space" &&
      d.default_user_settings[0].sharing_settings[0].s3_output_path == t.shared &&
      d.default_user_settings[0].sharing_settings[0].s3_kms_key_id == var.accounts[t.account].kms &&
      length(flatten(d.default_user_settings[0].jupyter_lab_app_settings[*].code_repository)) == 0 # no gitRepositories
    ])])
    error_message = "default roles, sharing, repositories: ${jsonencode({ for k, d in merge(aws_sagemaker_domain.team_research, aws_sagemaker_domain.team_production) : k => [d.default_user_settings[0].execution_role, d.default_space_settings[0].execution_role, d.default_user_settings[0].sharing_settings, d.default_user_settings[0].jupyter_lab_app_settings] })}"
  }

  # --- Each domain's group assignment (default provider) ---------------------------------------------------------
  assert {
    condition = alltrue([for team, t in var.teams : alltrue([
      for a in [{ research = aws_ssoadmin_application_assignment.team_research, production = aws_ssoadmin_application_assignment.team_production }[t.account][team]] :
      a.principal_type == "GROUP" &&
      a.principal_id == var.group_ids[team] &&
      a.application_arn == { research = aws_sagemaker_domain.team_research, production = aws_sagemaker_domain.team_production }[t.account][team].single_sign_on_application_arn
    ])])
    error_message = "application assignments: ${jsonencode({ for k, a in merge(aws_ssoadmin_application_assignment.team_research, aws_ssoadmin_application_assignment.team_production) : k => [a.principal_type, a.principal_id, a.application_arn] })}"
  }
  assert {
    condition = alltrue([for k, a in merge(aws_ssoadmin_application_assignment.team_research, aws_ssoadmin_application_assignment.team_production) :
      startswith(a.id, "arn:aws:sso::111122223333:application/ssoins-6804a1b2c3d4e5f6/apl-1111222233330000,")
    ])
    error_message = "application assignments not made through the Identity Center account's provider: ${jsonencode({ for k, a in merge(aws_ssoadmin_application_assignment.team_research, aws_ssoadmin_application_assignment.team_production) : k => a.id })}"
  }

  # --- User profiles: in the team's account, the team's domain, the persona's role of that account --------------
  assert {
    condition = alltrue([for key, p in var.profiles : alltrue([
      for u in [{ research = aws_sagemaker_user_profile.member_research, production = aws_sagemaker_user_profile.member_production }[p.account][key]] :
      u.domain_id == var.teams[p.team].domain_id &&
      u.domain_id == { research = aws_sagemaker_domain.team_research, production = aws_sagemaker_domain.team_production }[p.account][p.team].id
    ])])
    error_message = "profile domains: ${jsonencode({ for k, u in merge(aws_sagemaker_user_profile.member_research, aws_sagemaker_user_profile.member_production) : k => u.domain_id })}"
  }
  assert {
    condition = alltrue([for key, p in var.profiles : alltrue([
      for u in [{ research = aws_sagemaker_user_profile.member_research, production = aws_sagemaker_user_profile.member_production }[p.account][key]] :
      u.user_settings[0].execution_role == "arn:aws:iam::${var.accounts[p.account].id}:role/sagemaker-studio/contoso-org/contoso-org-${replace(p.role, "/", "-")}" &&
      u.user_settings[0].execution_role == { research = aws_iam_role.execution_research, production = aws_iam_role.execution_production }[p.account][p.role].arn
    ])])
    error_message = "profile roles: ${jsonencode({ for k, u in merge(aws_sagemaker_user_profile.member_research, aws_sagemaker_user_profile.member_production) : k => u.user_settings[0].execution_role })}"
  }
  assert {
    condition = alltrue([for key, p in var.profiles : alltrue([
      for u in [{ research = aws_sagemaker_user_profile.member_research, production = aws_sagemaker_user_profile.member_production }[p.account][key]] :
      u.user_profile_name == p.name &&
      u.single_sign_on_user_identifier == "UserName" &&
      u.single_sign_on_user_value == p.user &&
      u.tags["sagemaker-team"] == p.team &&
      startswith(u.arn, "arn:aws:sagemaker:eu-west-1:${var.accounts[p.account].id}:") # the account's mock
    ])])
    error_message = "profile names, SSO users, accounts: ${jsonencode({ for k, u in merge(aws_sagemaker_user_profile.member_research, aws_sagemaker_user_profile.member_production) : k => [u.user_profile_name, u.single_sign_on_user_value, u.tags, u.arn] })}"
  }

  # --- Execution roles ---------------------------------------------------------------------------------------------
  assert {
    condition = alltrue([for key, r in var.roles : alltrue([
      for role in [{ research = aws_iam_role.execution_research, production = aws_iam_role.execution_production }[r.account][key]] :
      role.name == "contoso-org-${r.team}-${r.persona}" &&
      role.path == "/sagemaker-studio/contoso-org/" &&
      role.arn == "arn:aws:iam::${var.accounts[r.account].id}:role/sagemaker-studio/contoso-org/contoso-org-${r.team}-${r.persona}" &&
      role.tags["sagemaker-team"] == r.team &&
      role.tags["sagemaker-persona"] == r.persona &&
      jsondecode(role.assume_role_policy).Statement[0].Principal.Service == "sagemaker.amazonaws.com"
    ])])
    error_message = "execution roles: ${jsonencode({ for k, r in merge(aws_iam_role.execution_research, aws_iam_role.execution_production) : k => [r.name, r.path, r.arn, r.tags] })}"
  }

  # --- Persona managed policies, per account ----------------------------------------------------------------------
  assert {
    condition = alltrue(flatten([for account, a in var.accounts : [for key, p in var.persona_policies[account] : [
      for policy in [{ research = aws_iam_policy.persona_research, production = aws_iam_policy.persona_production }[account][key]] :
      policy.name == p.name &&
      policy.path == "/sagemaker-studio/contoso-org/" &&
      policy.arn == "arn:aws:iam::${a.id}:policy/sagemaker-studio/contoso-org/${p.name}" &&
      length(policy.policy) <= 6144
    ]]]))
    error_message = "managed policies: ${jsonencode({ research = { for k, p in aws_iam_policy.persona_research : k => [p.name, p.arn, length(p.policy)] }, production = { for k, p in aws_iam_policy.persona_production : k => [p.name, p.arn, length(p.policy)] } })}"
  }
  # Built for their own account: they name its account id and no other account's, and no team's bucket or role.
  assert {
    condition = alltrue(flatten([for account, a in var.accounts : [for key, p in var.persona_policies[account] : [
      for policy in [{ research = aws_iam_policy.persona_research, production = aws_iam_policy.persona_production }[account][key]] :
      alltrue([for other in concat([var.identity_center_account], [for o, oa in var.accounts : oa.id if o != account]) : !strcontains(policy.policy, other)]) &&
      # A part of a split policy may hold only statements that name no account (guardrails on "*").
      (strcontains(policy.policy, ":${a.id}:") || length(regexall(":[0-9]{12}:", policy.policy)) == 0) &&
      !strcontains(policy.policy, "arn:aws:s3:::") && !strcontains(policy.policy, "iam:PassRole")
    ]]]))
    error_message = "managed policies naming another account, a bucket or a role to pass"
  }
  # Jobs and models only in the account's own subnets (the network conditions are per account now).
  assert {
    condition = alltrue(flatten([for account, a in var.accounts : [for key, p in var.persona_policies[account] : [
      for policy in [{ research = aws_iam_policy.persona_research, production = aws_iam_policy.persona_production }[account][key]] :
      [for s in jsondecode(policy.policy).Statement : toset(s.Condition["ForAllValues:StringEquals"]["sagemaker:VpcSubnets"]) == toset(a.subnets) if can(s.Condition["ForAllValues:StringEquals"]["sagemaker:VpcSubnets"])]
    ]]]))
    error_message = "subnet conditions: ${jsonencode({ research = [for k, p in aws_iam_policy.persona_research : [for s in jsondecode(p.policy).Statement : s.Condition if can(s.Condition["ForAllValues:StringEquals"]["sagemaker:VpcSubnets"])]], production = [for k, p in aws_iam_policy.persona_production : [for s in jsondecode(p.policy).Statement : s.Condition if can(s.Condition["ForAllValues:StringEquals"]["sagemaker:VpcSubnets"])]] })}"
  }
  # Each role has exactly its persona's managed policies of its own account attached.
  assert {
    condition = alltrue([for key, r in var.roles :
      sort([for a in { research = aws_iam_role_policy_attachment.persona_research, production = aws_iam_role_policy_attachment.persona_production }[r.account] :
      a.policy_arn if a.role == "contoso-org-${r.team}-${r.persona}"]) ==
      sort([for pk, p in var.persona_policies[r.account] : "arn:aws:iam::${var.accounts[r.account].id}:policy/sagemaker-studio/contoso-org/${p.name}" if p.persona == r.persona])
    ])
    error_message = "managed policies attached per role: ${jsonencode({ for k, a in merge(aws_iam_role_policy_attachment.persona_research, aws_iam_role_policy_attachment.persona_production) : k => [a.role, a.policy_arn] })}"
  }
  assert {
    condition = (
      alltrue([for k, a in aws_iam_role_policy_attachment.persona_research :
        contains([for r in aws_iam_role.execution_research : r.name], a.role) && strcontains(a.id, "arn:aws:iam::444455556666:")
      ]) &&
      alltrue([for k, a in aws_iam_role_policy_attachment.persona_production :
        contains([for r in aws_iam_role.execution_production : r.name], a.role) && strcontains(a.id, "arn:aws:iam::777788889999:")
      ])
    )
    error_message = "attachments to another account's roles, or through another account's provider: ${jsonencode({ for k, a in merge(aws_iam_role_policy_attachment.persona_research, aws_iam_role_policy_attachment.persona_production) : k => [a.role, a.id] })}"
  }

  # --- Inline policies: the team's buckets and compute role ---------------------------------------------------------
  assert {
    condition = alltrue([for key, r in var.roles : alltrue([
      for p in [{ research = aws_iam_role_policy.team_resources_research, production = aws_iam_role_policy.team_resources_production }[r.account][key]] :
      p.name == "team-resources" &&
      p.role == "contoso-org-${r.team}-${r.persona}" &&
      alltrue([for arn in flatten([for s in jsondecode(p.policy).Statement : try(tolist(s.Resource), [s.Resource])]) :
        anytrue([for b in var.teams[r.team].buckets : arn == "arn:aws:s3:::${b}" || startswith(arn, "arn:aws:s3:::${b}/")])
        if startswith(arn, "arn:aws:s3:::")
      ]) &&
      alltrue([for b in var.teams[r.team].buckets : contains(flatten([for s in jsondecode(p.policy).Statement : try(tolist(s.Resource), [s.Resource])]), "arn:aws:s3:::${b}")])
    ]) if r.persona != "shared-space"])
    error_message = "inline policies: ${jsonencode({ for k, p in merge(aws_iam_role_policy.team_resources_research, aws_iam_role_policy.team_resources_production) : k => [p.name, p.role, distinct([for arn in flatten([for s in jsondecode(p.policy).Statement : try(tolist(s.Resource), [s.Resource])]) : arn if startswith(arn, "arn:aws:s3:::")])] })}"
  }
  assert {
    condition = alltrue([for key, r in var.roles : alltrue([
      for p in [{ research = aws_iam_role_policy.team_resources_research, production = aws_iam_role_policy.team_resources_production }[r.account][key]] :
      jsonencode(flatten([for s in jsondecode(p.policy).Statement : try(tolist(s.Resource), [s.Resource]) if contains(try(tolist(s.Action), [s.Action]), "iam:PassRole")])) ==
      jsonencode(r.persona == "shared-space" ? [] : [{ research = aws_iam_role.execution_research, production = aws_iam_role.execution_production }[r.account]["${r.team}/compute"].arn])
    ])])
    error_message = "PassRole resources: ${jsonencode({ for k, p in merge(aws_iam_role_policy.team_resources_research, aws_iam_role_policy.team_resources_production) : k => [for s in jsondecode(p.policy).Statement : s.Resource if contains(try(tolist(s.Action), [s.Action]), "iam:PassRole")] })}"
  }

  # --- IAM policy variables rendered ${...} -----------------------------------------------------------------------------
  assert {
    condition = alltrue([for k, p in merge(
      { for k, p in aws_iam_role_policy.team_resources_research : "inline research ${k}" => p.policy },
      { for k, p in aws_iam_role_policy.team_resources_production : "inline production ${k}" => p.policy },
      { for k, p in aws_iam_policy.persona_research : "managed research ${k}" => p.policy },
      { for k, p in aws_iam_policy.persona_production : "managed production ${k}" => p.policy },
    ) : length(regexall("\\$\\$\\{", p)) == 0])
    error_message = "a policy still contains an escaped ${"$$"}{ (cdktf escaping not undone)"
  }
  assert {
    condition = alltrue([for key, r in var.roles : alltrue([
      for p in [{ research = aws_iam_role_policy.team_resources_research, production = aws_iam_role_policy.team_resources_production }[r.account][key]] :
      contains(
        flatten([for s in jsondecode(p.policy).Statement : try(tolist(s.Resource), [s.Resource]) if s.Effect == "Allow" && contains(try(tolist(s.Action), [s.Action]), "s3:GetObject")]),
        "arn:aws:s3:::${var.teams[r.team].buckets[0]}/users/$${aws:SourceIdentity}/*"
      )
    ]) if !contains(["compute", "shared-space"], r.persona)])
    error_message = "Studio personas' own-prefix object ARNs: ${jsonencode({ for k, p in merge(aws_iam_role_policy.team_resources_research, aws_iam_role_policy.team_resources_production) : k => [for s in jsondecode(p.policy).Statement : s.Resource if contains(try(tolist(s.Action), [s.Action]), "s3:GetObject")] })}"
  }
  # A Studio role may open only the caller's own profile, in its own account.
  assert {
    condition = alltrue([for key, r in var.roles :
      flatten([for doc in concat(
        [{ research = aws_iam_role_policy.team_resources_research, production = aws_iam_role_policy.team_resources_production }[r.account][key].policy],
        [for pk, p in var.persona_policies[r.account] : { research = aws_iam_policy.persona_research, production = aws_iam_policy.persona_production }[r.account][pk].policy if p.persona == r.persona]
        ) : [for s in jsondecode(doc).Statement :
        try(tolist(s.Resource), [s.Resource]) if s.Effect == "Allow" && contains(try(tolist(s.Action), [s.Action]), "sagemaker:CreatePresignedDomainUrl")
      ]]) == ["arn:aws:sagemaker:eu-west-1:${var.accounts[r.account].id}:user-profile/$${sagemaker:DomainId}/$${sagemaker:UserProfileName}"]
      if !contains(["compute", "shared-space"], r.persona)
    ])
    error_message = "CreatePresignedDomainUrl grants: ${jsonencode({ research = { for pk, p in aws_iam_policy.persona_research : pk => [for s in jsondecode(p.policy).Statement : s.Resource if contains(try(tolist(s.Action), [s.Action]), "sagemaker:CreatePresignedDomainUrl")] }, production = { for pk, p in aws_iam_policy.persona_production : pk => [for s in jsondecode(p.policy).Statement : s.Resource if contains(try(tolist(s.Action), [s.Action]), "sagemaker:CreatePresignedDomainUrl")] } })}"
  }

  # --- Admin access: assigned on the two workload accounts, not on the Identity Center account ---------------------
  assert {
    condition = (
      aws_ssoadmin_permission_set.admin.name == "contoso-org-admin" &&
      aws_ssoadmin_permission_set.admin.instance_arn == data.aws_ssoadmin_instances.identity_center.arns[0] &&
      aws_ssoadmin_managed_policy_attachment.admin_sagemaker_full_access.permission_set_arn == aws_ssoadmin_permission_set.admin.arn &&
      aws_ssoadmin_managed_policy_attachment.admin_sagemaker_full_access.managed_policy_arn == "arn:aws:iam::aws:policy/AmazonSageMakerFullAccess"
    )
    error_message = "admin permission set: ${jsonencode([aws_ssoadmin_permission_set.admin, aws_ssoadmin_managed_policy_attachment.admin_sagemaker_full_access])}"
  }
  assert {
    condition = length(aws_ssoadmin_account_assignment.admin) == length(var.accounts) && alltrue([for key, a in var.accounts :
      aws_ssoadmin_account_assignment.admin[key].target_id == a.id &&
      aws_ssoadmin_account_assignment.admin[key].target_type == "AWS_ACCOUNT" &&
      aws_ssoadmin_account_assignment.admin[key].principal_type == "GROUP" &&
      aws_ssoadmin_account_assignment.admin[key].principal_id == var.group_ids.admins &&
      aws_ssoadmin_account_assignment.admin[key].permission_set_arn == aws_ssoadmin_permission_set.admin.arn
    ])
    error_message = "admin account assignments: ${jsonencode({ for k, a in aws_ssoadmin_account_assignment.admin : k => [a.target_id, a.principal_id, a.permission_set_arn] })}"
  }
  assert {
    condition = (
      toset([for a in aws_ssoadmin_account_assignment.admin : a.target_id]) == toset(["444455556666", "777788889999"]) &&
      !contains([for a in aws_ssoadmin_account_assignment.admin : a.target_id], var.identity_center_account)
    )
    error_message = "admin permission set assigned on ${jsonencode([for a in aws_ssoadmin_account_assignment.admin : a.target_id])}"
  }

  # --- Console guard SCP: attached to both workload accounts, exempting their deployer roles -----------------------
  assert {
    condition = length(aws_organizations_policy_attachment.console_guard) == length(var.accounts) && alltrue([for key, a in var.accounts :
      aws_organizations_policy_attachment.console_guard[key].target_id == a.id &&
      aws_organizations_policy_attachment.console_guard[key].policy_id == aws_organizations_policy.console_guard.id &&
      aws_organizations_policy_attachment.console_guard[key].policy_id == "p-c0ns01eorg0"
    ]) && aws_organizations_policy.console_guard.type == "SERVICE_CONTROL_POLICY"
    error_message = "console guard attachments: ${jsonencode({ for k, a in aws_organizations_policy_attachment.console_guard : k => [a.target_id, a.policy_id] })}"
  }
  assert {
    condition     = !contains([for a in aws_organizations_policy_attachment.console_guard : a.target_id], var.identity_center_account)
    error_message = "console guard attached to the Identity Center account"
  }
  assert {
    # Every deny but the SAML provider's (which exempts nobody) and the readers' exempts every deployer; the SageMaker
    # one also the execution roles, the role-path one nobody else. The readers' binds exactly the accounts' plan roles.
    condition = length(jsondecode(aws_organizations_policy.console_guard.content).Statement) == 6 && alltrue([for s in jsondecode(aws_organizations_policy.console_guard.content).Statement :
      s.Effect == "Deny" && (s.Sid == "NobodyChangesIdentityCenterTrust" ? !can(s.Condition) : s.Sid == "ReadersOnlyRead" ?
        toset(s.Condition.ArnLike["aws:PrincipalArn"]) == toset([for a in var.accounts : a.plan]) : (
          contains(s.Condition.ArnNotLike["aws:PrincipalArn"], var.deployer_role_arn) &&
          contains(s.Condition.ArnNotLike["aws:PrincipalArn"], var.accounts.research.deployer) &&
          contains(s.Condition.ArnNotLike["aws:PrincipalArn"], var.accounts.production.deployer) &&
          (contains(s.Action, "sagemaker:*") ?
            contains(s.Condition.ArnNotLike["aws:PrincipalArn"], "arn:aws:iam::*:role/sagemaker-studio/contoso-org/*") :
          s.Sid != "OnlyDeployerChangesExecutionRoles" || !contains(s.Condition.ArnNotLike["aws:PrincipalArn"], "arn:aws:iam::*:role/sagemaker-studio/contoso-org/*"))
      ))
    ])
    error_message = "console guard SCP content: ${aws_organizations_policy.console_guard.content}"
  }

  # --- Outputs ----------------------------------------------------------------------------------------------------
  assert {
    condition = output.studio_domains == { for team, t in var.teams : team => {
      id  = t.domain_id
      url = "https://${t.domain_id}.studio.eu-west-1.sagemaker.aws"
    } }
    error_message = "studio_domains output: ${jsonencode(output.studio_domains)}"
  }
  assert {
    condition     = output.admin_permission_set_arn == aws_ssoadmin_permission_set.admin.arn
    error_message = "admin_permission_set_arn output: ${output.admin_permission_set_arn}"
  }
}

# ---------------------------------------------------------------------------------------------------------------
# Teardown aid: forget the prevent_destroy domains of both workload accounts (see forget-domains/main.tf).
# ---------------------------------------------------------------------------------------------------------------
run "forget_domains_before_teardown" {
  command   = apply
  state_key = "stack"
  module {
    source = "./tests/forget-domains"
  }
}
