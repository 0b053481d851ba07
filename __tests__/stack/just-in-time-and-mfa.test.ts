import { ADMIN_GROUP_KEY } from "../../config/types";
import { exampleData, loadData, synthJson, type SynthesizedStack } from "../helpers";

type Data = Record<string, any>;

const BREAK_GLASS = "0b7c4a1e-5d2f-4c8b-9a3e-6f1d2c4b8a90";

/** The Contoso example with dan eligible (carol stays permanent) and report-only MFA, then `change`. */
function synth(change: (data: Data) => void = () => {}): SynthesizedStack {
  const data = exampleData("contoso");
  data.admins.justInTime = { members: ["dan@contoso.com"], maximumDuration: "PT4H" };
  data.identityProvider.entra.mfa = { breakGlassUserIds: [BREAK_GLASS] };
  change(data);
  return synthJson(loadData(data));
}

const ADMIN_GROUP = `\${azuread_group.team["${ADMIN_GROUP_KEY}"].object_id}`;

describe("just-in-time admins (admins.justInTime, Entra PIM for groups)", () => {
  test("GIVEN dan eligible and carol permanent THEN dan gets a permanent eligibility, carol a membership, and the group's membership is left to PIM", () => {
    const stack = synth();
    // THEN
    const eligibility = stack.resource.azuread_privileged_access_group_eligibility_schedule!.admin;
    expect(eligibility).toMatchObject({
      for_each: '${toset(["dan@contoso.com"])}',
      group_id: ADMIN_GROUP,
      assignment_type: "member",
      permanent_assignment: true,
      depends_on: ["azuread_group_role_management_policy.admins"],
    });
    expect(eligibility.principal_id).toContain("data.azuread_users.eligible_admins.users");
    expect(stack.data.azuread_users!.eligible_admins.user_principal_names).toEqual(["dan@contoso.com"]);
    const permanent = stack.resource.azuread_group_member!.admin;
    expect(permanent.for_each).toBe('${toset(["carol@contoso.com"])}');
    expect(permanent.group_object_id).toBe(ADMIN_GROUP);
    // An activation adds a member: the admin group's membership is null (unmanaged), the teams' stay exact.
    expect(stack.resource.azuread_group!.team.members).toMatch(/^\$\{contains\(\["admins"\], each\.key\) \? null : /);
    // Only permanent admins are looked up as the admin group's members (and provisioned on demand).
    expect(stack.data.azuread_users!.team_members.for_each[ADMIN_GROUP_KEY]).toEqual(["carol@contoso.com"]);
  });

  test("GIVEN the example THEN activation lasts at most PT4H, needs a justification and MFA, no approval", () => {
    const policy = synth().resource.azuread_group_role_management_policy!.admins;
    expect(policy).toMatchObject({
      group_id: ADMIN_GROUP,
      role_id: "member",
      activation_rules: {
        maximum_duration: "PT4H",
        require_justification: true,
        require_multifactor_authentication: true,
        require_approval: false,
      },
      // An unset expire_after would be sent as a null maximumDuration; the one-year limit is written out.
      eligible_assignment_rules: { expiration_required: false, expire_after: "P365D" },
    });
  });

  test("GIVEN approvers and every admin eligible THEN activation needs their approval and nobody is a permanent member", () => {
    const stack = synth((data) => {
      data.admins.justInTime = { maximumDuration: "PT2H", approvers: ["grace@contoso.com"] };
      data.admins.sessionDuration = "PT2H";
    });
    const policy = stack.resource.azuread_group_role_management_policy!.admins;
    expect(policy.activation_rules.require_approval).toBe(true);
    expect(policy.activation_rules.maximum_duration).toBe("PT2H");
    expect(policy.activation_rules.approval_stage.primary_approver).toEqual([
      { object_id: expect.stringContaining("data.azuread_users.admin_approvers.users"), type: "singleUser" },
    ]);
    expect(stack.data.azuread_users!.admin_approvers.user_principal_names).toEqual(["grace@contoso.com"]);
    expect(stack.data.azuread_users!.eligible_admins.user_principal_names).toEqual([
      "carol@contoso.com",
      "dan@contoso.com",
    ]);
    expect(stack.resource.azuread_group_member).toBeUndefined();
    expect(stack.data.azuread_users!.team_members.for_each).not.toHaveProperty(ADMIN_GROUP_KEY);
  });

  test.each([
    ["PT90M", "PT1H30M"],
    ["PT24H", "P1D"],
    ["P1D", "P1D"],
    ["PT8H", "PT8H"],
  ])("GIVEN an activation of %s THEN the policy says %s, as PIM writes it", (written, expected) => {
    const stack = synth((data) => {
      data.admins.justInTime.maximumDuration = written;
      data.admins.sessionDuration = "PT1H";
    });
    expect(stack.resource.azuread_group_role_management_policy!.admins.activation_rules.maximum_duration).toBe(
      expected,
    );
  });

  test("GIVEN an eligible admin written in another casing THEN they are eligible only, as admins.members writes them", () => {
    const stack = synth((data) => (data.admins.justInTime.members = ["Dan@Contoso.com"]));
    expect(stack.resource.azuread_privileged_access_group_eligibility_schedule!.admin.for_each).toBe(
      '${toset(["dan@contoso.com"])}',
    );
    expect(stack.resource.azuread_group_member!.admin.for_each).toBe('${toset(["carol@contoso.com"])}');
  });

  test("GIVEN no justInTime THEN admins are permanent members and nothing of PIM is declared", () => {
    const stack = synth((data) => delete data.admins.justInTime);
    expect(stack.resource.azuread_privileged_access_group_eligibility_schedule).toBeUndefined();
    expect(stack.resource.azuread_group_role_management_policy).toBeUndefined();
    expect(stack.resource.azuread_group_member).toBeUndefined();
    expect(stack.resource.azuread_group!.team.members).toBe(
      "${try(data.azuread_users.team_members[each.key].object_ids, [])}",
    );
    expect(stack.data.azuread_users!.team_members.for_each[ADMIN_GROUP_KEY]).toEqual([
      "carol@contoso.com",
      "dan@contoso.com",
    ]);
  });
});

describe("MFA on the way in (identityProvider.entra.mfa, Conditional Access)", () => {
  test("GIVEN the example THEN a report-only policy requires MFA for the app, for every group, except the break-glass account", () => {
    const policy = synth().resource.azuread_conditional_access_policy!.mfa;
    expect(policy.state).toBe("enabledForReportingButNotEnforced");
    expect(policy.grant_controls).toEqual({ operator: "OR", built_in_controls: ["mfa"] });
    expect(policy.conditions.applications.included_applications).toEqual([
      "${data.azuread_application.identity_center.client_id}",
    ]);
    // Sorted: the provider compares the ordered list with the order Graph returns.
    expect(policy.conditions.users.included_groups).toBe(
      "${sort([for key, entra_group in azuread_group.team : entra_group.object_id])}",
    );
    expect(policy.conditions.users.excluded_users).toEqual([BREAK_GLASS]);
    expect(policy.conditions.client_app_types).toEqual(["all"]);
  });

  test("GIVEN enforce: true THEN the policy is enabled", () => {
    const stack = synth((data) => (data.identityProvider.entra.mfa.enforce = true));
    expect(stack.resource.azuread_conditional_access_policy!.mfa.state).toBe("enabled");
  });

  test("GIVEN no mfa THEN no Conditional Access policy", () => {
    const stack = synth((data) => delete data.identityProvider.entra.mfa);
    expect(stack.resource.azuread_conditional_access_policy).toBeUndefined();
  });
});
