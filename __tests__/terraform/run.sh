#!/usr/bin/env bash
# Terraform tier (docs/architecture.md, section 5, tier 2): synthesize every example whose identity provider is `external`
# (they need only the AWS provider), then `terraform init`, `validate` and `test` against a mocked provider.
#
# The stack pins the AWS provider the prebuilt bindings were generated for (6.x). Development machines only
# have a 5.x filesystem mirror and no registry access, so for this tier alone the version constraint is relaxed
# to ">= 5.0" in a copy of the JSON (harness.ts prepare); the synthesized file itself is not changed.
#
# Per example <name> (examples/<name>.yaml), in a working directory of its own (harness.ts prepare):
#   tests/<name>.tftest.hcl      required; plans and applies the whole AWS side with `mock_provider "aws"` (plus
#                                one aliased mock per workload account of a multi-account stack) and asserts on the
#                                expanded instances (expectations written by hand from the YAML). Only this file is
#                                copied next to the example's JSON, so validate and test never see another
#                                example's assertions. tests/mocks/ holds the shared mock defaults,
#                                tests/forget-domains/ the module its last run applies so the teardown need not
#                                destroy prevent_destroy domains (its removed blocks and provider aliases are
#                                generated from the stack).
#   prevent-destroy/             applies everything, then the teardown must be refused for exactly the Studio
#                                domain instances ("Instance cannot be destroyed") and nothing else may fail.
#
# Then the plan tier (plan/README.md): per external example, a generated state for the example and
# `terraform plan -refresh=false` of day-2 variants against it with the real AWS provider, its data sources
# answered by a fake AWS API on 127.0.0.1.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
here="$root/__tests__/terraform"
cd "$root"
started=$(date +%s)

if ! command -v terraform >/dev/null 2>&1; then
  echo "terraform tier: terraform is not on PATH; install Terraform >= 1.11 (this tier never skips)" >&2
  exit 1
fi

mirror="${TF_PROVIDER_MIRROR:-/opt/tf-plugins}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [ -d "$mirror/registry.terraform.io/hashicorp/aws" ]; then
  cat >"$work/terraformrc" <<RC
provider_installation {
  filesystem_mirror { path = "$mirror" }
  direct { exclude = ["registry.terraform.io/hashicorp/aws"] }
}
RC
  export TF_CLI_CONFIG_FILE="$work/terraformrc"
  echo "terraform tier: AWS provider from the filesystem mirror $mirror"
else
  echo "terraform tier: no mirror at $mirror; AWS provider from the registry"
fi
# state_key in test run blocks (used by the teardown aid) arrived in Terraform 1.11.
tf_version=$(terraform version -json | node -e 'process.stdout.write(JSON.parse(require("fs").readFileSync(0, "utf8")).terraform_version)')
if ! node -e 'const [a, b] = process.argv[1].split(".").map(Number); process.exit(a > 1 || (a === 1 && b >= 11) ? 0 : 1)' "$tf_version"; then
  echo "terraform tier: Terraform $tf_version is too old; install Terraform >= 1.11 (this tier never skips)" >&2
  exit 1
fi
echo "terraform tier: Terraform $tf_version"
# Plugin cache safety for repeated and concurrent runs: each example gets its own data directory under $work
# (removed on exit), no shared plugin cache is written (an unpacked mirror is only symlinked into it), and no
# TF_DATA_DIR / TF_WORKSPACE from the caller's shell can point two runs at the same directory or state.
unset TF_PLUGIN_CACHE_DIR TF_DATA_DIR TF_WORKSPACE
export TF_IN_AUTOMATION=1

# The test files themselves stay in `terraform fmt` style (prettier does not read HCL).
if ! terraform fmt -check -recursive "$here" >/dev/null; then
  echo "terraform tier: run \`terraform fmt -recursive __tests__/terraform\`; unformatted: $(terraform fmt -check -recursive "$here" | tr '\n' ' ')" >&2
  exit 1
fi

examples=$(grep -l '^\s*type: external' examples/*.yaml)
[ -n "$examples" ] || { echo "terraform tier: no external examples found" >&2; exit 1; }
# A test file whose example is gone (or no longer external) would silently never run.
for test_file in "$here"/tests/*.tftest.hcl; do
  name=$(basename "$test_file" .tftest.hcl)
  if ! grep -qx "examples/$name.yaml" <<<"$examples"; then
    echo "terraform tier: ${test_file#"$root/"} has no external example examples/$name.yaml to run against" >&2
    exit 1
  fi
done

for example in $examples; do
  name=$(basename "$example" .yaml)
  dir="$work/$name"
  mkdir -p "$dir"
  test_file="$here/tests/$name.tftest.hcl"
  if [ ! -f "$test_file" ]; then
    echo "terraform tier: $example has no mock-provider test; write ${test_file#"$root/"} (this tier never skips)" >&2
    exit 1
  fi
  t0=$(date +%s)
  echo "== $name: synth"
  FEDERATION_CONFIG="$example" CDKTF_OUTDIR="$dir/out" node --import tsx main.ts >/dev/null
  node --import tsx "$here/harness.ts" prepare "$(ls "$dir"/out/stacks/*/cdk.tf.json)" "$dir" "$name"
  rm -rf "$dir/out"
  (
    cd "$dir"
    echo "== $name: init"
    terraform init -backend=false -input=false -no-color >/dev/null
    # What this run proves is proven with these versions (the README says how to run it with others).
    terraform version -json | node -e 'const v = JSON.parse(require("fs").readFileSync(0, "utf8")); console.log(`== '"$name"': Terraform ${v.terraform_version}; ${Object.entries(v.provider_selections).map(([p, n]) => `${p} ${n}`).join(", ")}`)'
    echo "== $name: validate"
    terraform validate -no-color
    echo "== $name: test (mock provider: plan and apply, assertions)"
    terraform test -no-color -filter="tests/$name.tftest.hcl"
    echo "== $name: test (prevent_destroy: the teardown must refuse to destroy every Studio domain)"
    # Exits 1 by design (the teardown fails); judged from the JSON events instead.
    terraform test -json -test-directory=prevent-destroy >prevent-destroy.jsonl 2>prevent-destroy.stderr || true
    # From the root, where `--import tsx` resolves.
    (cd "$root" && node --import tsx "$here/harness.ts" check-prevent-destroy "$dir")
  )
  echo "== $name: done in $(($(date +%s) - t0))s"
done

# Entra-mode examples with IAM Identity Center set up (phase full) are planned through the Entra simulation
# (plan/README.md).
entra_examples=$(grep -l '^\s*type: entra' examples/*.yaml | xargs grep -l '^\s*identityCenter:' || true)
[ -n "$entra_examples" ] || echo "terraform tier: no Entra example with identityCenter: the Entra simulation has nothing to plan" >&2
# shellcheck disable=SC2086 # one argument per example file
node --import tsx "$here/plan/plan-tier.ts" "$work/plan" $examples $entra_examples
echo "terraform tier: passed in $(($(date +%s) - started))s"
