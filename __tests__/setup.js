require("cdktf").Testing.setupJest();
// The AWS SDK's notice that its 2027 releases need Node 22 would print once per test file that builds a client;
// the commands turn it off the same way (tools/membership/aws-command.ts). Child processes the tests start get
// their own environment.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
