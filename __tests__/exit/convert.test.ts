import { convert } from "../../tools/exit/convert";
import type { Json } from "../../tools/exit/json";
import type { ProviderSchemas } from "../../tools/exit/schema";

// A provider with a resource whose arguments cover every shape: attributes (one map-typed, which JSON writes as an
// object like a block), blocks in each nesting mode, a block inside a block.
const SCHEMAS: ProviderSchemas = {
  provider_schemas: {
    "registry.terraform.io/hashicorp/demo": {
      provider: {
        block: {
          attributes: { region: {} },
          block_types: { default_tags: { nesting_mode: "list", block: { attributes: { tags: {} } } } },
        },
      },
      resource_schemas: {
        demo_thing: {
          block: {
            attributes: { name: {}, tags: {}, settings_json: {} },
            block_types: {
              single: { nesting_mode: "single", block: { attributes: { size: {} } } },
              rule: {
                nesting_mode: "list",
                block: {
                  attributes: { port: {} },
                  block_types: { inner: { nesting_mode: "set", block: { attributes: { on: {} } } } },
                },
              },
              labelled: { nesting_mode: "map", block: { attributes: { value: {} } } },
            },
          },
        },
      },
      data_source_schemas: { demo_lookup: { block: { attributes: { key: {}, result: {} } } } },
    },
  },
};

const REQUIRED = { terraform: { required_providers: { demo: { source: "hashicorp/demo", version: "1.0.0" } } } };

function hcl(config: Record<string, Json>): string {
  return convert({ ...REQUIRED, ...config }, SCHEMAS);
}

describe("the converter, GIVEN a resource", () => {
  const resource = (body: Record<string, Json>) => hcl({ resource: { demo_thing: { a: body } } });

  test("THEN an object-typed attribute is `name = { ... }` with quoted keys, and a nested block is a block", () => {
    const text = resource({ tags: { "cost-center": "ml" }, single: { size: 3 } });
    expect(text).toContain('tags = {\n    "cost-center" = "ml"\n  }');
    expect(text).toContain("single {\n    size = 3\n  }");
  });

  test("THEN a list of blocks is one block each, nested blocks inside them too", () => {
    const text = resource({ rule: [{ port: 1, inner: [{ on: true }, { on: false }] }, { port: 2 }] });
    expect(text).toContain(
      "rule {\n    port = 1\n    inner {\n      on = true\n    }\n    inner {\n      on = false\n    }\n  }",
    );
    expect(text).toContain("rule {\n    port = 2\n  }");
  });

  test("THEN a block of nesting mode map is one labelled block per key", () => {
    expect(resource({ labelled: { first: { value: "x" } } })).toContain('labelled "first" {\n    value = "x"\n  }');
  });

  test("THEN a dynamic block is written with its for_each, iterator and content", () => {
    const text = resource({
      dynamic: { rule: { for_each: "${var.ports}", iterator: "p", content: { port: "${p.value}" } } },
    });
    expect(text).toContain(
      'dynamic "rule" {\n    for_each = var.ports\n    iterator = p\n    content {\n      port = p.value\n    }\n  }',
    );
  });

  test("THEN the meta-arguments come bare where JSON holds expressions in strings, and cdktf's `//` is dropped", () => {
    const text = resource({
      "//": { metadata: { path: "x" } },
      for_each: "${toset(var.names)}",
      provider: "demo.second",
      name: "${each.key}",
      depends_on: ["demo_thing.b", "data.demo_lookup.c"],
      lifecycle: {
        create_before_destroy: true,
        prevent_destroy: true,
        ignore_changes: ["tags", "rule[0].port"],
        replace_triggered_by: ["terraform_data.x"],
        precondition: [{ condition: "${var.ok}", error_message: 'not ok: "${var.why}"' }],
        postcondition: { condition: '${self.name != ""}', error_message: "unnamed" },
      },
    });
    expect(text).toBe(`terraform {
  required_providers {
    demo = {
      source = "hashicorp/demo"
      version = "1.0.0"
    }
  }
}

resource "demo_thing" "a" {
  for_each = toset(var.names)
  provider = demo.second
  name = each.key
  depends_on = [demo_thing.b, data.demo_lookup.c]
  lifecycle {
    create_before_destroy = true
    prevent_destroy = true
    ignore_changes = [tags, rule[0].port]
    replace_triggered_by = [terraform_data.x]
    precondition {
      condition = var.ok
      error_message = "not ok: \\"\${var.why}\\""
    }
    postcondition {
      condition = self.name != ""
      error_message = "unnamed"
    }
  }
}
`);
  });

  test("THEN a string attribute holding JSON (a policy document) has its quotes escaped", () => {
    expect(resource({ settings_json: '{"a":"b"}' })).toContain('settings_json = "{\\"a\\":\\"b\\"}"');
  });
});

describe("the converter, GIVEN each other top-level kind", () => {
  test("THEN terraform keeps required_version, required_providers and the backend, all literal", () => {
    const text = convert(
      { terraform: { ...REQUIRED.terraform, required_version: ">= 1.7.0", backend: { local: { path: "x.tfstate" } } } },
      SCHEMAS,
    );
    expect(text).toContain('required_version = ">= 1.7.0"');
    expect(text).toContain('backend "local" {\n    path = "x.tfstate"\n  }');
  });

  test("THEN providers are blocks, an alias each, nested blocks from the provider schema", () => {
    const text = hcl({
      provider: { demo: [{ region: "r1" }, { alias: "second", default_tags: [{ tags: { a: "b" } }] }] },
    });
    expect(text).toContain('provider "demo" {\n  region = "r1"\n}');
    expect(text).toContain(
      'provider "demo" {\n  alias = "second"\n  default_tags {\n    tags = {\n      "a" = "b"\n    }\n  }\n}',
    );
  });

  test("THEN a variable has a bare type, a literal default and validation blocks", () => {
    const text = hcl({
      variable: {
        token: {
          type: "string",
          default: "${not interpolated}",
          sensitive: true,
          nullable: false,
          description: "the token",
          validation: [{ condition: "${length(var.token) > 0}", error_message: "empty" }],
        },
      },
    });
    expect(text).toContain(
      'variable "token" {\n  type = string\n  default = "$${not interpolated}"\n  sensitive = true',
    );
    expect(text).toContain("nullable = false");
    expect(text).toContain('validation {\n    condition = length(var.token) > 0\n    error_message = "empty"\n  }');
  });

  test("THEN locals, outputs, moved, removed, import and checks are written", () => {
    const text = hcl({
      locals: { names: ["a", "b"], byName: { "a/b": "${local.x}" } },
      output: { url: { value: "${demo_thing.a.name}", description: "the URL", sensitive: false } },
      moved: [{ from: "demo_thing.old", to: 'demo_thing.a["k"]' }],
      removed: [{ from: "demo_thing.gone", lifecycle: { destroy: false } }],
      import: [{ to: "demo_thing.a", id: "${var.prefix}-1", provider: "demo.second" }],
      check: {
        ready: {
          data: { demo_lookup: { probe: { key: "k" } } },
          assert: [{ condition: '${data.demo_lookup.probe.result == "ok"}', error_message: "not ready" }],
        },
      },
    });
    expect(text).toContain('locals {\n  names = ["a", "b"]\n  byName = {\n    "a/b" = local.x\n  }\n}');
    expect(text).toContain(
      'output "url" {\n  value = demo_thing.a.name\n  description = "the URL"\n  sensitive = false\n}',
    );
    expect(text).toContain('moved {\n  from = demo_thing.old\n  to = demo_thing.a["k"]\n}');
    expect(text).toContain("removed {\n  from = demo_thing.gone\n  lifecycle {\n    destroy = false\n  }\n}");
    expect(text).toContain('import {\n  to = demo_thing.a\n  id = "${var.prefix}-1"\n  provider = demo.second\n}');
    expect(text).toContain(
      'check "ready" {\n  data "demo_lookup" "probe" {\n    key = "k"\n  }\n  assert {\n    condition = data.demo_lookup.probe.result == "ok"\n    error_message = "not ready"\n  }\n}',
    );
  });
});

describe("the converter, GIVEN what it does not understand THEN an error names the JSON path", () => {
  const cases: [string, Record<string, Json>, RegExp][] = [
    [
      "an argument the schema lacks",
      { resource: { demo_thing: { a: { colour: "red" } } } },
      /^\$\.resource\.demo_thing\.a\.colour: colour is neither/,
    ],
    [
      "a top-level kind it does not know",
      { module: { m: { source: "./m" } } },
      /^\$\.module: unknown top-level block type module/,
    ],
    [
      "a resource type the provider lacks",
      { resource: { demo_other: { a: {} } } },
      /^\$\.resource\.demo_other\.a: provider demo has no resource type demo_other/,
    ],
    [
      "a provider with no schema",
      { resource: { other_thing: { a: {} } } },
      /no schema for provider registry\.terraform\.io\/hashicorp\/other/,
    ],
    [
      "a lifecycle argument it does not know",
      { resource: { demo_thing: { a: { lifecycle: { keep: true } } } } },
      /a\.lifecycle\.keep: unknown lifecycle argument keep/,
    ],
    [
      "a data source lifecycle argument of resources only",
      { data: { demo_lookup: { a: { lifecycle: { prevent_destroy: true } } } } },
      /unknown lifecycle argument prevent_destroy/,
    ],
    [
      "a provisioner",
      { resource: { demo_thing: { a: { provisioner: { "local-exec": {} } } } } },
      /a\.provisioner: provisioner blocks are not converted/,
    ],
    [
      "a block given as a string",
      { resource: { demo_thing: { a: { rule: "${var.rules}" } } } },
      /a\.rule: expected a block body/,
    ],
    [
      "two blocks of a single block type",
      { resource: { demo_thing: { a: { single: [{}, {}] } } } },
      /a\.single: block type single takes one block, got 2/,
    ],
    [
      "a dynamic block of an attribute",
      { resource: { demo_thing: { a: { dynamic: { tags: { for_each: [], content: {} } } } } } },
      /a\.dynamic\.tags: dynamic block of tags/,
    ],
    [
      "an unknown variable argument",
      { variable: { v: { typ: "string" } } },
      /^\$\.variable\.v\.typ: unknown argument typ/,
    ],
    [
      "a non-boolean prevent_destroy",
      { resource: { demo_thing: { a: { lifecycle: { prevent_destroy: "${var.p}" } } } } },
      /prevent_destroy: expected true or false/,
    ],
  ];
  test.each(cases)("GIVEN %s", (_what, config, error) => {
    expect(() => hcl(config)).toThrow(error);
  });
});
