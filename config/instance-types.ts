/**
 * SageMaker ML instance families and the sizes each offers (training, processing, hosting and Studio apps
 * together). A config may name an exact type (`ml.m5.large`) or a whole family (`ml.g5.*`).
 */
const SIZES: Readonly<Record<string, string>> = {
  t2: "medium large xlarge 2xlarge",
  t3: "medium large xlarge 2xlarge",
  m4: "xlarge 2xlarge 4xlarge 10xlarge 16xlarge",
  m5: "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge",
  m5d: "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge",
  m6i: "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 32xlarge",
  m6id: "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 32xlarge",
  m7i: "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 48xlarge",
  c4: "xlarge 2xlarge 4xlarge 8xlarge",
  c5: "large xlarge 2xlarge 4xlarge 9xlarge 12xlarge 18xlarge 24xlarge",
  c5d: "large xlarge 2xlarge 4xlarge 9xlarge 18xlarge",
  c5n: "large xlarge 2xlarge 4xlarge 9xlarge 18xlarge",
  c6i: "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 32xlarge",
  c6id: "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 32xlarge",
  c7i: "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 48xlarge",
  r5: "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge",
  r5d: "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge",
  r6i: "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 32xlarge",
  r6id: "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 32xlarge",
  r7i: "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 48xlarge",
  g4dn: "xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge",
  g5: "xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 48xlarge",
  g6: "xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 48xlarge",
  g6e: "xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 48xlarge",
  p2: "xlarge 8xlarge 16xlarge",
  p3: "2xlarge 8xlarge 16xlarge",
  p3dn: "24xlarge",
  p4d: "24xlarge",
  p4de: "24xlarge",
  p5: "48xlarge",
  p5e: "48xlarge",
  p5en: "48xlarge",
  trn1: "2xlarge 32xlarge",
  trn1n: "32xlarge",
  inf1: "xlarge 2xlarge 6xlarge 24xlarge",
  inf2: "xlarge 8xlarge 24xlarge 48xlarge",
};

const FAMILIES = new Set(Object.keys(SIZES));
const TYPES = new Set(
  Object.entries(SIZES).flatMap(([family, sizes]) => sizes.split(" ").map((size) => `ml.${family}.${size}`)),
);

/** True for an exact SageMaker ML instance type or a `ml.<family>.*` pattern of a known family. */
export function isKnownInstanceType(value: string): boolean {
  const family = /^ml\.([a-z0-9]+)\.\*$/.exec(value)?.[1];
  return family === undefined ? TYPES.has(value) : FAMILIES.has(family);
}
