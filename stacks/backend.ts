import { CloudBackend, LocalBackend, NamedCloudWorkspace, S3Backend, type TerraformStack } from "cdktf";
import type { BackendConfig } from "../config/types";

/** Declares where the state lives: local file, S3 with its native lock file, or Terraform Cloud. */
export function configureBackend(stack: TerraformStack, backend: BackendConfig): void {
  switch (backend.type) {
    case "local":
      // Relative to cdktf.out/stacks/<name>, where Terraform runs: the state sits beside the config, and the
      // synthesized JSON does not depend on the machine it was made on.
      new LocalBackend(stack, { path: backend.path ?? `../../../terraform.${stack.node.id}.tfstate` });
      return;
    case "s3":
      new S3Backend(stack, { bucket: backend.bucket, key: backend.key, region: backend.region, encrypt: true });
      // cdktf 0.21 predates S3's native locking option.
      stack.addOverride("terraform.backend.s3.use_lockfile", true);
      return;
    case "cloud":
      new CloudBackend(stack, {
        organization: backend.organization,
        hostname: backend.hostname,
        workspaces: new NamedCloudWorkspace(backend.workspace),
      });
      return;
  }
}
