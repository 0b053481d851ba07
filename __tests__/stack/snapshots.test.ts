import { readdirSync } from "node:fs";
import { join } from "node:path";
import { loadExample, synthText } from "../helpers";

// Complements the property tests: any change to the synthesized JSON of an example shows up in review.
const examples = readdirSync(join(__dirname, "..", "..", "examples"))
  .filter((file) => file.endsWith(".yaml"))
  .map((file) => file.replace(/\.yaml$/, ""));

test.each(examples)("synthesizes %s as recorded", (name) => {
  expect(synthText(loadExample(name))).toMatchSnapshot();
});
