import { ADMIN_GROUP_KEY } from "../../config/types";
import { exampleData, loadData, loadExample, synthJson, type SynthesizedStack } from "../helpers";

const EXISTING = "data.azuread_group.existing_team";
const ALL_GROUPS = `\${merge(azuread_group.team, ${EXISTING})}`;

describe("adoption of existing Entra groups and a Studio domain (fabrikam-adoption example)", () => {
  let stack: SynthesizedStack;
  const example = exampleData("fabrikam-adoption");
  beforeAll(() => {
    // GIVEN an example with an existing admin group, one team on an existing group and domain, one new team
    stack = synthJson(loadExample("fabrikam-adoption"));
  });

  test("creates a group only for the team without one", () => {
    expect(Object.keys(stack.resource.azuread_group!.team.for_each)).toEqual(["speech"]);
  });

  test("reads each existing group by the object id the config gives", () => {
    const existing = stack.data.azuread_group!.existing_team;
    expect(existing.object_id).toBe("${each.value.objectId}");
    expect(existing.for_each).toEqual({
      [ADMIN_GROUP_KEY]: { objectId: example.admins.existingGroupId, displayName: example.admins.group },
      vision: { objectId: example.teams.vision.existingGroupId, displayName: example.teams.vision.group },
    });
  });

  test("fails the plan when an existing group's name differs from the config or a listed member is not a direct member", () => {
    const [name, members] = stack.data.azuread_group!.existing_team.lifecycle.postcondition;
    expect(name.condition).toBe("${self.display_name == each.value.displayName}");
    // The listed members come from the lookup of the team's user names, and are compared by object id.
    expect(members.condition).toContain("data.azuread_users.team_members[each.key].users");
    expect(members.condition).toContain("!contains(self.members, user.object_id)");
    expect(members.error_message).toContain("only direct members are provisioned");
    expect(stack.data.azuread_users!.team_members.for_each).toHaveProperty("vision");
  });

  test("assigns and provisions created and existing groups alike", () => {
    expect(stack.resource.azuread_app_role_assignment!.team.for_each).toBe(ALL_GROUPS);
    const onDemand = stack.resource.azuread_synchronization_job_provision_on_demand!;
    expect(onDemand.team.for_each).toBe(ALL_GROUPS);
    expect(onDemand.member.depends_on).toEqual(expect.arrayContaining(["azuread_group.team", EXISTING]));
  });

  test("imports the existing domain under its team's key, with the domain's own name", () => {
    expect(stack.import).toContainEqual({
      to: 'aws_sagemaker_domain.team["vision"]',
      id: example.teams.vision.import.domainId,
      provider: "aws",
    });
    const domains = stack.resource.aws_sagemaker_domain!.team.for_each;
    expect(domains.vision.domainName).toBe(example.teams.vision.domainName);
    expect(domains.speech.domainName).toBe("fabrikam-ml-speech");
    expect(stack.import!.filter((block) => block.to.startsWith("aws_"))).toHaveLength(1);
  });

  test("makes the admins of the existing admin group eligible, without managing its permanent membership", () => {
    const eligibility = stack.resource.azuread_privileged_access_group_eligibility_schedule!.admin;
    expect(eligibility.group_id).toBe(`\${${EXISTING}["${ADMIN_GROUP_KEY}"].object_id}`);
    expect(eligibility.for_each).toBe(`\${toset(${JSON.stringify(example.admins.members)})}`);
    expect(stack.resource.azuread_group_member).toBeUndefined();
    // The existing group's check covers permanent members only: an eligible admin is not a direct member.
    expect(stack.data.azuread_users!.team_members.for_each).not.toHaveProperty(ADMIN_GROUP_KEY);
  });
});

describe("adoption switches", () => {
  test("without existing groups the groups' for_each is the created groups alone, as before adoption existed", () => {
    // GIVEN the Contoso example, which adopts nothing
    const stack = synthJson(loadExample("contoso"));
    // THEN
    expect(stack.data.azuread_group).toBeUndefined();
    expect(stack.resource.azuread_app_role_assignment!.team.for_each).toBe("${azuread_group.team}");
    expect(stack.import!.map((block) => block.to)).toEqual(["azuread_application_redirect_uris.identity_center"]);
  });

  test("with every group existing no group is created", () => {
    // GIVEN every team and the admins on existing groups
    const data = exampleData("fabrikam-adoption");
    data.teams.speech.existingGroupId = "0e7c5a3b-1d2f-4e6a-9b8c-7d6e5f4a3b2c";
    // WHEN
    const stack = synthJson(loadData(data));
    // THEN
    expect(stack.resource.azuread_group).toBeUndefined();
    expect(stack.resource.azuread_app_role_assignment!.team.for_each).toBe(`\${${EXISTING}}`);
    expect(Object.keys(stack.data.azuread_group!.existing_team.for_each).sort()).toEqual([
      ADMIN_GROUP_KEY,
      "speech",
      "vision",
    ]);
  });

  test("imports a domain of a workload account with that account's provider", () => {
    // GIVEN a team of a workload account with an existing domain
    const data = exampleData("contoso-multi-account");
    const [key, team] = Object.entries<any>(data.teams).find(([, team]) => team.account !== undefined)!;
    team.import = { domainId: "d-7hx3k9p2m4qa" };
    // WHEN
    const stack = synthJson(loadData(data));
    // THEN
    expect(stack.import).toContainEqual({
      to: `aws_sagemaker_domain.team_${team.account}[${JSON.stringify(key)}]`,
      id: "d-7hx3k9p2m4qa",
      provider: `aws.${team.account}`,
    });
  });

  test("an import block in the bootstrap phase would have no domain to import into, so none is written", () => {
    // GIVEN the adoption example before IAM Identity Center is set up
    const data = exampleData("fabrikam-adoption");
    delete data.aws.identityCenter;
    // WHEN
    const stack = synthJson(loadData(data));
    // THEN
    expect((stack.import ?? []).filter((block) => block.to.startsWith("aws_"))).toEqual([]);
  });
});
