import { exampleData, loadData, synthJson } from "../helpers";

function backendOf(backend: unknown) {
  const config = exampleData("contoso-external");
  if (backend === undefined) delete config.backend;
  else config.backend = backend;
  const { backend: declared, cloud } = synthJson(loadData(config)).terraform;
  return cloud === undefined ? declared : { cloud };
}

describe("state backend", () => {
  test("keeps local state beside the config by default, with a path that does not depend on the machine", () => {
    expect(backendOf(undefined)).toEqual({ local: { path: "../../../terraform.contoso-ext.tfstate" } });
  });

  test("uses a given local path as is", () => {
    expect(backendOf({ type: "local", path: "/var/state/ml.tfstate" })).toEqual({
      local: { path: "/var/state/ml.tfstate" },
    });
  });

  test("stores state in S3, encrypted, with S3's own lock file", () => {
    expect(
      backendOf({ type: "s3", bucket: "contoso-tf-state", key: "ml/federation.tfstate", region: "eu-west-1" }),
    ).toEqual({
      s3: {
        bucket: "contoso-tf-state",
        key: "ml/federation.tfstate",
        region: "eu-west-1",
        encrypt: true,
        use_lockfile: true,
      },
    });
  });

  test("uses a Terraform Cloud workspace (a cloud block, not a backend), on app.terraform.io unless told otherwise", () => {
    expect(backendOf({ type: "cloud", organization: "contoso", workspace: "ml-federation" })).toEqual({
      cloud: { hostname: "app.terraform.io", organization: "contoso", workspaces: { name: "ml-federation" } },
    });
  });
});

describe("Terraform version", () => {
  test("GIVEN the Entra example WHEN synthesized THEN it has a removed block, so Terraform older than 1.7 is refused up front", () => {
    const stack = synthJson(loadData(exampleData("contoso")));
    // removed blocks arrived in 1.7 (and import ids that refer to other values in 1.6).
    expect(stack.removed?.length).toBeGreaterThan(0);
    expect(stack.import?.some((block) => block.id.startsWith("${"))).toBe(true);
    expect(stack.terraform.required_version).toBe(">= 1.7.0");
  });

  test("GIVEN the external example WHEN synthesized THEN the same version is required", () => {
    expect(synthJson(loadData(exampleData("contoso-external"))).terraform.required_version).toBe(">= 1.7.0");
  });
});
