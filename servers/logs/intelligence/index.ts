// Log intelligence: format detection, level mapping, timestamp parsing, template mining, and the log_patterns tool.
export * from './types';
export { normalizeLevel, levelAtLeast, levelRank } from './levels';
export {
  parseTimestamp,
  parseIsoTimestamp,
  parseSyslogTimestamp,
  epochFromNumber,
  inferYear,
  TIMESTAMP_PATTERNS,
  type TimestampContext,
} from './timestamps';
export { createLineParser, parseLogfmt, type LineParserOptions } from './format';
export { tokenize, isVariablePiece, isVariableWord, WILDCARD, type Tokenized } from './tokenize';
export { TemplateMiner, type MinedTemplate, type MessageInfo, type TemplateMinerOptions } from './miner';
export {
  registerLogPatternsTool,
  logPatterns,
  minePatterns,
  parseTimeBound,
  type LogPatternsContext,
  type LogPatternsArgs,
  type LogPatternsResult,
  type TemplateSummary,
} from './log-patterns-tool';
