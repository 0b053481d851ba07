# Terraform tier (docs/architecture.md, section 5, tier 2) for examples/contoso-external.yaml.
#
# run.sh synthesizes the example and copies this file (with mocks/ and forget-domains/, never another example's test
# file) next to the JSON, then runs `terraform validate` and `terraform test`. The AWS provider is mocked (defaults
# in mocks/aws.tfmock.hcl); the overrides below give the instances that assertions must tell apart distinct,
# well-formed ids and ARNs, so "profile X uses role Y" or "role X has policy Y attached" can only pass when the
# references in the synthesized JSON really point at instance Y.
#
# Every expectation is written by hand from the example YAML, never read back from the synthesized JSON. Resource
# addresses are the fixed, documented ones of docs/addresses.md.

mock_provider "aws" {
  source = "./tests/mocks"
}

# The organization's management account, where the console guard SCP is managed.
mock_provider "aws" {
  alias  = "organization"
  source = "./tests/mocks"
}

# ---------------------------------------------------------------------------------------------------------------
# Expectations, from examples/contoso-external.yaml
# ---------------------------------------------------------------------------------------------------------------
variables {
  deployer_role_arn = "arn:aws:iam::111122223333:role/platform-terraform"
  kms_key_arn       = "arn:aws:kms:eu-west-1:111122223333:key/0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9"

  teams = {
    forecasting = {
      group       = "ml-forecasting"
      domain_name = "contoso-ext-forecasting"
      git         = ["https://git.contoso.example/ml/forecasting.git"]
      shared      = "s3://contoso-forecasting-workspace/shared/notebooks/" # the first s3Bucket is the workspace
      buckets     = ["contoso-forecasting-workspace", "contoso-forecasting-data"]
    }
    recommendations = {
      group       = "ml-recommendations"
      domain_name = "contoso-ext-recommendations"
      git         = []
      shared      = "s3://contoso-recommendations-workspace/shared/notebooks/"
      buckets     = ["contoso-recommendations-workspace"]
    }
    fraud = {
      group       = "ml-fraud-detection"
      domain_name = "contoso-ext-fraud"
      git         = []
      shared      = "s3://contoso-fraud-workspace/shared/notebooks/"
      buckets     = ["contoso-fraud-workspace", "contoso-fraud-transactions"]
    }
  }

  # One Identity Center group lookup per team plus the admins group.
  groups = {
    admins          = "sagemaker-admins"
    forecasting     = "ml-forecasting"
    recommendations = "ml-recommendations"
    fraud           = "ml-fraud-detection"
  }

  # members: <user>: <persona> | (empty: the team's defaultPersona) | { persona, profileName }
  profiles = {
    "forecasting/alice@contoso.com"     = { team = "forecasting", user = "alice@contoso.com", name = "alice", role = "forecasting/data-scientist" }
    "forecasting/bob@contoso.com"       = { team = "forecasting", user = "bob@contoso.com", name = "bob", role = "forecasting/mlops" }
    "forecasting/erin.lee@contoso.com"  = { team = "forecasting", user = "erin.lee@contoso.com", name = "erin-lee", role = "forecasting/data-scientist" }
    "forecasting/frank@contoso.com"     = { team = "forecasting", user = "frank@contoso.com", name = "frank-batch", role = "forecasting/compute" }
    "recommendations/grace@contoso.com" = { team = "recommendations", user = "grace@contoso.com", name = "grace", role = "recommendations/data-scientist" }
    "recommendations/heidi@contoso.com" = { team = "recommendations", user = "heidi@contoso.com", name = "heidi", role = "recommendations/data-scientist" }
    "recommendations/ivan@contoso.com"  = { team = "recommendations", user = "ivan@contoso.com", name = "ivan", role = "recommendations/mlops" }
    "fraud/judy@contoso.com"            = { team = "fraud", user = "judy@contoso.com", name = "judy", role = "fraud/mlops" }
    "fraud/mallory@contoso.com"         = { team = "fraud", user = "mallory@contoso.com", name = "mallory", role = "fraud/data-scientist" }
    "fraud/alice@contoso.com"           = { team = "fraud", user = "alice@contoso.com", name = "alice", role = "fraud/data-scientist" }
  }

  # Idle shutdown and storage as [idle timeout, min, max (minutes), default storage, max storage (GB)]: the defaults
  # [60, 60, 480, 5, 100], under personas.mlops.limits (max 720 minutes), under teams.fraud.limits (idle 120 minutes,
  # at most 50 GB, for everyone in fraud). A domain's defaults and shared spaces take its default persona's.
  domain_limits = {
    forecasting     = [60, 60, 480, 5, 100] # defaultPersona: data-scientist
    recommendations = [60, 60, 480, 5, 100]
    fraud           = [120, 60, 720, 5, 50] # defaultPersona: mlops
  }
  profile_limits = {
    "forecasting/alice@contoso.com"     = [60, 60, 480, 5, 100]
    "forecasting/bob@contoso.com"       = [60, 60, 720, 5, 100] # mlops
    "forecasting/erin.lee@contoso.com"  = [60, 60, 480, 5, 100]
    "forecasting/frank@contoso.com"     = [60, 60, 480, 5, 100] # compute: no persona limits, the defaults
    "recommendations/grace@contoso.com" = [60, 60, 480, 5, 100]
    "recommendations/heidi@contoso.com" = [60, 60, 480, 5, 100]
    "recommendations/ivan@contoso.com"  = [60, 60, 720, 5, 100] # mlops
    "fraud/judy@contoso.com"            = [120, 60, 720, 5, 50] # mlops, under fraud's override
    "fraud/mallory@contoso.com"         = [120, 60, 480, 5, 50]
    "fraud/alice@contoso.com"           = [120, 60, 480, 5, 50]
  }

  # One execution role per team and persona used anywhere in the config (data-scientist, mlops, compute): each
  # team's compute role is what its Studio roles pass to jobs, so every team has one even without a compute member.
  roles = {
    "forecasting/compute"            = { team = "forecasting", persona = "compute" }
    "forecasting/data-scientist"     = { team = "forecasting", persona = "data-scientist" }
    "forecasting/mlops"              = { team = "forecasting", persona = "mlops" }
    "recommendations/compute"        = { team = "recommendations", persona = "compute" }
    "recommendations/data-scientist" = { team = "recommendations", persona = "data-scientist" }
    "recommendations/mlops"          = { team = "recommendations", persona = "mlops" }
    "fraud/compute"                  = { team = "fraud", persona = "compute" }
    "fraud/data-scientist"           = { team = "fraud", persona = "data-scientist" }
    "fraud/mlops"                    = { team = "fraud", persona = "mlops" }
    # Each team's shared spaces run as a role of their own, no bigger than any of the team's Studio personas.
    "forecasting/shared-space"     = { team = "forecasting", persona = "shared-space" }
    "recommendations/shared-space" = { team = "recommendations", persona = "shared-space" }
    "fraud/shared-space"           = { team = "fraud", persona = "shared-space" }
  }

  # Each persona's account-wide grants and guardrails, as customer managed policies `<name>-<persona>-<n>` shared by
  # every team's role of that persona. How many a persona needs is not in the YAML: it follows from IAM's 6,144
  # character limit on a managed policy (data-scientist needs three, mlops and compute two; the shared-space role
  # has only its team's inline policy).
  # The addresses are pinned on purpose (docs/addresses.md).
  persona_policies = {
    "compute/1"        = { persona = "compute", name = "contoso-ext-compute-1" }
    "compute/2"        = { persona = "compute", name = "contoso-ext-compute-2" }
    "data-scientist/1" = { persona = "data-scientist", name = "contoso-ext-data-scientist-1" }
    "data-scientist/2" = { persona = "data-scientist", name = "contoso-ext-data-scientist-2" }
    "data-scientist/3" = { persona = "data-scientist", name = "contoso-ext-data-scientist-3" }
    "mlops/1"          = { persona = "mlops", name = "contoso-ext-mlops-1" }
    "mlops/2"          = { persona = "mlops", name = "contoso-ext-mlops-2" }
    "mlops/3"          = { persona = "mlops", name = "contoso-ext-mlops-3" }
  }

  # personas.data-scientist.instanceTypes
  data_scientist_instance_types = ["ml.t3.medium", "ml.m5.large", "ml.m5.xlarge", "ml.g4dn.xlarge"]

  # The admins' permission set and the console guard SCP go to every account that hosts a domain: here only the
  # Identity Center account itself (no aws.accounts), under its key "identity-center".
  domain_accounts = { "identity-center" = "111122223333" }

  # The ids the overrides below give the looked-up groups (the mock stands in for Identity Center).
  group_ids = {
    admins          = "9067a1b2c3-00000000-0000-4000-8000-000000000001"
    forecasting     = "9067a1b2c3-00000000-0000-4000-8000-000000000002"
    recommendations = "9067a1b2c3-00000000-0000-4000-8000-000000000003"
    fraud           = "9067a1b2c3-00000000-0000-4000-8000-000000000004"
  }
}

# ---------------------------------------------------------------------------------------------------------------
# Distinct values per instance. Overrides must be literals, so these repeat the ids in `group_ids` above.
# ---------------------------------------------------------------------------------------------------------------
# The identity store, as SCIM would have filled it: every group the config names and every member who gets a
# profile, spelled as the config spells them.
override_data {
  target = data.aws_identitystore_groups.identity_center
  values = {
    groups = [
      { group_id = "9067a1b2c3-00000000-0000-4000-8000-000000000001", display_name = "sagemaker-admins", description = "", external_ids = [] },
      { group_id = "9067a1b2c3-00000000-0000-4000-8000-000000000002", display_name = "ml-forecasting", description = "", external_ids = [] },
      { group_id = "9067a1b2c3-00000000-0000-4000-8000-000000000003", display_name = "ml-recommendations", description = "", external_ids = [] },
      { group_id = "9067a1b2c3-00000000-0000-4000-8000-000000000004", display_name = "ml-fraud-detection", description = "", external_ids = [] },
      { group_id = "9067a1b2c3-00000000-0000-4000-8000-000000000099", display_name = "another-team-of-the-company", description = "", external_ids = [] },
    ]
  }
}
override_data {
  target = data.aws_identitystore_users.identity_center
  values = {
    users = [for name in ["alice@contoso.com", "bob@contoso.com", "erin.lee@contoso.com", "frank@contoso.com", "grace@contoso.com", "heidi@contoso.com", "ivan@contoso.com", "judy@contoso.com", "mallory@contoso.com", "carol@contoso.com"] : { user_name = name }]
  }
}

override_resource {
  target = aws_sagemaker_domain.team["forecasting"]
  values = {
    id                             = "d-fcst00000001"
    arn                            = "arn:aws:sagemaker:eu-west-1:111122223333:domain/d-fcst00000001"
    url                            = "https://d-fcst00000001.studio.eu-west-1.sagemaker.aws"
    single_sign_on_application_arn = "arn:aws:sso::111122223333:application/ssoins-6804a1b2c3d4e5f6/apl-fc00000000000001"
  }
}
override_resource {
  target = aws_sagemaker_domain.team["recommendations"]
  values = {
    id                             = "d-reco00000002"
    arn                            = "arn:aws:sagemaker:eu-west-1:111122223333:domain/d-reco00000002"
    url                            = "https://d-reco00000002.studio.eu-west-1.sagemaker.aws"
    single_sign_on_application_arn = "arn:aws:sso::111122223333:application/ssoins-6804a1b2c3d4e5f6/apl-ec00000000000002"
  }
}
override_resource {
  target = aws_sagemaker_domain.team["fraud"]
  values = {
    id                             = "d-frau00000003"
    arn                            = "arn:aws:sagemaker:eu-west-1:111122223333:domain/d-frau00000003"
    url                            = "https://d-frau00000003.studio.eu-west-1.sagemaker.aws"
    single_sign_on_application_arn = "arn:aws:sso::111122223333:application/ssoins-6804a1b2c3d4e5f6/apl-fa00000000000003"
  }
}

override_resource {
  target = aws_iam_role.execution["forecasting/compute"]
  values = { arn = "arn:aws:iam::111122223333:role/sagemaker-studio/contoso-ext/contoso-ext-forecasting-compute" }
}
override_resource {
  target = aws_iam_role.execution["forecasting/data-scientist"]
  values = { arn = "arn:aws:iam::111122223333:role/sagemaker-studio/contoso-ext/contoso-ext-forecasting-data-scientist" }
}
override_resource {
  target = aws_iam_role.execution["forecasting/mlops"]
  values = { arn = "arn:aws:iam::111122223333:role/sagemaker-studio/contoso-ext/contoso-ext-forecasting-mlops" }
}
override_resource {
  target = aws_iam_role.execution["recommendations/compute"]
  values = { arn = "arn:aws:iam::111122223333:role/sagemaker-studio/contoso-ext/contoso-ext-recommendations-compute" }
}
override_resource {
  target = aws_iam_role.execution["recommendations/data-scientist"]
  values = { arn = "arn:aws:iam::111122223333:role/sagemaker-studio/contoso-ext/contoso-ext-recommendations-data-scientist" }
}
override_resource {
  target = aws_iam_role.execution["recommendations/mlops"]
  values = { arn = "arn:aws:iam::111122223333:role/sagemaker-studio/contoso-ext/contoso-ext-recommendations-mlops" }
}
override_resource {
  target = aws_iam_role.execution["forecasting/shared-space"]
  values = { arn = "arn:aws:iam::111122223333:role/sagemaker-studio/contoso-ext/contoso-ext-forecasting-shared-space" }
}
override_resource {
  target = aws_iam_role.execution["recommendations/shared-space"]
  values = { arn = "arn:aws:iam::111122223333:role/sagemaker-studio/contoso-ext/contoso-ext-recommendations-shared-space" }
}
override_resource {
  target = aws_iam_role.execution["fraud/shared-space"]
  values = { arn = "arn:aws:iam::111122223333:role/sagemaker-studio/contoso-ext/contoso-ext-fraud-shared-space" }
}
override_resource {
  target = aws_iam_role.execution["fraud/compute"]
  values = { arn = "arn:aws:iam::111122223333:role/sagemaker-studio/contoso-ext/contoso-ext-fraud-compute" }
}
override_resource {
  target = aws_iam_role.execution["fraud/data-scientist"]
  values = { arn = "arn:aws:iam::111122223333:role/sagemaker-studio/contoso-ext/contoso-ext-fraud-data-scientist" }
}
override_resource {
  target = aws_iam_role.execution["fraud/mlops"]
  values = { arn = "arn:aws:iam::111122223333:role/sagemaker-studio/contoso-ext/contoso-ext-fraud-mlops" }
}

override_resource {
  target = aws_iam_policy.persona["compute/1"]
  values = { arn = "arn:aws:iam::111122223333:policy/sagemaker-studio/contoso-ext/contoso-ext-compute-1" }
}
override_resource {
  target = aws_iam_policy.persona["data-scientist/1"]
  values = { arn = "arn:aws:iam::111122223333:policy/sagemaker-studio/contoso-ext/contoso-ext-data-scientist-1" }
}
override_resource {
  target = aws_iam_policy.persona["data-scientist/2"]
  values = { arn = "arn:aws:iam::111122223333:policy/sagemaker-studio/contoso-ext/contoso-ext-data-scientist-2" }
}
override_resource {
  target = aws_iam_policy.persona["mlops/1"]
  values = { arn = "arn:aws:iam::111122223333:policy/sagemaker-studio/contoso-ext/contoso-ext-mlops-1" }
}
override_resource {
  target = aws_iam_policy.persona["mlops/2"]
  values = { arn = "arn:aws:iam::111122223333:policy/sagemaker-studio/contoso-ext/contoso-ext-mlops-2" }
}
override_resource {
  target = aws_iam_policy.persona["mlops/3"]
  values = { arn = "arn:aws:iam::111122223333:policy/sagemaker-studio/contoso-ext/contoso-ext-mlops-3" }
}

override_resource {
  target = aws_organizations_policy.console_guard
  values = {
    id  = "p-c0ns01eguard"
    arn = "arn:aws:organizations::111122223333:policy/o-a1b2c3d4e5/service_control_policy/p-c0ns01eguard"
  }
}
override_resource {
  target = aws_organizations_policy.identity_center_guard
  values = {
    id  = "p-1dcenterguard"
    arn = "arn:aws:organizations::111122223333:policy/o-a1b2c3d4e5/service_control_policy/p-1dcenterguard"
  }
}

# ---------------------------------------------------------------------------------------------------------------
# Plan: what is known before anything exists (the for_each keys, everything taken from the config).
# ---------------------------------------------------------------------------------------------------------------
run "plan_shape" {
  command   = plan
  state_key = "stack"
  # Compares the domains' settings with the config: not known before the domains exist.
  expect_failures = [check.studio_domain_settings]

  assert {
    condition     = toset(keys(aws_sagemaker_domain.team)) == toset(keys(var.teams))
    error_message = "domains planned for ${jsonencode(keys(aws_sagemaker_domain.team))}, expected one per team"
  }
  assert {
    condition     = toset(keys(aws_sagemaker_user_profile.member)) == toset(keys(var.profiles))
    error_message = "user profiles planned for ${jsonencode(keys(aws_sagemaker_user_profile.member))}"
  }
  assert {
    condition     = toset(keys(aws_iam_role.execution)) == toset(keys(var.roles))
    error_message = "execution roles planned for ${jsonencode(keys(aws_iam_role.execution))}"
  }
  assert {
    condition     = toset(keys(aws_iam_role_policy.team_resources)) == toset(keys(var.roles))
    error_message = "inline policies planned for ${jsonencode(keys(aws_iam_role_policy.team_resources))}"
  }
  assert {
    condition     = toset(keys(aws_iam_policy.persona)) == toset(keys(var.persona_policies))
    error_message = "managed policies planned for ${jsonencode(keys(aws_iam_policy.persona))}"
  }
  # One attachment `<team>/<persona>/<n>` per role and managed policy of its persona.
  assert {
    condition = toset(keys(aws_iam_role_policy_attachment.persona)) == toset(flatten([for rk, r in var.roles :
      [for pk, p in var.persona_policies : "${rk}/${split("/", pk)[1]}" if p.persona == r.persona]
    ]))
    error_message = "policy attachments planned for ${jsonencode(keys(aws_iam_role_policy_attachment.persona))}"
  }
  assert {
    condition     = toset(keys(aws_ssoadmin_account_assignment.admin)) == toset(keys(var.domain_accounts))
    error_message = "admin account assignments planned for ${jsonencode(keys(aws_ssoadmin_account_assignment.admin))}"
  }
  assert {
    condition     = toset(keys(aws_organizations_policy_attachment.console_guard)) == toset(keys(var.domain_accounts))
    error_message = "console guard attachments planned for ${jsonencode(keys(aws_organizations_policy_attachment.console_guard))}"
  }
  assert {
    condition     = toset(keys(aws_ssoadmin_application_assignment.team)) == toset(keys(var.teams))
    error_message = "application assignments planned for ${jsonencode(keys(aws_ssoadmin_application_assignment.team))}"
  }
  # The SDK defaults: a lifecycle config per role a person may have (not the shared spaces') and coding app. The
  # JSON holds the script once; Terraform fills in each config's team, persona, compute role and own ARN (which
  # its script reads the tags of). No per-config placeholder may survive; the runtime ones (bucket, security
  # groups) stay for the script to fill from the tags.
  assert {
    condition = alltrue([for configs in [aws_sagemaker_studio_lifecycle_config.sdk_defaults_jupyterlab, aws_sagemaker_studio_lifecycle_config.sdk_defaults_code_editor] :
      toset(keys(configs)) == toset([for rk, r in var.roles : rk if r.persona != "shared-space"])
    ])
    error_message = "SDK defaults configs planned for ${jsonencode(keys(aws_sagemaker_studio_lifecycle_config.sdk_defaults_jupyterlab))}"
  }
  assert {
    condition = alltrue(flatten([for rk, r in var.roles : [
      for c in [aws_sagemaker_studio_lifecycle_config.sdk_defaults_jupyterlab[rk], aws_sagemaker_studio_lifecycle_config.sdk_defaults_code_editor[rk]] : [
        strcontains(base64decode(c.studio_lifecycle_config_content), "  Team: \"${r.team}\"\n  Persona: \"${r.persona}\"\n  NamePrefix: \"${r.team}-\"\n"),
        strcontains(base64decode(c.studio_lifecycle_config_content), "  RoleArn: \"arn:aws:iam::111122223333:role/sagemaker-studio/contoso-ext/contoso-ext-${r.team}-compute\"\n"),
        strcontains(base64decode(c.studio_lifecycle_config_content), "ResourceArn=\"arn:aws:sagemaker:eu-west-1:111122223333:studio-lifecycle-config/${c.studio_lifecycle_config_name}\""),
        length(regexall("SDK_DEFAULTS_(TEAM|PERSONA|COMPUTE_ROLE_ARN|LIFECYCLE_CONFIG_ARN)", base64decode(c.studio_lifecycle_config_content))) == 0,
        strcontains(base64decode(c.studio_lifecycle_config_content), "DefaultS3Bucket: \"SDK_DEFAULTS_WORKSPACE_BUCKET\"\n"),
      ]
    ] if r.persona != "shared-space"]))
    error_message = "SDK defaults scripts as Terraform fills them in: ${jsonencode({ for rk, c in aws_sagemaker_studio_lifecycle_config.sdk_defaults_jupyterlab : rk => base64decode(c.studio_lifecycle_config_content) })}"
  }
  # The repositories are a dynamic block over config values, so their expansion is known at plan time: the team's
  # own repositories, none for a team without. (The JupyterLab settings always hold the idle settings.)
  assert {
    condition = alltrue([for team, t in var.teams :
      length(aws_sagemaker_domain.team[team].default_user_settings[0].jupyter_lab_app_settings) == 1 &&
      flatten([for s in aws_sagemaker_domain.team[team].default_user_settings[0].jupyter_lab_app_settings : [for r in s.code_repository : r.repository_url]]) == t.git
    ])
    error_message = "planned JupyterLab settings: ${jsonencode({ for team, d in aws_sagemaker_domain.team : team => d.default_user_settings[0].jupyter_lab_app_settings })}"
  }
}

# ---------------------------------------------------------------------------------------------------------------
# Apply: the whole AWS side, then assertions on the expanded instances and how they reference each other.
# ---------------------------------------------------------------------------------------------------------------
run "apply_aws_side" {
  command   = apply
  state_key = "stack"

  # --- Identity Center lookups --------------------------------------------------------------------------------
  assert {
    condition = (
      data.aws_identitystore_groups.identity_center.identity_store_id == data.aws_ssoadmin_instances.identity_center.identity_store_ids[0] &&
      data.aws_identitystore_users.identity_center.identity_store_id == data.aws_ssoadmin_instances.identity_center.identity_store_ids[0]
    )
    error_message = "the identity store lookups do not use the Identity Center instance's identity store"
  }

  # --- Studio domains -----------------------------------------------------------------------------------------
  assert {
    condition = alltrue([for team, t in var.teams :
      aws_sagemaker_domain.team[team].domain_name == t.domain_name &&
      aws_sagemaker_domain.team[team].auth_mode == "SSO" &&
      aws_sagemaker_domain.team[team].app_network_access_type == "VpcOnly" &&
      aws_sagemaker_domain.team[team].vpc_id == "vpc-0a1b2c3d4e5f60718" &&
      aws_sagemaker_domain.team[team].kms_key_id == var.kms_key_arn &&
      aws_sagemaker_domain.team[team].tags["sagemaker-team"] == team
    ])
    error_message = "domain settings: ${jsonencode({ for k, d in aws_sagemaker_domain.team : k => [d.domain_name, d.auth_mode, d.app_network_access_type, d.vpc_id, d.kms_key_id, d.tags] })}"
  }
  # Idle shutdown (JupyterLab and Code Editor, and shared spaces' JupyterLab) and private-space storage.
  assert {
    condition = alltrue([for team, l in var.domain_limits : jsonencode([
      for idle in [
        aws_sagemaker_domain.team[team].default_user_settings[0].jupyter_lab_app_settings[0].app_lifecycle_management[0].idle_settings[0],
        aws_sagemaker_domain.team[team].default_user_settings[0].code_editor_app_settings[0].app_lifecycle_management[0].idle_settings[0],
        aws_sagemaker_domain.team[team].default_space_settings[0].jupyter_lab_app_settings[0].app_lifecycle_management[0].idle_settings[0],
      ] : [idle.lifecycle_management, idle.idle_timeout_in_minutes, idle.min_idle_timeout_in_minutes, idle.max_idle_timeout_in_minutes]
    ]) == jsonencode([for i in range(3) : ["ENABLED", l[0], l[1], l[2]]])])
    error_message = "domain idle settings: ${jsonencode({ for k, d in aws_sagemaker_domain.team : k => [d.default_user_settings[0].jupyter_lab_app_settings, d.default_user_settings[0].code_editor_app_settings, d.default_space_settings[0].jupyter_lab_app_settings] })}"
  }
  assert {
    condition = alltrue([for team, l in var.domain_limits : jsonencode([
      for storage in [
        aws_sagemaker_domain.team[team].default_user_settings[0].space_storage_settings[0].default_ebs_storage_settings[0],
        aws_sagemaker_domain.team[team].default_space_settings[0].space_storage_settings[0].default_ebs_storage_settings[0],
      ] : [storage.default_ebs_volume_size_in_gb, storage.maximum_ebs_volume_size_in_gb]
    ]) == jsonencode([[l[3], l[4]], [l[3], l[4]]])])
    error_message = "domain storage settings: ${jsonencode({ for k, d in aws_sagemaker_domain.team : k => [d.default_user_settings[0].space_storage_settings, d.default_space_settings[0].space_storage_settings] })}"
  }
  # prevent_destroy itself is proven by prevent-destroy/ (Terraform refuses to tear the domains down); here: the
  # home directories survive a deletion that does happen.
  assert {
    condition = alltrue([for team, d in aws_sagemaker_domain.team :
      length(d.retention_policy) == 1 && d.retention_policy[0].home_efs_file_system == "Retain"
    ])
    error_message = "retention policies: ${jsonencode({ for k, d in aws_sagemaker_domain.team : k => d.retention_policy })}"
  }
  # The domain's own defaults run as the team's smallest role: every profile names its member's persona role.
  assert {
    condition = alltrue([for team, t in var.teams :
      aws_sagemaker_domain.team[team].default_user_settings[0].execution_role == aws_iam_role.execution["${team}/shared-space"].arn &&
      aws_sagemaker_domain.team[team].default_space_settings[0].execution_role == aws_iam_role.execution["${team}/shared-space"].arn
    ])
    error_message = "default execution roles: ${jsonencode({ for k, d in aws_sagemaker_domain.team : k => [d.default_user_settings[0].execution_role, d.default_space_settings[0].execution_role] })}"
  }
  assert {
    condition = alltrue([for team, t in var.teams :
      aws_sagemaker_domain.team[team].default_user_settings[0].sharing_settings[0].s3_output_path == t.shared &&
      aws_sagemaker_domain.team[team].default_user_settings[0].sharing_settings[0].s3_kms_key_id == var.kms_key_arn
    ])
    error_message = "sharing settings: ${jsonencode({ for k, d in aws_sagemaker_domain.team : k => d.default_user_settings[0].sharing_settings })}"
  }
  # Each team's own repositories, in the users', the shared spaces' and every member's profile's settings.
  assert {
    condition = alltrue([for team, t in var.teams :
      flatten([for s in aws_sagemaker_domain.team[team].default_user_settings[0].jupyter_lab_app_settings : [for r in s.code_repository : r.repository_url]]) == t.git &&
      flatten([for s in aws_sagemaker_domain.team[team].default_space_settings[0].jupyter_lab_app_settings : [for r in s.code_repository : r.repository_url]]) == t.git &&
      alltrue([for key, p in var.profiles : flatten([
        for s in aws_sagemaker_user_profile.member[key].user_settings[0].jupyter_lab_app_settings : [for r in s.code_repository : r.repository_url]
      ]) == t.git if p.team == team])
    ])
    error_message = "code repositories (user, space): ${jsonencode({ for k, d in aws_sagemaker_domain.team : k => [d.default_user_settings[0].jupyter_lab_app_settings, d.default_space_settings[0].jupyter_lab_app_settings] })}"
  }

  # --- Group assignment of every domain -----------------------------------------------------------------------
  assert {
    condition = alltrue([for team, t in var.teams :
      aws_ssoadmin_application_assignment.team[team].principal_type == "GROUP" &&
      aws_ssoadmin_application_assignment.team[team].principal_id == var.group_ids[team]
    ])
    error_message = "assignment principals: ${jsonencode({ for k, a in aws_ssoadmin_application_assignment.team : k => [a.principal_type, a.principal_id] })}"
  }
  assert {
    condition = alltrue([for team, t in var.teams :
      aws_ssoadmin_application_assignment.team[team].application_arn == aws_sagemaker_domain.team[team].single_sign_on_application_arn
    ])
    error_message = "assignment applications: ${jsonencode({ for k, a in aws_ssoadmin_application_assignment.team : k => a.application_arn })}"
  }

  # --- One user profile per member, in the team's domain, with the persona's role -----------------------------
  assert {
    condition     = toset(keys(aws_sagemaker_user_profile.member)) == toset(keys(var.profiles))
    error_message = "user profiles: ${jsonencode(keys(aws_sagemaker_user_profile.member))}"
  }
  assert {
    condition = alltrue([for key, p in var.profiles :
      aws_sagemaker_user_profile.member[key].domain_id == aws_sagemaker_domain.team[p.team].id
    ])
    error_message = "profiles outside their team's domain: ${jsonencode([for key, p in var.profiles : "${key}: ${aws_sagemaker_user_profile.member[key].domain_id}" if aws_sagemaker_user_profile.member[key].domain_id != aws_sagemaker_domain.team[p.team].id])}"
  }
  assert {
    condition = alltrue([for key, p in var.profiles :
      aws_sagemaker_user_profile.member[key].user_settings[0].execution_role == aws_iam_role.execution[p.role].arn
    ])
    error_message = "profiles with another persona's role: ${jsonencode([for key, p in var.profiles : "${key}: ${aws_sagemaker_user_profile.member[key].user_settings[0].execution_role}" if aws_sagemaker_user_profile.member[key].user_settings[0].execution_role != aws_iam_role.execution[p.role].arn])}"
  }
  assert {
    condition = alltrue([for key, l in var.profile_limits : jsonencode([
      for idle in [
        aws_sagemaker_user_profile.member[key].user_settings[0].jupyter_lab_app_settings[0].app_lifecycle_management[0].idle_settings[0],
        aws_sagemaker_user_profile.member[key].user_settings[0].code_editor_app_settings[0].app_lifecycle_management[0].idle_settings[0],
      ] : [idle.lifecycle_management, idle.idle_timeout_in_minutes, idle.min_idle_timeout_in_minutes, idle.max_idle_timeout_in_minutes]
      ]) == jsonencode([for i in range(2) : ["ENABLED", l[0], l[1], l[2]]]) && jsonencode([
      aws_sagemaker_user_profile.member[key].user_settings[0].space_storage_settings[0].default_ebs_storage_settings[0].default_ebs_volume_size_in_gb,
      aws_sagemaker_user_profile.member[key].user_settings[0].space_storage_settings[0].default_ebs_storage_settings[0].maximum_ebs_volume_size_in_gb,
    ]) == jsonencode([l[3], l[4]])])
    error_message = "profile limits: ${jsonencode({ for k, p in aws_sagemaker_user_profile.member : k => [p.user_settings[0].jupyter_lab_app_settings, p.user_settings[0].code_editor_app_settings, p.user_settings[0].space_storage_settings] })}"
  }
  assert {
    condition     = keys(var.profile_limits) == keys(var.profiles)
    error_message = "profile_limits must list every profile"
  }
  assert {
    condition = alltrue([for key, p in var.profiles :
      aws_sagemaker_user_profile.member[key].user_profile_name == p.name &&
      aws_sagemaker_user_profile.member[key].single_sign_on_user_identifier == "UserName" &&
      aws_sagemaker_user_profile.member[key].single_sign_on_user_value == p.user &&
      aws_sagemaker_user_profile.member[key].tags["sagemaker-team"] == p.team
    ])
    error_message = "profile names / SSO users: ${jsonencode({ for k, u in aws_sagemaker_user_profile.member : k => [u.user_profile_name, u.single_sign_on_user_identifier, u.single_sign_on_user_value, u.tags] })}"
  }
  # Each profile carries what the domain keeps from its creation: the new Studio and notebook sharing into its
  # team's workspace.
  assert {
    condition = alltrue([for key, p in var.profiles :
      aws_sagemaker_user_profile.member[key].user_settings[0].studio_web_portal == "ENABLED" &&
      aws_sagemaker_user_profile.member[key].user_settings[0].default_landing_uri == "studio::" &&
      aws_sagemaker_user_profile.member[key].user_settings[0].sharing_settings[0].notebook_output_option == "Allowed" &&
      aws_sagemaker_user_profile.member[key].user_settings[0].sharing_settings[0].s3_output_path == var.teams[p.team].shared &&
      aws_sagemaker_user_profile.member[key].user_settings[0].sharing_settings[0].s3_kms_key_id == var.kms_key_arn
    ])
    error_message = "profile portal and sharing: ${jsonencode({ for k, u in aws_sagemaker_user_profile.member : k => [u.user_settings[0].studio_web_portal, u.user_settings[0].default_landing_uri, u.user_settings[0].sharing_settings] })}"
  }
  # The update the runbook applies by hand, per team: the shared spaces' defaults in the API's shape.
  assert {
    condition = alltrue([for team, t in var.teams :
      output.studio_domain_updates[team].DomainId == aws_sagemaker_domain.team[team].id &&
      output.studio_domain_updates[team].DefaultSpaceSettings.ExecutionRole == "arn:aws:iam::111122223333:role/sagemaker-studio/contoso-ext/contoso-ext-${team}-shared-space" &&
      [for r in try(output.studio_domain_updates[team].DefaultSpaceSettings.JupyterLabAppSettings.CodeRepositories, []) : r.RepositoryUrl] == t.git &&
      !can(output.studio_domain_updates[team].DomainSettingsForUpdate)
    ])
    error_message = "studio_domain_updates: ${jsonencode(output.studio_domain_updates)}"
  }

  # --- Execution roles -----------------------------------------------------------------------------------------
  assert {
    condition = alltrue([for key, r in var.roles :
      aws_iam_role.execution[key].name == "contoso-ext-${r.team}-${r.persona}" &&
      aws_iam_role.execution[key].path == "/sagemaker-studio/contoso-ext/" &&
      aws_iam_role.execution[key].tags["sagemaker-team"] == r.team &&
      aws_iam_role.execution[key].tags["sagemaker-persona"] == r.persona &&
      jsondecode(aws_iam_role.execution[key].assume_role_policy).Statement[0].Principal.Service == "sagemaker.amazonaws.com"
    ])
    error_message = "execution roles: ${jsonencode({ for k, r in aws_iam_role.execution : k => [r.name, r.path, r.tags] })}"
  }

  # --- Persona managed policies: account-wide, one set per persona, attached to exactly that persona's roles -----
  assert {
    condition = alltrue([for key, p in var.persona_policies :
      aws_iam_policy.persona[key].name == p.name &&
      aws_iam_policy.persona[key].path == "/sagemaker-studio/contoso-ext/" &&
      aws_iam_policy.persona[key].description == "ML activities and guardrails of SageMaker persona ${p.persona}" &&
      can(jsondecode(aws_iam_policy.persona[key].policy).Statement)
    ])
    error_message = "managed policies: ${jsonencode({ for k, p in aws_iam_policy.persona : k => [p.name, p.path, p.description] })}"
  }
  # IAM rejects a customer managed policy over 6,144 characters (whitespace not counted; these are compact JSON).
  assert {
    condition     = alltrue([for k, p in aws_iam_policy.persona : length(p.policy) <= 6144])
    error_message = "managed policy sizes: ${jsonencode({ for k, p in aws_iam_policy.persona : k => length(p.policy) })}"
  }
  assert {
    condition = alltrue([for key, r in var.roles :
      sort([for a in aws_iam_role_policy_attachment.persona : a.policy_arn if a.role == aws_iam_role.execution[key].name]) ==
      sort([for pk, p in var.persona_policies : aws_iam_policy.persona[pk].arn if p.persona == r.persona])
    ])
    error_message = "managed policies attached per role: ${jsonencode({ for key, r in aws_iam_role.execution : key => [for a in aws_iam_role_policy_attachment.persona : a.policy_arn if a.role == r.name] })}"
  }
  assert {
    condition = alltrue([for k, a in aws_iam_role_policy_attachment.persona :
      contains([for r in aws_iam_role.execution : r.name], a.role)
    ])
    error_message = "attachments to roles that are not execution roles: ${jsonencode({ for k, a in aws_iam_role_policy_attachment.persona : k => a.role })}"
  }
  # personas.data-scientist.instanceTypes is what the data scientists' guardrail lets them start (plus "system",
  # the instance type of Studio's own apps); the other personas keep the built-in list.
  assert {
    condition = toset([for t in flatten([for pk, p in var.persona_policies : [
      for s in jsondecode(aws_iam_policy.persona[pk].policy).Statement :
      s.Condition["ForAnyValue:StringNotLike"]["sagemaker:InstanceTypes"] if s.Effect == "Deny" && can(s.Condition["ForAnyValue:StringNotLike"]["sagemaker:InstanceTypes"])
    ] if p.persona == "data-scientist"]) : t if t != "system"]) == toset(var.data_scientist_instance_types)
    error_message = "data-scientist instance type guardrail: ${jsonencode([for pk, p in var.persona_policies : [for s in jsondecode(aws_iam_policy.persona[pk].policy).Statement : s.Condition if s.Effect == "Deny"] if p.persona == "data-scientist"])}"
  }
  # Account-wide means no team's resources: no bucket, no role to pass.
  assert {
    condition = alltrue([for k, p in aws_iam_policy.persona :
      !strcontains(p.policy, "arn:aws:s3:::") && !strcontains(p.policy, "iam:PassRole")
    ])
    error_message = "managed policies naming a bucket or passing a role: ${jsonencode([for k, p in aws_iam_policy.persona : k if strcontains(p.policy, "arn:aws:s3:::") || strcontains(p.policy, "iam:PassRole")])}"
  }

  # --- Inline policies: only the team's own resources --------------------------------------------------------------
  assert {
    condition = alltrue([for key, r in var.roles :
      aws_iam_role_policy.team_resources[key].role == aws_iam_role.execution[key].name &&
      aws_iam_role_policy.team_resources[key].name == "team-resources" &&
      can(jsondecode(aws_iam_role_policy.team_resources[key].policy).Statement)
    ])
    error_message = "inline policies attached to: ${jsonencode({ for k, p in aws_iam_role_policy.team_resources : k => [p.name, p.role] })}"
  }
  # Every S3 ARN is one of the team's s3Buckets (or an object in one), and every one of them is named.
  assert {
    condition = alltrue([for key, r in var.roles :
      alltrue([for arn in flatten([for s in jsondecode(aws_iam_role_policy.team_resources[key].policy).Statement : try(tolist(s.Resource), [s.Resource])]) :
        anytrue([for b in var.teams[r.team].buckets : arn == "arn:aws:s3:::${b}" || startswith(arn, "arn:aws:s3:::${b}/")])
        if startswith(arn, "arn:aws:s3:::")
      ]) &&
      alltrue([for b in var.teams[r.team].buckets :
        contains(flatten([for s in jsondecode(aws_iam_role_policy.team_resources[key].policy).Statement : try(tolist(s.Resource), [s.Resource])]), "arn:aws:s3:::${b}")
      ]) if r.persona != "shared-space"
    ])
    error_message = "S3 ARNs of the inline policies: ${jsonencode({ for k, p in aws_iam_role_policy.team_resources : k => distinct([for arn in flatten([for s in jsondecode(p.policy).Statement : try(tolist(s.Resource), [s.Resource])]) : arn if startswith(arn, "arn:aws:s3:::")]) })}"
  }
  # Every role but the shared-space one passes exactly its team's compute role (the ARN in the policy, from the
  # config, is the ARN of the team's compute role instance): Studio personas to start jobs, the compute role itself
  # to run the steps a pipeline starts. The shared-space role passes none.
  assert {
    condition = alltrue([for key, r in var.roles :
      jsonencode(flatten([for s in jsondecode(aws_iam_role_policy.team_resources[key].policy).Statement :
        try(tolist(s.Resource), [s.Resource]) if contains(try(tolist(s.Action), [s.Action]), "iam:PassRole")
      ])) == jsonencode(r.persona == "shared-space" ? [] : [aws_iam_role.execution["${r.team}/compute"].arn])
    ])
    error_message = "PassRole resources: ${jsonencode({ for k, p in aws_iam_role_policy.team_resources : k => [for s in jsondecode(p.policy).Statement : s.Resource if contains(try(tolist(s.Action), [s.Action]), "iam:PassRole")] })}"
  }

  # --- IAM policy variables -----------------------------------------------------------------------------------------
  # They reach AWS as ${aws:SourceIdentity}: cdktf writes $${...} so Terraform's template engine turns it into a
  # literal ${...}. A doubled "$${" in an applied policy means the escaping went wrong.
  assert {
    condition = alltrue(concat(
      [for k, p in aws_iam_role_policy.team_resources : length(regexall("\\$\\$\\{", p.policy)) == 0],
      [for k, p in aws_iam_policy.persona : length(regexall("\\$\\$\\{", p.policy)) == 0],
    ))
    error_message = "policies still containing an escaped ${"$$"}{ (cdktf escaping not undone): ${jsonencode(concat([for k, p in aws_iam_role_policy.team_resources : "inline ${k}" if length(regexall("\\$\\$\\{", p.policy)) > 0], [for k, p in aws_iam_policy.persona : "managed ${k}" if length(regexall("\\$\\$\\{", p.policy)) > 0]))}"
  }
  # The private prefix is the team's own (inline): users/${aws:SourceIdentity}/* of its workspace bucket.
  assert {
    condition = alltrue([for key, r in var.roles :
      contains(
        flatten([for s in jsondecode(aws_iam_role_policy.team_resources[key].policy).Statement : try(tolist(s.Resource), [s.Resource]) if s.Effect == "Allow" && contains(try(tolist(s.Action), [s.Action]), "s3:GetObject")]),
        "arn:aws:s3:::${var.teams[r.team].buckets[0]}/users/$${aws:SourceIdentity}/*"
      ) if !contains(["compute", "shared-space"], r.persona)
    ])
    error_message = "Studio personas' own-prefix object ARNs: ${jsonencode({ for k, p in aws_iam_role_policy.team_resources : k => [for s in jsondecode(p.policy).Statement : s.Resource if contains(try(tolist(s.Action), [s.Action]), "s3:GetObject")] })}"
  }
  # Opening Studio is the persona's (managed): across all policies of a Studio role, the only Allow of
  # CreatePresignedDomainUrl is on the caller's own profile, user-profile/${sagemaker:DomainId}/${sagemaker:UserProfileName}.
  assert {
    condition = alltrue([for key, r in var.roles :
      flatten([for doc in concat(
        [aws_iam_role_policy.team_resources[key].policy],
        [for pk, p in var.persona_policies : aws_iam_policy.persona[pk].policy if p.persona == r.persona]
        ) : [for s in jsondecode(doc).Statement :
        try(tolist(s.Resource), [s.Resource]) if s.Effect == "Allow" && contains(try(tolist(s.Action), [s.Action]), "sagemaker:CreatePresignedDomainUrl")
      ]]) == ["arn:aws:sagemaker:eu-west-1:111122223333:user-profile/$${sagemaker:DomainId}/$${sagemaker:UserProfileName}"]
      if !contains(["compute", "shared-space"], r.persona)
    ])
    error_message = "CreatePresignedDomainUrl grants of the Studio personas' managed policies: ${jsonencode({ for pk, p in aws_iam_policy.persona : pk => [for s in jsondecode(p.policy).Statement : s.Resource if contains(try(tolist(s.Action), [s.Action]), "sagemaker:CreatePresignedDomainUrl")] })}"
  }
  # Jobs and pipeline steps carry no Studio context: the compute roles' grants never depend on it.
  assert {
    condition = alltrue([for key, r in var.roles :
      !strcontains(aws_iam_role_policy.team_resources[key].policy, "sagemaker:DomainId") &&
      !strcontains(aws_iam_role_policy.team_resources[key].policy, "sagemaker:UserProfileName")
      if r.persona == "compute"
    ])
    error_message = "Studio context keys in a compute role's inline policy: ${jsonencode([for k, p in aws_iam_role_policy.team_resources : k if strcontains(p.policy, "sagemaker:DomainId")])}"
  }

  # --- Admin access -----------------------------------------------------------------------------------------------
  assert {
    condition = (
      aws_ssoadmin_permission_set.admin.name == "contoso-ext-admin" &&
      aws_ssoadmin_permission_set.admin.session_duration == "PT4H" &&
      aws_ssoadmin_permission_set.admin.instance_arn == data.aws_ssoadmin_instances.identity_center.arns[0]
    )
    error_message = "admin permission set: ${jsonencode(aws_ssoadmin_permission_set.admin)}"
  }
  assert {
    condition = (
      aws_ssoadmin_managed_policy_attachment.admin_sagemaker_full_access.permission_set_arn == aws_ssoadmin_permission_set.admin.arn &&
      aws_ssoadmin_managed_policy_attachment.admin_sagemaker_full_access.managed_policy_arn == "arn:aws:iam::aws:policy/AmazonSageMakerFullAccess"
    )
    error_message = "admin managed policy attachment: ${jsonencode(aws_ssoadmin_managed_policy_attachment.admin_sagemaker_full_access)}"
  }
  # One assignment per account that hosts a domain (key -> account id).
  assert {
    condition = length(aws_ssoadmin_account_assignment.admin) == length(var.domain_accounts) && alltrue([for key, id in var.domain_accounts :
      aws_ssoadmin_account_assignment.admin[key].target_id == id &&
      aws_ssoadmin_account_assignment.admin[key].target_type == "AWS_ACCOUNT" &&
      aws_ssoadmin_account_assignment.admin[key].principal_type == "GROUP" &&
      aws_ssoadmin_account_assignment.admin[key].principal_id == var.group_ids.admins &&
      aws_ssoadmin_account_assignment.admin[key].permission_set_arn == aws_ssoadmin_permission_set.admin.arn &&
      aws_ssoadmin_account_assignment.admin[key].instance_arn == data.aws_ssoadmin_instances.identity_center.arns[0]
    ])
    error_message = "admin account assignments: ${jsonencode(aws_ssoadmin_account_assignment.admin)}"
  }

  # --- Console guard SCP ------------------------------------------------------------------------------------------
  assert {
    condition = length(aws_organizations_policy_attachment.console_guard) == length(var.domain_accounts) && alltrue([for key, id in var.domain_accounts :
      aws_organizations_policy_attachment.console_guard[key].target_id == id &&
      aws_organizations_policy_attachment.console_guard[key].policy_id == aws_organizations_policy.console_guard.id &&
      aws_organizations_policy_attachment.console_guard[key].policy_id == "p-c0ns01eguard"
    ]) && aws_organizations_policy.console_guard.type == "SERVICE_CONTROL_POLICY"
    error_message = "console guard: ${jsonencode([aws_organizations_policy.console_guard.type, aws_organizations_policy_attachment.console_guard])}"
  }
  # Denies only, each exempting the deployer but the readers' (which names only the readers) and the SAML provider's
  # (which exempts nobody): all of SageMaker for all but admins, execution roles, the deployer and the readers; passing
  # the execution roles; changes to the roles and policies under the execution-role path and to the exempt roles for
  # all but the deployer (so that path exempts nobody else).
  assert {
    condition = alltrue([for s in jsondecode(aws_organizations_policy.console_guard.content).Statement :
      s.Effect == "Deny" && (
        s.Sid == "ReadersOnlyRead" ? s.Condition.ArnLike["aws:PrincipalArn"] == ["arn:aws:iam::111122223333:role/platform-terraform-plan"] :
        s.Sid == "NobodyChangesIdentityCenterTrust" ? !can(s.Condition) :
        contains(s.Condition.ArnNotLike["aws:PrincipalArn"], var.deployer_role_arn)
      )
      ]) && anytrue([for s in jsondecode(aws_organizations_policy.console_guard.content).Statement :
      contains(s.Action, "sagemaker:*") &&
      contains(try(s.Condition.ArnNotLike["aws:PrincipalArn"], []), "arn:aws:iam::*:role/sagemaker-studio/contoso-ext/*")
      ]) && anytrue([for s in jsondecode(aws_organizations_policy.console_guard.content).Statement :
      contains(s.Action, "iam:CreateRole") && contains(try(tolist(s.Resource), [s.Resource]), "arn:aws:iam::*:role/sagemaker-studio/contoso-ext/*") &&
      try(s.Condition.ArnNotLike["aws:PrincipalArn"], []) == [var.deployer_role_arn]
    ])
    error_message = "console guard SCP content: ${aws_organizations_policy.console_guard.content}"
  }
  # IAM Identity Center is in a member account here: its guard is attached there and names the admin permission set
  # the apply made (its ARN is only known then).
  assert {
    condition = keys(aws_organizations_policy_attachment.identity_center_guard) == ["identity-center"] && alltrue([
      aws_organizations_policy_attachment.identity_center_guard["identity-center"].target_id == "111122223333",
      aws_organizations_policy_attachment.identity_center_guard["identity-center"].policy_id == "p-1dcenterguard",
      anytrue([for s in jsondecode(aws_organizations_policy.identity_center_guard.content).Statement :
      s.Resource == aws_ssoadmin_permission_set.admin.arn && contains(s.Action, "sso:PutInlinePolicyToPermissionSet")]),
    ])
    error_message = "Identity Center guard: ${aws_organizations_policy.identity_center_guard.content}"
  }

  # --- Outputs ----------------------------------------------------------------------------------------------------
  assert {
    condition = output.studio_domains == { for team, t in var.teams : team => {
      id  = aws_sagemaker_domain.team[team].id
      url = aws_sagemaker_domain.team[team].url
    } } && output.studio_domains.forecasting.id == "d-fcst00000001"
    error_message = "studio_domains output: ${jsonencode(output.studio_domains)}"
  }
  assert {
    condition     = output.admin_permission_set_arn == aws_ssoadmin_permission_set.admin.arn
    error_message = "admin_permission_set_arn output: ${output.admin_permission_set_arn}"
  }
}

# ---------------------------------------------------------------------------------------------------------------
# Teardown aid: forget the prevent_destroy domains so `terraform test` can clean the rest of the state up.
# ---------------------------------------------------------------------------------------------------------------
# ---------------------------------------------------------------------------------------------------------------
# What the identity store checks refuse, proven against the applied state.
# ---------------------------------------------------------------------------------------------------------------

# A member the IdP has not provisioned (or a provisioning Entra skipped) fails the plan by name, before any profile
# create could fail on it.
run "a_user_missing_from_the_identity_store_fails_the_plan" {
  command   = plan
  state_key = "stack"
  override_data {
    target = data.aws_identitystore_users.identity_center
    values = { users = [for name in ["alice@contoso.com", "bob@contoso.com"] : { user_name = name }] }
  }
  expect_failures = [data.aws_identitystore_users.identity_center]
}

# A member whose user name IAM Identity Center spells otherwise is found, but fails the plan: SageMaker keeps the
# profile's user name as created, so the config must use IAM Identity Center's spelling from the start.
run "a_user_name_spelled_otherwise_fails_the_plan" {
  command   = plan
  state_key = "stack"
  override_data {
    target = data.aws_identitystore_users.identity_center
    values = {
      users = [for name in ["Alice@Contoso.com", "bob@contoso.com", "erin.lee@contoso.com", "frank@contoso.com", "grace@contoso.com", "heidi@contoso.com", "ivan@contoso.com", "judy@contoso.com", "mallory@contoso.com", "carol@contoso.com"] : { user_name = name }]
    }
  }
  expect_failures = [data.aws_identitystore_users.identity_center]
}

run "a_group_missing_from_the_identity_store_fails_the_plan" {
  command   = plan
  state_key = "stack"
  override_data {
    target = data.aws_identitystore_groups.identity_center
    values = {
      groups = [
        { group_id = "9067a1b2c3-00000000-0000-4000-8000-000000000001", display_name = "sagemaker-admins", description = "", external_ids = [] },
        { group_id = "9067a1b2c3-00000000-0000-4000-8000-000000000002", display_name = "ml-forecasting", description = "", external_ids = [] },
      ]
    }
  }
  expect_failures = [data.aws_identitystore_groups.identity_center]
}

# The forecasting group deleted and created again in IAM Identity Center gets a new id. The assignment keeps the
# id it was created with (principal_id is ignored after create, so a deferred lookup never replaces it); its
# postcondition is what notices, and names the one assignment to replace.
run "a_group_created_again_fails_its_own_assignment_only" {
  command   = plan
  state_key = "stack"
  override_data {
    target = data.aws_identitystore_groups.identity_center
    values = {
      groups = [
        { group_id = "9067a1b2c3-00000000-0000-4000-8000-000000000001", display_name = "sagemaker-admins", description = "", external_ids = [] },
        { group_id = "9067a1b2c3-00000000-0000-4000-8000-0000000000f2", display_name = "ml-forecasting", description = "", external_ids = [] },
        { group_id = "9067a1b2c3-00000000-0000-4000-8000-000000000003", display_name = "ml-recommendations", description = "", external_ids = [] },
        { group_id = "9067a1b2c3-00000000-0000-4000-8000-000000000004", display_name = "ml-fraud-detection", description = "", external_ids = [] },
      ]
    }
  }
  expect_failures = [aws_ssoadmin_application_assignment.team["forecasting"]]
}

run "forget_domains_before_teardown" {
  command   = apply
  state_key = "stack"
  module {
    source = "./tests/forget-domains"
  }
}
