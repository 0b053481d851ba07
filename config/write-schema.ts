import { writeFileSync } from "node:fs";
import { federationJsonSchemaText } from "./json-schema";

writeFileSync("federation.schema.json", federationJsonSchemaText());
console.log("wrote federation.schema.json");
