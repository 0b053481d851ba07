// Deliberately wrong conversions: the equivalence check must catch each of them, or it proves nothing.

export interface Mutation {
  readonly name: string;
  readonly apply: (mainTf: string) => string;
  /** Whether Terraform's view shows what the mutation changes (it shows no lifecycle argument). */
  readonly inTerraformView: boolean;
}

function changed(mainTf: string, mutated: string, what: string): string {
  if (mutated === mainTf) throw new Error(`mutation found nothing to change: ${what}`);
  return mutated;
}

export const MUTATIONS: readonly Mutation[] = [
  {
    name: "one attribute changed (the first provider's region)",
    apply: (mainTf) =>
      changed(mainTf, mainTf.replace(/^(\s*region\s*=\s*")([^"]*)"/m, '$1$2-elsewhere"'), "no region attribute"),
    inTerraformView: true,
  },
  {
    name: "one block dropped (the first check block)",
    apply: (mainTf) => changed(mainTf, mainTf.replace(/^check "[^"]*" \{\n[^]*?^\}\n/m, ""), "no check block"),
    inTerraformView: true,
  },
  {
    name: "one lifecycle argument changed (prevent_destroy)",
    apply: (mainTf) =>
      changed(mainTf, mainTf.replace(/prevent_destroy(\s*)= true/, "prevent_destroy$1= false"), "no prevent_destroy"),
    inTerraformView: false,
  },
];
