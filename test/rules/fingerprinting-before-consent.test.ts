import { fingerprintingBeforeConsent, PROBED_FONT_FAMILIES, SWEPT_NAVIGATOR_PROPERTIES } from '../../src/rules/fingerprinting-before-consent.js';
import { ruleTester } from '../support/rule-tester.js';
import { fingerprinting, page, scan, visit } from '../support/scans.js';

const VENDOR = 'https://cdn.devicesignal.example/fp.js';
const canvas = fingerprinting('canvas', 'HTMLCanvasElement.toDataURL', VENDOR);
const NAVIGATOR = ['plugins', 'mimeTypes', 'hardwareConcurrency', 'deviceMemory', 'languages', 'platform'];
const navigatorReads = (count: number, script = VENDOR) =>
  NAVIGATOR.slice(0, count).map((name) => fingerprinting('navigator', `Navigator.${name}`, script));

ruleTester(fingerprintingBeforeConsent).run({
  valid: [
    { name: 'no fingerprinting calls', scan: scan() },
    { name: 'fingerprinting after accepting', page: page(scan(), visit('after-accept', { fingerprinting: [canvas] })) },
    {
      name: 'a chart library measuring its labels in a few fonts',
      scan: scan({ fingerprinting: [fingerprinting('fonts', 'CanvasRenderingContext2D.measureText', 'https://example.org/chart.js', { calls: 400, families: 2 })] }),
    },
    {
      name: 'font measurements one short of a probe',
      scan: scan({ fingerprinting: [fingerprinting('fonts', 'HTMLElement.offsetWidth', VENDOR, { calls: 60, families: PROBED_FONT_FAMILIES - 1 })] }),
    },
    { name: 'a few navigator properties (a locale, a shortcut hint)', scan: scan({ fingerprinting: navigatorReads(SWEPT_NAVIGATOR_PROPERTIES - 1) }) },
    {
      name: 'navigator properties read by different scripts do not add up to one sweep',
      scan: scan({ fingerprinting: [...navigatorReads(3), ...navigatorReads(3, 'https://cdn.other.example/x.js').slice(0, 2)] }),
    },
  ],
  invalid: [
    {
      name: 'a third-party canvas read-back is an error naming the API and the script',
      scan: scan({ fingerprinting: [canvas] }),
      errors: [
        {
          messageId: 'thirdParty',
          severity: 'error',
          subject: { kind: 'request', host: 'cdn.devicesignal.example', url: VENDOR },
          data: { script: VENDOR, techniques: 'canvas read-back', apis: 'HTMLCanvasElement.toDataURL', vendor: 'unknown vendor' },
        },
      ],
    },
    {
      name: "the site's own fingerprinting script is a warning, even when the policy says error",
      scan: scan({ fingerprinting: [fingerprinting('audio', 'AudioBuffer.getChannelData', 'https://example.org/js/fp.js?v=3')] }),
      severity: 'error',
      errors: [{ messageId: 'firstParty', severity: 'warn', subject: { host: 'example.org', url: 'https://example.org/js/fp.js' }, data: { techniques: 'audio rendering' } }],
    },
    {
      name: 'a policy that lowers the rule lowers third-party findings too',
      scan: scan({ fingerprinting: [canvas] }),
      severity: 'warn',
      errors: [{ messageId: 'thirdParty', severity: 'warn' }],
    },
    {
      name: 'one finding per host, with every technique, API and script of that host',
      scan: scan({
        fingerprinting: [
          canvas,
          fingerprinting('webgl', 'WebGLRenderingContext.getParameter(UNMASKED_RENDERER_WEBGL)', 'https://cdn.devicesignal.example/gl.js'),
          fingerprinting('fonts', 'HTMLElement.offsetWidth', VENDOR, { calls: 104, families: 52 }),
          ...navigatorReads(SWEPT_NAVIGATOR_PROPERTIES),
          fingerprinting('canvas', 'CanvasRenderingContext2D.getImageData', 'https://fp.other.example/c.js', { vendor: 'Acme Fraud', party: 'third' }),
        ],
      }),
      errors: [
        {
          messageId: 'thirdParty',
          subject: { host: 'cdn.devicesignal.example' },
          data: {
            script: `${VENDOR}, https://cdn.devicesignal.example/gl.js`,
            techniques: 'canvas read-back, WebGL renderer, font probing, navigator sweep',
          },
        },
        { messageId: 'thirdParty', subject: { host: 'fp.other.example' }, data: { apis: 'CanvasRenderingContext2D.getImageData', vendor: 'Acme Fraud (unknown)' } },
      ],
    },
  ],
});
