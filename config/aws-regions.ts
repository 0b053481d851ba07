import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { closest } from "./closest";

interface Partitions {
  readonly partitions: readonly { readonly regions: Readonly<Record<string, unknown>> }[];
}

/**
 * AWS's regions in every partition, as the AWS SDK's endpoint resolver knows them: the SDK the project's own
 * tools already use, so the list is as current as the SDK version pinned in package.json. The SDK keeps the data
 * in a module it does not export, written as a JSON object; the `-global` entries are endpoints, not regions.
 */
function sdkRegions(): readonly string[] {
  const root = dirname(require.resolve("@aws-sdk/core/package.json"));
  const text = readFileSync(join(root, "dist-es/submodules/client/util-endpoints/lib/aws/partitions.js"), "utf8");
  const data = JSON.parse(text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1)) as Partitions;
  return data.partitions
    .flatMap((partition) => Object.keys(partition.regions))
    .filter((region) => !region.endsWith("-global"))
    .sort();
}

export const AWS_REGIONS: readonly string[] = sdkRegions();

export function isAwsRegion(value: string): boolean {
  return AWS_REGIONS.includes(value);
}

/** The rule and fix for a value that is not a region, suggesting the region it was likely meant to be. */
export function notARegion(value: string): { rule: string; fix: string } {
  const meant = closest(value, AWS_REGIONS);
  return {
    rule: `${value === "" ? "an empty value" : value} is not an AWS region`,
    fix:
      meant === undefined
        ? "write a region like eu-west-1 (aws account list-regions lists them)"
        : `did you mean ${meant}?`,
  };
}
