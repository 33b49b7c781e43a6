// The local provider's sign-in page, the small cousin of Cognito's hosted UI: e-mail and password,
// the authorize request carried in hidden fields, in English or French (`lang`, as the hosted UI
// takes it). Plain HTML with labels and visible focus; no script.
import { escapeHtml } from '../../shared/report/index.ts';
import type { AuthorizeRequest } from './oauth.ts';

const TEXT = {
  en: { title: 'Sign in', intro: 'dualtrack submitters’ portal (local identity provider)', email: 'E-mail', password: 'Password', submit: 'Sign in', failed: 'The e-mail or password is wrong.' },
  fr: { title: 'Connexion', intro: 'Portail des soumissions dualtrack (fournisseur d’identité local)', email: 'Adresse électronique', password: 'Mot de passe', submit: 'Se connecter', failed: 'L’adresse ou le mot de passe est incorrect.' },
} as const;

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;color:#1b1b1b;background:#f4f5f7;margin:0}
main{max-width:24rem;margin:4rem auto;background:#fff;padding:2rem;border-radius:8px;box-shadow:0 1px 4px #0002}
h1{margin-top:0;font-size:1.5rem}label{display:block;font-weight:600;margin-top:1rem}
input{width:100%;box-sizing:border-box;font:inherit;padding:.5rem;border:1px solid #555;border-radius:4px}
button{margin-top:1.5rem;font:inherit;font-weight:600;padding:.6rem 1.2rem;background:#0b4f8a;color:#fff;border:0;border-radius:4px;cursor:pointer}
:focus-visible{outline:3px solid #c25e00;outline-offset:2px}.error{color:#a4000f;font-weight:600}`;

const hidden = (request: AuthorizeRequest): string =>
  Object.entries(request)
    .filter((e): e is [string, string] => typeof e[1] === 'string')
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('');

const signInForm = (request: AuthorizeRequest, action: string, options: { failed?: boolean; email?: string } = {}): string => {
  const lang = request.lang ?? 'en';
  const t = TEXT[lang];
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${t.title}</title><style>${STYLE}</style></head><body><main>
<h1>${t.title}</h1><p>${t.intro}</p>
${options.failed ? `<p class="error" role="alert">${t.failed}</p>` : ''}
<form method="post" action="${escapeHtml(action)}">${hidden(request)}
<label for="email">${t.email}</label><input id="email" name="username" type="email" autocomplete="username" required value="${escapeHtml(options.email ?? '')}"${options.failed ? '' : ' autofocus'}>
<label for="password">${t.password}</label><input id="password" name="password" type="password" autocomplete="current-password" required${options.failed ? ' autofocus' : ''}>
<button type="submit">${t.submit}</button></form></main></body></html>`;
};

/** A page for a request that cannot go back to its client (unknown client or redirect URI). */
const errorPage = (message: string): string =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign-in error</title><style>${STYLE}</style></head><body><main><h1>Sign-in error</h1><p class="error" role="alert">${escapeHtml(message)}</p></main></body></html>`;

export { signInForm, errorPage };
