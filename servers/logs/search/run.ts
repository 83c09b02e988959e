// Chooses the engine for one file: ripgrep for plain files and patterns it can take, else the Node worker.
import type { LineParser } from '../intelligence/types';
import { scanWithNode, type NodeScanResult } from './node-engine';
import { ripgrepCanRun, RipgrepUnsupported, scanWithRipgrep } from './ripgrep-engine';
import type { AcceptedLine } from './scan';
import type { MessageTally } from '../tallies';
import type { ScanRequest, ScanTarget } from './types';

export interface RunOptions {
  ripgrep: string | undefined;
  parser: () => Promise<LineParser>;
  signal?: AbortSignal;
  onProgress?: (bytes: number) => void;
  /**
   * error_summary: where the lines accepted by the filters go: one by one from ripgrep, or folded by masked message
   * in the Node engine's scan process (far fewer objects for this process to take in).
   */
  summarize?: { line: (line: AcceptedLine) => void; tallies: (tallies: MessageTally[]) => void };
}

export async function scanFile(target: ScanTarget, request: ScanRequest, options: RunOptions): Promise<NodeScanResult> {
  if (options.ripgrep && ripgrepCanRun(request, target)) {
    try {
      return await scanWithRipgrep(options.ripgrep, target, request, await options.parser(), {
        signal: options.signal,
        onProgress: options.onProgress,
        sink: options.summarize?.line,
      });
    } catch (error) {
      if (!(error instanceof RipgrepUnsupported)) throw error;
      process.stderr.write(`logs: ${error.message}; using the Node scanner\n`);
    }
  }
  return scanWithNode(target, request, {
    signal: options.signal,
    onProgress: options.onProgress,
    onTallies: options.summarize?.tallies,
  });
}
