// Records of Go's logr serialised as text (klogr, the klog text form of controller-runtime and cert-manager): the
// logger's name, then quoted `"key"=value` pairs, the first of them the message: `cert-manager/controller/certificates
// "msg"="syncing item" "key"="default/dada-card.com"`. The same record written as logfmt or JSON keeps its pairs out of
// the message (`msg="syncing item" key=…`, detect.ts logfmtLine): so does this form, and the logger's name is the
// line's component, as a logfmt record's `logger` is. Read as a message of quoted pairs, `"msg"="syncing item"` and
// `"msg"="finished processing work item"` would be one statement with a quoted value; and the name before it, one per
// controller that logs the statement, would split one statement into as many templates as there are controllers.
//
// klog's own structured form (`klog.InfoS`, and klogr from klog v2 on: Kubernetes' components since 1.19) writes the same
// record without the `"msg"=` key and with bare keys: the quoted message, then `key="value"` or `key=value` pairs, the
// logger's name as its `logger` pair (`"metricsRefreshInterval not set" logger="config" name="kyverno-metrics"`). One
// program writing both forms (an upgrade in one file) logs one statement in each: read alike, they are one template.
import type { ParsedLine } from './types';

/**
 * A logr record: an optional logger name (no space, quote or `=`), an optional verbosity (`"level"=0`, which klogr
 * writes first for V-levelled calls), then `"msg"="<text>"` (escapes inside), then nothing or more quoted-key pairs
 * (a key may hold spaces: controller-runtime's `"worker count"=1`).
 * Groups: 1 the name, 2 the message text.
 */
const RECORD = /^(?:([^\s"=]{1,200}) +)?(?:"level"=\d{1,3} +)?"msg"="((?:[^"\\]|\\.)*)"(?=$| +"[^"]{1,100}"=)/;

/**
 * klog's structured record (see the file's head): a quoted message (escapes inside), then one or more pairs of a bare key
 * and a value, to the end. A value is quoted (`pod="kube-system/dns"`), a struct or a list as Go's `%+v` prints them,
 * spaces inside (`event={ID:… Type:ContainerStarted}`, `[a b]`), a pointer to a struct (`event=&{ID:…}`, kubelet's PLEG
 * events) and a struct holding one (`pod={ObjectMeta:{Name:web-0 …}}`, one level of nesting), or bare (`id=0`,
 * `err=<nil>`). A message that quotes a phrase and goes on in words (`"GET /" took 3ms`) is none: every word after the
 * quote must be a pair.
 */
const KLOG_RECORD = /^"((?:[^"\\]|\\.)*)"((?: +[A-Za-z_][\w.-]{0,63}=(?:"(?:[^"\\]|\\.)*"|&?\{(?:[^{}]|\{[^{}]{0,1000}\}){0,1000}\}|\[[^[\]]{0,1000}\]|[^\s"]+))+) *$/;
/**
 * Longest message read as a klog record: a record is a statement and a few pairs; past this, a pair that fails at the
 * end would make KLOG_RECORD retry every pair before it (a long line read slowly), and the line stays whole.
 */
const MAX_KLOG_RECORD = 4096;
/** The `logger` pair of a klog record's pairs: the logger's name. */
const KLOG_LOGGER = / logger="((?:[^"\\]|\\.){1,200})"/;

/** Sample messages that must be logr records before the form is read in a file: one line may be a message quoting one. */
const MIN_LINES = 2;

/** `message` read as a logr record: its text and logger name; undefined when it is none. */
export function readLogrRecord(message: string): { text: string; name?: string } | undefined {
  if (message.indexOf('"msg"="') < 0) return message.charCodeAt(0) === 34 /* " */ ? readKlogRecord(message) : undefined;
  const m = RECORD.exec(message);
  if (!m) return undefined;
  // An empty msg (`"msg"="" "error"="boom"`, logr's Error with no text) leaves the pairs as what the line says.
  const text = m[2] === '' ? message.slice(m[0].length).trim() : m[2].replace(/\\(.)/g, '$1');
  if (text === '') return undefined;
  return m[1] === undefined ? { text } : { text, name: m[1] };
}

/** `message` read as klog's structured record (KLOG_RECORD): its text and the `logger` pair's name; undefined when it is none. */
function readKlogRecord(message: string): { text: string; name?: string } | undefined {
  if (message.length > MAX_KLOG_RECORD) return undefined;
  const m = KLOG_RECORD.exec(message);
  if (!m) return undefined;
  const text = m[1].replace(/\\(.)/g, '$1');
  if (text === '') return undefined;
  const name = KLOG_LOGGER.exec(m[2])?.[1];
  return name === undefined ? { text } : { text, name };
}

/**
 * `parse` followed by the reading of logr records, when at least MIN_LINES of `sample` (the file's sample lines, read
 * by `parse`) are such records; `parse` itself otherwise, so that other files pay nothing per line.
 */
export function withLogrRecords(parse: (line: string) => ParsedLine, sample: readonly string[]): (line: string) => ParsedLine {
  let lines = 0;
  for (const line of sample) if (readLogrRecord(parse(line).message) && ++lines >= MIN_LINES) break;
  if (lines < MIN_LINES) return parse;
  return (line) => {
    const parsed = parse(line);
    const record = readLogrRecord(parsed.message);
    if (record) {
      parsed.message = record.text;
      if (record.name !== undefined) parsed.component = record.name;
    }
    return parsed;
  };
}
