// The pipeline runs one way: target → discover → browser → gather → classify → derive → rules →
// policy → baseline → verdict → report. These tests keep the source tree that way.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STAGES, backEdges, cycles, importGraph, stageOf } from './support/imports.js';
import { ROOT } from './support/fixtures.js';

const graph = importGraph(join(ROOT, 'src'));

describe('the import direction of src/', () => {
  it('knows the stage of every source file', () => {
    const unknown = [...graph.keys()].filter((file) => !STAGES.includes(stageOf(file)));
    expect(unknown).toEqual([]);
  });

  it('has no import that goes back up the pipeline', () => {
    expect(backEdges(graph)).toEqual([]);
  });

  it('has no import cycle', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('would catch a back-edge and the cycle it makes', () => {
    const broken = new Map(graph);
    broken.set('rules/index.ts', [...(graph.get('rules/index.ts') ?? []), 'report/html.ts']);
    broken.set('report/html.ts', [...(graph.get('report/html.ts') ?? []), 'rules/index.ts']);
    expect(backEdges(broken)).toContain('rules/index.ts → report/html.ts (rules → report)');
    expect(cycles(broken).length).toBeGreaterThan(0);
  });
});
