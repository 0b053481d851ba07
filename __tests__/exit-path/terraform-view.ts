// Terraform's own view of a configuration, whichever its syntax: `terraform show -json` of a saved plan holds a
// `configuration` section (providers, resources and data sources with their nested blocks, count/for_each,
// depends_on, outputs, variables; each value as a constant or the references it makes) and a `checks` section (every
// object with conditions, every check block). A plan that targets nothing reads nothing and calls no API.
//
// JSON syntax shows every string as a constant, interpolations unevaluated (`"${each.value.x}"` with its references);
// native syntax shows a constant only for a value without interpolation. So a value is compared as its constant when
// it has no interpolation, else as its references: both syntaxes say the same of it.

type Tree = string | number | boolean | null | Tree[] | { [key: string]: Tree };

/**
 * Whether a value holds an interpolation or directive, or their escapes (`$${`, `%%{`): native syntax shows no
 * constant for a template with an escape, so such a value is compared by its references here and by its text in the
 * round trip.
 */
function interpolates(value: Tree): boolean {
  if (typeof value === "string") return /[$%]\{/.test(value);
  if (Array.isArray(value)) return value.some(interpolates);
  if (typeof value === "object" && value !== null)
    return Object.entries(value).some(([key, item]) => interpolates(key) || interpolates(item));
  return false;
}

function isExpression(node: { [key: string]: Tree }): boolean {
  const keys = Object.keys(node);
  return keys.length > 0 && keys.every((key) => key === "constant_value" || key === "references");
}

/** A configuration section with every expression in one form: `{ constant }` or `{ references }` (sorted). */
export function normalizeView(node: Tree): Tree {
  if (Array.isArray(node)) return node.map(normalizeView);
  if (typeof node !== "object" || node === null) return node;
  if (isExpression(node)) {
    const constant = node.constant_value;
    if (constant !== undefined && !interpolates(constant)) return { constant };
    const references = Array.isArray(node.references) ? [...node.references].map(String).sort() : [];
    return { references };
  }
  // An expression with neither a constant nor references (native syntax, a call without references).
  if (Object.keys(node).length === 0) return { references: [] };
  return Object.fromEntries(
    Object.keys(node)
      .sort()
      .map((key) => [key, normalizeView(node[key]!)]),
  );
}

export interface PlanJson {
  readonly configuration?: {
    readonly provider_config?: Readonly<Record<string, Tree>>;
    readonly root_module?: Tree & { readonly module_calls?: Readonly<Record<string, { readonly module?: Tree }>> };
  };
  readonly checks?: readonly {
    readonly address?: { readonly to_display?: string; readonly kind?: string; readonly module?: string };
  }[];
}

export type View = { providers: Tree; module: Tree; checks: string[] };

/**
 * What of a saved plan's JSON is compared, for the root module or for one module the root calls (several
 * configurations are planned at once as modules of one root, each seen as it would be as a root).
 */
export function view(plan: PlanJson, call?: string): View {
  const prefix = call === undefined ? "" : `module.${call}`;
  // Inside a module, provider_config_key values name the module too ("module.json:aws"): as a root they would not.
  const local = (text: string) => JSON.parse(call === undefined ? text : text.split(`"${prefix}:`).join('"')) as Tree;
  const providers = Object.entries(plan.configuration?.provider_config ?? {})
    .filter(([key]) => (call === undefined ? !key.includes(":") : key.startsWith(`${prefix}:`)))
    .map(([key, config]) => {
      const own = Object.entries(config as Record<string, Tree>).filter(([field]) => field !== "module_address");
      return [key.slice(prefix.length + (call === undefined ? 0 : 1)), Object.fromEntries(own)];
    });
  const root = plan.configuration?.root_module;
  const module = call === undefined ? root : root?.module_calls?.[call]?.module;
  const checks = (plan.checks ?? [])
    .filter((check) => (call === undefined ? !check.address?.module : check.address?.module === prefix))
    .map((check) => `${check.address?.kind}:${(check.address?.to_display ?? "").slice(prefix ? prefix.length + 1 : 0)}`)
    .sort();
  return {
    providers: normalizeView(Object.fromEntries(providers) as Tree),
    module: normalizeView(local(JSON.stringify(module ?? null))),
    checks,
  };
}
