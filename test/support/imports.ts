import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { globSync } from 'tinyglobby';

/**
 * The pipeline's direction, as folders of src/: each may import from itself and from those before
 * it; `shared/`, `config/` and `types.ts` are at the bottom, for everyone; the gate, the public API
 * and the entry points at the top.
 */
export const STAGES: readonly string[] = ['shared', 'config', 'types', 'target', 'discover', 'browser', 'gather', 'classify', 'derive', 'rules', 'policy', 'baseline', 'verdict', 'report', 'gate', 'entry', 'index'];

/** The stage of a file under src/: its top folder, or its name for the files at the root. */
export function stageOf(path: string): string {
  const [top] = path.split('/');
  return top!.replace(/\.ts$/, '');
}

/** Relative imports of every source file, as src-relative paths. */
export function importGraph(src: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of globSync('**/*.ts', { cwd: src })) {
    const text = readFileSync(join(src, file), 'utf8');
    const targets = [...text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)]
      .map((m) => relative(src, resolve(dirname(join(src, file)), m[1]!)).replace(/\.js$/, '.ts'))
      .filter((target) => target.endsWith('.ts'));
    graph.set(file, targets);
  }
  return graph;
}

/** Imports that go up the pipeline: "from → to (stage → stage)". */
export function backEdges(graph: Map<string, string[]>): string[] {
  const rank = (file: string): number => STAGES.indexOf(stageOf(file));
  const bottom = rank('config/x.ts');
  return [...graph].flatMap(([from, targets]) =>
    targets.filter((to) => rank(to) > bottom && rank(to) > rank(from)).map((to) => `${from} → ${to} (${stageOf(from)} → ${stageOf(to)})`),
  );
}

/** Every import cycle, once, as the files around it. */
export function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string): void => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') found.push(stack.slice(stack.indexOf(next)));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return found;
}
