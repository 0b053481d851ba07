// The adopt-domain variant (README.md here): a Studio domain that exists in AWS but not in the state is taken
// over by the import block that `teams.<key>.import.domainId` generates. The domain is config A's own, so the
// plan must import it and change nothing else: no update of the imported domain, nothing created or replaced
// around it (its user profiles, assignment and roles stay as they are).
//
// The fake AWS API describes the domain from A's state: DescribeDomain answers with the state's attributes in
// the API's shape (as the provider would have read them), ListTags with its tags.
import { parse, stringify } from "yaml";

/** Attribute names whose API field is not the plain PascalCase of the snake_case name. */
const API_NAMES = {
  id: "DomainId",
  arn: "DomainArn",
  code_repository: "CodeRepositories",
  custom_image: "CustomImages",
  custom_file_system_config: "CustomFileSystemConfigs",
  custom_posix_user_config: "CustomPosixUserConfig",
  sagemaker_image_arn: "SageMakerImageArn",
  sagemaker_image_version_arn: "SageMakerImageVersionArn",
};
/** Attributes that exist only in Terraform (tags come from ListTags; the retention policy only acts on delete). */
const TERRAFORM_ONLY = new Set(["tags", "tags_all", "retention_policy"]);

const apiName = (name) =>
  API_NAMES[name] ??
  name
    .split("_")
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("");

const empty = (value) =>
  value === null ||
  value === undefined ||
  value === "" ||
  (Array.isArray(value) && value.length === 0) ||
  (typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 0);

/** One block of state values in the API's shape, guided by the provider schema of that block. */
function toApi(values, block) {
  const out = {};
  for (const [name, value] of Object.entries(values ?? {})) {
    if (TERRAFORM_ONLY.has(name) || empty(value)) continue;
    const nested = block.block_types?.[name];
    if (!nested) {
      out[apiName(name)] = value;
      continue;
    }
    const items = value.map((item) => toApi(item, nested.block)).filter((item) => !empty(item));
    if (items.length === 0) continue;
    out[apiName(name)] = nested.nesting_mode === "list" && nested.max_items === 1 ? items[0] : items;
  }
  return out;
}

/** What the fake AWS API knows of the domain instance `instance` of the state: its DescribeDomain answer and tags. */
export function describedDomain(instance, schema) {
  const block =
    schema.provider_schemas["registry.terraform.io/hashicorp/aws"].resource_schemas.aws_sagemaker_domain.block;
  const values = instance.attributes;
  return {
    id: values.id,
    arn: values.arn,
    describe: { ...toApi(values, block), Status: "InService" },
    tags: Object.entries(values.tags_all ?? values.tags ?? {}).map(([Key, Value]) => ({ Key, Value })),
  };
}

/**
 * The variant: A's YAML with team `team` importing the domain `domainId`, and A's state without that domain
 * (`terraform state rm` of `address`, done by the caller).
 */
export function adoptVariant(text, team, domainId) {
  const config = parse(text);
  config.teams[team].import = { domainId };
  return { name: "adopt-domain", intent: { team }, yaml: stringify(config) };
}

/**
 * Checks a saved plan (`terraform show -json`) of the adopt-domain variant: exactly one import, of team
 * `team`'s domain with id `domainId`, planned as a no-op, and no other change at all.
 */
export function checkAdopted(plan, team, domainId) {
  const problems = [];
  const managed = plan.resource_changes.filter((rc) => rc.mode === "managed");
  const imports = managed.filter((rc) => rc.change.importing);
  const domain = imports.find((rc) => rc.type === "aws_sagemaker_domain" && rc.index === team);
  if (!domain) problems.push(`no import of aws_sagemaker_domain[${JSON.stringify(team)}]`);
  else {
    if (domain.change.importing.id !== domainId)
      problems.push(`imported id ${domain.change.importing.id}, expected ${domainId}`);
    if (domain.change.actions.join() !== "no-op") {
      const changed = Object.keys(domain.change.after ?? {}).filter(
        (k) => JSON.stringify(domain.change.before?.[k]) !== JSON.stringify(domain.change.after?.[k]),
      );
      problems.push(`the imported domain is planned as ${domain.change.actions.join("+")} (${changed.join(", ")})`);
    }
  }
  for (const rc of imports) if (rc !== domain) problems.push(`unexpected import of ${rc.address}`);
  for (const rc of managed)
    if (rc !== domain && rc.change.actions.join() !== "no-op")
      problems.push(`unexpected ${rc.change.actions.join("+")} of ${rc.address}`);
  return problems.length > 0
    ? { ok: false, text: problems.join("; ") }
    : { ok: true, text: `imports ${domain.address} (id ${domainId}) as a no-op; nothing else changes` };
}
