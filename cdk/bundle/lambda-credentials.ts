// The SDK's default credential chain, as it runs in Lambda. Lambda hands every function its
// role's credentials in the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY,
// AWS_SESSION_TOKEN), the first place the full chain looks. The rest of the chain (SSO, INI
// files, web identity, container and instance metadata) can never answer there and weighs
// ~110 KiB per bundle, so the bundles alias @aws-sdk/credential-provider-node to this file.
import { fromEnv } from '@aws-sdk/credential-provider-env';
import type { FromEnvInit } from '@aws-sdk/credential-provider-env';

const defaultProvider = (init: FromEnvInit = {}): ReturnType<typeof fromEnv> => fromEnv(init);

export { defaultProvider };
