// What `serve` prints on start: where the S3 endpoint is, the buckets, how to upload with the
// AWS CLI or the dualtrack tool, and where the reports appear.
import { relative } from 'node:path';
import { localCliEnv } from '../../local/contract.ts';
import type { LocalCloud } from '../../local/index.ts';
import { SUBMISSIONS_PREFIX } from '../../shared/storage/index.ts';

const bannerLines = (cloud: LocalCloud, dir: string, cwd: string): string[] => {
  const shown = (p: string) => {
    const r = relative(cwd, p);
    return r === '' || r.startsWith('..') ? p : r;
  };
  const env = Object.entries(localCliEnv())
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  const { uploads, data } = cloud.buckets;
  return [
    `dualtrack local cloud on ${cloud.endpoint}  (store: ${shown(dir)})`,
    `  buckets   uploads s3://${uploads}   data s3://${data}   public s3://${cloud.buckets.public}`,
    '',
    'Upload a submission (its receipt appears under receipts/<ISO3>/ in the uploads bucket):',
    `  ${env} \\`,
    `    aws s3 cp FILE s3://${uploads}/${SUBMISSIONS_PREFIX}<ISO3>/FILE --endpoint-url ${cloud.endpoint}`,
    `  or: npm run dualtrack -- upload FILE --ally <ISO3> --endpoint ${cloud.endpoint}`,
    `Recompute now: npm run dualtrack -- recompute --reason TEXT --endpoint ${cloud.endpoint}`,
    '',
    `Submitters' page: ${cloud.pageUrl}`,
    `  add a user: npm run dualtrack -- users add --ally <ISO3> --email ADDRESS --endpoint ${cloud.endpoint}   (prints the password)`,
    `  receipts' notifications: ${shown(cloud.outboxDir)}`,
    '',
    'Reports (after the first release):',
    `  page       ${cloud.urls.page}`,
    `  JSON       ${cloud.urls.json}`,
    `  Excel      ${cloud.urls.xlsx}`,
    `  CSV        ${cloud.urls.csv}`,
    `  history    ${cloud.urls.releases}`,
    `Dead letters: ${shown(cloud.deadLetterFile)}   handler logs: ${shown(cloud.functionLogFile)}`,
    'Press Ctrl-C to stop.',
    '',
  ];
};

export { bannerLines };
