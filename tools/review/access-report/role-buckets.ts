import type { PolicyDocument } from "../../../policies/document";
import { sorted } from "../../shared/sets";

const S3_ARN = /^arn:[^:]+:s3:::([^/]+)/;

/**
 * The buckets an execution role's policy lets it use, read from the policy itself rather than from the team's
 * bucket list, so the report shows what IAM will actually allow (a persona without S3 activities gets none).
 */
export function bucketsAllowedBy(policy: PolicyDocument): string[] {
  const buckets = new Set<string>();
  for (const statement of policy.Statement) {
    if (statement.Effect !== "Allow") continue;
    const resources = typeof statement.Resource === "string" ? [statement.Resource] : statement.Resource;
    for (const resource of resources) {
      const bucket = S3_ARN.exec(resource)?.[1];
      if (bucket !== undefined) buckets.add(bucket);
    }
  }
  return sorted(buckets);
}
