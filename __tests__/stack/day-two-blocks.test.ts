import { ADMIN_GROUP_KEY } from "../../config/types";
import { configErrorOf, exampleData, loadData, synthJson, type SynthesizedStack } from "../helpers";
import { stringify } from "yaml";

type Data = Record<string, any>;

/** An example, changed by `change`, synthesized. */
function synth(example: string, change: (data: Data) => void): SynthesizedStack {
  const data = exampleData(example);
  change(data);
  return synthJson(loadData(data));
}

/** The rules of the config errors of an example changed by `change`. */
function problemsOf(example: string, change: (data: Data) => void): string[] {
  const data = exampleData(example);
  change(data);
  return configErrorOf(stringify(data)).problems.map((p) => `${p.path}: ${p.rule}; ${p.fix}`);
}

const FORGET = { destroy: false };

describe("retired teams (retiredTeams): the domain is forgotten, never destroyed", () => {
  describe("GIVEN the external example without team fraud, retired", () => {
    let stack: SynthesizedStack;
    beforeAll(() => {
      stack = synth("contoso-external", (data) => {
        delete data.teams.fraud;
        data.retiredTeams = { fraud: {} };
      });
    });

    test("THEN its domain moves from its instance of aws_sagemaker_domain.team to an address of its own", () => {
      expect(stack.moved).toEqual([
        { from: 'aws_sagemaker_domain.team["fraud"]', to: "aws_sagemaker_domain.retired_fraud" },
      ]);
    });

    test("THEN that address is forgotten with destroy = false, and no resource is declared there", () => {
      expect(stack.removed).toEqual([{ from: "aws_sagemaker_domain.retired_fraud", lifecycle: FORGET }]);
      expect(Object.keys(stack.resource.aws_sagemaker_domain!)).toEqual(["team"]);
      expect(stack.resource.aws_sagemaker_domain!.team.for_each).not.toHaveProperty("fraud");
    });
  });

  test("GIVEN no retired team THEN the external example has no moved and no removed block", () => {
    const stack = synth("contoso-external", () => {});
    expect(stack.moved).toBeUndefined();
    expect(stack.removed).toBeUndefined();
  });

  describe("GIVEN the multi-account example with fraud, the only team of account production, retired", () => {
    let stack: SynthesizedStack;
    beforeAll(() => {
      stack = synth("contoso-multi-account", (data) => {
        delete data.teams.fraud;
        data.retiredTeams = { fraud: { account: "production" } };
      });
    });

    test("THEN the domain moves from the production account's block", () => {
      expect(stack.moved).toEqual([
        { from: 'aws_sagemaker_domain.team_production["fraud"]', to: "aws_sagemaker_domain.retired_fraud" },
      ]);
    });

    test("THEN the account keeps its provider configuration, which Terraform needs to forget the domain and delete the account's roles", () => {
      expect(stack.provider.aws!.map((p) => p.alias)).toContain("production");
      expect(stack.resource.aws_sagemaker_domain).not.toHaveProperty("team_production");
    });
  });

  test("fails when a retired team is still in teams, naming both places", () => {
    expect(problemsOf("contoso-external", (data) => (data.retiredTeams = { fraud: {} }))).toEqual([
      'retiredTeams.fraud: team "fraud" is both in teams and in retiredTeams; to retire it, remove teams.fraud; to keep it, remove retiredTeams.fraud',
    ]);
  });

  test("fails when a retired team names an account that is not declared", () => {
    const problems = problemsOf("contoso-multi-account", (data) => {
      delete data.teams.fraud;
      data.retiredTeams = { fraud: { account: "staging" } };
    });
    expect(problems).toEqual([
      expect.stringMatching(/^retiredTeams\.fraud\.account: account "staging" is not declared/),
    ]);
  });

  test("fails when a retired team holds anything but its account", () => {
    const problems = problemsOf("contoso-external", (data) => {
      delete data.teams.fraud;
      data.retiredTeams = { fraud: { domainId: "d-123" } };
    });
    expect(problems).toEqual([
      'retiredTeams.fraud.domainId: unknown key "domainId"; remove it or correct its spelling (keys here: account)',
    ]);
  });
});

describe("switching the admin group to just in time and back (Entra)", () => {
  const ADMIN_GROUP = `\${azuread_group.team["${ADMIN_GROUP_KEY}"].object_id}`;

  describe("GIVEN dan made eligible with importMemberships", () => {
    let stack: SynthesizedStack;
    beforeAll(() => {
      stack = synth("contoso", (data) => {
        data.admins.justInTime = { members: ["dan@contoso.com"], importMemberships: true };
      });
    });

    test("THEN carol's existing membership is imported into her azuread_group_member instance, by group and user object id", () => {
      const imports = stack.import!.filter((block) => block.to.startsWith("azuread_group_member."));
      expect(imports).toHaveLength(1);
      expect(imports[0]!.to).toBe('azuread_group_member.admin["carol@contoso.com"]');
      expect(imports[0]!.id).toBe(
        `${ADMIN_GROUP}/member/\${one([for user in data.azuread_users.team_members["admins"].users : user.object_id if lower(user.user_principal_name) == lower("carol@contoso.com")])}`,
      );
      expect(stack.resource.azuread_group_member!.admin.group_object_id).toBe(ADMIN_GROUP);
    });

    test("THEN nothing is forgotten: the memberships are managed one by one", () => {
      expect(stack.removed ?? []).toEqual([]);
    });
  });

  test("GIVEN just in time without importMemberships THEN no membership is imported", () => {
    const stack = synth("contoso", (data) => {
      data.admins.justInTime = { members: ["dan@contoso.com"] };
    });
    expect(stack.import!.map((block) => block.to)).toEqual(["azuread_application_redirect_uris.identity_center"]);
  });

  test("GIVEN no justInTime THEN the permanent admins' memberships are forgotten, never deleted: the group holds them again", () => {
    const stack = synth("contoso", () => {});
    expect(stack.removed).toEqual([{ from: "azuread_group_member.admin", lifecycle: FORGET }]);
    expect(stack.resource).not.toHaveProperty("azuread_group_member");
    expect(stack.resource.azuread_group!.team.members).toContain("data.azuread_users.team_members");
  });

  test("GIVEN an existing admin group (membership Entra's) THEN nothing is forgotten", () => {
    const stack = synth("fabrikam-adoption", (data) => {
      delete data.admins.justInTime;
    });
    expect(stack.removed ?? []).toEqual([]);
  });

  test("fails when importMemberships is set for an existing admin group", () => {
    const problems = problemsOf("fabrikam-adoption", (data) => {
      data.admins.justInTime.importMemberships = true;
    });
    expect(problems).toEqual([
      expect.stringMatching(
        /^admins\.justInTime\.importMemberships: the existing admin group's membership stays Entra's/,
      ),
    ]);
  });
});
