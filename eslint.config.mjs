import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/", "cdktf.out/", "bench/out/", "**/*.js", "**/*.mjs"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      // A provider package's index loads every resource (10-20x slower synth): import lib/<resource> instead.
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^@cdktf/provider-[a-z0-9-]+(/lib(/index(\\.js)?)?)?$",
              message: "Import the resource module: @cdktf/provider-<name>/lib/<resource>.",
            },
          ],
        },
      ],
    },
  },
  {
    // Tests walk synthesized Terraform JSON, whose shape is the thing under test.
    files: ["__tests__/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    // The Terraform tier's harness decides whether that tier passes: Terraform's JSON is typed there, not `any`.
    files: ["__tests__/terraform/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "error" },
  },
);
