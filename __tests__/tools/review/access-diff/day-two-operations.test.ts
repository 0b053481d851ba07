import type { FederationConfig } from "../../../../config/types";
import { accessDiff } from "../../../../tools/review/access-diff/access-diff";
import { dayTwoOperations } from "../../../../tools/review/access-diff/day-two-operations";
import { synthesize } from "../../../../tools/review/access-diff/synthesize";
import { exampleData, exampleText, loadData, loadText } from "../../../helpers";

type Data = Record<string, any>;

/** The access diff between two configs, both sides synthesized with this code. */
function diffOf(base: FederationConfig, head: FederationConfig) {
  return accessDiff(
    { config: base, json: synthesize(base) },
    { config: head, json: synthesize(head) },
    { baseSource: "main:config.yaml", headSource: "config.yaml" },
  );
}

/** The day-2 operations from an example (as deployed) to the same example changed by `change`. */
function operations(example: string, change: (data: Data) => void, baseChange: (data: Data) => void = () => {}) {
  const base = exampleData(example);
  baseChange(base);
  const head = structuredClone(base);
  change(head);
  return dayTwoOperations(loadData(base), loadData(head));
}

describe("day-2 operations in the access diff", () => {
  test("GIVEN an unchanged config THEN there is none", () => {
    expect(operations("contoso", () => {})).toEqual([]);
  });

  test("GIVEN team fraud retired THEN its domain is forgotten, with the steps before and after the apply", () => {
    const lines = operations("contoso-external", (data) => {
      delete data.teams.fraud;
      data.retiredTeams = { fraud: {} };
    });
    expect(lines).toEqual([
      expect.stringMatching(
        /^team `fraud` retired: Terraform forgets its domain `contoso-ext-fraud`, which stays in its account .* delete the domain's apps and spaces; afterwards, delete the domain yourself/,
      ),
    ]);
  });

  test("GIVEN team fraud retired WHEN the diff is read THEN the domain is no loss (nothing refused) and the warning is there", () => {
    // GIVEN
    const base = loadText(exampleText("contoso-external"));
    const data = exampleData("contoso-external");
    delete data.teams.fraud;
    data.retiredTeams = { fraud: {} };
    // WHEN
    const diff = diffOf(base, loadData(data));
    // THEN
    expect(diff.markdown).not.toContain("REPLACED or DESTROYED");
    expect(diff.markdown).toContain(
      "> [!WARNING]\n> **Day-2 operations: planned by Terraform, with steps around the apply.**",
    );
    expect(diff.markdown).toContain("> - team `fraud` retired");
  });

  test("GIVEN the last team of a guarded workload account retired THEN the guard's detachment is announced", () => {
    const lines = operations("contoso-multi-account", (data) => {
      delete data.teams.fraud;
      data.retiredTeams = { fraud: { account: "production" } };
    });
    expect(lines).toEqual([
      expect.stringMatching(
        /^team `fraud` retired: .* The console guard is detached from account `production` with the same apply: delete the domain soon\.$/,
      ),
    ]);
  });

  test("GIVEN a team retired beside others in its account THEN the guard stays and nothing is said of it", () => {
    const lines = operations("contoso-multi-account", (data) => {
      delete data.teams.recommendations;
      data.retiredTeams = { recommendations: { account: "research" } };
    });
    expect(lines).toEqual([expect.not.stringContaining("console guard")]);
  });

  test("fails to spare a domain when the retirement names another account than the domain's", () => {
    // GIVEN fraud, in account production, retired as if it were in research
    const base = loadText(exampleText("contoso-multi-account"));
    const data = exampleData("contoso-multi-account");
    delete data.teams.fraud;
    data.retiredTeams = { fraud: { account: "research" } };
    // WHEN
    const diff = diffOf(base, loadData(data));
    // THEN the domain is a loss, with the reason, and no retirement is announced
    expect(diff.markdown).toContain(
      "DESTROYED: retiredTeams.fraud names account `research`, but the domain is in `production`",
    );
    expect(diff.markdown).not.toContain("team `fraud` retired");
  });

  test("GIVEN dan made eligible with importMemberships THEN carol's membership is imported and dan stays a member until removed in Entra", () => {
    const lines = operations("contoso", (data) => {
      data.admins.justInTime = { members: ["dan@contoso.com"], importMemberships: true };
    });
    expect(lines).toEqual([
      "admin group switched to just in time: the plan imports the memberships of the permanent admins `carol@contoso.com`; the eligible admins `dan@contoso.com` stay permanent members until you remove them from the group in Entra after the apply. Remove importMemberships after the apply.",
    ]);
  });

  test("fails the switch to just in time without importMemberships, saying why the apply would fail", () => {
    const lines = operations("contoso", (data) => {
      data.admins.justInTime = { members: ["dan@contoso.com"] };
    });
    expect(lines).toEqual([
      expect.stringMatching(/refuses to add them again, so the apply fails\. Set importMemberships: true/),
    ]);
  });

  test("GIVEN just in time switched off THEN the memberships are forgotten and the group holds every admin", () => {
    const lines = operations(
      "contoso",
      (data) => delete data.admins.justInTime,
      (data) => (data.admins.justInTime = { members: ["dan@contoso.com"] }),
    );
    expect(lines).toEqual([
      "admin group back to permanent membership: Terraform forgets the memberships it managed one by one (they stay), the group holds every admin again (`carol@contoso.com`, `dan@contoso.com`), and PIM eligibility is deleted.",
    ]);
  });

  test("fails to import a new permanent admin while importMemberships is still on", () => {
    const lines = operations(
      "contoso",
      (data) => data.admins.members.push("erin@contoso.com"),
      (data) => (data.admins.justInTime = { members: ["dan@contoso.com"], importMemberships: true }),
    );
    expect(lines).toEqual([
      expect.stringMatching(/still on: the plan fails to import the new permanent admins `erin@contoso\.com`/),
    ]);
  });

  test("GIVEN a new certificate end date THEN the rotation is a short sign-in outage to plan for", () => {
    const lines = operations("contoso", (data) => {
      data.identityProvider.entra.signingCertificateEndDate = "2029-03-31T00:00:00Z";
    });
    expect(lines).toEqual([
      expect.stringMatching(
        /^SAML signing certificate rotated \(valid until `2029-06-30T00:00:00Z` → `2029-03-31T00:00:00Z`\): the apply replaces it, and sign-in through Entra fails until/,
      ),
    ]);
  });

  test("GIVEN the same instant written with an offset THEN there is no rotation", () => {
    expect(
      operations("contoso", (data) => {
        data.identityProvider.entra.signingCertificateEndDate = "2029-06-30T02:00:00+02:00";
      }),
    ).toEqual([]);
  });
});
