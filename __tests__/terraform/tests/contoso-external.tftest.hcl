# Terraform tier (DESIGN.md section 5, tier 2) for examples/contoso-external.yaml.
#
# run.sh synthesizes the example, copies this directory next to the JSON and runs `terraform test`. The AWS provider
# is mocked (defaults in mocks/aws.tfmock.hcl); the overrides below give the instances that assertions must tell
# apart distinct, well-formed ids and ARNs, so "profile X uses role Y" can only pass when the references in the
# synthesized JSON really point at instance Y.
#
# Every expectation is written by hand from the example YAML, never read back from the synthesized JSON. Resource
# addresses carry cdktf's hashes (studio_domains_9B1B2179, ...); they are stable by design (DESIGN.md section 4).

mock_provider "aws" {
  source = "./tests/mocks"
}

# ---------------------------------------------------------------------------------------------------------------
# Expectations, from examples/contoso-external.yaml
# ---------------------------------------------------------------------------------------------------------------
variables {
  account_id        = "111122223333"
  deployer_role_arn = "arn:aws:iam::111122223333:role/platform-terraform"
  kms_key_arn       = "arn:aws:kms:eu-west-1:111122223333:key/0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9"

  teams = {
    forecasting = {
      group        = "ml-forecasting"
      domain_name  = "contoso-ext-forecasting"
      default_role = "forecasting/data-scientist" # defaultPersona: data-scientist
      git          = ["https://git.contoso.example/ml/forecasting.git"]
      shared       = "s3://contoso-forecasting-workspace/shared/notebooks/"
    }
    recommendations = {
      group        = "ml-recommendations"
      domain_name  = "contoso-ext-recommendations"
      default_role = "recommendations/data-scientist"
      git          = []
      shared       = "s3://contoso-recommendations-workspace/shared/notebooks/"
    }
    fraud = {
      group        = "ml-fraud-detection"
      domain_name  = "contoso-ext-fraud"
      default_role = "fraud/mlops" # defaultPersona: mlops
      git          = []
      shared       = "s3://contoso-fraud-workspace/shared/notebooks/"
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
  }

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
override_data {
  target = data.aws_identitystore_group.identity_center_groups_30ABB1CF["admins"]
  values = { group_id = "9067a1b2c3-00000000-0000-4000-8000-000000000001", display_name = "sagemaker-admins" }
}
override_data {
  target = data.aws_identitystore_group.identity_center_groups_30ABB1CF["forecasting"]
  values = { group_id = "9067a1b2c3-00000000-0000-4000-8000-000000000002", display_name = "ml-forecasting" }
}
override_data {
  target = data.aws_identitystore_group.identity_center_groups_30ABB1CF["recommendations"]
  values = { group_id = "9067a1b2c3-00000000-0000-4000-8000-000000000003", display_name = "ml-recommendations" }
}
override_data {
  target = data.aws_identitystore_group.identity_center_groups_30ABB1CF["fraud"]
  values = { group_id = "9067a1b2c3-00000000-0000-4000-8000-000000000004", display_name = "ml-fraud-detection" }
}

override_resource {
  target = aws_sagemaker_domain.studio_domains_9B1B2179["forecasting"]
  values = {
    id                             = "d-fcst00000001"
    arn                            = "arn:aws:sagemaker:eu-west-1:111122223333:domain/d-fcst00000001"
    url                            = "https://d-fcst00000001.studio.eu-west-1.sagemaker.aws"
    single_sign_on_application_arn = "arn:aws:sso::111122223333:application/ssoins-6804a1b2c3d4e5f6/apl-fc00000000000001"
  }
}
override_resource {
  target = aws_sagemaker_domain.studio_domains_9B1B2179["recommendations"]
  values = {
    id                             = "d-reco00000002"
    arn                            = "arn:aws:sagemaker:eu-west-1:111122223333:domain/d-reco00000002"
    url                            = "https://d-reco00000002.studio.eu-west-1.sagemaker.aws"
    single_sign_on_application_arn = "arn:aws:sso::111122223333:application/ssoins-6804a1b2c3d4e5f6/apl-ec00000000000002"
  }
}
override_resource {
  target = aws_sagemaker_domain.studio_domains_9B1B2179["fraud"]
  values = {
    id                             = "d-frau00000003"
    arn                            = "arn:aws:sagemaker:eu-west-1:111122223333:domain/d-frau00000003"
    url                            = "https://d-frau00000003.studio.eu-west-1.sagemaker.aws"
    single_sign_on_application_arn = "arn:aws:sso::111122223333:application/ssoins-6804a1b2c3d4e5f6/apl-fa00000000000003"
  }
}

override_resource {
  target = aws_iam_role.execution_roles_71545B30["forecasting/compute"]
  values = { arn = "arn:aws:iam::111122223333:role/sagemaker-studio/contoso-ext/contoso-ext-forecasting-compute" }
}
override_resource {
  target = aws_iam_role.execution_roles_71545B30["forecasting/data-scientist"]
  values = { arn = "arn:aws:iam::111122223333:role/sagemaker-studio/contoso-ext/contoso-ext-forecasting-data-scientist" }
}
override_resource {
  target = aws_iam_role.execution_roles_71545B30["forecasting/mlops"]
  values = { arn = "arn:aws:iam::111122223333:role/sagemaker-studio/contoso-ext/contoso-ext-forecasting-mlops" }
}
override_resource {
  target = aws_iam_role.execution_roles_71545B30["recommendations/compute"]
  values = { arn = "arn:aws:iam::111122223333:role/sagemaker-studio/contoso-ext/contoso-ext-recommendations-compute" }
}
override_resource {
  target = aws_iam_role.execution_roles_71545B30["recommendations/data-scientist"]
  values = { arn = "arn:aws:iam::111122223333:role/sagemaker-studio/contoso-ext/contoso-ext-recommendations-data-scientist" }
}
override_resource {
  target = aws_iam_role.execution_roles_71545B30["recommendations/mlops"]
  values = { arn = "arn:aws:iam::111122223333:role/sagemaker-studio/contoso-ext/contoso-ext-recommendations-mlops" }
}
override_resource {
  target = aws_iam_role.execution_roles_71545B30["fraud/compute"]
  values = { arn = "arn:aws:iam::111122223333:role/sagemaker-studio/contoso-ext/contoso-ext-fraud-compute" }
}
override_resource {
  target = aws_iam_role.execution_roles_71545B30["fraud/data-scientist"]
  values = { arn = "arn:aws:iam::111122223333:role/sagemaker-studio/contoso-ext/contoso-ext-fraud-data-scientist" }
}
override_resource {
  target = aws_iam_role.execution_roles_71545B30["fraud/mlops"]
  values = { arn = "arn:aws:iam::111122223333:role/sagemaker-studio/contoso-ext/contoso-ext-fraud-mlops" }
}

override_resource {
  target = aws_organizations_policy.console_guard_policy_499B5A55
  values = {
    id  = "p-c0ns01eguard"
    arn = "arn:aws:organizations::111122223333:policy/o-a1b2c3d4e5/service_control_policy/p-c0ns01eguard"
  }
}

# ---------------------------------------------------------------------------------------------------------------
# Plan: what is known before anything exists (the for_each keys, everything taken from the config).
# ---------------------------------------------------------------------------------------------------------------
run "plan_shape" {
  command   = plan
  state_key = "stack"

  assert {
    condition     = toset(keys(aws_sagemaker_domain.studio_domains_9B1B2179)) == toset(keys(var.teams))
    error_message = "domains planned for ${jsonencode(keys(aws_sagemaker_domain.studio_domains_9B1B2179))}, expected one per team"
  }
  assert {
    condition     = toset(keys(aws_sagemaker_user_profile.user_profiles_BB947FCB)) == toset(keys(var.profiles))
    error_message = "user profiles planned for ${jsonencode(keys(aws_sagemaker_user_profile.user_profiles_BB947FCB))}"
  }
  assert {
    condition     = toset(keys(aws_iam_role.execution_roles_71545B30)) == toset(keys(var.roles))
    error_message = "execution roles planned for ${jsonencode(keys(aws_iam_role.execution_roles_71545B30))}"
  }
  assert {
    condition     = toset(keys(aws_iam_role_policy.execution_roles_policies_8E824718)) == toset(keys(var.roles))
    error_message = "inline policies planned for ${jsonencode(keys(aws_iam_role_policy.execution_roles_policies_8E824718))}"
  }
  assert {
    condition     = toset(keys(aws_ssoadmin_application_assignment.studio_assignments_2F1FAE40)) == toset(keys(var.teams))
    error_message = "application assignments planned for ${jsonencode(keys(aws_ssoadmin_application_assignment.studio_assignments_2F1FAE40))}"
  }
  # The dynamic code_repository blocks (iterator "each" inside a for_each resource) are config-only, so their
  # expansion is already known at plan time.
  assert {
    condition = alltrue([for team, t in var.teams :
      [for r in aws_sagemaker_domain.studio_domains_9B1B2179[team].default_user_settings[0].jupyter_lab_app_settings[0].code_repository : r.repository_url] == t.git
    ])
    error_message = "planned code repositories: ${jsonencode({ for team, d in aws_sagemaker_domain.studio_domains_9B1B2179 : team => d.default_user_settings[0].jupyter_lab_app_settings[0].code_repository })}"
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
    condition = alltrue([for key, name in var.groups :
      data.aws_identitystore_group.identity_center_groups_30ABB1CF[key].alternate_identifier[0].unique_attribute[0].attribute_path == "DisplayName" &&
      data.aws_identitystore_group.identity_center_groups_30ABB1CF[key].alternate_identifier[0].unique_attribute[0].attribute_value == name
    ]) && length(data.aws_identitystore_group.identity_center_groups_30ABB1CF) == length(var.groups)
    error_message = "group lookups: ${jsonencode({ for k, g in data.aws_identitystore_group.identity_center_groups_30ABB1CF : k => g.alternate_identifier })}"
  }
  assert {
    condition = alltrue([for key, g in data.aws_identitystore_group.identity_center_groups_30ABB1CF :
      g.identity_store_id == data.aws_ssoadmin_instances.identity_center_instance_9D02B3FF.identity_store_ids[0]
    ])
    error_message = "a group lookup does not use the Identity Center instance's identity store"
  }

  # --- Studio domains -----------------------------------------------------------------------------------------
  assert {
    condition = alltrue([for team, t in var.teams :
      aws_sagemaker_domain.studio_domains_9B1B2179[team].domain_name == t.domain_name &&
      aws_sagemaker_domain.studio_domains_9B1B2179[team].auth_mode == "SSO" &&
      aws_sagemaker_domain.studio_domains_9B1B2179[team].app_network_access_type == "VpcOnly" &&
      aws_sagemaker_domain.studio_domains_9B1B2179[team].vpc_id == "vpc-0a1b2c3d4e5f60718" &&
      aws_sagemaker_domain.studio_domains_9B1B2179[team].kms_key_id == var.kms_key_arn &&
      aws_sagemaker_domain.studio_domains_9B1B2179[team].tags["sagemaker-team"] == team
    ])
    error_message = "domain settings: ${jsonencode({ for k, d in aws_sagemaker_domain.studio_domains_9B1B2179 : k => [d.domain_name, d.auth_mode, d.app_network_access_type, d.vpc_id, d.kms_key_id, d.tags] })}"
  }
  # prevent_destroy itself is proven by prevent-destroy/ (Terraform refuses to tear the domains down); here: the
  # home directories survive a deletion that does happen.
  assert {
    condition = alltrue([for team, d in aws_sagemaker_domain.studio_domains_9B1B2179 :
      length(d.retention_policy) == 1 && d.retention_policy[0].home_efs_file_system == "Retain"
    ])
    error_message = "retention policies: ${jsonencode({ for k, d in aws_sagemaker_domain.studio_domains_9B1B2179 : k => d.retention_policy })}"
  }
  assert {
    condition = alltrue([for team, t in var.teams :
      aws_sagemaker_domain.studio_domains_9B1B2179[team].default_user_settings[0].execution_role == aws_iam_role.execution_roles_71545B30[t.default_role].arn &&
      aws_sagemaker_domain.studio_domains_9B1B2179[team].default_space_settings[0].execution_role == aws_iam_role.execution_roles_71545B30[t.default_role].arn
    ])
    error_message = "default execution roles: ${jsonencode({ for k, d in aws_sagemaker_domain.studio_domains_9B1B2179 : k => [d.default_user_settings[0].execution_role, d.default_space_settings[0].execution_role] })}"
  }
  assert {
    condition = alltrue([for team, t in var.teams :
      aws_sagemaker_domain.studio_domains_9B1B2179[team].default_user_settings[0].sharing_settings[0].s3_output_path == t.shared &&
      aws_sagemaker_domain.studio_domains_9B1B2179[team].default_user_settings[0].sharing_settings[0].s3_kms_key_id == var.kms_key_arn
    ])
    error_message = "sharing settings: ${jsonencode({ for k, d in aws_sagemaker_domain.studio_domains_9B1B2179 : k => d.default_user_settings[0].sharing_settings })}"
  }
  # The dynamic code_repository blocks use the iterator name "each" inside a resource that itself has for_each:
  # the iterator shadows the resource's `each`, so every block gets one repository URL of its own team.
  assert {
    condition = alltrue([for team, t in var.teams :
      [for r in aws_sagemaker_domain.studio_domains_9B1B2179[team].default_user_settings[0].jupyter_lab_app_settings[0].code_repository : r.repository_url] == t.git &&
      [for r in aws_sagemaker_domain.studio_domains_9B1B2179[team].default_space_settings[0].jupyter_lab_app_settings[0].code_repository : r.repository_url] == t.git
    ])
    error_message = "code repositories (user, space): ${jsonencode({ for k, d in aws_sagemaker_domain.studio_domains_9B1B2179 : k => [d.default_user_settings[0].jupyter_lab_app_settings, d.default_space_settings[0].jupyter_lab_app_settings] })}"
  }

  # --- Group assignment of every domain -----------------------------------------------------------------------
  assert {
    condition = alltrue([for team, t in var.teams :
      aws_ssoadmin_application_assignment.studio_assignments_2F1FAE40[team].principal_type == "GROUP" &&
      aws_ssoadmin_application_assignment.studio_assignments_2F1FAE40[team].principal_id == var.group_ids[team] &&
      aws_ssoadmin_application_assignment.studio_assignments_2F1FAE40[team].principal_id == data.aws_identitystore_group.identity_center_groups_30ABB1CF[team].group_id
    ])
    error_message = "assignment principals: ${jsonencode({ for k, a in aws_ssoadmin_application_assignment.studio_assignments_2F1FAE40 : k => [a.principal_type, a.principal_id] })}"
  }
  assert {
    condition = alltrue([for team, t in var.teams :
      aws_ssoadmin_application_assignment.studio_assignments_2F1FAE40[team].application_arn == aws_sagemaker_domain.studio_domains_9B1B2179[team].single_sign_on_application_arn
    ])
    error_message = "assignment applications: ${jsonencode({ for k, a in aws_ssoadmin_application_assignment.studio_assignments_2F1FAE40 : k => a.application_arn })}"
  }

  # --- One user profile per member, in the team's domain, with the persona's role -----------------------------
  assert {
    condition     = toset(keys(aws_sagemaker_user_profile.user_profiles_BB947FCB)) == toset(keys(var.profiles))
    error_message = "user profiles: ${jsonencode(keys(aws_sagemaker_user_profile.user_profiles_BB947FCB))}"
  }
  assert {
    condition = alltrue([for key, p in var.profiles :
      aws_sagemaker_user_profile.user_profiles_BB947FCB[key].domain_id == aws_sagemaker_domain.studio_domains_9B1B2179[p.team].id
    ])
    error_message = "profiles outside their team's domain: ${jsonencode([for key, p in var.profiles : "${key}: ${aws_sagemaker_user_profile.user_profiles_BB947FCB[key].domain_id}" if aws_sagemaker_user_profile.user_profiles_BB947FCB[key].domain_id != aws_sagemaker_domain.studio_domains_9B1B2179[p.team].id])}"
  }
  assert {
    condition = alltrue([for key, p in var.profiles :
      aws_sagemaker_user_profile.user_profiles_BB947FCB[key].user_settings[0].execution_role == aws_iam_role.execution_roles_71545B30[p.role].arn
    ])
    error_message = "profiles with another persona's role: ${jsonencode([for key, p in var.profiles : "${key}: ${aws_sagemaker_user_profile.user_profiles_BB947FCB[key].user_settings[0].execution_role}" if aws_sagemaker_user_profile.user_profiles_BB947FCB[key].user_settings[0].execution_role != aws_iam_role.execution_roles_71545B30[p.role].arn])}"
  }
  assert {
    condition = alltrue([for key, p in var.profiles :
      aws_sagemaker_user_profile.user_profiles_BB947FCB[key].user_profile_name == p.name &&
      aws_sagemaker_user_profile.user_profiles_BB947FCB[key].single_sign_on_user_identifier == "UserName" &&
      aws_sagemaker_user_profile.user_profiles_BB947FCB[key].single_sign_on_user_value == p.user &&
      aws_sagemaker_user_profile.user_profiles_BB947FCB[key].tags["sagemaker-team"] == p.team
    ])
    error_message = "profile names / SSO users: ${jsonencode({ for k, u in aws_sagemaker_user_profile.user_profiles_BB947FCB : k => [u.user_profile_name, u.single_sign_on_user_identifier, u.single_sign_on_user_value, u.tags] })}"
  }

  # --- Execution roles and their inline policies ----------------------------------------------------------------
  assert {
    condition = alltrue([for key, r in var.roles :
      aws_iam_role.execution_roles_71545B30[key].name == "contoso-ext-${r.team}-${r.persona}" &&
      aws_iam_role.execution_roles_71545B30[key].path == "/sagemaker-studio/contoso-ext/" &&
      aws_iam_role.execution_roles_71545B30[key].tags["sagemaker-team"] == r.team &&
      aws_iam_role.execution_roles_71545B30[key].tags["sagemaker-persona"] == r.persona &&
      jsondecode(aws_iam_role.execution_roles_71545B30[key].assume_role_policy).Statement[0].Principal.Service == "sagemaker.amazonaws.com"
    ])
    error_message = "execution roles: ${jsonencode({ for k, r in aws_iam_role.execution_roles_71545B30 : k => [r.name, r.path, r.tags] })}"
  }
  assert {
    condition = alltrue([for key, r in var.roles :
      aws_iam_role_policy.execution_roles_policies_8E824718[key].role == aws_iam_role.execution_roles_71545B30[key].name &&
      can(jsondecode(aws_iam_role_policy.execution_roles_policies_8E824718[key].policy).Statement)
    ])
    error_message = "inline policies attached to: ${jsonencode({ for k, p in aws_iam_role_policy.execution_roles_policies_8E824718 : k => p.role })}"
  }
  # IAM policy variables reach AWS as ${aws:SourceIdentity}: cdktf writes $${...} so Terraform's template engine
  # turns it into a literal ${...}. A doubled "$${" in the applied policy means the escaping went wrong.
  assert {
    condition = alltrue([for key, p in aws_iam_role_policy.execution_roles_policies_8E824718 :
      length(regexall("\\$\\$\\{", p.policy)) == 0
    ])
    error_message = "policies still containing an escaped ${"$$"}{ (cdktf escaping not undone): ${jsonencode([for k, p in aws_iam_role_policy.execution_roles_policies_8E824718 : k if length(regexall("\\$\\$\\{", p.policy)) > 0])}"
  }
  assert {
    condition = alltrue([for key, r in var.roles :
      contains(
        flatten([for s in jsondecode(aws_iam_role_policy.execution_roles_policies_8E824718[key].policy).Statement : try(tolist(s.Resource), [s.Resource]) if s.Sid == "WorkspaceSharedAndOwnObjects"]),
        "arn:aws:s3:::contoso-${r.team}-workspace/users/$${aws:SourceIdentity}/*"
      ) if r.persona != "compute"
    ])
    error_message = "Studio personas' own-prefix object ARNs: ${jsonencode({ for k, p in aws_iam_role_policy.execution_roles_policies_8E824718 : k => [for s in jsondecode(p.policy).Statement : s.Resource if s.Sid == "WorkspaceSharedAndOwnObjects"] })}"
  }
  assert {
    condition = alltrue([for key, r in var.roles :
      strcontains(aws_iam_role_policy.execution_roles_policies_8E824718[key].policy, "users/$${aws:SourceIdentity}/*") &&
      strcontains(aws_iam_role_policy.execution_roles_policies_8E824718[key].policy, "user-profile/$${sagemaker:DomainId}/$${sagemaker:UserProfileName}")
      if r.persona != "compute"
    ])
    error_message = "a Studio persona's policy lacks ${"$"}{aws:SourceIdentity} or ${"$"}{sagemaker:DomainId}/${"$"}{sagemaker:UserProfileName}"
  }

  # --- Admin access -----------------------------------------------------------------------------------------------
  assert {
    condition = (
      aws_ssoadmin_permission_set.admin_access_permission_set_7E936A39.name == "contoso-ext-admin" &&
      aws_ssoadmin_permission_set.admin_access_permission_set_7E936A39.session_duration == "PT4H" &&
      aws_ssoadmin_permission_set.admin_access_permission_set_7E936A39.instance_arn == data.aws_ssoadmin_instances.identity_center_instance_9D02B3FF.arns[0]
    )
    error_message = "admin permission set: ${jsonencode(aws_ssoadmin_permission_set.admin_access_permission_set_7E936A39)}"
  }
  assert {
    condition = (
      aws_ssoadmin_managed_policy_attachment.admin_access_sagemaker_full_access_3FCC239B.permission_set_arn == aws_ssoadmin_permission_set.admin_access_permission_set_7E936A39.arn &&
      aws_ssoadmin_managed_policy_attachment.admin_access_sagemaker_full_access_3FCC239B.managed_policy_arn == "arn:aws:iam::aws:policy/AmazonSageMakerFullAccess"
    )
    error_message = "admin managed policy attachment: ${jsonencode(aws_ssoadmin_managed_policy_attachment.admin_access_sagemaker_full_access_3FCC239B)}"
  }
  assert {
    condition = (
      aws_ssoadmin_account_assignment.admin_access_assignment_B8F5FC1A.principal_type == "GROUP" &&
      aws_ssoadmin_account_assignment.admin_access_assignment_B8F5FC1A.principal_id == var.group_ids.admins &&
      aws_ssoadmin_account_assignment.admin_access_assignment_B8F5FC1A.permission_set_arn == aws_ssoadmin_permission_set.admin_access_permission_set_7E936A39.arn &&
      aws_ssoadmin_account_assignment.admin_access_assignment_B8F5FC1A.target_type == "AWS_ACCOUNT" &&
      aws_ssoadmin_account_assignment.admin_access_assignment_B8F5FC1A.target_id == var.account_id
    )
    error_message = "admin account assignment: ${jsonencode(aws_ssoadmin_account_assignment.admin_access_assignment_B8F5FC1A)}"
  }

  # --- Console guard SCP ------------------------------------------------------------------------------------------
  assert {
    condition = (
      aws_organizations_policy_attachment.console_guard_attachment_0DA183FF.target_id == var.account_id &&
      aws_organizations_policy_attachment.console_guard_attachment_0DA183FF.policy_id == aws_organizations_policy.console_guard_policy_499B5A55.id &&
      aws_organizations_policy_attachment.console_guard_attachment_0DA183FF.policy_id == "p-c0ns01eguard" &&
      aws_organizations_policy.console_guard_policy_499B5A55.type == "SERVICE_CONTROL_POLICY"
    )
    error_message = "console guard: ${jsonencode([aws_organizations_policy.console_guard_policy_499B5A55.type, aws_organizations_policy_attachment.console_guard_attachment_0DA183FF])}"
  }
  assert {
    condition = alltrue([for s in jsondecode(aws_organizations_policy.console_guard_policy_499B5A55.content).Statement :
      s.Effect == "Deny" &&
      contains(s.Action, "sagemaker:CreatePresignedDomainUrl") &&
      contains(s.Condition.ArnNotLike["aws:PrincipalArn"], var.deployer_role_arn) &&
      contains(s.Condition.ArnNotLike["aws:PrincipalArn"], "arn:aws:iam::*:role/sagemaker-studio/contoso-ext/*")
    ])
    error_message = "console guard SCP content: ${aws_organizations_policy.console_guard_policy_499B5A55.content}"
  }

  # --- Outputs ----------------------------------------------------------------------------------------------------
  assert {
    condition = output.studio_domains == { for team, t in var.teams : team => {
      id  = aws_sagemaker_domain.studio_domains_9B1B2179[team].id
      url = aws_sagemaker_domain.studio_domains_9B1B2179[team].url
    } } && output.studio_domains.forecasting.id == "d-fcst00000001"
    error_message = "studio_domains output: ${jsonencode(output.studio_domains)}"
  }
  assert {
    condition     = output.admin_permission_set_arn == aws_ssoadmin_permission_set.admin_access_permission_set_7E936A39.arn
    error_message = "admin_permission_set_arn output: ${output.admin_permission_set_arn}"
  }
}

# ---------------------------------------------------------------------------------------------------------------
# Teardown aid: forget the prevent_destroy domains so `terraform test` can clean the rest of the state up.
# ---------------------------------------------------------------------------------------------------------------
run "forget_domains_before_teardown" {
  command   = apply
  state_key = "stack"
  module {
    source = "./tests/forget-domains"
  }
}
