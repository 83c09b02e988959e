// Chooses the engine for one file: ripgrep for plain files and patterns it can take, else the Node worker.
import type { LineParser } from '../intelligence/types';
import { scanWithNode, type NodeScanResult } from './node-engine';
import { ripgrepCanRun, RipgrepUnsupported, scanWithRipgrep } from './ripgrep-engine';
import type { AcceptedLine } from './scan';
import type { ScanRequest, ScanTarget } from './types';

export interface RunOptions {
  ripgrep: string | undefined;
  parser: () => Promise<LineParser>;
  signal?: AbortSignal;
  onProgress?: (bytes: number) => void;
  /** error_summary: lines accepted by the filters are grouped; with the Node engine the worker groups them. */
  summarize?: { sink: (line: AcceptedLine) => void };
}

export async function scanFile(target: ScanTarget, request: ScanRequest, options: RunOptions): Promise<NodeScanResult> {
  if (options.ripgrep && ripgrepCanRun(request, target)) {
    try {
      return await scanWithRipgrep(options.ripgrep, target, request, await options.parser(), {
        signal: options.signal,
        onProgress: options.onProgress,
        sink: options.summarize?.sink,
      });
    } catch (error) {
      if (!(error instanceof RipgrepUnsupported)) throw error;
      process.stderr.write(`logs: ${error.message}; using the Node scanner\n`);
    }
  }
  const sink = options.summarize?.sink;
  return scanWithNode(target, request, {
    signal: options.signal,
    onProgress: options.onProgress,
    onLines: sink ? (lines) => lines.forEach(sink) : undefined,
  });
}
