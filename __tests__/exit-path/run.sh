#!/usr/bin/env bash
# The way out of CDK for Terraform, rehearsed (README, "Foundation and exit path"). For every example whose identity
# provider is `external` (they need only the AWS provider, which a filesystem mirror can hold):
#
#   1. the synthesized JSON, copied alone into an empty folder as main.tf.json, is initialized and validated by
#      Terraform itself: no cdktf, no node_modules, nothing but Terraform and the provider;
#   2. the provider version is the one FEDERATION_AWS_PROVIDER_VERSION asks for (the mirror's, a release the prebuilt
#      binding was not generated for): the JSON must carry it and Terraform must install exactly it;
#   3. the same JSON without the override must fail to initialize from the mirror, so step 2 proves the override;
#   4. the JSON converted to native syntax (`npm run synth:hcl` with the schema of the mirror's AWS provider), main.tf
#      alone in an empty folder, is initialized and validated, and says what the JSON says: Terraform's own view of
#      both configurations is the same, and so is main.tf parsed back to JSON (equivalence.ts); for the first
#      example, deliberately wrong conversions must be caught (mutations.ts).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"

command -v terraform >/dev/null || { echo "exit path: terraform is not on PATH" >&2; exit 1; }
mirror="${TF_PROVIDER_MIRROR:-/opt/tf-plugins}"
versions=("$mirror"/registry.terraform.io/hashicorp/aws/*/)
[ -d "${versions[0]}" ] || { echo "exit path: no hashicorp/aws in the mirror $mirror (set TF_PROVIDER_MIRROR)" >&2; exit 1; }
aws_version=$(basename "${versions[0]}")

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
# Only the mirror: a provider it does not hold is an error, not a download.
printf 'provider_installation {\n  filesystem_mirror { path = "%s" }\n}\n' "$mirror" >"$scratch/terraformrc"
export TF_CLI_CONFIG_FILE="$scratch/terraformrc" CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1
unset TF_PLUGIN_CACHE_DIR TF_DATA_DIR TF_WORKSPACE

# The synthesized JSON of an example, copied alone into a new folder as main.tf.json; prints the folder.
frozen_copy() {
  local example=$1 out="$scratch/$2"
  mkdir -p "$out"
  CDKTF_OUTDIR="$out/cdktf.out" FEDERATION_CONFIG="$example" node --import tsx main.ts >/dev/null
  mkdir "$out/terraform"
  cp "$out"/cdktf.out/stacks/*/cdk.tf.json "$out/terraform/main.tf.json"
  echo "$out/terraform"
}

# The AWS provider's schema, read once for every conversion (npm run synth:hcl would read it for each).
hcl_started=$(date +%s)
mkdir "$scratch/schema"
printf '{"terraform":{"required_providers":{"aws":{"source":"hashicorp/aws","version":"%s"}}}}' "$aws_version" >"$scratch/schema/main.tf.json"
terraform -chdir="$scratch/schema" init -backend=false -input=false -no-color >/dev/null
terraform -chdir="$scratch/schema" providers schema -json >"$scratch/aws-schema.json"

hcl_seconds=$(($(date +%s) - hcl_started))

examples=$(grep -l '^\s*type: external' examples/*.yaml)
[ -n "$examples" ] || { echo "exit path: no external examples" >&2; exit 1; }
echo "exit path: $(terraform version | head -n 1), hashicorp/aws $aws_version from $mirror"

for example in $examples; do
  name=$(basename "$example" .yaml)

  dir=$(FEDERATION_AWS_PROVIDER_VERSION="$aws_version" frozen_copy "$example" "$name-json")
  carried=$(node -e 'process.stdout.write(require(process.argv[1]).terraform.required_providers.aws.version)' "$dir/main.tf.json")
  [ "$carried" = "$aws_version" ] || { echo "exit path: $name: required_providers.aws.version is $carried, not $aws_version" >&2; exit 1; }
  terraform -chdir="$dir" init -backend=false -input=false -no-color >"$dir/../init.log" 2>&1 ||
    { cat "$dir/../init.log" >&2; echo "exit path: $name: terraform init of the JSON failed" >&2; exit 1; }
  grep -q "version *= \"$aws_version\"" "$dir/.terraform.lock.hcl" ||
    { echo "exit path: $name: the lock file does not hold hashicorp/aws $aws_version" >&2; exit 1; }
  terraform -chdir="$dir" validate -no-color >"$dir/../validate.log" 2>&1 ||
    { cat "$dir/../validate.log" >&2; echo "exit path: $name: the JSON alone is not valid Terraform" >&2; exit 1; }
  echo "exit path: $name: the JSON alone initializes with hashicorp/aws $aws_version and validates"

  pinned=$(frozen_copy "$example" "$name-pinned")
  if terraform -chdir="$pinned" init -backend=false -input=false -no-color >/dev/null 2>&1; then
    echo "exit path: $name: without FEDERATION_AWS_PROVIDER_VERSION the mirror still satisfied the pin: the override proved nothing" >&2
    exit 1
  fi
  echo "exit path: $name: without the override the binding's pin is refused by the mirror, as expected"

  # 4. The native syntax, converted with the schema of the provider Terraform installs from the mirror.
  t0=$(date +%s)
  hcl="$scratch/$name-hcl"
  node --import tsx tools/exit/synth-hcl.ts --json "$dir/main.tf.json" --schema "$scratch/aws-schema.json" --out "$hcl" >/dev/null
  terraform -chdir="$hcl" init -backend=false -input=false -no-color >"$hcl/../$name-hcl-init.log" 2>&1 ||
    { cat "$hcl/../$name-hcl-init.log" >&2; echo "exit path: $name: terraform init of main.tf failed" >&2; exit 1; }
  terraform -chdir="$hcl" validate -no-color >"$hcl/../validate.log" 2>&1 ||
    { cat "$hcl/../validate.log" >&2; echo "exit path: $name: main.tf alone is not valid Terraform" >&2; exit 1; }
  echo "exit path: $name: main.tf (npm run synth:hcl) alone initializes and validates"
  mutations=""
  [ "$example" = "${examples%%$'\n'*}" ] && mutations="--mutations"
  node --import tsx __tests__/exit-path/equivalence.ts "$dir" "$hcl" $mutations | sed "s/^/exit path: $name: /" ||
    { echo "exit path: $name: main.tf is not equivalent to the JSON" >&2; exit 1; }
  echo "exit path: $name: native syntax converted and checked in $(($(date +%s) - t0))s"
  hcl_seconds=$((hcl_seconds + $(date +%s) - t0))
done
echo "exit path: the native syntax of every external example converted and checked in ${hcl_seconds}s in all"
