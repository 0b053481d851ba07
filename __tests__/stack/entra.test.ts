import {
  dataSource,
  ref,
  exampleData,
  loadData,
  loadExample,
  resource,
  synthJson,
  type SynthesizedStack,
} from "../helpers";

const ISSUER = "https://eu-west-1.signin.aws.amazon.com/platform/saml/d-93670a1b2c";
const ACS = "https://eu-west-1.signin.aws.amazon.com/platform/saml/acs/6f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";
const SIGN_IN = "https://portal.sso.eu-west-1.amazonaws.com/saml/assertion/MTExMTIyMjIzMzMzX2lucy1hYmNkZWY";
const SCIM = "https://scim.eu-west-1.amazonaws.com/a1b2c3d4e5f-6789-4abc-8def-0123456789ab/scim/v2";
const USER_ROLE = "8774f594-1d59-4279-b9d9-59ef09a23530";

describe("Entra side of the Contoso example", () => {
  let stack: SynthesizedStack;
  beforeAll(() => {
    // GIVEN the Contoso config in the full phase, WHEN it is synthesized
    stack = synthJson(loadExample("contoso"));
  });

  test("instantiates the IAM Identity Center gallery app by template id", () => {
    const app = resource(stack, "azuread_application_from_template");
    expect(app.block).toMatchObject({ template_id: "21ed01d2-ec13-4e9e-86c1-cd546719ebc4" });
    expect(app.address).toBe("azuread_application_from_template.identity_center");
    const lookup = dataSource(stack, "azuread_application");
    expect(lookup.block.object_id).toBe(ref(app.address, "application_object_id"));
  });

  test("puts the existing service principal in SAML mode with every attribute the provider would reset", () => {
    const sp = resource(stack, "azuread_service_principal").block;
    expect(sp).toMatchObject({
      use_existing: true,
      preferred_single_sign_on_mode: "saml",
      login_url: SIGN_IN,
      app_role_assignment_required: true,
      tags: ["WindowsAzureActiveDirectoryIntegratedApp"],
      notification_email_addresses: ["ml-platform@contoso.com"],
      client_id: ref(dataSource(stack, "azuread_application").address, "client_id"),
    });
    expect(sp.lifecycle.postcondition).toEqual([
      expect.objectContaining({ condition: expect.stringContaining(`"${USER_ROLE}")`) }),
    ]);
  });

  test("adds identifier and reply URL only after the service principal is in SAML mode", () => {
    const sp = resource(stack, "azuread_service_principal").address;
    const app = resource(stack, "azuread_application_from_template").address;
    expect(resource(stack, "azuread_application_identifier_uri").block).toMatchObject({
      identifier_uri: ISSUER,
      application_id: ref(app, "application_id"),
      depends_on: [sp],
    });
    expect(resource(stack, "azuread_application_redirect_uris").block).toMatchObject({
      type: "Web",
      redirect_uris: [ACS],
      depends_on: [sp],
    });
  });

  test("takes over the placeholder Web redirect URIs the template creates, instead of failing to create them", () => {
    const app = resource(stack, "azuread_application_from_template").address;
    expect(stack.import).toEqual([
      {
        to: resource(stack, "azuread_application_redirect_uris").address,
        id: `\${${app}.application_id}/redirectUris/Web`,
      },
    ]);
  });

  test("leaves unconfigured owners to Entra: the service principal ignores them, the groups do not set them", () => {
    // Entra makes the creating identity an owner; a plan that removed it would flip with every identity that applies.
    expect(resource(stack, "azuread_service_principal").block.owners).toBeUndefined();
    expect(resource(stack, "azuread_service_principal").block.lifecycle.ignore_changes).toEqual(["owners"]);
    expect(resource(stack, "azuread_group").block.owners).toBeUndefined();
  });

  test("creates the token signing certificate with the configured end date and outputs how to activate it", () => {
    const certificate = resource(stack, "azuread_service_principal_token_signing_certificate");
    expect(certificate.block).toMatchObject({
      end_date: "2029-06-30T00:00:00Z",
      service_principal_id: ref(resource(stack, "azuread_service_principal").address, "id"),
    });
    expect(stack.output.signing_certificate_thumbprint.value).toBe(ref(certificate.address, "thumbprint"));
    expect(stack.output.activate_signing_certificate_command.value).toMatch(
      /^az rest --method PATCH --url https:\/\/graph\.microsoft\.com\/v1\.0\/servicePrincipals\/\$\{.+\.object_id\} .*preferredTokenSigningKeyThumbprint/,
    );
    expect(stack.output.entra_issuer.value).toBe("https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/");
    expect(stack.output.entra_federation_metadata_url.value).toContain(
      "https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/federationmetadata/2007-06/federationmetadata.xml?appid=",
    );
  });

  test("declares one security group per team and the admin group, keyed by config key", () => {
    const groups = resource(stack, "azuread_group");
    expect(groups.address).toBe("azuread_group.team");
    expect(groups.block.for_each).toEqual({
      admins: { displayName: "sagemaker-admins", description: "SageMaker administrators (contoso-ml)" },
      forecasting: { displayName: "ml-forecasting", description: expect.stringContaining("team forecasting") },
      fraud: { displayName: "ml-fraud-detection", description: expect.stringContaining("team fraud") },
      recommendations: {
        displayName: "ml-recommendations",
        description: expect.stringContaining("team recommendations"),
      },
    });
    expect(groups.block).toMatchObject({ security_enabled: true, prevent_duplicate_names: true });
  });

  test("resolves members with one batched lookup per group", () => {
    const members = dataSource(stack, "azuread_users");
    expect(members.block.for_each).toEqual({
      admins: ["carol@contoso.com", "dan@contoso.com"],
      forecasting: ["alice@contoso.com", "bob@contoso.com", "erin.lee@contoso.com", "frank@contoso.com"],
      fraud: ["alice@contoso.com", "judy@contoso.com", "mallory@contoso.com"],
      recommendations: ["grace@contoso.com", "heidi@contoso.com", "ivan@contoso.com"],
    });
    expect(resource(stack, "azuread_group").block.members).toBe(`\${try(${members.address}[each.key].object_ids, [])}`);
  });

  test("fails the lookup when Entra spells a member's user principal name otherwise than the config", () => {
    const [spelling] = dataSource(stack, "azuread_users").block.lifecycle.postcondition;
    // Entra finds the user whatever the case; the exact comparison is with the group's names as the config writes them.
    expect(spelling.condition).toBe(
      "${length([for user in self.users : user.user_principal_name if !contains(each.value, user.user_principal_name)]) == 0}",
    );
    expect(spelling.error_message).toMatch(/^Entra spells these user principal names otherwise: \$\{join/);
    expect(spelling.error_message).toContain("write them so in the config");
  });

  test("fails the plan for a user without the names IAM Identity Center needs", () => {
    const users = dataSource(stack, "azuread_user").block;
    // Every distinct member once: alice is in two teams, carol and dan are admins.
    const everyone = ["alice", "bob", "carol", "dan", "erin.lee", "frank", "grace", "heidi", "ivan", "judy", "mallory"];
    expect(users.for_each).toBe(`\${toset([${everyone.map((name) => `"${name}@contoso.com"`).join(", ")}])}`);
    expect(users.lifecycle.postcondition[0].condition).toBe(
      '${self.given_name != "" && self.surname != "" && self.display_name != ""}',
    );
    expect(users.lifecycle.postcondition[0].error_message).toContain("${self.user_principal_name}");
  });

  test("assigns every group to the app with the User role", () => {
    const assignments = resource(stack, "azuread_app_role_assignment");
    expect(assignments.address).toBe("azuread_app_role_assignment.team");
    expect(assignments.block).toMatchObject({
      for_each: ref(resource(stack, "azuread_group").address),
      app_role_id: USER_ROLE,
      principal_object_id: "${each.value.object_id}",
      resource_object_id: ref(resource(stack, "azuread_service_principal").address, "object_id"),
    });
  });

  test("provisions only assigned users and groups over SCIM, with the token from the sensitive variable", () => {
    const secret = resource(stack, "azuread_synchronization_secret");
    expect(secret.block.credential).toEqual([
      { key: "BaseAddress", value: SCIM },
      { key: "SecretToken", value: "${var.scim_token}" },
      { key: "SyncAll", value: "false" },
    ]);
    expect(stack.variable?.scim_token).toMatchObject({ sensitive: true, type: "string", nullable: false });
    expect(resource(stack, "azuread_synchronization_job").block).toMatchObject({
      template_id: "aWSSingleSignon",
      enabled: true,
      depends_on: [secret.address],
    });
  });

  test("never compares the SCIM token after create, so a plan needs none; what it was set from replaces it", () => {
    const secret = resource(stack, "azuread_synchronization_secret");
    expect(secret.block.lifecycle).toEqual({
      ignore_changes: ["credential"],
      replace_triggered_by: ["terraform_data.scim_secret"],
    });
    expect(stack.resource.terraform_data!.scim_secret.input).toEqual({ scim_endpoint: SCIM, token_issued_on: "" });
  });

  test("GIVEN a new scimTokenIssuedOn WHEN synthesized THEN only the rotation trigger changes, carrying the date", () => {
    const data = exampleData("contoso");
    data.identityProvider.entra.scimTokenIssuedOn = "2026-12-07";
    const rotated = synthJson(loadData(data));
    expect(rotated.resource.terraform_data!.scim_secret.input).toEqual({
      scim_endpoint: SCIM,
      token_issued_on: "2026-12-07",
    });
    expect({ ...rotated.resource, terraform_data: undefined }).toEqual({
      ...stack.resource,
      terraform_data: undefined,
    });
  });

  test("provisions every group on demand after its assignment, again when its name changes", () => {
    const onDemand = stack.resource.azuread_synchronization_job_provision_on_demand!.team;
    expect(onDemand).toMatchObject({
      for_each: ref(resource(stack, "azuread_group").address),
      synchronization_job_id: ref(resource(stack, "azuread_synchronization_job").address, "id"),
      depends_on: [resource(stack, "azuread_app_role_assignment").address],
      triggers: { display_name: "${each.value.display_name}", object_id: "${each.value.object_id}" },
      parameter: [
        {
          rule_id: "03f7d90d-bf71-41b1-bda6-aaf0ddbee5d8",
          subject: [{ object_id: "${each.value.object_id}", object_type_name: "Group" }],
        },
      ],
    });
  });

  test("provisions every member and admin on demand once, with the object id from a group they belong to", () => {
    const onDemand = stack.resource.azuread_synchronization_job_provision_on_demand!.member;
    // alice is in forecasting and fraud: provisioned once; the admins carol and dan through their group.
    expect(onDemand.for_each).toEqual({
      "alice@contoso.com": "forecasting",
      "bob@contoso.com": "forecasting",
      "carol@contoso.com": "admins",
      "dan@contoso.com": "admins",
      "erin.lee@contoso.com": "forecasting",
      "frank@contoso.com": "forecasting",
      "grace@contoso.com": "recommendations",
      "heidi@contoso.com": "recommendations",
      "ivan@contoso.com": "recommendations",
      "judy@contoso.com": "fraud",
      "mallory@contoso.com": "fraud",
    });
    const objectId = `\${one([for user in ${dataSource(stack, "azuread_users").address}[each.value].users : user.object_id if lower(user.user_principal_name) == lower(each.key)])}`;
    expect(onDemand.parameter[0].subject).toEqual([{ object_id: objectId, object_type_name: "User" }]);
    // A user created again under the same name gets a new object id: provisioned again, not updated in place.
    expect(onDemand.triggers).toEqual({ object_id: objectId });
    // In scope only once their group lists them and is assigned to the app.
    expect(onDemand.depends_on).toEqual([
      resource(stack, "azuread_group").address,
      resource(stack, "azuread_app_role_assignment").address,
    ]);
  });

  test("names the replacements that provision a skipped group or user again", () => {
    const [users] = dataSource(stack, "aws_identitystore_users").block.lifecycle.postcondition;
    expect(users.error_message).toContain(
      `terraform -chdir=cdktf.out/stacks/contoso-ml apply \${join(" ", [for key, provisioning in azuread_synchronization_job_provision_on_demand.member : format("-replace='azuread_synchronization_job_provision_on_demand.member[%q]'", key)`,
    );
    const [groups] = dataSource(stack, "aws_identitystore_groups").block.lifecycle.postcondition;
    expect(groups.error_message).toContain("if contains(setsubtract(local.identity_center_group_names");
    expect(groups.error_message).toContain("provisioning.triggers.display_name)");
  });

  test("reads the IAM Identity Center groups after their provisioning, and the users (and so the profiles) after theirs", () => {
    expect(dataSource(stack, "aws_identitystore_groups").block.depends_on).toEqual([
      "azuread_synchronization_job_provision_on_demand.team",
    ]);
    expect(dataSource(stack, "aws_identitystore_users").block.depends_on).toEqual([
      "azuread_synchronization_job_provision_on_demand.member",
    ]);
    expect(resource(stack, "aws_sagemaker_user_profile").block.depends_on).toContain(
      dataSource(stack, "aws_identitystore_users").address,
    );
  });

  test("configures the azuread provider for the tenant", () => {
    expect(stack.provider.azuread).toEqual([{ tenant_id: "72f988bf-86f1-41af-91ab-2d7cd011db47" }]);
  });
});

describe("Entra switches", () => {
  test("without provision on demand, AWS lookups wait for the SCIM job instead", () => {
    // GIVEN
    const config = exampleData("contoso");
    config.identityProvider.entra.provisionOnDemand = false;
    // WHEN
    const stack = synthJson(loadData(config));
    // THEN
    expect(stack.resource.azuread_synchronization_job_provision_on_demand).toBeUndefined();
    for (const lookup of ["aws_identitystore_groups", "aws_identitystore_users"])
      expect(dataSource(stack, lookup).block.depends_on).toEqual([
        resource(stack, "azuread_synchronization_job").address,
      ]);
  });

  test("with a relay state and owners, the app and every group carry them, and owners are managed", () => {
    // GIVEN
    const owner = "0c5e1a2b-3d4f-4a5b-8c6d-7e8f9a0b1c2d";
    const config = exampleData("contoso");
    config.identityProvider.entra.relayState = "https://eu-west-1.console.aws.amazon.com/sagemaker/";
    config.identityProvider.entra.owners = [owner];
    // WHEN
    const stack = synthJson(loadData(config));
    // THEN
    const sp = resource(stack, "azuread_service_principal").block;
    expect(sp).toMatchObject({
      saml_single_sign_on: { relay_state: "https://eu-west-1.console.aws.amazon.com/sagemaker/" },
      owners: [owner],
    });
    expect(sp.lifecycle.ignore_changes).toBeUndefined();
    expect(resource(stack, "azuread_group").block.owners).toEqual([owner]);
  });

  test("without provision on demand, a missing name says to wait for the cycle", () => {
    const config = exampleData("contoso");
    config.identityProvider.entra.provisionOnDemand = false;
    const [users] = dataSource(synthJson(loadData(config)), "aws_identitystore_users").block.lifecycle.postcondition;
    expect(users.error_message).toContain("They arrive with the next provisioning cycle");
    expect(users.error_message).not.toContain("-replace");
  });

  test("without the user attribute check, there is no per-user lookup", () => {
    const config = exampleData("contoso");
    config.identityProvider.entra.checkUserAttributes = false;
    const stack = synthJson(loadData(config));
    expect(stack.data.azuread_user).toBeUndefined();
    expect(stack.data.azuread_users).toBeDefined();
  });
});

describe("bootstrap phase", () => {
  let stack: SynthesizedStack;
  beforeAll(() => {
    // GIVEN the Contoso config before IAM Identity Center is set up
    const config = exampleData("contoso");
    delete config.aws.identityCenter;
    delete config.aws.network;
    const loaded = loadData(config);
    expect(loaded.phase).toBe("bootstrap");
    // WHEN
    stack = synthJson(loaded);
  });

  test("declares the app, certificate, groups and assignments", () => {
    for (const type of [
      "azuread_application_from_template",
      "azuread_service_principal",
      "azuread_service_principal_token_signing_certificate",
      "azuread_group",
      "azuread_app_role_assignment",
    ])
      expect(stack.resource[type]).toBeDefined();
  });

  test("declares nothing that needs IAM Identity Center values", () => {
    for (const type of [
      "azuread_application_identifier_uri",
      "azuread_application_redirect_uris",
      "azuread_synchronization_secret",
      "azuread_synchronization_job",
    ])
      expect(stack.resource[type]).toBeUndefined();
    expect(Object.keys(stack.resource).filter((type) => type.startsWith("aws_"))).toEqual([]);
    expect(stack.provider.aws).toBeUndefined();
    expect(stack.variable?.scim_token).toBeUndefined();
    expect(stack.import).toBeUndefined();
    expect(resource(stack, "azuread_service_principal").block.login_url).toBeUndefined();
  });

  test("tells the operator what to do in the console and what to put in the config", () => {
    const steps: string = stack.output.next_steps.value;
    for (const field of ["issuerUrl", "acsUrl", "signInUrl", "aws.identityCenter.scimEndpoint", "TF_VAR_scim_token"])
      expect(steps).toContain(field);
    expect(steps).toContain("Change identity source");
  });
});
