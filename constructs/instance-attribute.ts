import { propertyAccess, Token, type TerraformResource, type TerraformDataSource } from "cdktf";

/**
 * `resource[key].attribute` of a resource declared with `for_each`. The key is a config key (quoted, so that
 * keys like `forecasting` are not read as attribute names) or an iterator expression such as `each.value.team`.
 */
export function instanceAttribute(
  resource: TerraformResource | TerraformDataSource,
  key: string,
  attribute: string,
): string {
  const index = Token.isUnresolved(key) ? key : JSON.stringify(key);
  return Token.asString(propertyAccess(resource, [index, attribute]));
}
