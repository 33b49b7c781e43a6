// Who a token says is calling: the ally comes from exactly one ally group, never from elsewhere.
import { describe, expect, it } from 'vitest';
import { callerOf } from '../../../shared/portal/index.ts';

const claims = (groups?: unknown, extra: Record<string, unknown> = {}) => ({
  iss: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc',
  aud: 'client',
  sub: 'sub-1',
  email: 'officer@mod.example',
  token_use: 'id',
  ...(groups === undefined ? {} : { 'cognito:groups': groups }),
  ...extra,
});

describe('callerOf', () => {
  it('takes the one ally group as the ally', () => {
    expect(callerOf(claims(['ally-EST']))).toEqual({ ok: true, caller: { kind: 'submitter', ally: 'EST', email: 'officer@mod.example', sub: 'sub-1' } });
  });

  it('reads the groups as API Gateway hands an array claim to the function ("[a b]")', () => {
    expect(callerOf(claims('[ally-POL]'))).toMatchObject({ ok: true, caller: { kind: 'submitter', ally: 'POL' } });
    expect(callerOf(claims('[ally-POL ally-EST]'))).toMatchObject({ ok: false, refusal: { code: 'ambiguous-ally' } });
  });

  it('refuses an account without groups, or in none of the allies, as no-ally', () => {
    expect(callerOf(claims())).toMatchObject({ ok: false, refusal: { code: 'no-ally' } });
    expect(callerOf(claims(['readers']))).toMatchObject({ ok: false, refusal: { code: 'no-ally' } });
    expect(callerOf(claims(['ally-XYZ']))).toMatchObject({ ok: false, refusal: { code: 'no-ally' } });
  });

  it('refuses two ally groups, and an analyst in an ally group, as ambiguous-ally', () => {
    const two = callerOf(claims(['ally-EST', 'ally-POL']));
    expect(two).toMatchObject({ ok: false, refusal: { code: 'ambiguous-ally' } });
    expect(!two.ok && two.refusal.message).toContain('ally-EST, ally-POL');
    expect(callerOf(claims(['analysts', 'ally-EST']))).toMatchObject({ ok: false, refusal: { code: 'ambiguous-ally' } });
  });

  it('knows an analyst, who has no ally', () => {
    expect(callerOf(claims(['analysts']))).toEqual({ ok: true, caller: { kind: 'analyst', email: 'officer@mod.example', sub: 'sub-1' } });
  });

  it('ignores an ally claim outside the groups', () => {
    expect(callerOf(claims(['ally-EST'], { ally: 'POL', 'custom:ally': 'POL' }))).toMatchObject({ ok: true, caller: { ally: 'EST' } });
  });

  it('refuses an access token, or claims without an e-mail, as bad-token naming the claim', () => {
    const access = callerOf(claims(['ally-EST'], { token_use: 'access' }));
    expect(access).toMatchObject({ ok: false, refusal: { code: 'bad-token' } });
    expect(!access.ok && access.refusal.message).toContain('token_use');
    expect(callerOf({ sub: 's', token_use: 'id' })).toMatchObject({ ok: false, refusal: { code: 'bad-token' } });
    expect(callerOf(null)).toMatchObject({ ok: false, refusal: { code: 'bad-token' } });
  });
});
