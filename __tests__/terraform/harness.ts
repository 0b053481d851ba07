// Helpers of run.sh (Terraform tier). Nothing here asserts on the stack's contents except the prevent_destroy check;
// the expectations live in tests/<example>.tftest.hcl, written by hand from the example YAML.
//
//   node --import tsx harness.ts prepare <cdk.tf.json> <work dir> <example name>
//   node --import tsx harness.ts check-prevent-destroy <work dir>
import fs from "node:fs";
import path from "node:path";
import { awsProviders, eventsOf, isJsonObject, type Json, type Stack } from "./terraform-json";

const here = __dirname;
const [command, ...args] = process.argv.slice(2);

/** Provider aliases of the AWS provider in a synthesized stack (`aws.research` -> `research`). */
function awsAliases(stack: Stack): string[] {
  return awsProviders(stack).flatMap((p) => (p.alias === undefined ? [] : [p.alias]));
}

/** Every `aws_sagemaker_domain` instance address, from the literal for_each maps. */
function domainInstances(stack: Stack): string[] {
  const addresses: string[] = [];
  for (const [name, r] of Object.entries(stack.resource?.aws_sagemaker_domain ?? {})) {
    const keys = isJsonObject(r.for_each) ? Object.keys(r.for_each) : null;
    if (!keys) throw new Error(`aws_sagemaker_domain.${name}: expected a literal for_each map`);
    for (const key of keys) addresses.push(`aws_sagemaker_domain.${name}[${JSON.stringify(key)}]`);
  }
  return addresses;
}

function readStack(file: string): Stack {
  return JSON.parse(fs.readFileSync(file, "utf8")) as Stack;
}

function prepare(synthesized: string, dir: string, name: string): void {
  const stack = readStack(synthesized);
  // The relaxed AWS provider version (see run.sh): only in this copy, never in the synthesized file.
  stack.terraform.required_providers.aws = { source: "hashicorp/aws", version: ">= 5.0" };
  delete stack.terraform.backend;
  fs.writeFileSync(path.join(dir, "main.tf.json"), JSON.stringify(stack, null, 2));

  // Only this example's test file: `terraform validate` also validates every file in tests/, and another example's
  // file names resources this stack does not have.
  const tests = path.join(dir, "tests");
  fs.mkdirSync(tests);
  fs.copyFileSync(path.join(here, "tests", `${name}.tftest.hcl`), path.join(tests, `${name}.tftest.hcl`));
  fs.cpSync(path.join(here, "tests", "mocks"), path.join(tests, "mocks"), { recursive: true });
  fs.cpSync(path.join(here, "tests", "forget-domains"), path.join(tests, "forget-domains"), { recursive: true });

  // The teardown aid forgets every domain block of this stack and needs every provider configuration the state's
  // resources were created with (it destroys the rest, in the mock, through them).
  const aliases = awsAliases(stack);
  const domainBlocks = Object.keys(stack.resource?.aws_sagemaker_domain ?? {});
  if (domainBlocks.length === 0) throw new Error("no aws_sagemaker_domain in the stack");
  const forget: { removed: Json[]; provider?: { aws: { alias: string }[] } } = {
    removed: domainBlocks.map((block) => ({ from: `aws_sagemaker_domain.${block}`, lifecycle: { destroy: false } })),
  };
  if (aliases.length > 0) forget.provider = { aws: aliases.map((alias) => ({ alias })) };
  fs.writeFileSync(path.join(tests, "forget-domains", "generated.tf.json"), JSON.stringify(forget, null, 2));

  // prevent-destroy/ works for any example: one mock per provider configuration of the stack.
  const preventDestroy = path.join(dir, "prevent-destroy");
  fs.cpSync(path.join(here, "prevent-destroy"), preventDestroy, { recursive: true });
  const mocks = aliases.map(
    (alias) => `\nmock_provider "aws" {\n  alias  = "${alias}"\n  source = "./tests/mocks"\n}\n`,
  );
  fs.appendFileSync(
    path.join(preventDestroy, "prevent-destroy.tftest.hcl"),
    mocks.join("") + identityStore(stack) + sharedSpaceRoles(stack),
  );
}

/**
 * The mock gives every role the same ARN, but the stack's `studio_domain_settings` checks compare each domain's
 * shared-space role with the ARN the config gives it (a failed check fails a test run): each shared-space role
 * gets that ARN, read from the check's own local.
 */
function sharedSpaceRoles(stack: Stack): string {
  return Object.entries(stack.locals ?? {})
    .filter(([name]) => name.startsWith("studio_domain_settings"))
    .flatMap(([name, teams]) =>
      Object.entries(isJsonObject(teams) ? teams : {}).map(([team, wanted]) => {
        const compared = isJsonObject(wanted) ? wanted.compared : undefined;
        const role = isJsonObject(compared) ? compared.shared_spaces_role : undefined;
        if (typeof role !== "string") throw new Error(`local.${name}.${team}: no compared.shared_spaces_role`);
        return `\noverride_resource {\n  target = aws_iam_role.execution${name.slice("studio_domain_settings".length)}[${JSON.stringify(`${team}/shared-space`)}]\n  values = { arn = ${JSON.stringify(role)} }\n}\n`;
      }),
    )
    .join("");
}

/**
 * An identity store holding every group and user the stack looks for (their names are literal locals of the
 * stack), so the lookups' postconditions pass and the run gets as far as the teardown.
 */
function identityStore(stack: Stack): string {
  const groups = stringsOf(stack.locals?.identity_center_group_names);
  const users = stringsOf(stack.locals?.identity_center_user_names);
  const id = (n: number) => `9067a1b2c3-00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
  const groupList = groups.map((name, n) => `{ group_id = "${id(n + 1)}", display_name = ${JSON.stringify(name)} }`);
  const userList = users.map((name) => `{ user_name = ${JSON.stringify(name)} }`);
  return [
    `\noverride_data {\n  target = data.aws_identitystore_groups.identity_center\n  values = { groups = [${groupList.join(", ")}] }\n}\n`,
    `\noverride_data {\n  target = data.aws_identitystore_users.identity_center\n  values = { users = [${userList.join(", ")}] }\n}\n`,
  ].join("");
}

/** A literal list of names in a local, or none. */
function stringsOf(value: Json | undefined): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

function checkPreventDestroy(dir: string): void {
  const stack = readStack(path.join(dir, "main.tf.json"));
  const expected = domainInstances(stack);
  const events = eventsOf(fs.readFileSync(path.join(dir, "prevent-destroy.jsonl"), "utf8"));
  const summary = events.find((e) => e.type === "test_summary")?.test_summary;
  const errors = events.flatMap((e) =>
    e.type === "diagnostic" && e.diagnostic?.severity === "error" ? [e.diagnostic] : [],
  );
  const refused = errors
    .filter((d) => d.summary === "Instance cannot be destroyed")
    .map((d) => /^Resource (\S+) has lifecycle\.prevent_destroy set/.exec(d.detail ?? "")?.[1]);
  const other = errors.filter((d) => d.summary !== "Instance cannot be destroyed");
  const problems: string[] = [];
  if (!summary || summary.passed !== 1 || summary.failed || summary.errored)
    problems.push(`run did not pass: ${JSON.stringify(summary)}`);
  if (expected.length === 0) problems.push("no Studio domain in the stack");
  for (const a of expected)
    if (!refused.includes(a)) problems.push(`teardown destroyed or skipped ${a} (no prevent_destroy?)`);
  for (const a of refused)
    if (a === undefined || !expected.includes(a)) problems.push(`unexpected prevent_destroy refusal for ${a}`);
  for (const d of other) problems.push(`other error: ${d.summary}: ${d.detail}`);
  if (problems.length) {
    console.error(problems.join("\n"));
    console.error(fs.readFileSync(path.join(dir, "prevent-destroy.stderr"), "utf8"));
    process.exit(1);
  }
  console.log(
    `prevent_destroy: Terraform refused to destroy ${expected.length} Studio domain instance(s): ${expected.join(", ")}`,
  );
}

const [first, second, third] = args;
if (command === "prepare" && args.length === 3 && first && second && third) prepare(first, second, third);
else if (command === "check-prevent-destroy" && args.length === 1 && first) checkPreventDestroy(first);
else {
  console.error("usage: harness.ts prepare <cdk.tf.json> <work dir> <example> | check-prevent-destroy <work dir>");
  process.exit(2);
}
