import { defaultPortalUrl, profileNameFor, roleArn } from "../../config/names";
import { isoDurationMinutes } from "../../config/durations";
import { isKnownInstanceType } from "../../config/instance-types";
import { exampleData, loadData, loadExample } from "../helpers";

describe("derived names", () => {
  test.each([
    ["alice@contoso.com", "alice"],
    ["jane.doe@contoso.com", "jane-doe"],
    ["Jane_Doe@contoso.com", "jane-doe"],
    ["..x..@contoso.com", "x"],
    ["o'brien@contoso.com", "o-brien"],
  ])("derives the profile name of %s as %s", (userName, profileName) => {
    expect(profileNameFor(userName)).toBe(profileName);
  });

  test("caps derived profile names at 63 characters without a trailing hyphen", () => {
    const name = profileNameFor(`${"a".repeat(62)}.b@contoso.com`);
    expect(name).toBe("a".repeat(62));
  });

  test("builds role ARNs with the path", () => {
    expect(roleArn("aws", "111122223333", "/p/", "r")).toBe("arn:aws:iam::111122223333:role/p/r");
  });

  test("derives the access portal from the issuer's directory id, and nothing from other ids", () => {
    expect(defaultPortalUrl("https://eu-west-1.signin.aws.amazon.com/platform/saml/d-93670a1b2c")).toBe(
      "https://d-93670a1b2c.awsapps.com/start",
    );
    expect(defaultPortalUrl("https://eu-west-1.signin.aws.amazon.com/platform/saml/other")).toBeUndefined();
  });

  test.each([
    ["PT4H", 240],
    ["PT1H30M", 90],
    ["PT90M", 90],
    ["P1D", undefined],
    ["PT", undefined],
  ])("reads the ISO-8601 duration %s as %s minutes", (text, minutes) => {
    expect(isoDurationMinutes(text)).toBe(minutes);
  });

  test.each([
    ["ml.m5.large", true],
    ["ml.g5.*", true],
    ["ml.p5.48xlarge", true],
    ["ml.m5.huge", false],
    ["m5.large", false],
    ["ml.zz9.*", false],
  ])("knows whether %s is an instance type (%s)", (type, known) => {
    expect(isKnownInstanceType(type)).toBe(known);
  });
});

describe("the derived config", () => {
  test("applies team and persona defaults", () => {
    // GIVEN the Contoso example, WHEN loaded
    const config = loadExample("contoso");
    // THEN members without a persona get the team's default, built-ins keep their activities
    expect(config.teams.forecasting!.members["erin.lee@contoso.com"]).toEqual({
      userName: "erin.lee@contoso.com",
      persona: "data-scientist",
      profileName: "erin-lee",
    });
    expect(config.personas["data-scientist"]!.instanceTypes).toEqual([
      "ml.t3.medium",
      "ml.m5.large",
      "ml.m5.xlarge",
      "ml.g4dn.xlarge",
    ]);
    expect(config.personas.mlops!.activities).toContain("manage-endpoints");
    expect(config.admins.permissionSetName).toBe("contoso-ml-admin");
    expect(config.accounts["identity-center"]!.network!.appNetworkAccessType).toBe("VpcOnly");
    expect(config.phase).toBe("full");
  });

  test("adds a config-defined persona next to the built-ins", () => {
    const data = exampleData("contoso");
    data.personas.analyst = { activities: ["search-visualize-experiments", "s3-bucket-access"] };
    data.teams.fraud.members["oscar@contoso.com"] = "analyst";
    const config = loadData(data);
    expect(Object.keys(config.personas)).toEqual(["analyst", "compute", "data-scientist", "mlops", "shared-space"]);
    expect(config.roles["fraud/analyst"]!.roleName).toBe("contoso-ml-fraud-analyst");
    expect(config.personas.analyst!.instanceTypes).toEqual(config.personas.mlops!.instanceTypes);
  });

  test("is in the bootstrap phase without IAM Identity Center values, but never in external mode", () => {
    const entra = exampleData("contoso");
    delete entra.aws.identityCenter;
    expect(loadData(entra).phase).toBe("bootstrap");
    expect(loadExample("contoso-external").phase).toBe("full");
  });

  test("sorts every record so YAML order does not matter", () => {
    const config = loadExample("contoso");
    for (const record of [config.teams, config.groups, config.roles, config.profiles, config.personas])
      expect(Object.keys(record)).toEqual([...Object.keys(record)].sort());
  });

  test.each([
    ["2028-01-01T00:00:00Z", "2028-01-01T00:00:00Z"],
    ["2028-01-01T02:00:00+02:00", "2028-01-01T00:00:00Z"],
    ["2027-12-31T19:30:00-04:30", "2028-01-01T00:00:00Z"],
    ["2028-01-01T00:00:00.750Z", "2028-01-01T00:00:00Z"],
  ])("writes the certificate end date %s as Graph returns it: %s", (written, graph) => {
    // GIVEN the Contoso example with the end date written another way
    const data = exampleData("contoso");
    data.identityProvider.entra.signingCertificateEndDate = written;
    // WHEN loaded
    const idp = loadData(data).identityProvider;
    // THEN it is UTC, whole seconds, Z (a string the provider compares with Graph's as it is)
    expect(idp.type === "entra" && idp.signingCertificateEndDate).toBe(graph);
  });

  test("sorts the break-glass accounts, which the Conditional Access policy sends as an ordered list", () => {
    const data = exampleData("contoso");
    const [b, a] = ["f0000000-0000-4000-8000-000000000000", "0a000000-0000-4000-8000-000000000000"];
    data.identityProvider.entra.mfa = { breakGlassUserIds: [b, a] };
    const idp = loadData(data).identityProvider;
    expect(idp.type === "entra" && idp.mfa?.breakGlassUserIds).toEqual([a, b]);
  });
});
