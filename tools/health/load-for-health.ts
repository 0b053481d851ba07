import { ConfigError } from "../../config/errors";
import { loadConfigFile } from "../../config/load";
import type { FederationConfig } from "../../config/types";

const CERTIFICATE_PATH = "identityProvider.entra.signingCertificateEndDate";

/**
 * The config as a health check needs it. The loader refuses a signing certificate that has already expired (no
 * apply should declare one), but that is exactly what a health check must be able to report: such a config is
 * read as it was while the certificate was valid, and the certificate's own check reports the expiry.
 */
export function loadConfigForHealth(file: string, now: Date): FederationConfig {
  try {
    return loadConfigFile(file, { now });
  } catch (error) {
    const onlyExpired =
      error instanceof ConfigError &&
      error.problems.every((problem) => problem.path === CERTIFICATE_PATH && /in the past/.test(problem.rule));
    if (!onlyExpired) throw error;
    const before = new Date(now);
    before.setUTCFullYear(before.getUTCFullYear() - 3);
    return loadConfigFile(file, { now: new Date(before.getTime() + 60_000) });
  }
}
