# Proof that Terraform refuses to destroy the Studio domains (lifecycle.prevent_destroy, docs/architecture.md section 4).
#
# The run applies the whole AWS side against the mocked provider and leaves it in the test state; the teardown
# that `terraform test` then plans is a destroy, which must stop with "Instance cannot be destroyed" for every
# domain instance and no other error. `terraform test` therefore EXITS 1 HERE BY DESIGN: run.sh checks the
# machine-readable output (terraform test -json) instead of the exit code, against every aws_sagemaker_domain
# instance of the synthesized JSON (harness.ts check-prevent-destroy; it fails when the stack has none).
#
# Works for any example config: run.sh (harness.ts prepare) appends one
#   mock_provider "aws" { alias = "<key>"  source = "./tests/mocks" }
# per provider alias of the stack (a multi-account stack's workload accounts) to the working copy of this file.
mock_provider "aws" {
  source = "./tests/mocks"
}

run "apply_then_teardown_must_refuse" {
  command = apply
}
