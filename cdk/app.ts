// CDK entry point (cdk.json: `npx tsx cdk/app.ts`).
import { buildApp } from './app-builder.ts';

buildApp().app.synth();
