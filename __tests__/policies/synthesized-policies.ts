import type { FederationConfig } from "../../config/types";
import type { SynthesizedStack } from "../helpers";
import { resource, synthJson } from "../helpers";

/** One IAM policy as Terraform will send it: `raw` is the synthesized string, `document` what IAM receives. */
export interface SynthesizedPolicy {
  /** `<team>/<persona>` for an execution role's inline policy, the resource address for an SCP. */
  readonly key: string;
  readonly raw: string;
  readonly document: PolicyJson;
}

export interface StatementJson {
  readonly Sid?: string;
  readonly Effect: "Allow" | "Deny";
  readonly Action: string | string[];
  readonly Resource: string | string[];
  readonly Condition?: Record<string, Record<string, string | string[]>>;
}

export interface PolicyJson {
  readonly Version: string;
  readonly Statement: StatementJson[];
}

/** Terraform reads every string in its JSON syntax as a template: `$${` and `%%{` are its escapes for `${` and `%{`. */
export function renderTerraformString(raw: string): string {
  return raw.replace(/\$\$\{/g, "${").replace(/%%\{/g, "%{");
}

export function asList(value: string | string[]): string[] {
  return Array.isArray(value) ? value : [value];
}

function parsePolicy(key: string, raw: string): SynthesizedPolicy {
  return { key, raw, document: JSON.parse(renderTerraformString(raw)) as PolicyJson };
}

/** The execution roles' inline policies: the for_each map of the one aws_iam_role_policy block, keyed like the roles. */
export function inlineRolePolicies(stack: SynthesizedStack): SynthesizedPolicy[] {
  const { block } = resource(stack, "aws_iam_role_policy");
  // The map values are only what IAM gets if the block attaches `each.value` to the role of `each.key`.
  if (block.policy !== "${each.value}") throw new Error(`aws_iam_role_policy.policy is ${block.policy}`);
  if (!/\[each\.key\]\.name\}$/.test(block.role)) throw new Error(`aws_iam_role_policy.role is ${block.role}`);
  return Object.entries(block.for_each as Record<string, string>).map(([key, raw]) => parsePolicy(key, raw));
}

/** The personas' managed policies, keyed `<persona>/<n>` like the one aws_iam_policy block's for_each. */
export function managedPersonaPolicies(stack: SynthesizedStack): SynthesizedPolicy[] {
  const { block } = resource(stack, "aws_iam_policy");
  if (block.policy !== "${each.value.document}") throw new Error(`aws_iam_policy.policy is ${block.policy}`);
  return Object.entries(block.for_each as Record<string, { document: string }>).map(([key, policy]) =>
    parsePolicy(key, policy.document),
  );
}

/**
 * What each execution role may do: the managed policies attached to it (read from the attachments' for_each) and
 * its inline policy, as one document keyed like the roles. `raw` joins their synthesized strings.
 */
export function executionRolePolicies(stack: SynthesizedStack): SynthesizedPolicy[] {
  const managed = Object.fromEntries(managedPersonaPolicies(stack).map((policy) => [policy.key, policy]));
  const inline = Object.fromEntries(inlineRolePolicies(stack).map((policy) => [policy.key, policy]));
  const { block } = resource(stack, "aws_iam_role_policy_attachment");
  if (block.policy_arn !== `\${${resource(stack, "aws_iam_policy").address}[each.value.policy].arn}`)
    throw new Error(`aws_iam_role_policy_attachment.policy_arn is ${block.policy_arn}`);
  const attached = Object.values(block.for_each as Record<string, { role: string; policy: string }>);
  return Object.keys(resource(stack, "aws_iam_role").block.for_each).map((role) => {
    const parts = [
      ...attached.filter((attachment) => attachment.role === role).map((attachment) => managed[attachment.policy]!),
      ...(inline[role] ? [inline[role]] : []),
    ];
    return {
      key: role,
      raw: parts.map((part) => part.raw).join("\n"),
      document: { Version: "2012-10-17", Statement: parts.flatMap((part) => part.document.Statement) },
    };
  });
}

/** The admin permission set's ARN as an apply would make it (the Identity Center guard names it). */
export const ADMIN_PERMISSION_SET_ARN = "arn:aws:sso:::permissionSet/ssoins-0123456789abcdef/ps-0123456789abcdef";

/** What the references an SCP makes to other resources hold once applied; any other reference fails the test. */
const APPLIED_VALUES: Readonly<Record<string, string>> = {
  "aws_ssoadmin_permission_set.admin.arn": ADMIN_PERMISSION_SET_ARN,
};

/** The service control policies (the guards) by address name, if the config turns them on. */
export function serviceControlPolicies(stack: SynthesizedStack): SynthesizedPolicy[] {
  return Object.entries(stack.resource["aws_organizations_policy"] ?? {})
    .filter(([, block]) => block.type === "SERVICE_CONTROL_POLICY")
    .map(([name, block]) => {
      const raw = (block.content as string).replace(/(?<!\$)\$\{([a-z_]+\.[\w.]+)\}/g, (_, reference: string) => {
        const value = APPLIED_VALUES[reference];
        if (value === undefined)
          throw new Error(`the SCP ${name} refers to ${reference}, which the tests cannot fill in`);
        return value;
      });
      return parsePolicy(`aws_organizations_policy.${name}`, raw);
    });
}

/** ARN of each execution role, by role key, as IAM will name it (path and name from the synthesized aws_iam_role). */
export function executionRoleArns(stack: SynthesizedStack): Record<string, string> {
  const { block } = resource(stack, "aws_iam_role");
  const accountId = (stack.provider["aws"]?.[0]?.allowed_account_ids as string[] | undefined)?.[0];
  if (accountId === undefined) throw new Error("the aws provider names no allowed account");
  return Object.fromEntries(
    Object.entries(block.for_each as Record<string, { name: string }>).map(([key, role]) => [
      key,
      `arn:aws:iam::${accountId}:role${block.path}${role.name}`,
    ]),
  );
}

/** Each execution role's tags as IAM will hold them (the block's `${each.value.x}` filled in from its for_each). */
export function executionRoleTags(stack: SynthesizedStack): Record<string, Record<string, string>> {
  const { block } = resource(stack, "aws_iam_role");
  return Object.fromEntries(
    Object.entries(block.for_each as Record<string, Record<string, string>>).map(([key, values]) => [
      key,
      Object.fromEntries(
        Object.entries(block.tags as Record<string, string>).map(([tag, value]) => [
          tag,
          value.replace(/^\$\{each\.value\.(\w+)\}$/, (_, field: string) => values[field]!),
        ]),
      ),
    ]),
  );
}

/** The execution roles of a synthesized config: each one's effective policy, ARN and tags, by role key. */
export function synthesizedRoles(config: FederationConfig) {
  const stack = synthJson(config);
  return {
    stack,
    policies: Object.fromEntries(executionRolePolicies(stack).map((policy) => [policy.key, policy.document])),
    roleArns: executionRoleArns(stack),
    roleTags: executionRoleTags(stack),
  };
}
