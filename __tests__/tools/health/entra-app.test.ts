import { loadExample, synthJson } from "../../helpers";
import { identityCenterAppName } from "../../../constructs/entra/identity-center-app";

describe("finding the enterprise app", () => {
  test("GIVEN the stack synthesized WHEN health looks for the app by name THEN it uses the name the stack gives it", () => {
    // GIVEN
    const config = loadExample("contoso");
    const stack = synthJson(config) as any;
    // THEN
    const apps = Object.values(stack.resource.azuread_application_from_template) as { display_name: string }[];
    expect(apps.map((app) => app.display_name)).toEqual([identityCenterAppName(config.name)]);
  });
});
