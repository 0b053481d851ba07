# Alternate module for the last run of a test file (`state_key` shared with the stack's runs).
#
# Studio domains carry lifecycle.prevent_destroy, so `terraform test` cannot destroy them when it tears a file down
# (the teardown fails with "Instance cannot be destroyed" and the command exits 1; prevent-destroy/ proves exactly
# that). Applying this module instead drops the domains from the test state without destroying them, and destroys
# (in the mock) everything else; the teardown then has nothing it may not destroy.
terraform {
  required_providers {
    aws = { source = "hashicorp/aws" }
  }
}

removed {
  from = aws_sagemaker_domain.studio_domains_9B1B2179
  lifecycle {
    destroy = false
  }
}
