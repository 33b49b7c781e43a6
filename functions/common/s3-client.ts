// The S3 client every function shares. Built once per container and passed in (never created
// deep inside), so tests and the local runtime can hand in one pointed at a loopback server.
import { S3Client } from '@aws-sdk/client-s3';
import type { S3ClientConfig } from '@aws-sdk/client-s3';

const createS3Client = (config: S3ClientConfig = {}): S3Client => new S3Client(config);

export { createS3Client };
