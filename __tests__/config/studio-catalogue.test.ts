import { AppInstanceType, AppType, MlTools } from "@aws-sdk/client-sagemaker";
import { APP_INSTANCE_TYPES, APP_TYPES, ML_TOOLS } from "../../config/studio-catalogue";
import { UNKNOWN_TO_PROVIDER } from "../../policies/studio-portal";

describe("the Studio catalogue", () => {
  test("GIVEN the AWS SDK's SageMaker enums WHEN compared with the generated catalogue THEN they are the same (run `npm run catalogue` after an SDK upgrade)", () => {
    expect([...APP_INSTANCE_TYPES].sort()).toEqual(Object.values(AppInstanceType).sort());
    expect([...APP_TYPES].sort()).toEqual(Object.values(AppType).sort());
    expect([...ML_TOOLS].sort()).toEqual(Object.values(MlTools).sort());
  });

  test("GIVEN the values the Terraform provider cannot hide WHEN listed THEN each is still in the SDK's enums", () => {
    const known = new Set<string>([
      ...Object.values(AppInstanceType),
      ...Object.values(AppType),
      ...Object.values(MlTools),
    ]);
    expect([...UNKNOWN_TO_PROVIDER].filter((value) => !known.has(value))).toEqual([]);
  });
});
