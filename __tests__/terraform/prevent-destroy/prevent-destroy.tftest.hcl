# Proof that Terraform refuses to destroy the Studio domains (lifecycle.prevent_destroy, DESIGN.md section 4).
#
# The run applies the whole AWS side against the mocked provider and leaves it in the test state; the teardown
# that `terraform test` then plans is a destroy, which must stop with "Instance cannot be destroyed" for every
# domain instance and no other error. `terraform test` therefore EXITS 1 HERE BY DESIGN: run.sh checks the
# machine-readable output (terraform test -json) instead of the exit code. Works for any example config.
mock_provider "aws" {
  source = "./tests/mocks"
}

run "apply_then_teardown_must_refuse" {
  command = apply

  assert {
    condition     = length(aws_sagemaker_domain.studio_domains_9B1B2179) > 0
    error_message = "no Studio domain was created"
  }
}
