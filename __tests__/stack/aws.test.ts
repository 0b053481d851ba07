import { SagemakerDomain } from "@cdktf/provider-aws/lib/sagemaker-domain";
import { Aspects, TerraformStack, Testing } from "cdktf";
import { DomainRetentionAspect } from "../../constructs/aspects/domain-retention";
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

describe("AWS side of the Contoso example", () => {
  let stack: SynthesizedStack;
  beforeAll(() => {
    // GIVEN the Contoso config in the full phase, WHEN it is synthesized
    stack = synthJson(loadExample("contoso"));
  });

  test("configures the AWS provider for the account, region and default tags", () => {
    expect(stack.provider.aws).toEqual([
      {
        region: "eu-west-1",
        allowed_account_ids: ["111122223333"],
        default_tags: [
          {
            tags: {
              "cost-center": "ml-platform",
              owner: "platform-team",
              "managed-by": "sagemaker-studio-federation",
              "sagemaker-federation": "contoso-ml",
            },
          },
        ],
      },
    ]);
  });

  test("lists the identity store's groups and users once, failing the read with the names that are missing", () => {
    const groups = dataSource(stack, "aws_identitystore_groups");
    const users = dataSource(stack, "aws_identitystore_users");
    const identityStore = `\${element(tolist(${dataSource(stack, "aws_ssoadmin_instances").address}.identity_store_ids), 0)}`;
    expect(groups.block.identity_store_id).toBe(identityStore);
    expect(users.block.identity_store_id).toBe(identityStore);
    expect(stack.locals.identity_center_group_names).toEqual([
      "sagemaker-admins",
      "ml-forecasting",
      "ml-fraud-detection",
      "ml-recommendations",
    ]);
    // Every member who gets a profile, once, as the config writes them.
    expect(stack.locals.identity_center_user_names).toEqual([
      "alice@contoso.com",
      "bob@contoso.com",
      "erin.lee@contoso.com",
      "frank@contoso.com",
      "grace@contoso.com",
      "heidi@contoso.com",
      "ivan@contoso.com",
      "judy@contoso.com",
      "mallory@contoso.com",
    ]);
    const [groupCheck] = groups.block.lifecycle.postcondition;
    expect(groupCheck.condition).toContain("setsubtract(local.identity_center_group_names");
    expect(groupCheck.error_message).toMatch(/^IAM Identity Center has no group named \$\{join/);
    const [userCheck] = users.block.lifecycle.postcondition;
    expect(userCheck.condition).toContain("setsubtract([for name in local.identity_center_user_names : lower(name)]");
    expect(userCheck.error_message).toContain("so their Studio profiles cannot be created");
  });

  test("fails the users' read when IAM Identity Center spells a member's user name otherwise, naming both spellings", () => {
    const [, spelling] = dataSource(stack, "aws_identitystore_users").block.lifecycle.postcondition;
    // Found without regard to case, then compared exactly: the profile keeps the user name it was created with.
    expect(spelling.condition).toContain("lower(name) == lower(user.user_name)");
    expect(spelling.condition).toContain("!contains(local.identity_center_user_names, user.user_name)");
    expect(spelling.error_message).toMatch(/^IAM Identity Center spells these user names otherwise: \$\{join/);
    expect(spelling.error_message).toContain("write them so in the config's members");
  });

  test("finds each group's id by its display name in the list", () => {
    expect(stack.locals.identity_center_group_ids).toBe(
      '${{ for key, name in {"admins":"sagemaker-admins","forecasting":"ml-forecasting","fraud":"ml-fraud-detection","recommendations":"ml-recommendations"} : key => one([for group in data.aws_identitystore_groups.identity_center.groups : group.group_id if group.display_name == name]) }}',
    );
  });

  test("creates an execution role per team and persona in use, under one path, trusted by SageMaker only", () => {
    const roles = resource(stack, "aws_iam_role").block;
    // compute (the role jobs run as) and shared-space (what shared spaces run as) are always there; the other
    // personas are the members' and defaults.
    expect(Object.keys(roles.for_each)).toEqual([
      "forecasting/compute",
      "forecasting/data-scientist",
      "forecasting/mlops",
      "forecasting/shared-space",
      "fraud/compute",
      "fraud/data-scientist",
      "fraud/mlops",
      "fraud/shared-space",
      "recommendations/compute",
      "recommendations/data-scientist",
      "recommendations/mlops",
      "recommendations/shared-space",
    ]);
    expect(roles.for_each["fraud/mlops"]).toEqual({ name: "contoso-ml-fraud-mlops", team: "fraud", persona: "mlops" });
    expect(roles.path).toBe("/sagemaker-studio/contoso-ml/");
    expect(JSON.parse(roles.assume_role_policy)).toEqual({
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "SageMakerOfThisAccount",
          Effect: "Allow",
          Principal: { Service: "sagemaker.amazonaws.com" },
          Action: ["sts:AssumeRole", "sts:SetSourceIdentity"],
          // The role's own account: a request SageMaker makes for another account is refused.
          Condition: {
            StringEqualsIfExists: { "aws:SourceAccount": "111122223333" },
            ArnLikeIfExists: { "aws:SourceArn": "arn:aws:sagemaker:*:111122223333:*" },
          },
        },
      ],
    });
  });

  test("declares each persona's grants once per account, as managed policies IAM accepts", () => {
    const policies = resource(stack, "aws_iam_policy").block;
    // Every persona in use, split where its grants pass 6,144 characters.
    expect(Object.keys(policies.for_each).map((key) => key.split("/")[0])).toEqual(
      expect.arrayContaining(["compute", "data-scientist", "mlops"]),
    );
    for (const [key, policy] of Object.entries<any>(policies.for_each)) {
      expect(policy.name).toBe(`contoso-ml-${key.replace("/", "-")}`);
      expect(policy.document.replace(/\s/g, "").length).toBeLessThanOrEqual(6144);
    }
    expect(policies.path).toBe("/sagemaker-studio/contoso-ml/");
    const studio: string = Object.entries<any>(policies.for_each)
      .filter(([key]) => key.startsWith("data-scientist/"))
      .map(([, policy]) => policy.document)
      .join("");
    expect(studio).toContain("user-profile/$${sagemaker:DomainId}/$${sagemaker:UserProfileName}");
    expect(studio).not.toMatch(/[^$]\$\{/);
  });

  test("attaches every policy of a role's persona to the role", () => {
    const attachments = resource(stack, "aws_iam_role_policy_attachment").block;
    const personaPolicies = Object.keys(resource(stack, "aws_iam_policy").block.for_each);
    const expected = Object.keys(resource(stack, "aws_iam_role").block.for_each).flatMap((role) =>
      personaPolicies
        .filter((policy) => policy.startsWith(`${role.split("/")[1]}/`))
        .map((policy) => [`${role}/${policy.split("/")[1]}`, { role, policy }]),
    );
    expect(attachments.for_each).toEqual(Object.fromEntries(expected));
    expect(attachments.role).toBe(`\${${resource(stack, "aws_iam_role").address}[each.value.role].name}`);
    expect(attachments.policy_arn).toBe(`\${${resource(stack, "aws_iam_policy").address}[each.value.policy].arn}`);
  });

  test("keeps what is the team's own inline: its buckets, its users' private prefixes, its compute role", () => {
    const policies = resource(stack, "aws_iam_role_policy").block;
    expect(Object.keys(policies.for_each)).toEqual(Object.keys(resource(stack, "aws_iam_role").block.for_each));
    expect(policies.role).toBe(`\${${resource(stack, "aws_iam_role").address}[each.key].name}`);
    const text: string = policies.for_each["forecasting/data-scientist"];
    expect(text).toContain("arn:aws:s3:::contoso-forecasting-workspace/users/$${aws:SourceIdentity}/*");
    expect(text).toContain("arn:aws:iam::111122223333:role/sagemaker-studio/contoso-ml/contoso-ml-forecasting-compute");
    expect(text).not.toContain("contoso-fraud");
    expect(text).not.toMatch(/[^$]\$\{/);
  });

  test("creates one IAM Identity Center domain per team that keeps its users' home directories", () => {
    const domains = resource(stack, "aws_sagemaker_domain");
    expect(domains.address).toBe("aws_sagemaker_domain.team");
    expect(Object.keys(domains.block.for_each)).toEqual(["forecasting", "fraud", "recommendations"]);
    expect(domains.block.for_each.fraud).toMatchObject({
      domainName: "contoso-ml-fraud",
      sharedSpaceRole: "fraud/shared-space",
      sharedNotebooks: "s3://contoso-fraud-workspace/shared/notebooks/",
      gitRepositories: [],
    });
    expect(domains.block).toMatchObject({
      auth_mode: "SSO",
      vpc_id: "vpc-0a1b2c3d4e5f60718",
      subnet_ids: ["subnet-0a1b2c3d4e5f60719", "subnet-0a1b2c3d4e5f60720"],
      app_network_access_type: "VpcOnly",
      kms_key_id: "arn:aws:kms:eu-west-1:111122223333:key/0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9",
      retention_policy: { home_efs_file_system: "Retain" },
      lifecycle: { prevent_destroy: true },
      domain_settings: {
        execution_role_identity_config: "USER_PROFILE_NAME",
        security_group_ids: ["sg-0a1b2c3d4e5f60721"],
      },
    });
  });

  test("never updates a domain in place: what SageMaker could update is kept from creation, nothing that replaces it is ignored", () => {
    const { lifecycle } = resource(stack, "aws_sagemaker_domain").block;
    // The provider's UpdateDomain fails on VpcOnly domains, so no config change may plan one.
    for (const kept of ["default_user_settings", "default_space_settings", "app_network_access_type"])
      expect(lifecycle.ignore_changes).toContain(kept);
    // A change that would replace the domain must still reach the plan, where prevent_destroy stops it.
    for (const guarded of ["domain_name", "auth_mode", "vpc_id", "subnet_ids", "kms_key_id", "domain_settings"])
      expect(lifecycle.ignore_changes).not.toContain(guarded);
    // retention_policy is never read back: an imported domain has none in its state.
    expect(lifecycle.ignore_changes).toContain("retention_policy");
  });

  test("creates each domain with the shared-space role as its own default, and shared spaces' repositories and limits", () => {
    const domains = resource(stack, "aws_sagemaker_domain").block;
    const sharedSpaceRole = `\${${resource(stack, "aws_iam_role").address}[each.value.sharedSpaceRole].arn}`;
    expect(domains.default_user_settings.execution_role).toBe(sharedSpaceRole);
    expect(domains.default_space_settings.execution_role).toBe(sharedSpaceRole);
    expect(domains.for_each.forecasting.gitRepositories).toEqual(["https://git.contoso.example/ml/forecasting.git"]);
    // Repositories as a dynamic block: a team without any gets none, as SageMaker returns none.
    for (const settings of [domains.default_user_settings, domains.default_space_settings])
      expect(settings.jupyter_lab_app_settings.dynamic.code_repository).toEqual({
        for_each: "${each.value.gitRepositories}",
        content: { repository_url: "${code_repository.value}" },
      });
  });

  test("gives every profile what a domain keeps from its creation: the new Studio, notebook sharing, the team's repositories", () => {
    const profiles = resource(stack, "aws_sagemaker_user_profile").block;
    expect(profiles.user_settings).toMatchObject({
      studio_web_portal: "ENABLED",
      default_landing_uri: "studio::",
      sharing_settings: {
        notebook_output_option: "Allowed",
        s3_output_path: "${local.profile_settings[each.value.role].sharedNotebooks}",
        s3_kms_key_id: "arn:aws:kms:eu-west-1:111122223333:key/0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9",
      },
    });
    expect(stack.locals.profile_settings["fraud/mlops"].sharedNotebooks).toBe(
      "s3://contoso-fraud-workspace/shared/notebooks/",
    );
  });

  test("checks on every plan that each domain holds what the config says of its shared spaces, identity and network", () => {
    // GIVEN the fraud team's own limits (idle 120 min, at most 720; storage at most 50 GB) and no repositories
    const data = exampleData("contoso");
    data.teams.fraud.limits = { idleTimeoutMinutes: 120, maxIdleTimeoutMinutes: 720, maxStorageGb: 50 };
    const wanted = synthJson(loadData(data)).locals.studio_domain_settings.fraud;
    // THEN its domain is compared with them
    expect(wanted.compared).toMatchObject({
      shared_spaces_idle_timeout: 120,
      shared_spaces_max_idle_timeout: 720,
      shared_spaces_max_storage_gb: 50,
      shared_spaces_git_repositories: [],
      execution_role_identity: "USER_PROFILE_NAME",
      network_access: "VpcOnly",
    });
    const [assertion] = (stack as any).check.studio_domain_settings.assert;
    expect(assertion.condition).toContain("for key, domain in aws_sagemaker_domain.team");
    expect(assertion.condition).toContain("local.studio_domain_settings[key].compared");
    expect(assertion.error_message).toMatch(/^Studio domain settings differ from the config: \$\{join/);
    expect(assertion.error_message).toContain("aws sagemaker update-domain --cli-input-json file://update.json");
  });

  test("outputs, per team, the UpdateDomain input that applies what the domain does not take from Terraform", () => {
    const wanted = stack.locals.studio_domain_settings.forecasting.defaultSpaceSettings;
    // The API's own names: what `aws sagemaker update-domain --cli-input-json` reads.
    expect(wanted).toMatchObject({
      ExecutionRole: "arn:aws:iam::111122223333:role/sagemaker-studio/contoso-ml/contoso-ml-forecasting-shared-space",
      SecurityGroups: ["sg-0a1b2c3d4e5f60721"],
      JupyterLabAppSettings: {
        AppLifecycleManagement: { IdleSettings: { LifecycleManagement: "ENABLED", IdleTimeoutInMinutes: 60 } },
        CodeRepositories: [{ RepositoryUrl: "https://git.contoso.example/ml/forecasting.git" }],
      },
      SpaceStorageSettings: { DefaultEbsStorageSettings: { MaximumEbsVolumeSizeInGb: 100 } },
    });
    expect(stack.locals.studio_domain_settings.fraud.defaultSpaceSettings.JupyterLabAppSettings).not.toHaveProperty(
      "CodeRepositories",
    );
    const updates: string = stack.output.studio_domain_updates.value;
    expect(updates).toContain("DomainId = domain.id");
    // The identity setting only when it differs: SageMaker takes it only while no app runs.
    expect(updates).toContain(
      'if try(domain.domain_settings[0].execution_role_identity_config, null) != "USER_PROFILE_NAME"',
    );
  });

  test("assigns each team's group to its domain's application, keeping the group id it was created with", () => {
    const assignments = resource(stack, "aws_ssoadmin_application_assignment");
    expect(assignments.address).toBe("aws_ssoadmin_application_assignment.team");
    expect(assignments.block).toMatchObject({
      provider: "aws",
      for_each: ref(resource(stack, "aws_sagemaker_domain").address),
      application_arn: "${each.value.single_sign_on_application_arn}",
      principal_id: "${local.identity_center_group_ids[each.key]}",
      principal_type: "GROUP",
      lifecycle: { ignore_changes: ["principal_id"] },
    });
    const [check] = assignments.block.lifecycle.postcondition;
    expect(check.condition).toBe("${self.principal_id == local.identity_center_group_ids[each.key]}");
    expect(check.error_message).toContain(
      "terraform apply -replace='aws_ssoadmin_application_assignment.team[${jsonencode(each.key)}]'",
    );
  });

  test("creates one profile per member with the member's persona role, after the group's assignment", () => {
    const profiles = resource(stack, "aws_sagemaker_user_profile");
    expect(profiles.address).toBe("aws_sagemaker_user_profile.member");
    const identities = Object.fromEntries(
      Object.entries<Record<string, unknown>>(profiles.block.for_each).map(
        ([key, { team, userName, profileName, role }]) => [key, { team, userName, profileName, role }],
      ),
    );
    expect(identities).toEqual({
      "forecasting/alice@contoso.com": {
        team: "forecasting",
        userName: "alice@contoso.com",
        profileName: "alice",
        role: "forecasting/data-scientist",
      },
      "forecasting/bob@contoso.com": {
        team: "forecasting",
        userName: "bob@contoso.com",
        profileName: "bob",
        role: "forecasting/mlops",
      },
      "forecasting/erin.lee@contoso.com": {
        team: "forecasting",
        userName: "erin.lee@contoso.com",
        profileName: "erin-lee",
        role: "forecasting/data-scientist",
      },
      "forecasting/frank@contoso.com": {
        team: "forecasting",
        userName: "frank@contoso.com",
        profileName: "frank-batch",
        role: "forecasting/compute",
      },
      "fraud/alice@contoso.com": {
        team: "fraud",
        userName: "alice@contoso.com",
        profileName: "alice",
        role: "fraud/data-scientist",
      },
      "fraud/judy@contoso.com": {
        team: "fraud",
        userName: "judy@contoso.com",
        profileName: "judy",
        role: "fraud/mlops",
      },
      "fraud/mallory@contoso.com": {
        team: "fraud",
        userName: "mallory@contoso.com",
        profileName: "mallory",
        role: "fraud/data-scientist",
      },
      "recommendations/grace@contoso.com": {
        team: "recommendations",
        userName: "grace@contoso.com",
        profileName: "grace",
        role: "recommendations/data-scientist",
      },
      "recommendations/heidi@contoso.com": {
        team: "recommendations",
        userName: "heidi@contoso.com",
        profileName: "heidi",
        role: "recommendations/data-scientist",
      },
      "recommendations/ivan@contoso.com": {
        team: "recommendations",
        userName: "ivan@contoso.com",
        profileName: "ivan",
        role: "recommendations/mlops",
      },
    });
    expect(profiles.block).toMatchObject({
      domain_id: `\${${resource(stack, "aws_sagemaker_domain").address}[each.value.team].id}`,
      single_sign_on_user_identifier: "UserName",
      single_sign_on_user_value: "${each.value.userName}",
      user_settings: { execution_role: `\${${resource(stack, "aws_iam_role").address}[each.value.role].arn}` },
      depends_on: [
        resource(stack, "aws_ssoadmin_application_assignment").address,
        dataSource(stack, "aws_identitystore_users").address,
      ],
    });
  });

  test("gives the admin group a SageMaker full access permission set on the account", () => {
    const permissionSet = resource(stack, "aws_ssoadmin_permission_set");
    expect(permissionSet.block).toMatchObject({ name: "contoso-ml-admin", session_duration: "PT4H" });
    expect(resource(stack, "aws_ssoadmin_managed_policy_attachment").block).toMatchObject({
      managed_policy_arn: "arn:aws:iam::aws:policy/AmazonSageMakerFullAccess",
      permission_set_arn: ref(permissionSet.address, "arn"),
    });
    expect(resource(stack, "aws_ssoadmin_account_assignment").block).toMatchObject({
      for_each: { "identity-center": "111122223333" },
      target_id: "${each.value}",
      principal_id: '${local.identity_center_group_ids["admins"]}',
      principal_type: "GROUP",
      target_type: "AWS_ACCOUNT",
      lifecycle: { ignore_changes: ["principal_id"] },
    });
    expect(resource(stack, "aws_ssoadmin_account_assignment").block.lifecycle.postcondition[0].condition).toBe(
      '${self.principal_id == local.identity_center_group_ids["admins"]}',
    );
    expect(stack.output.admin_permission_set_arn.value).toBe(ref(permissionSet.address, "arn"));
  });

  test("gives no other group any permission set, and no SCP unless asked", () => {
    expect(Object.keys(stack.resource.aws_ssoadmin_account_assignment ?? {})).toHaveLength(1);
    expect(stack.resource.aws_organizations_policy).toBeUndefined();
  });

  test("outputs the access portal and every domain's id and URL", () => {
    expect(stack.output.access_portal_url.value).toBe("https://d-93670a1b2c.awsapps.com/start");
    expect(stack.output.studio_domains.value).toBe(
      `\${merge({ for key, val in ${resource(stack, "aws_sagemaker_domain").address}: key => { id = val.id, url = val.url } })}`,
    );
  });
});

describe("console guard", () => {
  let stack: SynthesizedStack;
  beforeAll(() => {
    // GIVEN the external example, which turns the guard on and names the organization's management account
    stack = synthJson(loadExample("contoso-external"));
  });

  test("manages the SCP with the management account's own provider, never the Identity Center account's", () => {
    expect(stack.provider.aws).toContainEqual(
      expect.objectContaining({
        alias: "organization",
        allowed_account_ids: ["999988887777"],
        assume_role: [{ role_arn: "arn:aws:iam::999988887777:role/platform-organizations" }],
      }),
    );
    for (const block of Object.values<any>(stack.resource["aws_organizations_policy"]!))
      expect(block.provider).toBe("aws.organization");
  });

  test("attaches an SCP that denies all of SageMaker but to admins, execution roles and the deployer to the accounts with domains", () => {
    const policy = {
      address: "aws_organizations_policy.console_guard",
      block: stack.resource["aws_organizations_policy"]!.console_guard,
    };
    expect(policy.block.type).toBe("SERVICE_CONTROL_POLICY");
    const content = JSON.parse(policy.block.content);
    expect(content.Statement[0]).toMatchObject({
      Effect: "Deny",
      Action: ["sagemaker:*", "sagemaker-mlflow:*"],
      Resource: "*",
      Condition: {
        ArnNotLike: {
          "aws:PrincipalArn": [
            "arn:aws:iam::*:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_contoso-ext-admin_????????????????",
            "arn:aws:iam::*:role/aws-reserved/sso.amazonaws.com/*/AWSReservedSSO_contoso-ext-admin_????????????????",
            "arn:aws:iam::*:role/sagemaker-studio/contoso-ext/*",
            "arn:aws:iam::111122223333:role/platform-terraform",
            "arn:aws:iam::111122223333:role/platform-terraform-plan",
          ],
        },
      },
    });
    expect(stack.resource["aws_organizations_policy_attachment"]!.console_guard).toEqual({
      provider: "aws.organization",
      for_each: { "identity-center": "111122223333" },
      policy_id: ref(policy.address, "id"),
      target_id: "${each.value}",
    });
  });

  test("GIVEN IAM Identity Center in a member account WHEN synthesized THEN the Identity Center guard names the admin permission set and is attached there", () => {
    const policy = stack.resource["aws_organizations_policy"]!.identity_center_guard;
    expect(policy.type).toBe("SERVICE_CONTROL_POLICY");
    expect(JSON.parse(policy.content).Statement[1].Resource).toBe(
      ref(resource(stack, "aws_ssoadmin_permission_set").address, "arn"),
    );
    expect(stack.resource["aws_organizations_policy_attachment"]!.identity_center_guard).toMatchObject({
      for_each: { "identity-center": "111122223333" },
      policy_id: ref("aws_organizations_policy.identity_center_guard", "id"),
    });
  });

  test("GIVEN IAM Identity Center in the management account WHEN synthesized THEN there is no Identity Center guard, which could not bind it", () => {
    const multi = synthJson(loadExample("contoso-multi-account"));
    expect(Object.keys(multi.resource["aws_organizations_policy"]!)).toEqual(["console_guard"]);
  });

  test("reads the groups and users at plan time in external mode: nothing provisions them during the apply", () => {
    expect(stack.resource.azuread_group).toBeUndefined();
    expect(dataSource(stack, "aws_identitystore_groups").block.depends_on).toBeUndefined();
    expect(dataSource(stack, "aws_identitystore_users").block.depends_on).toBeUndefined();
  });

  test("uses Terraform's own credentials when the Identity Center account is the management account", () => {
    // GIVEN the multi-account example, whose teams all live in workload accounts
    const multi = synthJson(loadExample("contoso-multi-account"));
    // THEN no extra provider, and the guard is attached to the workload accounts only
    expect(multi.provider.aws!.map((provider) => provider.alias)).not.toContain("organization");
    const attachments = resource(multi, "aws_organizations_policy_attachment").block;
    expect(attachments.provider).toBe("aws");
    expect(Object.values(attachments.for_each)).not.toContain("111122223333");
  });
});

describe("home directories are never lost", () => {
  test("changing a domain's subnets keeps prevent_destroy and Retain, so the plan fails instead of deleting homes", () => {
    // GIVEN the Contoso config with other subnets
    const config = exampleData("contoso");
    config.aws.network.subnetIds = ["subnet-0fffffffffffffff1"];
    // WHEN
    const domains = resource(synthJson(loadData(config)), "aws_sagemaker_domain");
    // THEN the same address, still guarded
    expect(domains.address).toBe("aws_sagemaker_domain.team");
    expect(domains.block.subnet_ids).toEqual(["subnet-0fffffffffffffff1"]);
    expect(domains.block.lifecycle.prevent_destroy).toBe(true);
    expect(domains.block.lifecycle.ignore_changes).not.toContain("subnet_ids");
    expect(domains.block.retention_policy).toEqual({ home_efs_file_system: "Retain" });
  });

  test("fails synthesis of a domain declared without prevent_destroy or Retain", () => {
    // GIVEN a domain that skips both guards
    const app = Testing.app();
    const stack = new TerraformStack(app, "careless");
    const domain = new SagemakerDomain(stack, "domain", {
      authMode: "SSO",
      domainName: "careless",
      vpcId: "vpc-1",
      subnetIds: ["subnet-1"],
      defaultUserSettings: { executionRole: "arn:aws:iam::111122223333:role/x" },
    });
    Aspects.of(stack).add(new DomainRetentionAspect());
    // WHEN
    Testing.synth(stack);
    // THEN
    const errors = domain.node.metadata.filter((entry) => entry.type === "@cdktf/error").map((entry) => entry.data);
    expect(errors).toEqual([expect.stringContaining("preventDestroy"), expect.stringContaining('"Retain"')]);
  });
});
