import { DefaultAzureCredential } from "@azure/identity";
import { GraphSignInError } from "../checks/cannot-check";

const GRAPH_SCOPE = "https://graph.microsoft.com/.default";

/**
 * Tokens from Azure's default credential chain: environment (client secret or certificate), workload identity
 * (a federated token, as GitHub's OIDC gives), managed identity, then the Azure CLI's and azd's sign-ins.
 * The credential caches a token until shortly before it expires.
 */
export function defaultGraphToken(tenantId: string): () => Promise<string> {
  const credential = new DefaultAzureCredential({ tenantId });
  return async () => {
    try {
      const token = await credential.getToken(GRAPH_SCOPE);
      if (!token) throw new Error("the credential chain returned no token");
      return token.token;
    } catch (error) {
      const message = error instanceof Error ? error.message.split("\n")[0]! : String(error);
      throw new GraphSignInError(message);
    }
  };
}
