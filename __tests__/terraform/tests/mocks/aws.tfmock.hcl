# Default values of the mocked AWS provider, shared by every test file (`mock_provider "aws" { source = ... }`).
#
# A mocked provider still validates configuration with the real provider's validators once values are known, so
# every computed attribute that flows into another resource's arguments (ARNs, group ids, policy ids) gets a value
# of the real shape here; the random strings the mock would otherwise invent fail those validators. Test files
# override these per instance where an assertion has to tell instances apart.

mock_data "aws_ssoadmin_instances" {
  defaults = {
    id                 = "eu-west-1"
    arns               = ["arn:aws:sso:::instance/ssoins-6804a1b2c3d4e5f6"]
    identity_store_ids = ["d-9367a1b2c3"]
  }
}

mock_data "aws_identitystore_group" {
  defaults = {
    id           = "9067a1b2c3-0b1c2d3e-4f50-4617-8293-a4b5c6d7e800"
    group_id     = "9067a1b2c3-0b1c2d3e-4f50-4617-8293-a4b5c6d7e800"
    display_name = "mock-group"
    description  = ""
    external_ids = []
  }
}

mock_resource "aws_iam_role" {
  defaults = {
    arn                 = "arn:aws:iam::123456789012:role/mock-execution-role"
    id                  = "mock-execution-role"
    unique_id           = "AROAMOCKEXECUTIONROLE"
    create_date         = "2025-01-01T00:00:00Z"
    managed_policy_arns = []
  }
}

mock_resource "aws_iam_role_policy" {
  defaults = {
    id = "mock-execution-role:team-resources"
  }
}

mock_resource "aws_iam_policy" {
  defaults = {
    arn              = "arn:aws:iam::123456789012:policy/mock-persona-policy"
    id               = "arn:aws:iam::123456789012:policy/mock-persona-policy"
    policy_id        = "ANPAMOCKPERSONAPOLICY0"
    attachment_count = 1
  }
}

mock_resource "aws_iam_role_policy_attachment" {
  defaults = {
    id = "mock-execution-role/arn:aws:iam::123456789012:policy/mock-persona-policy"
  }
}

mock_resource "aws_organizations_policy" {
  defaults = {
    id  = "p-mockscp0"
    arn = "arn:aws:organizations::123456789012:policy/o-mockorg000/service_control_policy/p-mockscp0"
  }
}

mock_resource "aws_organizations_policy_attachment" {
  defaults = {
    id = "123456789012:p-mockscp0"
  }
}

mock_resource "aws_sagemaker_domain" {
  defaults = {
    id                                             = "d-mockdomain00"
    arn                                            = "arn:aws:sagemaker:eu-west-1:123456789012:domain/d-mockdomain00"
    url                                            = "https://d-mockdomain00.studio.eu-west-1.sagemaker.aws"
    home_efs_file_system_id                        = "fs-0123456789abcdef0"
    security_group_id_for_domain_boundary          = "sg-0123456789abcdef0"
    single_sign_on_application_arn                 = "arn:aws:sso::123456789012:application/ssoins-6804a1b2c3d4e5f6/apl-0a1b2c3d4e5f6071"
    single_sign_on_managed_application_instance_id = "ins-0a1b2c3d4e5f6071"
  }
}

mock_resource "aws_sagemaker_user_profile" {
  defaults = {
    id                       = "arn:aws:sagemaker:eu-west-1:123456789012:user-profile/d-mockdomain00/mock"
    arn                      = "arn:aws:sagemaker:eu-west-1:123456789012:user-profile/d-mockdomain00/mock"
    home_efs_file_system_uid = "200001"
  }
}

mock_resource "aws_ssoadmin_permission_set" {
  defaults = {
    arn          = "arn:aws:sso:::permissionSet/ssoins-6804a1b2c3d4e5f6/ps-0a1b2c3d4e5f6071"
    id           = "arn:aws:sso:::permissionSet/ssoins-6804a1b2c3d4e5f6/ps-0a1b2c3d4e5f6071,arn:aws:sso:::instance/ssoins-6804a1b2c3d4e5f6"
    created_date = "2025-01-01T00:00:00Z"
  }
}

mock_resource "aws_ssoadmin_managed_policy_attachment" {
  defaults = {
    id                  = "arn:aws:iam::aws:policy/AmazonSageMakerFullAccess,arn:aws:sso:::permissionSet/ssoins-6804a1b2c3d4e5f6/ps-0a1b2c3d4e5f6071,arn:aws:sso:::instance/ssoins-6804a1b2c3d4e5f6"
    managed_policy_name = "AmazonSageMakerFullAccess"
  }
}

mock_resource "aws_ssoadmin_account_assignment" {
  defaults = {
    id = "9067a1b2c3-0b1c2d3e-4f50-4617-8293-a4b5c6d7e800,GROUP,123456789012,AWS_ACCOUNT,arn:aws:sso:::permissionSet/ssoins-6804a1b2c3d4e5f6/ps-0a1b2c3d4e5f6071,arn:aws:sso:::instance/ssoins-6804a1b2c3d4e5f6"
  }
}

mock_resource "aws_ssoadmin_application_assignment" {
  defaults = {
    id = "arn:aws:sso::123456789012:application/ssoins-6804a1b2c3d4e5f6/apl-0a1b2c3d4e5f6071,9067a1b2c3-0b1c2d3e-4f50-4617-8293-a4b5c6d7e800,GROUP"
  }
}

# The SDK-defaults lifecycle configs: user profiles name them by ARN, which the provider validates.
mock_resource "aws_sagemaker_studio_lifecycle_config" {
  defaults = {
    arn = "arn:aws:sagemaker:eu-west-1:123456789012:studio-lifecycle-config/mock-sdk-defaults"
    id  = "mock-sdk-defaults"
  }
}
