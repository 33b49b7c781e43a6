// Builds the CDK app: settings from context, the stack, and the cdk-nag AWS Solutions checks
// (a validation plugin: findings fail the synth unless acknowledged with a reason).
import { App, Validations } from 'aws-cdk-lib';
import type { AppProps } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { DualtrackStack } from './dualtrack-stack.ts';
import { readStackSettings } from './settings.ts';

interface BuiltApp {
  app: App;
  stack: DualtrackStack;
}

/**
 * Feature flags this stack relies on, set here rather than only in cdk.json so tests and any
 * other caller build the very same template.
 */
const FEATURE_FLAGS = {
  // Server access logs are delivered under a bucket policy, not the legacy log-delivery ACL.
  '@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy': true,
} as const;

const buildApp = (props: AppProps = {}): BuiltApp => {
  const app = new App({ ...props, context: { ...FEATURE_FLAGS, ...props.context } });
  const settings = readStackSettings(app.node);
  const stack = new DualtrackStack(app, settings.stackName, {
    settings,
    stackName: settings.stackName,
    description: 'dualtrack: defence-spending submissions in, versioned compliance reports out',
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
};

export { buildApp, FEATURE_FLAGS };
export type { BuiltApp };
