import type { TerraformElement } from "cdktf";

/**
 * Gives a resource or data source the address `<type>.<name>`, whatever construct it is declared in. Addresses
 * are a contract with every existing state: a construct-tree refactor must not move them, and a deliberate change
 * ships with `moved` blocks.
 */
export function fixAddress<T extends TerraformElement>(element: T, name: string): T {
  element.overrideLogicalId(name);
  return element;
}
