// One real scan of the fingerprinting fixtures before consent: a vendor's canvas, audio and font
// probes (served as third-party scripts), the site's own device check, and a chart library that draws
// on a canvas without reading it back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runGate } from '../src/gate.js';
import type { Finding, GateResult } from '../src/types.js';
import { serve, type Served } from './support/fixtures.js';

const PAGES = ['fp-canvas', 'fp-audio', 'fp-fonts', 'fp-first-party', 'chart'];
const VENDOR = 'https://cdn.devicesignal.example/v3';

let served: Served;
let result: GateResult;

beforeAll(async () => {
  served = await serve();
  result = await runGate({ discover: { pages: PAGES.map((p) => `${served.url}${p}/`) }, browserArgs: served.browserArgs, phases: ['initial'] });
});
afterAll(async () => served?.close());

const on = (page: string): Finding[] => result.findings.filter((f) => f.page === `${served.url}${page}/` && f.rule === 'fingerprinting-before-consent');
const scanOf = (page: string) => result.pages.find((p) => p.url === `${served.url}${page}/`)!.phases[0]!;
/** What a finding says: who, how bad, by which technique and APIs. */
const said = (f: Finding) => ({ severity: f.severity, messageId: f.messageId, host: f.subject.host, script: f.data['script'], techniques: f.data['techniques'], apis: f.data['apis'] });

describe('fingerprinting before consent', () => {
  it('scanned every page', () => {
    expect(result.pages.map((p) => p.phases.map((s) => s.error))).toEqual(PAGES.map(() => [null]));
  });

  it('catches a third-party canvas fingerprint read back with toDataURL, attributed to its script', () => {
    expect(on('fp-canvas').map(said)).toEqual([
      { severity: 'error', messageId: 'thirdParty', host: 'cdn.devicesignal.example', script: `${VENDOR}/canvas.js`, techniques: 'canvas read-back', apis: 'HTMLCanvasElement.toDataURL' },
    ]);
    const calls = scanOf('fp-canvas').fingerprinting.map((f) => [f.api, f.calls, f.script.split('?')[0]]);
    expect(calls).toEqual([['HTMLCanvasElement.toDataURL', 1, `${VENDOR}/canvas.js`]]);
    // Its beacon went out: the stand-in behaves like the real thing.
    expect(scanOf('fp-canvas').requests.some((r) => r.url === 'https://api.devicesignal.example/v3/collect' && r.method === 'POST')).toBe(true);
  });

  it('catches an audio fingerprint: the rendered buffer read back', () => {
    expect(on('fp-audio').map(said)).toEqual([
      { severity: 'error', messageId: 'thirdParty', host: 'cdn.devicesignal.example', script: `${VENDOR}/audio.js`, techniques: 'audio rendering', apis: 'AudioBuffer.getChannelData' },
    ]);
  });

  it('catches font probing: one string measured in each of 64 font families', () => {
    expect(on('fp-fonts').map(said)).toEqual([
      {
        severity: 'error',
        messageId: 'thirdParty',
        host: 'cdn.devicesignal.example',
        script: `${VENDOR}/fonts.js`,
        techniques: 'font probing',
        apis: 'HTMLElement.offsetWidth, HTMLElement.offsetHeight',
      },
    ]);
    // Three generic families and the sixty-one of the probe's list.
    expect(scanOf('fp-fonts').fingerprinting.map((f) => [f.api, f.families])).toEqual([
      ['HTMLElement.offsetWidth', 64],
      ['HTMLElement.offsetHeight', 64],
    ]);
  });

  it("warns about the site's own device check: canvas, WebGL renderer and a navigator sweep", () => {
    const [finding, ...more] = on('fp-first-party');
    expect(more).toEqual([]);
    expect(said(finding!)).toMatchObject({ severity: 'warn', messageId: 'firstParty', script: `${served.url}fp-first-party/device-check.js`, techniques: 'canvas read-back, WebGL renderer, navigator sweep' });
    expect(String(finding!.data['apis']).split(', ')).toEqual(
      expect.arrayContaining(['CanvasRenderingContext2D.getImageData', 'WebGLRenderingContext.getExtension(WEBGL_debug_renderer_info)', 'WebGLRenderingContext.getParameter(UNMASKED_RENDERER_WEBGL)', 'Navigator.hardwareConcurrency']),
    );
  });

  it('leaves a chart library alone: it draws on a canvas and measures its labels, but reads nothing back', () => {
    expect(result.findings.filter((f) => f.page === `${served.url}chart/`)).toEqual([]);
    // Seen, and below every threshold: a canvas drawn on is no read-back, one font is no probe.
    expect(scanOf('chart').fingerprinting.map((f) => [f.api, f.families])).toEqual([['CanvasRenderingContext2D.measureText', 1]]);
  });
});
