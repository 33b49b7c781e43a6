// Lambda entry of the portal function: wiring from the environment, read once at cold start.
import { randomBytes } from 'node:crypto';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { Context } from 'aws-lambda';
import { buildTemplate } from '../../shared/template/index.ts';
import { createFunctionStorage } from '../common/plain.ts';
import { createLogger, createS3Client, readPortalConfig } from '../common/lambda-wiring.ts';
import { createPortalHandler } from './handler.ts';
import type { HttpApiResult } from './handler.ts';
import { cognitoMfaCheck } from './mfa.ts';
import { createS3Presigner } from './presign.ts';

const config = readPortalConfig();
const logger = createLogger();
const s3 = createS3Client();
const portal = createPortalHandler({
  receipts: createFunctionStorage(s3, { uploads: config.uploadsBucket }),
  ...createS3Presigner(s3, config.uploadsBucket),
  template: async (ally, lang) => ({ bytes: await buildTemplate({ ally, lang }), fileName: `dualtrack-template-${ally}-${lang}.xlsx` }),
  analystHasMfa: cognitoMfaCheck(new CognitoIdentityProviderClient({}), config.userPoolId),
  maxBytes: config.maxBytes,
  now: () => new Date(),
  // 20 hex characters: the random half of an upload id.
  newId: () => randomBytes(10).toString('hex'),
  logger,
});

const handler = async (event: unknown, context: Context): Promise<HttpApiResult> => {
  logger.addContext(context);
  return portal(event);
};

export { handler };
