// Short-lived links to objects of the uploads bucket (a receipt's annotated workbook), as the
// portal's signDownload gives them: in AWS a presigned GET; here `/downloads/<key>` with an
// expiry and an HMAC over both, under a secret made at each start. The local cloud checks the
// link and answers the object with its stored type, so a browser needs no S3 credentials.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Storage } from '../shared/storage/index.ts';
import { BucketRole } from '../shared/storage/index.ts';
import { sendBytes, sendJson, urlOf } from './http-io.ts';

const DOWNLOADS_PREFIX = '/downloads/';
const LINK_SECONDS = 300;

interface DownloadLinks {
  sign: (key: string) => string;
  handle: (req: IncomingMessage, res: ServerResponse) => void;
}

const createDownloadLinks = (endpoint: string, storage: Pick<Storage, 'get'>, now: () => Date = () => new Date()): DownloadLinks => {
  const secret = randomBytes(32);
  const mac = (key: string, expires: string): string => createHmac('sha256', secret).update(`${key}\n${expires}`).digest('base64url');
  return {
    sign: (key) => {
      const expires = String(Math.floor(now().getTime() / 1000) + LINK_SECONDS);
      const path = key.split('/').map(encodeURIComponent).join('/');
      return `${endpoint}${DOWNLOADS_PREFIX}${path}?expires=${expires}&signature=${mac(key, expires)}`;
    },
    handle: (req, res) => {
      const url = urlOf(req);
      const key = decodeURIComponent(url.pathname.slice(DOWNLOADS_PREFIX.length));
      const expires = url.searchParams.get('expires') ?? '';
      const given = Buffer.from(url.searchParams.get('signature') ?? '');
      const wanted = Buffer.from(mac(key, expires));
      if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return sendJson(res, 403, { error: { code: 'bad-link', message: 'This download link is not valid.' } });
      if (Number(expires) * 1000 < now().getTime()) return sendJson(res, 403, { error: { code: 'link-expired', message: 'This download link has expired; open the receipt again.' } });
      storage
        .get(BucketRole.uploads, key)
        .then((obj) => {
          if (!obj) return sendJson(res, 404, { error: { code: 'not-found', message: 'The file is no longer there.' } });
          const name = key.split('/').at(-1) ?? 'download';
          sendBytes(res, 200, obj.body, obj.contentType ?? 'application/octet-stream', { 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'no-store' });
        })
        .catch((error: unknown) => sendJson(res, 500, { error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } }));
    },
  };
};

export { createDownloadLinks, DOWNLOADS_PREFIX };
export type { DownloadLinks };
