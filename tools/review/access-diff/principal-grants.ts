import { referenceOf, resourceInstances, type ResourceInstance, type TerraformJson } from "./terraform-instances";
import { sorted } from "../../shared/sets";

/**
 * What every principal the stack declares may do, read from the synthesized Terraform JSON (not from the config),
 * so a change to the code that writes the policies shows as plainly as a change to the config.
 */
export interface Principal {
  /** The same on both sides of a diff as long as IAM sees the same principal: kind, account and name. */
  readonly id: string;
  readonly kind: "execution role" | "service control policy" | "permission set";
  /** Plain words: "`data-scientist` role of team `forecasting`". */
  readonly label: string;
  readonly team?: string;
  readonly persona?: string;
  readonly grants: readonly Grant[];
  /** What else decides the principal's reach: a permission set's session duration, where an SCP is attached. */
  readonly settings: Readonly<Record<string, string>>;
  /** Every statement in canonical JSON, one per line, for the reviewer who wants the raw text. */
  readonly statements: readonly string[];
}

/** One action on one resource under one condition: the unit that is gained or lost. */
export interface Grant {
  readonly key: string;
  /** `Trust` is who may assume the role; `Managed` a policy attached by ARN whose text is not in the stack. */
  readonly effect: "Allow" | "Deny" | "Trust" | "Managed";
  readonly action: string;
  readonly resource: string;
  /** `Operator key value, value; ...`, empty when unconditional. */
  readonly condition: string;
}

interface Statement {
  readonly Effect?: string;
  readonly Action?: string | string[];
  readonly NotAction?: string | string[];
  readonly Resource?: string | string[];
  readonly NotResource?: string | string[];
  readonly Principal?: unknown;
  readonly Condition?: Record<string, Record<string, string | string[]>>;
}

const TYPES = [
  "aws_iam_role",
  "aws_iam_policy",
  "aws_iam_role_policy",
  "aws_iam_role_policy_attachment",
  "aws_organizations_policy",
  "aws_organizations_policy_attachment",
  "aws_ssoadmin_permission_set",
  "aws_ssoadmin_permission_set_inline_policy",
  "aws_ssoadmin_managed_policy_attachment",
  "aws_ssoadmin_customer_managed_policy_attachment",
];

/** Every execution role, service control policy and permission set, keyed by {@link Principal.id}. */
export function principalGrants(json: TerraformJson): Map<string, Principal> {
  const instances = resourceInstances(json, TYPES);
  const ofType = (type: string) => instances.filter((instance) => instance.type === type);
  const principals = [
    ...ofType("aws_iam_role").map((role) => executionRole(role, instances)),
    ...ofType("aws_organizations_policy").map((policy) => serviceControlPolicy(policy, instances)),
    ...ofType("aws_ssoadmin_permission_set").map((set) => permissionSet(set, instances)),
  ];
  return new Map(principals.map((principal) => [principal.id, principal]));
}

/** Policies attached to `target` by a resource of `type` whose `attribute` names it (by reference or by name). */
function attachedTo(
  instances: readonly ResourceInstance[],
  type: string,
  attribute: string,
  target: ResourceInstance,
): ResourceInstance[] {
  const name = target.attributes.name;
  return instances.filter((instance) => {
    if (instance.type !== type || instance.provider !== target.provider) return false;
    const value = instance.attributes[attribute];
    return referenceOf(value)?.address === target.address || (value !== undefined && value === name);
  });
}

function executionRole(role: ResourceInstance, instances: readonly ResourceInstance[]): Principal {
  const name = text(role.attributes.name, role.address);
  const tags = (role.attributes.tags ?? {}) as Record<string, string>;
  const team = tags["sagemaker-team"];
  const persona = tags["sagemaker-persona"];
  const account = role.provider.includes(".") ? ` in account \`${role.provider.split(".")[1]}\`` : "";
  const inline = [
    ...((role.attributes.inline_policy ?? []) as { policy?: unknown }[]).map((block) => block.policy),
    ...attachedTo(instances, "aws_iam_role_policy", "role", role).map((policy) => policy.attributes.policy),
  ];
  const managed = attachedTo(instances, "aws_iam_role_policy_attachment", "role", role).map((attachment) =>
    managedPolicy(attachment.attributes.policy_arn, instances),
  );
  const documents = [
    ...inline,
    ...managed.flatMap((policy) => (policy.document === undefined ? [] : [policy.document])),
  ];
  return {
    id: `${role.provider}:role/${name}`,
    kind: "execution role",
    label:
      team !== undefined && persona !== undefined
        ? `\`${persona}\` role of team \`${team}\`${account}`
        : `role \`${name}\`${account}`,
    ...(team !== undefined ? { team } : {}),
    ...(persona !== undefined ? { persona } : {}),
    grants: [
      ...statementsOf(role.attributes.assume_role_policy).flatMap((statement) => grantsOf(statement, "Trust")),
      ...documents.flatMap((document) => statementsOf(document).flatMap((statement) => grantsOf(statement))),
      ...managed.flatMap((policy) => (policy.arn === undefined ? [] : [managedGrant(policy.arn)])),
    ],
    settings: {},
    statements: rawStatements([role.attributes.assume_role_policy, ...documents]),
  };
}

/** A policy the stack declares (its document is known) or one attached by ARN only (an AWS managed policy). */
function managedPolicy(arn: unknown, instances: readonly ResourceInstance[]): { document?: unknown; arn?: string } {
  const reference = referenceOf(arn);
  if (reference === undefined) return { arn: text(arn, "(unknown policy)") };
  const policy = instances.find((instance) => instance.address === reference.address);
  return policy === undefined ? { arn: text(arn, reference.address) } : { document: policy.attributes.policy };
}

function serviceControlPolicy(policy: ResourceInstance, instances: readonly ResourceInstance[]): Principal {
  const name = text(policy.attributes.name, policy.address);
  const targets = instances
    .filter(
      (instance) =>
        instance.type === "aws_organizations_policy_attachment" &&
        referenceOf(instance.attributes.policy_id)?.address === policy.address,
    )
    .map((attachment) => text(attachment.attributes.target_id, "?"));
  return {
    id: `organizations:policy/${name}`,
    kind: "service control policy",
    label: `service control policy \`${name}\``,
    grants: statementsOf(policy.attributes.content).flatMap((statement) => grantsOf(statement)),
    settings: { "attached to": sorted(targets).join(", ") || "nothing" },
    statements: rawStatements([policy.attributes.content]),
  };
}

function permissionSet(set: ResourceInstance, instances: readonly ResourceInstance[]): Principal {
  const name = text(set.attributes.name, set.address);
  const onSet = (type: string) =>
    instances.filter(
      (instance) =>
        instance.type === type && referenceOf(instance.attributes.permission_set_arn)?.address === set.address,
    );
  const inline = onSet("aws_ssoadmin_permission_set_inline_policy").map((policy) => policy.attributes.inline_policy);
  const customer = onSet("aws_ssoadmin_customer_managed_policy_attachment").map((attachment) => {
    const reference = ([] as { name?: string; path?: string }[]).concat(
      (attachment.attributes.customer_managed_policy_reference ?? []) as never,
    )[0];
    return `customer managed policy ${reference?.path ?? "/"}${reference?.name ?? "?"}`;
  });
  return {
    id: `identity-center:permission-set/${name}`,
    kind: "permission set",
    label: `permission set \`${name}\``,
    grants: [
      ...inline.flatMap((document) => statementsOf(document).flatMap((statement) => grantsOf(statement))),
      ...onSet("aws_ssoadmin_managed_policy_attachment").map((attachment) =>
        managedGrant(text(attachment.attributes.managed_policy_arn, "?")),
      ),
      ...customer.map(managedGrant),
    ],
    settings: {
      "session duration": text(set.attributes.session_duration, "PT1H"),
      ...(set.attributes.relay_state !== undefined ? { "relay state": text(set.attributes.relay_state, "") } : {}),
    },
    statements: rawStatements(inline),
  };
}

function managedGrant(arn: string): Grant {
  return { key: `Managed|${arn}`, effect: "Managed", action: arn, resource: "", condition: "" };
}

function text(value: unknown, fallback: string): string {
  return typeof value === "string" ? value : fallback;
}

/** cdktf writes IAM's `${aws:...}` variables as `$${...}` so that Terraform does not read them. */
function unescape(document: string): string {
  return document.replace(/\$\$\{/g, "${");
}

function statementsOf(document: unknown): Statement[] {
  if (typeof document !== "string") return [];
  try {
    const parsed = JSON.parse(unescape(document)) as { Statement?: Statement | Statement[] };
    return ([] as Statement[]).concat(parsed.Statement ?? []);
  } catch {
    // A policy Terraform only knows after apply: its text is all there is to compare.
    return [{ Effect: "Allow", Action: `(policy known after apply: ${document})`, Resource: "" }];
  }
}

function list(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : ([] as string[]).concat(value);
}

function conditionText(condition: Statement["Condition"]): string {
  return sorted(Object.keys(condition ?? {}))
    .flatMap((operator) =>
      sorted(Object.keys(condition![operator]!)).map(
        (key) => `${operator} ${key} ${sorted(list(condition![operator]![key])).join(", ")}`,
      ),
    )
    .join("; ");
}

function principalText(principal: unknown): string[] {
  if (typeof principal === "string") return [principal];
  return Object.entries((principal ?? {}) as Record<string, string | string[]>).flatMap(([kind, who]) =>
    list(who).map((one) => `${kind} ${one}`),
  );
}

function grantsOf(statement: Statement, trust?: "Trust"): Grant[] {
  const effect = trust ?? (statement.Effect === "Deny" ? "Deny" : "Allow");
  const actions = [
    ...list(statement.Action),
    ...list(statement.NotAction).map((action) => `every action but ${action}`),
  ];
  const resources =
    trust !== undefined
      ? principalText(statement.Principal)
      : [
          ...list(statement.Resource),
          ...list(statement.NotResource).map((resource) => `every resource but ${resource}`),
        ];
  const condition = conditionText(statement.Condition);
  return actions.flatMap((action) =>
    resources.map((resource) => ({
      key: [effect, action, resource, condition].join("|"),
      effect,
      action,
      resource,
      condition,
    })),
  );
}

/** Each statement as one line of JSON with its lists sorted, so that reordering is no change. */
function rawStatements(documents: readonly unknown[]): string[] {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value))
      return value.map(canonical).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
    if (typeof value === "object" && value !== null)
      return Object.fromEntries(sorted(Object.keys(value)).map((key) => [key, canonical((value as never)[key])]));
    return value;
  };
  return sorted(
    documents.flatMap((document) => statementsOf(document).map((statement) => JSON.stringify(canonical(statement)))),
  );
}
