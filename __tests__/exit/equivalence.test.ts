import { convert } from "../../tools/exit/convert";
import { MUTATIONS } from "../exit-path/mutations";
import { differences, normalize, roundTripDifferences } from "../exit-path/round-trip";
import { view, type PlanJson } from "../exit-path/terraform-view";
import type { ProviderSchemas } from "../../tools/exit/schema";

const SCHEMAS: ProviderSchemas = {
  provider_schemas: {
    "registry.terraform.io/hashicorp/demo": {
      provider: { block: { attributes: { region: {} } } },
      resource_schemas: {
        demo_thing: {
          block: {
            attributes: { name: {}, policy: {} },
            block_types: { rule: { nesting_mode: "list", block: { attributes: { port: {} } } } },
          },
        },
      },
    },
  },
};

const CONFIG = {
  terraform: { required_providers: { demo: { source: "hashicorp/demo", version: "1.0.0" } } },
  provider: { demo: [{ region: "eu-west-1" }] },
  resource: {
    demo_thing: {
      a: {
        for_each: { "k/1": { policy: '{"Resource":"arn:$${aws:username}"}' } },
        name: "${each.key}-x",
        policy: "${each.value.policy}",
        rule: [{ port: 1 }, { port: 2 }],
        lifecycle: { prevent_destroy: true },
      },
    },
  },
  check: { ready: { assert: [{ condition: "${demo_thing.a != null}", error_message: 'no "a"' }] } },
};

describe("the round trip (main.tf parsed back by @cdktf/hcl2json)", () => {
  const mainTf = convert(CONFIG, SCHEMAS);

  test("GIVEN the converter's main.tf THEN it finds no difference from the JSON", async () => {
    await expect(roundTripDifferences(CONFIG, mainTf)).resolves.toEqual([]);
  });

  test("GIVEN one attribute changed in main.tf THEN it names the path and both values", async () => {
    const wrong = mainTf.replace("port = 2", "port = 3");
    await expect(roundTripDifferences(CONFIG, wrong)).resolves.toEqual([
      "$.resource.demo_thing.a.rule.1.port: JSON 2, HCL 3",
    ]);
  });

  test("GIVEN one block dropped, an escape lost or a lifecycle argument changed THEN each is a difference", async () => {
    const wrongs = [
      mainTf.replace(/check "ready" \{[^]*$/, ""),
      mainTf.replace("$${aws:username}", () => "$${aws:userid}"),
      mainTf.replace("prevent_destroy = true", "prevent_destroy = false"),
    ];
    for (const wrong of wrongs) expect(await roundTripDifferences(CONFIG, wrong)).not.toEqual([]);
  });

  test("GIVEN `${expr}`, `(expr)` and whitespace inside interpolations THEN they normalize alike, text outside does not", () => {
    expect(normalize(["${ a  ==\n b }"])).toEqual(normalize(["${(a == b)}"]));
    expect(normalize("x  ${a}")).not.toEqual(normalize("x ${a}"));
  });
});

describe("Terraform's view (the configuration section of a saved plan's JSON)", () => {
  const resource = (expressions: object) => ({ address: "demo_thing.a", expressions });
  const plan = (json: object, hcl: object): PlanJson =>
    ({
      configuration: {
        provider_config: {
          "module.json:demo": { name: "demo", module_address: "module.json" },
          "module.hcl:demo": { name: "demo", module_address: "module.hcl" },
        },
        root_module: {
          module_calls: {
            json: { module: { resources: [{ ...resource(json), provider_config_key: "module.json:demo" }] } },
            hcl: { module: { resources: [{ ...resource(hcl), provider_config_key: "module.hcl:demo" }] } },
          },
        },
      },
      checks: [
        { address: { kind: "check", module: "module.json", to_display: "module.json.check.ready" } },
        { address: { kind: "check", module: "module.hcl", to_display: "module.hcl.check.ready" } },
      ],
    }) as PlanJson;

  test("GIVEN JSON syntax's unevaluated template and native syntax's references THEN the views are the same", () => {
    const seen = plan(
      {
        name: { constant_value: "${var.a}-x", references: ["var.a"] },
        policy: { constant_value: "$${aws:username}" },
        region: { constant_value: "r" },
      },
      { name: { references: ["var.a"] }, policy: {}, region: { constant_value: "r" } },
    );
    expect(differences(view(seen, "json"), view(seen, "hcl"))).toEqual([]);
  });

  test("GIVEN a constant changed THEN the views differ", () => {
    const seen = plan({ region: { constant_value: "r" } }, { region: { constant_value: "s" } });
    expect(differences(view(seen, "json"), view(seen, "hcl"))).toEqual([
      '$.module.resources.0.expressions.region.constant: JSON "r", HCL "s"',
    ]);
  });

  test("GIVEN a reference changed or a nested block dropped THEN the views differ", () => {
    const refs = plan({ name: { references: ["var.a"] } }, { name: { references: ["var.b"] } });
    expect(differences(view(refs, "json"), view(refs, "hcl"))).not.toEqual([]);
    const blocks = plan({ rule: [{ port: { constant_value: 1 } }] }, {});
    expect(differences(view(blocks, "json"), view(blocks, "hcl"))).not.toEqual([]);
  });
});

describe("the wrong conversions the exit path must catch", () => {
  const mainTf = convert(CONFIG, SCHEMAS);

  test.each(MUTATIONS.map((mutation) => [mutation.name, mutation] as const))(
    "GIVEN %s THEN main.tf changes and the round trip sees it",
    async (_name, mutation) => {
      const wrong = mutation.apply(mainTf);
      expect(wrong).not.toBe(mainTf);
      expect(await roundTripDifferences(CONFIG, wrong)).not.toEqual([]);
    },
  );

  test("GIVEN a main.tf without what a mutation changes THEN the mutation refuses to pass as a change", () => {
    expect(() => MUTATIONS[0]!.apply("locals {}\n")).toThrow(/found nothing to change/);
  });
});
