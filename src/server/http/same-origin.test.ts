import { describe, expect, it } from 'vitest';
import { isCrossSiteWrite, isOwnOrigin } from './same-origin.ts';

const chat = 'chat.asso.example';

describe('writes from another origin', () => {
  const write = (headers: Record<string, string>, method = 'POST') => ({ method, headers: { host: chat, ...headers } });

  it('refuses what a sibling or another site sends, as browsers label it', () => {
    for (const site of ['same-site', 'cross-site']) {
      expect(isCrossSiteWrite(write({ 'sec-fetch-site': site, origin: `https://${chat}` }), null)).toBe(true);
    }
    expect(isCrossSiteWrite(write({ origin: 'https://www.asso.example' }), null)).toBe(true);
    expect(isCrossSiteWrite(write({ origin: 'null' }), null)).toBe(true);
    expect(isCrossSiteWrite(write({ origin: `https://${chat}.evil.example` }), null)).toBe(true);
  });

  it('lets through Havre’s own pages, reads, and clients that are not browsers', () => {
    expect(isCrossSiteWrite(write({ 'sec-fetch-site': 'same-origin' }), null)).toBe(false);
    expect(isCrossSiteWrite(write({ 'sec-fetch-site': 'none' }), null)).toBe(false);
    expect(isCrossSiteWrite(write({ origin: `https://${chat}` }), null)).toBe(false);
    expect(isCrossSiteWrite(write({ origin: 'https://www.asso.example' }, 'GET'), null)).toBe(false);
    expect(isCrossSiteWrite(write({}), null)).toBe(false);
  });

  it('believes PUBLIC_URL when a proxy rewrites the Host header', () => {
    const behindProxy = { method: 'PUT', headers: { host: '10.0.0.5:8080', origin: `https://${chat}` } };
    expect(isCrossSiteWrite(behindProxy, null)).toBe(true);
    expect(isCrossSiteWrite(behindProxy, `https://${chat}/`)).toBe(false);
  });

  it('never throws on an Origin that is not an address', () => {
    expect(isOwnOrigin('not an origin', chat, null)).toBe(false);
  });
});
