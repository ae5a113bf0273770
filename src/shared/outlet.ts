import type { OutputKind, RunSecrets } from './secrets.js';

/** A stream as the progress output draws on it: its text passes the run's secret check on the way out. */
export interface CheckedStream {
  write(text: string): void;
  readonly isTTY: boolean;
  readonly columns: number;
}

/**
 * The one way the CLI's words reach stdout and stderr: the report on stdout, the summary, progress,
 * messages and errors all pass the run's secret check (shared/secrets.ts) on the way out.
 */
export class Outlet {
  constructor(
    readonly secrets: RunSecrets,
    private readonly streams: { stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream } = { stdout: process.stdout, stderr: process.stderr },
  ) {}

  stdout(text: string, kind: OutputKind = 'text'): void {
    this.streams.stdout.write(this.secrets.clear(text, kind));
  }

  stderr(text: string): void {
    this.streams.stderr.write(this.secrets.clear(text, 'text'));
  }

  /** stderr for a writer that draws (the progress line): it asks whether it is a terminal, and how wide. */
  checkedStderr(): CheckedStream {
    const { stderr } = this.streams;
    return {
      write: (text) => this.stderr(text),
      get isTTY() {
        return stderr.isTTY === true;
      },
      get columns() {
        return stderr.columns;
      },
    };
  }
}
