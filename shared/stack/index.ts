// Public surface of the stack contract: the names the stack, the handlers, the local cloud and
// the clients of a deployed stack share. Dependency-free, so the CDK app may load it.
export {
  BucketRole,
  BucketPrefix,
  PUBLIC_PAGE,
  BucketLayout,
  PUBLIC_READ,
  EnvName,
  BUCKET_ENV,
  UploadTrigger,
  triggersIngest,
  isFolderPlaceholder,
  StackOutput,
} from './contract.ts';
