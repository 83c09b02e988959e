// Runs the scan of one file in a scan process: with ripgrep for plain files and patterns it can take, else with the
// pure-Node scanner (the process decides, and falls back when ripgrep refuses the pattern).
import { scanWithNode, type NodeScanResult } from './node-engine';
import { ripgrepCanRun } from './ripgrep-engine';
import type { MessageTally } from '../tallies';
import type { ScanRequest, ScanTarget } from './types';

export interface RunOptions {
  ripgrep: string | undefined;
  signal?: AbortSignal;
  onProgress?: (bytes: number) => void;
  /** error_summary: the lines accepted by the filters, folded by masked message in the scan process. */
  summarize?: { tallies: (tallies: MessageTally[]) => void };
}

export function scanFile(target: ScanTarget, request: ScanRequest, options: RunOptions): Promise<NodeScanResult> {
  return scanWithNode(target, request, {
    signal: options.signal,
    onProgress: options.onProgress,
    onTallies: options.summarize?.tallies,
    ripgrep: options.ripgrep && ripgrepCanRun(request, target) ? options.ripgrep : undefined,
  });
}
