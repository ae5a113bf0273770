// The one way the Action's words reach the runner: the log, annotations, the job summary, outputs and
// the step's failure all pass the run's secret check (shared/secrets.ts) on the way out.
import * as core from '@actions/core';
import type { RunSecrets } from '../shared/secrets.js';

/** Where an annotation points: the file and line code hosts show it on. */
export interface AnnotationPlace {
  title: string;
  file?: string;
  startLine?: number;
}

export interface ActionOutlet {
  readonly secrets: RunSecrets;
  info(text: string): void;
  /** Shown only when the workflow runs with step debug logging on. */
  debug(text: string): void;
  notice(text: string): void;
  annotate(severity: 'error' | 'warning', text: string, place?: AnnotationPlace): void;
  output(name: string, value: string): void;
  summary(markdown: string): Promise<void>;
  failed(text: string): void;
}

export function actionOutlet(secrets: RunSecrets): ActionOutlet {
  const text = (value: string): string => secrets.clear(value, 'text');
  return {
    secrets,
    info: (value) => core.info(text(value)),
    debug: (value) => core.debug(text(value)),
    notice: (value) => core.notice(text(value)),
    annotate: (severity, value, place) => {
      const properties = place && { ...place, title: text(place.title), ...(place.file !== undefined ? { file: text(place.file) } : {}) };
      (severity === 'error' ? core.error : core.warning)(text(value), properties);
    },
    output: (name, value) => core.setOutput(name, text(value)),
    summary: async (markdown) => {
      await core.summary.addRaw(text(markdown)).write();
    },
    failed: (value) => core.setFailed(text(value)),
  };
}
