# Alternate module for the last run of a test file (`state_key` shared with the stack's runs).
#
# Studio domains carry lifecycle.prevent_destroy, so `terraform test` cannot destroy them when it tears a file down
# (the teardown fails with "Instance cannot be destroyed" and the command exits 1; prevent-destroy/ proves exactly
# that). Applying this module instead drops the domains from the test state without destroying them, and destroys
# (in the mock) everything else; the teardown then has nothing it may not destroy.
#
# What depends on the stack is written into the working copy by run.sh (harness.ts prepare), as generated.tf.json:
#   - one `removed { from = aws_sagemaker_domain.<block>  lifecycle { destroy = false } }` per domain block
#     (a single-account stack has one, a multi-account stack one per workload account: account_<key>_studio_...);
#   - one empty `provider "aws" { alias = "<key>" }` per provider alias of the stack, so the resources created
#     through aws.<key> can still be destroyed; `terraform test` substitutes the test file's mock_provider of that
#     alias for it.
terraform {
  required_providers {
    aws = { source = "hashicorp/aws" }
  }
}
