// The action runs on node24, where the SDK has no Node-version warning to print; keep test logs clean on node20.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
