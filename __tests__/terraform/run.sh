#!/usr/bin/env bash
# Terraform tier (DESIGN.md section 5, tier 2): synthesize every example whose identity provider is `external`
# (they need only the AWS provider), then `terraform init`, `validate` and `test` against a mocked provider.
#
# The stack pins the AWS provider the prebuilt bindings were generated for (6.x). Development machines only
# have a 5.x filesystem mirror and no registry access, so for this tier alone the version constraint is relaxed
# to ">= 5.0" in a copy of the JSON; the synthesized file itself is not changed.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"

if ! command -v terraform >/dev/null 2>&1; then
  echo "terraform tier: terraform is not on PATH; install Terraform >= 1.7 (this tier never skips)" >&2
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
# Each example gets its own data directory: no plugin cache is shared between concurrent inits.
unset TF_PLUGIN_CACHE_DIR

examples=$(grep -l '^\s*type: external' examples/*.yaml)
[ -n "$examples" ] || { echo "terraform tier: no external examples found" >&2; exit 1; }

for example in $examples; do
  name=$(basename "$example" .yaml)
  dir="$work/$name"
  mkdir -p "$dir"
  echo "== $name: synth"
  FEDERATION_CONFIG="$example" CDKTF_OUTDIR="$dir/out" node --import tsx main.ts >/dev/null
  node -e '
    const fs = require("fs");
    const [from, to] = process.argv.slice(1);
    const stack = JSON.parse(fs.readFileSync(from, "utf8"));
    stack.terraform.required_providers.aws = { source: "hashicorp/aws", version: ">= 5.0" };
    delete stack.terraform.backend;
    fs.writeFileSync(to, JSON.stringify(stack, null, 2));
  ' "$(ls "$dir"/out/stacks/*/cdk.tf.json)" "$dir/main.tf.json"
  rm -rf "$dir/out"
  if [ -d "__tests__/terraform/tests" ]; then cp -r __tests__/terraform/tests "$dir/tests"; fi
  (
    cd "$dir"
    echo "== $name: init"
    terraform init -backend=false -input=false -no-color >/dev/null
    echo "== $name: validate"
    terraform validate -no-color
    if [ -d tests ]; then
      echo "== $name: test"
      terraform test -no-color
    fi
  )
done
echo "terraform tier: passed"
