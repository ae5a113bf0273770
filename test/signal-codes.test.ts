// The decoders of the consent signals a page sends: Google's gcs and gcd hit parameters and the IAB TC
// string, without a browser.
import { GVL, TCModel, TCString } from '@iabtcf/core';
import { describe, expect, it } from 'vitest';
import { decodeTcString, googleConsentHit } from '../src/gather/consent/signal-codes.js';

describe('googleConsentHit', () => {
  it('reads gcs as ad_storage then analytics_storage', () => {
    expect(googleConsentHit('https://www.google-analytics.com/g/collect?gcs=G100')?.state).toEqual({ ad_storage: 'denied', analytics_storage: 'denied' });
    expect(googleConsentHit('https://www.google-analytics.com/g/collect?gcs=G110')?.state).toEqual({ ad_storage: 'granted', analytics_storage: 'denied' });
    expect(googleConsentHit('https://www.google-analytics.com/g/collect?gcs=G101')?.state).toEqual({ ad_storage: 'denied', analytics_storage: 'granted' });
  });

  it('reads gcd as the four signals where each ended up, default and update together', () => {
    // ad_storage denied by default then granted (r), analytics granted by default then denied (u), ad_user_data not set (l), ad_personalization granted by default (t).
    expect(googleConsentHit('https://www.google-analytics.com/g/collect?gcd=13r3u3l3t5')?.state).toEqual({ ad_storage: 'granted', analytics_storage: 'denied', ad_personalization: 'granted' });
    expect(googleConsentHit('https://googleads.g.doubleclick.net/pagead/1?gcd=11p1q1m1v5')?.state).toEqual({ ad_storage: 'denied', analytics_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'granted' });
  });

  it('lets gcd decide where gcs and gcd both speak', () => {
    expect(googleConsentHit('https://www.google.com/ccm/collect?gcs=G100&gcd=13n3p3p3p5')?.state.ad_storage).toBe('granted');
  });

  it('keeps a Google hit whose parameters it cannot read, saying nothing about its state', () => {
    expect(googleConsentHit('https://www.google-analytics.com/g/collect?gcs=X9&gcd=zz')).toMatchObject({ gcs: 'X9', gcd: 'zz', state: {} });
  });

  it('ignores other hosts and Google requests without the parameters', () => {
    expect(googleConsentHit('https://tracker.example/collect?gcs=G111')).toBeNull();
    expect(googleConsentHit('https://www.google-analytics.com/g/collect?v=2')).toBeNull();
    expect(googleConsentHit('https://notgoogle-analytics.com/g/collect?gcs=G111')).toBeNull();
    expect(googleConsentHit('not a url')).toBeNull();
  });
});

describe('decodeTcString', () => {
  const gvl = new GVL({
    gvlSpecificationVersion: 3,
    vendorListVersion: 70,
    tcfPolicyVersion: 5,
    lastUpdated: '2026-11-01T00:00:00Z',
    purposes: Object.fromEntries([1, 2, 3, 4].map((id) => [id, { id, name: `Purpose ${id}`, description: '', illustrations: [] }])),
    specialPurposes: {},
    features: {},
    specialFeatures: {},
    stacks: {},
    // The encoder writes consent only for vendors on the list.
    vendors: Object.fromEntries([2, 755].map((id) => [id, { id, name: `Vendor ${id}`, purposes: [1], legIntPurposes: [], flexiblePurposes: [], specialPurposes: [], features: [], specialFeatures: [], policyUrl: '' }])),
  } as unknown as ConstructorParameters<typeof GVL>[0]);

  it('lists the purposes and vendors whose consent bit is set', () => {
    const model = new TCModel(gvl);
    model.cmpId = 300;
    model.purposeConsents.set([1, 3]);
    model.vendorConsents.set([2, 755]);
    expect(decodeTcString(TCString.encode(model))).toEqual({ purposeConsents: [1, 3], vendorConsents: [2, 755], decodeError: null });
  });

  it('says why a string does not decode', () => {
    expect(decodeTcString('garbage')).toMatchObject({ purposeConsents: [], vendorConsents: [], decodeError: expect.any(String) });
  });
});
