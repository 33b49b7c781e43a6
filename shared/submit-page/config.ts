// What the page reads from `config.json` beside it: where the API is, the identity provider
// (Cognito's domain in AWS, `<endpoint>/idp` locally, under which `/oauth2/authorize` and
// `/oauth2/token` live), the app client and the redirect URI registered for it. The stack writes
// it in AWS and `serve` locally; both build it with this schema.
import * as z from 'zod';

const SubmitPageConfigSchema = z.strictObject({
  apiBase: z.url(),
  authority: z.url(),
  clientId: z.string().min(1),
  redirectUri: z.url(),
  /** True for the local cloud (sign-out stays on the page instead of visiting the provider). */
  local: z.boolean(),
});
type SubmitPageConfig = z.infer<typeof SubmitPageConfigSchema>;

export { SubmitPageConfigSchema };
export type { SubmitPageConfig };
