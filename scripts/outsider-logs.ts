// Made-up logs of kinds the development set (../shared/datasets/loghub-dev) does not have, with ground truth (an event
// id per line), for checking that template mining generalises. Written from public format documentation and knowledge
// of the real systems, independently of the miner's own samples; no real log lines are copied. Every file is seeded,
// so a run is reproducible. Usage: node --import tsx scripts/outsider-logs.ts [outDir]  (writes <Kind>/<Kind>.log and
// <Kind>.log_structured.csv, the layout scripts/eval-loghub.ts reads, then measures GA through the built server).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { groupingAccuracy } from './eval-loghub';
import { callJson, runMain, startLogsServer } from './eval-support';

/** A seeded pseudo-random source (mulberry32): the same seed gives the same file. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  hex(digits: number): string {
    let s = '';
    for (let i = 0; i < digits; i++) s += '0123456789abcdef'[this.int(0, 15)];
    return s;
  }
  uuid(): string {
    return `${this.hex(8)}-${this.hex(4)}-${this.hex(4)}-${this.hex(4)}-${this.hex(12)}`;
  }
  ip(): string {
    return `${this.int(10, 192)}.${this.int(0, 255)}.${this.int(0, 255)}.${this.int(1, 254)}`;
  }
}

/** One event of a kind: its message (what a parser should mine) and, for kinds whose header depends on it, fields. */
interface EventSpec {
  id: string;
  /** Relative frequency; events of a real log are far from uniform. */
  weight: number;
  message: (r: Rng) => string;
  /** Header fields this event always carries (component, level, process), when the kind's header names them. */
  fields?: Record<string, string>;
}

interface KindSpec {
  name: string;
  lines: number;
  events: EventSpec[];
  /** The full line: header built from the line index `i` (time goes forward) around the message. */
  line: (r: Rng, i: number, event: EventSpec, message: string) => string;
}

/** A generated file: its lines and the event id of each. */
export interface OutsiderLog {
  kind: string;
  lines: string[];
  events: string[];
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Wall-clock parts of a moment `seconds` after a fixed start, with milliseconds drawn from `r`. */
function clock(r: Rng, seconds: number) {
  const d = new Date(Date.UTC(2025, 4, 12, 8, 0, 0) + seconds * 1000 + r.int(0, 999));
  return {
    y: d.getUTCFullYear(), mo: d.getUTCMonth() + 1, d: d.getUTCDate(), h: d.getUTCHours(), mi: d.getUTCMinutes(), s: d.getUTCSeconds(), ms: d.getUTCMilliseconds(),
    epoch: Math.floor(d.getTime() / 1000),
  };
}
const isoDate = (c: ReturnType<typeof clock>) => `${c.y}-${pad(c.mo)}-${pad(c.d)}`;
const hms = (c: ReturnType<typeof clock>) => `${pad(c.h)}:${pad(c.mi)}:${pad(c.s)}`;
const syslogDate = (c: ReturnType<typeof clock>) => `${MONTHS[c.mo - 1]} ${String(c.d).padStart(2, ' ')} ${hms(c)}`;

const USERS = ['root', 'alice', 'bob', 'deploy', 'backup', 'jenkins', 'postgres', 'www-data', 'mkoch', 'tnguyen'];
const HOSTS = Array.from({ length: 12 }, (_, i) => `node${pad(i * 7 + 3, 3)}`);
const byteSize = (n: number) => (n < 1024 ? `${n} bytes` : n < 1048576 ? `${n} bytes (${(n / 1024).toFixed(2)} KB)` : `${n} bytes (${(n / 1048576).toFixed(1)} MB)`);

/** Supercomputer RAS log: record id, node, component, event class, epoch, flag, message (the issue's layout 1b). */
function rasCluster(): KindSpec {
  const node = (r: Rng) => `r${r.int(1, 8)}-c${r.int(0, 15)}n${r.int(0, 63)}`;
  const e = (id: string, component: string, eventClass: string, weight: number, message: (r: Rng) => string): EventSpec => ({ id, weight, message, fields: { component, eventClass } });
  return {
    name: 'RasCluster', lines: 2000,
    events: [
      e('R1', 'fan', 'speed.check', 8, (r) => `fan speed rpm=${r.int(1800, 4200)}`),
      e('R2', 'fan', 'fan.fail', 1, (r) => `fan ${r.int(0, 5)} failed, replacing required`),
      e('R3', 'node', 'boot', 3, (r) => `node booted in ${r.int(30, 400)} seconds`),
      e('R4', 'node', 'state_change.unavailable', 2, (r) => `Component State Change: Component "${node(r)}" is in the unavailable state (HWID=${r.int(1000, 9999)})`),
      e('R5', 'psu', 'psu.volt', 3, (r) => `PSU ${r.int(0, 3)} voltage out of range: ${(11 + r.next() * 2).toFixed(2)} V`),
      e('R6', 'ecc', 'mem.correctable', 6, (r) => `corrected ${r.int(1, 40)} memory errors on DIMM ${r.pick(['A', 'B', 'C', 'D'])}${r.int(0, 3)}`),
      e('R7', 'ecc', 'mem.uncorrectable', 1, (r) => `uncorrectable ECC error at address 0x${r.hex(10)}, node halted`),
      e('R8', 'net', 'link.error', 4, (r) => `Link error on interface ib${r.int(0, 1)} port ${r.int(1, 36)}: ${r.int(1, 900)} symbol errors`),
      e('R9', 'net', 'link.up', 3, (r) => `Link up on interface ib${r.int(0, 1)}`),
      e('R10', 'sched', 'job.start', 6, (r) => `job ${r.int(100000, 999999)} started for user ${r.pick(USERS)} on ${r.int(1, 512)} nodes`),
      e('R11', 'sched', 'job.end', 6, (r) => `job ${r.int(100000, 999999)} ended, exit status ${r.int(0, 2)}`),
      e('R12', 'temp', 'temp.high', 2, (r) => `temperature ${r.int(70, 95)} C exceeds threshold ${r.int(65, 70)} C`),
    ],
    line: (r, i, ev, message) => `${480000 + i * r.int(1, 3)} ${node(r)} ${ev.fields!.component} ${ev.fields!.eventClass} ${clock(r, i * 3).epoch} ${r.int(0, 1)} ${message}`,
  };
}

/** BlueGene-style RAS log: '-' or alert tag, epoch, date, location, timestamp, location, RAS, component, level, message. */
function blueGeneRas(): KindSpec {
  const loc = (r: Rng) => `R${pad(r.int(0, 7))}-M${r.int(0, 1)}-N${r.hex(1).toUpperCase()}-C:J${pad(r.int(2, 17))}-U${r.pick(['01', '11'])}`;
  const e = (id: string, component: string, level: string, weight: number, message: (r: Rng) => string): EventSpec => ({ id, weight, message, fields: { component, level } });
  return {
    name: 'BlueGeneRas', lines: 2000,
    events: [
      e('B1', 'KERNEL', 'INFO', 12, (r) => `${r.int(1, 9)} ddr error(s) detected and corrected on rank 0, symbol ${r.int(0, 35)}, bit ${r.int(0, 7)}`),
      e('B2', 'KERNEL', 'INFO', 8, () => 'instruction cache parity error corrected'),
      e('B3', 'KERNEL', 'INFO', 5, (r) => `generating core.${r.int(100, 9999)}`),
      e('B4', 'KERNEL', 'FATAL', 3, (r) => `data TLB error interrupt at 0x${r.hex(8)}`),
      e('B5', 'KERNEL', 'FATAL', 2, (r) => `machine check interrupt (bit=0x${r.hex(2)}): L2 dcache unit data parity error`),
      e('B6', 'APP', 'FATAL', 3, (r) => `ciod: failed to read message prefix on control stream (CioStream socket to ${r.ip()}:${r.int(30000, 60000)}`),
      e('B7', 'APP', 'FATAL', 2, (r) => `ciod: Error loading /bgl/apps/${r.pick(USERS)}/run${r.int(1, 99)}/a.out: invalid or missing program image, Exec format error`),
      e('B8', 'MMCS', 'ERROR', 2, (r) => `idoproxydb hit ASSERT condition: ASSERT expression=${r.int(0, 1)} Source file=idotransportmgr.cpp Source line=${r.int(100, 1500)}`),
      e('B9', 'KERNEL', 'INFO', 4, (r) => `CE sym ${r.int(0, 35)}, at 0x${r.hex(8)}, mask 0x${r.hex(2)}`),
      e('B10', 'DISCOVERY', 'WARNING', 2, (r) => `Node card VPD check: ${loc(r)} node in processor card slot J${pad(r.int(2, 17))} do not match. VPD ecid ${r.hex(24).toUpperCase()}, found ${r.hex(24).toUpperCase()}`),
    ],
    line: (r, i, ev, message) => {
      const c = clock(r, i * 5);
      const where = loc(r);
      const tag = ev.fields!.level === 'FATAL' && r.next() < 0.5 ? 'KERNDTLB' : '-';
      return `${tag} ${c.epoch} ${c.y}.${pad(c.mo)}.${pad(c.d)} ${where} ${isoDate(c)}-${pad(c.h)}.${pad(c.mi)}.${pad(c.s)}.${pad(c.ms * 1000 + r.int(0, 999), 6)} ${where} RAS ${ev.fields!.component} ${ev.fields!.level} ${message}`;
    },
  };
}

/** Windows component-based servicing log: date time, level padded to a fixed width, source, message. */
function windowsCbs(): KindSpec {
  const e = (id: string, source: string, level: string, weight: number, message: (r: Rng) => string): EventSpec => ({ id, weight, message, fields: { source, level } });
  const sess = (r: Rng) => `${r.int(30000000, 31000000)}_${r.int(100000000, 999999999)}`;
  const pkg = (r: Rng) => `Package_for_KB${r.int(2000000, 4999999)}~31bf3856ad364e35~amd64~~6.1.${r.int(1, 9)}.${r.int(0, 9)}`;
  return {
    name: 'WindowsCbs', lines: 2000,
    events: [
      e('W1', 'CBS', 'Info', 6, (r) => `Session: ${sess(r)} initialized by client WindowsUpdateAgent.`),
      e('W2', 'CBS', 'Info', 5, (r) => `Session: ${sess(r)} initialized by client SPP.`),
      e('W3', 'CBS', 'Info', 4, (r) => `Session: ${sess(r)} initialized by client DISM Package Manager Provider.`),
      e('W4', 'CBS', 'Info', 8, (r) => `Read out cached package applicability for package: ${pkg(r)}, ApplicableState: ${r.pick([80, 112])}, CurrentState:${r.pick([80, 112])}`),
      e('W5', 'CBS', 'Info', 3, (r) => `Loaded Servicing Stack v6.1.7601.${r.int(20000, 24000)} with Core: C:\\Windows\\winsxs\\amd64_microsoft-windows-servicingstack_31bf3856ad364e35_6.1.7601.${r.int(20000, 24000)}_none_${r.hex(16)}\\cbscore.dll`),
      e('W6', 'CSI', 'Info', 7, (r) => `${r.hex(8)}@${r.int(2016, 2016)}/${r.int(1, 12)}/${r.int(1, 28)}:${r.int(0, 23)}:${pad(r.int(0, 59))}:${pad(r.int(0, 59))}.${r.int(100, 999)} WcpInitialize (wcp.dll version 0.0.0.6) called (stack @0x7fe${r.hex(7)} @0x7fe${r.hex(7)})`),
      e('W7', 'CBS', 'Info', 4, () => 'Starting TrustedInstaller initialization.'),
      e('W8', 'CBS', 'Info', 4, () => 'Ending TrustedInstaller initialization.'),
      e('W9', 'CBS', 'Info', 3, (r) => `SQM: Initializing online with Windows opt-in: ${r.pick(['False', 'True'])}`),
      e('W10', 'CBS', 'Info', 3, (r) => `Warning: Unrecognized packageExtended attribute. [HRESULT = 0x${r.hex(8)} - E_UNEXPECTED]`),
      e('W11', 'CBS', 'Error', 1, (r) => `Failed to resolve package '${pkg(r)}' [HRESULT = 0x800f0805 - CBS_E_INVALID_PACKAGE]`),
      e('W12', 'CBS', 'Info', 2, () => 'NonStart: Checking to ensure startup processing was not required.'),
    ],
    line: (r, i, ev, message) => {
      const c = clock(r, i * 2);
      return `${isoDate(c)} ${hms(c)}, ${ev.fields!.level.padEnd(22)}${ev.fields!.source.padEnd(7)}${message}`;
    },
  };
}

/** Mobile health app: yyyymmdd-hh:mm:ss:ms|component|pid|message (the issue's layout 1a). */
function healthApp(): KindSpec {
  const e = (id: string, component: string, weight: number, message: (r: Rng) => string): EventSpec => ({ id, weight, message, fields: { component } });
  return {
    name: 'HealthTracker', lines: 2000,
    events: [
      e('H1', 'Step_LSC', 12, (r) => `onStandStepChanged ${r.int(1000, 9000)}`),
      e('H2', 'Step_LSC', 6, (r) => `onExtend:${r.int(1e12, 2e12)} ${r.int(0, 9)} ${r.int(0, 9)} ${r.int(0, 9)}`),
      e('H3', 'Step_SPUtils', 8, (r) => `getTodayTotalDetailSteps = ${r.int(1e12, 2e12)}##${r.int(1000, 9000)}##${r.int(100000, 900000)}##${r.int(1000, 9000)}##${r.int(10000, 90000)}##${r.int(1e12, 2e12)}`),
      e('H4', 'Step_StandReportReceiver', 5, () => 'onReceive action: android.intent.action.SCREEN_ON'),
      // A dotted intent name is a value (Loghub's Android truth: `received broadcast <*>`), whichever intent it is.
      e('H4', 'Step_StandReportReceiver', 5, () => 'onReceive action: android.intent.action.SCREEN_OFF'),
      e('H6', 'Sync_Mgr', 4, (r) => `pushed ${r.int(1, 300)} records to shard ${r.int(0, 15)}`),
      e('H7', 'Sync_Mgr', 2, (r) => `push failed after ${r.int(1, 5)} retries: timeout after ${r.int(1000, 30000)} ms`),
      e('H8', 'HiH_HiHealthDataInsertStore', 4, (r) => `saveHealthDetailData() saveOneDetailData fail hiHealthData = ${r.int(1, 50)},type = ${r.int(1, 30)}`),
      e('H9', 'HiH_HiBroadcastUtil', 3, () => `sendSyncFailedBroadcast`),
      e('H10', 'Step_ExtSDM', 4, (r) => `calculateCaloriesWithCache totalCalories=${r.int(100000, 200000)}`),
      e('H11', 'Step_ExtSDM', 4, (r) => `calculateAltitudeWithCache totalAltitude=${r.int(0, 300)}`),
      e('H12', 'Step_FlushableStepDataCache', 3, () => `flush sensor data`),
    ],
    line: (r, i, ev, message) => {
      const c = clock(r, i);
      return `${c.y}${pad(c.mo)}${pad(c.d)}-${pad(c.h)}:${pad(c.mi)}:${pad(c.s)}:${c.ms}|${ev.fields!.component}|${30002312 + (ev.fields!.component.length % 3)}|${message}`;
    },
  };
}

/** A desktop proxy client's connection log: [MM.DD hh:mm:ss] program - host:port message, with sizes and lifetimes. */
function proxyConnections(): KindSpec {
  const programs = ['chrome.exe', 'firefox.exe', 'Dropbox.exe', 'outlook.exe', 'Teams.exe', 'git-remote-https.exe', 'svchost.exe *64', 'Slack.exe'];
  const target = (r: Rng) => r.next() < 0.5 ? `${r.pick(['www', 'api', 'cdn', 'mail', 'update'])}.${r.pick(['example', 'contoso', 'acme', 'fabrikam'])}.${r.pick(['com', 'net', 'org'])}:${r.pick([443, 80, 5222, 993])}` : `${r.ip()}:${r.pick([443, 80, 8080])}`;
  const lifetime = (r: Rng) => r.next() < 0.3 ? '<1 sec' : r.next() < 0.8 ? `00:${pad(r.int(1, 59))}` : `${pad(r.int(1, 59))}:${pad(r.int(0, 59))}`;
  const e = (id: string, weight: number, message: (r: Rng) => string): EventSpec => ({ id, weight, message });
  return {
    name: 'ProxyConnections', lines: 2000,
    events: [
      e('P1', 10, (r) => `open through proxy proxy.corp.local:${r.pick([3128, 8080])} HTTPS`),
      e('P2', 10, (r) => `close, ${byteSize(r.int(0, 5e6))} sent, ${byteSize(r.int(0, 5e7))} received, lifetime ${lifetime(r)}`),
      e('P3', 3, (r) => `error : Could not connect to proxy proxy.corp.local:${r.pick([3128, 8080])} - connection attempt failed with error ${r.pick([10060, 10061])}`),
      e('P4', 2, () => 'error : A connection request was canceled before the completion.'),
      e('P5', 2, (r) => `close, ${byteSize(r.int(0, 5e6))} sent, ${byteSize(r.int(0, 5e6))} received, lifetime ${lifetime(r)}, closed by remote host`),
      e('P6', 1, () => `open directly`),
    ],
    line: (r, i, _ev, message) => {
      const c = clock(r, i * 2);
      return `[${pad(c.mo)}.${pad(c.d)} ${hms(c)}] ${r.pick(programs)} - ${target(r)} ${message}`;
    },
  };
}

/** OpenStack compute/API service log: file name, date time.ms pid LEVEL module [req-… ids] message. */
function openstackNova(): KindSpec {
  const e = (id: string, module: string, level: string, weight: number, message: (r: Rng) => string): EventSpec => ({ id, weight, message, fields: { module, level } });
  const inst = (r: Rng) => `[instance: ${r.uuid()}]`;
  return {
    name: 'OpenStackNova', lines: 2000,
    events: [
      e('N1', 'nova.osapi_compute.wsgi.server', 'INFO', 14, (r) => `${r.ip()} "GET /v2/${r.hex(32)}/servers/detail HTTP/1.1" status: 200 len: ${r.int(1500, 2000)} time: ${(r.next()).toFixed(7)}`),
      e('N2', 'nova.osapi_compute.wsgi.server', 'INFO', 3, (r) => `${r.ip()} "POST /v2/${r.hex(32)}/os-server-external-events HTTP/1.1" status: 200 len: ${r.int(300, 400)} time: ${(r.next()).toFixed(7)}`),
      // A lifecycle state is a closed set of constant words: each state is its own event (as in Loghub's truth).
      ...['Started', 'Stopped', 'Paused', 'Resumed'].map((state, k) => e(`N3${'abcd'[k]}`, 'nova.compute.manager', 'INFO', 2, (r) => `${inst(r)} VM ${state} (Lifecycle Event)`)),
      e('N4', 'nova.compute.manager', 'INFO', 3, (r) => `${inst(r)} During sync_power_state the instance has a pending task (spawning). Skip.`),
      e('N5', 'nova.compute.claims', 'INFO', 3, (r) => `${inst(r)} Total memory: ${r.int(60000, 70000)} MB, used: ${r.int(512, 8000)}.00 MB`),
      e('N6', 'nova.compute.claims', 'INFO', 3, (r) => `${inst(r)} memory limit: ${r.int(90000, 99000)}.50 MB, free: ${r.int(80000, 98000)}.50 MB`),
      e('N7', 'nova.virt.libvirt.driver', 'INFO', 3, (r) => `${inst(r)} Creating image`),
      e('N8', 'nova.compute.manager', 'INFO', 3, (r) => `${inst(r)} Took ${(r.next() * 30).toFixed(2)} seconds to build instance.`),
      e('N9', 'nova.compute.resource_tracker', 'INFO', 3, (r) => `Final resource view: name=cp-${r.int(1, 9)}.cloud.local phys_ram=${r.int(60000, 70000)}MB used_ram=${r.int(512, 8000)}MB phys_disk=${r.int(10, 20)}GB used_disk=${r.int(0, 20)}GB total_vcpus=${r.int(8, 32)} used_vcpus=${r.int(0, 8)} pci_stats=[]`),
      // Any GET through the WSGI server is one event whatever its path (the path is a variable).
      e('N1', 'nova.metadata.wsgi.server', 'INFO', 2, (r) => `${r.ip()},${r.ip()} "GET /openstack/2013-10-17/meta_data.json HTTP/1.1" status: 200 len: ${r.int(900, 1100)} time: ${(r.next()).toFixed(7)}`),
      e('N11', 'nova.compute.manager', 'WARNING', 1, (r) => `${inst(r)} Received unexpected event network-vif-plugged-${r.uuid()} for instance`),
      e('N12', 'nova.virt.libvirt.imagecache', 'INFO', 2, (r) => `image ${r.uuid()} at (/var/lib/nova/instances/_base/${r.hex(40)}): checking`),
    ],
    line: (r, i, ev, message) => {
      const c = clock(r, i);
      const file = ev.fields!.module.includes('osapi') ? 'nova-api.log.1.2025-05-12_08:00:00' : 'nova-compute.log.1.2025-05-12_08:00:00';
      const req = ev.fields!.module.includes('resource_tracker') || ev.fields!.module.includes('imagecache') ? '[req-' + r.uuid() + ' - - - - -]' : `[req-${r.uuid()} ${r.hex(32)} ${r.hex(32)} - - -]`;
      return `${file} ${isoDate(c)} ${hms(c)}.${pad(c.ms, 3)} ${r.pick([2931, 25746, 25807])} ${ev.fields!.level} ${ev.fields!.module} ${req} ${message}`;
    },
  };
}

/** macOS system.log: Mon dd hh:mm:ss host process[pid]: message (some with a subsystem or (sender) prefix). */
function macSystemLog(): KindSpec {
  const e = (id: string, process: string, weight: number, message: (r: Rng) => string): EventSpec => ({ id, weight, message, fields: { process } });
  return {
    name: 'MacSystemLog', lines: 2000,
    events: [
      e('M1', 'kernel', 6, (r) => `ARPT: ${r.int(600000, 700000)}.${r.int(100000, 999999)}: wl0: setup_keepalive: Local IP: ${r.ip()}, Remote IP: ${r.ip()}`),
      e('M2', 'kernel', 4, (r) => `IOThunderboltSwitch<0>(0x0)::listenerCallback - Thunderbolt HPD packet for route = 0x0 port = ${r.int(1, 12)} unplug = ${r.int(0, 1)}`),
      e('M3', 'kernel', 5, (r) => `AppleCamIn::systemWakeCall - messageType = 0x${r.pick(['e0000340', 'e0000280', 'e0000320'])}`),
      e('M4', 'com.apple.CDScheduler', 4, (r) => `Thermal pressure state: ${r.int(0, 1)} Memory pressure state: ${r.int(0, 1)}`),
      e('M5', 'configd', 3, (r) => `network changed: v4(en0-:${r.ip()}) v6(en0:2607:f140:6000:8:${r.hex(4)}:${r.hex(4)}:${r.hex(4)}:${r.hex(4)}) DNS! Proxy SMB`),
      e('M6', 'symptomsd', 3, (r) => `__73-[NetworkAnalyticsEngine observeValueForKeyPath:ofObject:change:context:]_block_invoke unexpected switch value ${r.int(1, 3)}`),
      e('M7', 'com.apple.xpc.launchd', 4, (r) => `(com.apple.xpc.launchd.domain.pid.WebContent.${r.int(10000, 40000)}) Service exited with abnormal code: ${r.int(1, 9)}`),
      e('M8', 'com.apple.xpc.launchd', 3, (r) => `(com.apple.quicklook.${r.int(10000, 40000)}) Service only ran for ${r.int(0, 9)} seconds. Pushing respawn out by ${r.int(1, 10)} seconds.`),
      e('M9', 'UserEventAgent', 2, () => `Captive: CNPluginHandler en0: Inactive`),
      // Three fixed modes, one of them two words: constants, one event each.
      ...['Contacts Only', 'Everyone', 'Off'].map((mode, k) => e(`M10${'abc'[k]}`, 'sharingd', 1, (r) => `${hmsOf(r)}.${r.int(100, 999)} : Scanning mode ${mode}`)),
      e('M11', 'QQ', 2, (r) => `FA||Url||taskID[${r.int(2000000000, 2100000000)}] dealloc`),
      e('M12', 'Safari', 2, (r) => `tcp_connection_destination_perform_socket_connect ${r.int(1000, 9000)} connectx to ${r.ip()}:443@0 failed: [50] Network is down`),
    ],
    line: (r, i, ev, message) => `${syslogDate(clock(r, i * 4))} calvisitor-10-105-${r.int(160, 163)}-${r.int(2, 250)} ${ev.fields!.process}[${ev.fields!.process === 'kernel' ? 0 : r.int(30, 60000)}]: ${message}`,
  };
}
function hmsOf(r: Rng): string {
  return `${pad(r.int(0, 23))}:${pad(r.int(0, 59))}:${pad(r.int(0, 59))}`;
}

/** ZooKeeper's log4j layout: date time,ms - LEVEL  [thread:Class@line] - message. */
function zookeeperLog4j(): KindSpec {
  const e = (id: string, where: string, level: string, weight: number, message: (r: Rng) => string): EventSpec => ({ id, weight, message, fields: { where, level } });
  const peer = (r: Rng) => `/${r.ip()}:${r.int(30000, 60000)}`;
  return {
    name: 'ZooKeeper', lines: 2000,
    events: [
      e('Z1', 'NIOServerCnxnFactory@197', 'INFO', 10, (r) => `Accepted socket connection from ${peer(r)}`),
      e('Z2', 'NIOServerCnxn@1001', 'INFO', 10, (r) => `Closed socket connection for client ${peer(r)} which had sessionid 0x${r.hex(15)}`),
      e('Z3', 'ZooKeeperServer@839', 'INFO', 6, (r) => `Client attempting to establish new session at ${peer(r)}`),
      e('Z4', 'ZooKeeperServer@595', 'INFO', 6, (r) => `Established session 0x${r.hex(15)} with negotiated timeout ${r.pick([10000, 20000, 40000])} for client ${peer(r)}`),
      e('Z5', 'NIOServerCnxn@349', 'WARN', 5, () => `caught end of stream exception`),
      e('Z6', 'FastLeaderElection@774', 'INFO', 3, (r) => `Notification time out: ${r.pick([400, 800, 1600, 3200, 6400, 12800, 25600, 51200, 60000])}`),
      e('Z7', 'QuorumCnxManager@368', 'WARN', 3, (r) => `Cannot open channel to ${r.int(1, 5)} at election address /${r.ip()}:3888`),
      e('Z8', 'Learner@107', 'WARN', 2, (r) => `Got zxid 0x${r.hex(9)} expected 0x1`),
      e('Z9', 'PrepRequestProcessor@476', 'INFO', 2, (r) => `Processed session termination for sessionid: 0x${r.hex(15)}`),
      e('Z10', 'NIOServerCnxn@1001', 'INFO', 2, (r) => `Closed socket connection for client ${peer(r)} (no session established for client)`),
    ],
    line: (r, i, ev, message) => {
      const c = clock(r, i);
      const thread = ev.fields!.where.startsWith('NIO') || ev.fields!.where.startsWith('ZooKeeperServer') ? `NIOServerCxn.Factory:0.0.0.0/0.0.0.0:2181` : ev.fields!.where.startsWith('Prep') ? 'ProcessThread(sid:3 cport:-1):' : `QuorumPeer[myid=${r.int(1, 3)}]/0:0:0:0:0:0:0:0:2181`;
      return `${isoDate(c)} ${hms(c)},${pad(c.ms, 3)} - ${ev.fields!.level.padEnd(5)} [${thread}:${ev.fields!.where}] - ${message}`;
    },
  };
}

/** Spark's default log4j layout: yy/MM/dd HH:mm:ss LEVEL short.Class: message. */
function sparkLog4j(): KindSpec {
  const e = (id: string, cls: string, level: string, weight: number, message: (r: Rng) => string): EventSpec => ({ id, weight, message, fields: { cls, level } });
  return {
    name: 'Spark', lines: 2000,
    events: [
      e('S1', 'storage.BlockManager', 'INFO', 10, (r) => `Found block rdd_${r.int(1, 60)}_${r.int(0, 300)} locally`),
      e('S2', 'executor.Executor', 'INFO', 8, (r) => `Running task ${r.int(0, 300)}.0 in stage ${r.int(0, 40)}.0 (TID ${r.int(0, 9000)})`),
      e('S3', 'executor.Executor', 'INFO', 8, (r) => `Finished task ${r.int(0, 300)}.0 in stage ${r.int(0, 40)}.0 (TID ${r.int(0, 9000)}). ${r.int(900, 3000)} bytes result sent to driver`),
      e('S4', 'spark.MapOutputTrackerWorker', 'INFO', 3, (r) => `Don't have map outputs for shuffle ${r.int(0, 20)}, fetching them`),
      e('S5', 'storage.ShuffleBlockFetcherIterator', 'INFO', 4, (r) => `Getting ${r.int(1, 400)} non-empty blocks out of ${r.int(400, 800)} blocks`),
      e('S6', 'storage.ShuffleBlockFetcherIterator', 'INFO', 4, (r) => `Started ${r.int(0, 10)} remote fetches in ${r.int(0, 90)} ms`),
      e('S7', 'storage.MemoryStore', 'INFO', 4, (r) => `Block broadcast_${r.int(0, 90)} stored as values in memory (estimated size ${(r.next() * 20).toFixed(1)} KB, free ${(r.next() * 400).toFixed(1)} MB)`),
      e('S8', 'executor.CoarseGrainedExecutorBackend', 'INFO', 2, () => 'Registered signal handlers for [TERM, HUP, INT]'),
      e('S9', 'spark.SecurityManager', 'INFO', 2, (r) => `Changing view acls to: ${r.pick(USERS)}`),
      e('S10', 'spark.SecurityManager', 'INFO', 2, (r) => `Changing modify acls to: ${r.pick(USERS)}`),
      e('S11', 'broadcast.TorrentBroadcast', 'INFO', 3, (r) => `Reading broadcast variable ${r.int(0, 90)} took ${r.int(1, 90)} ms`),
      e('S12', 'executor.Executor', 'ERROR', 1, (r) => `Exception in task ${r.int(0, 300)}.0 in stage ${r.int(0, 40)}.0 (TID ${r.int(0, 9000)})`),
    ],
    line: (r, i, ev, message) => {
      const c = clock(r, i);
      return `${String(c.y).slice(2)}/${pad(c.mo)}/${pad(c.d)} ${hms(c)} ${ev.fields!.level} ${ev.fields!.cls}: ${message}`;
    },
  };
}

/** Cluster syslog archive: alert tag, epoch, date, host, syslog date, host/host, process[pid]: message. */
function clusterSyslog(): KindSpec {
  const e = (id: string, process: string, weight: number, message: (r: Rng) => string): EventSpec => ({ id, weight, message, fields: { process } });
  return {
    name: 'ClusterSyslog', lines: 2000,
    events: [
      e('T1', 'crond(pam_unix)', 8, () => 'session opened for user root by (uid=0)'),
      e('T2', 'crond(pam_unix)', 8, () => 'session closed for user root'),
      e('T3', 'crond', 6, (r) => `(root) CMD (run-parts /etc/cron.${r.pick(['hourly', 'daily', 'weekly'])})`),
      e('T4', 'sshd', 4, (r) => `Accepted publickey for ${r.pick(USERS)} from ${r.ip()} port ${r.int(30000, 65000)} ssh2`),
      e('T5', 'xinetd', 3, (r) => `START: ${r.pick(['rsync', 'tftp', 'chargen', 'daytime', 'echo', 'time', 'auth'])} pid=${r.int(1000, 30000)} from=${r.ip()}`),
      e('T6', 'xinetd', 2, (r) => `removing ${r.pick(['chargen', 'daytime', 'echo', 'time', 'discard', 'tftp'])}`),
      e('T7', 'kernel', 3, (r) => `ib_sm_sweep.c:${r.int(1000, 2000)}: No topology change`),
      e('T8', 'kernel', 2, (r) => `VFS: busy inodes on changed media ${r.pick(['sda', 'sdb', 'hdc', 'sr0'])}${r.int(1, 4)}`),
      e('T9', 'ntpd', 3, (r) => `synchronized to ${r.ip()}, stratum ${r.int(1, 4)}`),
      e('T10', 'ntpd', 2, (r) => `time reset ${r.next() < 0.5 ? '-' : '+'}${(r.next()).toFixed(6)} s`),
      e('T11', 'smartd', 2, (r) => `Device: /dev/sd${r.pick(['a', 'b', 'c'])}, SMART Usage Attribute: 194 Temperature_Celsius changed from ${r.int(30, 45)} to ${r.int(30, 45)}`),
      e('T12', 'kernel', 1, (r) => `EXT3-fs error (device sd${r.pick(['a', 'b'])}${r.int(1, 5)}): ext3_find_entry: reading directory #${r.int(2, 900000)} offset 0`),
    ],
    line: (r, i, ev, message) => {
      const c = clock(r, i * 3);
      const host = r.pick(HOSTS);
      const proc = ev.fields!.process === 'kernel' ? 'kernel' : `${ev.fields!.process}[${r.int(1000, 32000)}]`;
      const tag = ev.id === 'T12' ? 'EXT_FS' : '-';
      return `${tag} ${c.epoch} ${c.y}.${pad(c.mo)}.${pad(c.d)} ${host} ${syslogDate(c)} ${host}/${host} ${proc}: ${message}`;
    },
  };
}

/** nginx error log: yyyy/MM/dd hh:mm:ss [level] pid#tid: *conn message, client: …, server: …, request: "…". */
function nginxError(): KindSpec {
  const e = (id: string, level: string, weight: number, message: (r: Rng) => string): EventSpec => ({ id, weight, message, fields: { level } });
  const paths = ['/favicon.ico', '/robots.txt', '/wp-login.php', '/.env', '/api/v1/status', '/static/app.js', '/admin/config.php'];
  const tail = (r: Rng, p: string) => `, client: ${r.ip()}, server: ${r.pick(['shop.example.com', 'api.example.com', 'example.org'])}, request: "${r.pick(['GET', 'POST'])} ${p} HTTP/1.1", host: "${r.pick(['shop.example.com', 'api.example.com'])}"`;
  return {
    name: 'NginxError', lines: 1500,
    events: [
      e('G1', 'error', 10, (r) => { const p = r.pick(paths); return `open() "/usr/share/nginx/html${p}" failed (2: No such file or directory)${tail(r, p)}`; }),
      e('G2', 'error', 5, (r) => `upstream timed out (110: Connection timed out) while reading response header from upstream${tail(r, r.pick(paths))}, upstream: "http://127.0.0.1:${r.pick([8000, 8080, 9000])}${r.pick(paths)}"`),
      e('G3', 'error', 4, (r) => `connect() failed (111: Connection refused) while connecting to upstream${tail(r, r.pick(paths))}, upstream: "http://127.0.0.1:${r.pick([8000, 8080, 9000])}${r.pick(paths)}"`),
      e('G4', 'warn', 4, (r) => `an upstream response is buffered to a temporary file /var/cache/nginx/proxy_temp/${r.int(0, 9)}/${pad(r.int(0, 99))}/${r.int(1e9, 9e9)} while reading upstream${tail(r, r.pick(paths))}`),
      e('G5', 'info', 6, (r) => `client ${r.ip()} closed keepalive connection`),
      e('G6', 'error', 2, (r) => `limiting requests, excess: ${(r.next() * 20).toFixed(3)} by zone "perip"${tail(r, r.pick(paths))}`),
      e('G7', 'notice', 2, () => `signal process started`),
      e('G8', 'crit', 1, (r) => `SSL_do_handshake() failed (SSL: error:${r.hex(8).toUpperCase()}:SSL routines::unexpected eof while reading) while SSL handshaking, client: ${r.ip()}, server: 0.0.0.0:443`),
    ],
    line: (r, i, ev, message) => {
      const c = clock(r, i * 2);
      const pid = r.pick([1021, 1022, 1023, 1024]);
      const conn = ev.id === 'G7' ? '' : `*${r.int(1, 900000)} `;
      return `${c.y}/${pad(c.mo)}/${pad(c.d)} ${hms(c)} [${ev.fields!.level}] ${pid}#${pid}: ${conn}${message}`;
    },
  };
}

/** PostgreSQL with log_line_prefix '%m [%p] %q%u@%d ': time zone, pid, user@db on session lines, LEVEL:  message. */
function postgres(): KindSpec {
  const e = (id: string, level: string, session: boolean, weight: number, message: (r: Rng) => string): EventSpec => ({ id, weight, message, fields: { level, session: session ? 'y' : '' } });
  const tables = ['orders', 'customers', 'invoices', 'line_items', 'audit_log', 'sessions', 'products'];
  return {
    name: 'PostgreSQL', lines: 2000,
    events: [
      e('Q1', 'LOG', false, 6, () => 'checkpoint starting: time'),
      e('Q2', 'LOG', false, 6, (r) => `checkpoint complete: wrote ${r.int(1, 9000)} buffers (${(r.next() * 10).toFixed(1)}%); 0 WAL file(s) added, ${r.int(0, 3)} removed, ${r.int(0, 3)} recycled; write=${(r.next() * 300).toFixed(3)} s, sync=${(r.next()).toFixed(3)} s, total=${(r.next() * 300).toFixed(3)} s`),
      e('Q3', 'LOG', true, 8, (r) => `duration: ${(r.next() * 5000).toFixed(3)} ms  statement: SELECT * FROM ${r.pick(tables)} WHERE id = ${r.int(1, 99999)}`),
      e('Q4', 'ERROR', true, 4, (r) => `relation "${r.pick(tables)}_${r.pick(['old', 'tmp', 'bak', 'v2'])}" does not exist at character ${r.int(10, 90)}`),
      e('Q5', 'ERROR', true, 3, (r) => `duplicate key value violates unique constraint "${r.pick(tables)}_pkey"`),
      e('Q6', 'FATAL', true, 3, (r) => `password authentication failed for user "${r.pick(USERS)}"`),
      e('Q7', 'LOG', false, 5, (r) => `automatic vacuum of table "app.public.${r.pick(tables)}": index scans: ${r.int(0, 2)}`),
      e('Q8', 'LOG', false, 5, (r) => `automatic analyze of table "app.public.${r.pick(tables)}"`),
      e('Q9', 'LOG', true, 3, (r) => `connection authorized: user=${r.pick(USERS)} database=${r.pick(['app', 'reports', 'postgres'])} application_name=${r.pick(['psql', 'pgAdmin', 'rails'])}`),
      e('Q10', 'WARNING', false, 2, (r) => `could not write block ${r.int(1, 900000)} of temporary file: No space left on device`),
      e('Q11', 'LOG', true, 3, (r) => `disconnection: session time: ${r.int(0, 9)}:${pad(r.int(0, 59))}:${pad(r.int(0, 59))}.${r.int(100, 999)} user=${r.pick(USERS)} database=${r.pick(['app', 'reports', 'postgres'])} host=${r.ip()} port=${r.int(30000, 65000)}`),
      e('Q12', 'ERROR', true, 2, () => 'canceling statement due to statement timeout'),
    ],
    line: (r, i, ev, message) => {
      const c = clock(r, i * 2);
      const who = ev.fields!.session ? `${r.pick(USERS)}@${r.pick(['app', 'reports', 'postgres'])} ` : '';
      return `${isoDate(c)} ${hms(c)}.${pad(c.ms, 3)} UTC [${r.int(1000, 60000)}] ${who}${ev.fields!.level}:  ${message}`;
    },
  };
}

/** Kubernetes klog: Lmmdd hh:mm:ss.us threadid file.go:line] message (often with key="value" pairs). */
function kubernetesKlog(): KindSpec {
  const e = (id: string, where: string, level: string, weight: number, message: (r: Rng) => string): EventSpec => ({ id, weight, message, fields: { where, level } });
  const pod = (r: Rng) => `"${r.pick(['default', 'kube-system', 'shop', 'monitoring'])}/${r.pick(['web', 'api', 'worker', 'redis', 'coredns'])}-${r.hex(10)}-${r.hex(5)}"`;
  return {
    name: 'Kubelet', lines: 2000,
    events: [
      e('K1', 'reflector.go:255', 'I', 6, (r) => `Listing and watching *v1.${r.pick(['Pod', 'Node', 'Service', 'Endpoints'])} from k8s.io/client-go/informers/factory.go:${r.int(100, 150)}`),
      e('K2', 'kubelet.go:2130', 'I', 8, (r) => `"SyncLoop (PLEG): event for pod" pod=${pod(r)} event={ID:${r.uuid()} Type:ContainerStarted Data:${r.hex(64)}}`),
      e('K3', 'pod_workers.go:965', 'E', 4, (r) => `"Error syncing pod, skipping" err="failed to \\"StartContainer\\" for \\"app\\" with CrashLoopBackOff: \\"back-off ${r.pick(['10s', '20s', '40s', '1m20s', '2m40s', '5m0s'])} restarting failed container\\"" pod=${pod(r)} podUID=${r.uuid()}`),
      e('K4', 'prober.go:116', 'I', 5, (r) => `"Probe failed" probeType="${r.pick(['Readiness', 'Liveness'])}" pod=${pod(r)} podUID=${r.uuid()} containerName="app" probeResult=failure output="Get \\"http://${r.ip()}:8080/healthz\\": dial tcp ${r.ip()}:8080: connect: connection refused"`),
      e('K5', 'kuberuntime_manager.go:1000', 'I', 3, (r) => `"Message for Container of pod" containerName="app" containerStatusID={Type:containerd ID:${r.hex(64)}} pod=${pod(r)} containerMessage="Container app failed liveness probe, will be restarted"`),
      e('K6', 'eviction_manager.go:349', 'W', 2, (r) => `"Eviction manager: attempting to reclaim" resourceName="${r.pick(['memory', 'ephemeral-storage'])}"`),
      e('K7', 'image_gc_manager.go:310', 'I', 2, (r) => `"Disk usage on image filesystem is over the high threshold, trying to free bytes down to the low threshold" usage=${r.int(85, 99)} highThreshold=85 amountToFree=${r.int(1e8, 9e9)} lowThreshold=80`),
      e('K8', 'volume_manager.go:446', 'I', 3, (r) => `"Waiting for volumes to attach and mount for pod" pod=${pod(r)}`),
      e('K9', 'log.go:194', 'E', 2, (r) => `"Unhandled Error" err="pod ${pod(r)} not found"`),
    ],
    line: (r, i, ev, message) => {
      const c = clock(r, i);
      return `${ev.fields!.level}${pad(c.mo)}${pad(c.d)} ${hms(c)}.${pad(c.ms * 1000 + r.int(0, 999), 6)} ${String(r.int(1, 99999)).padStart(7)} ${ev.fields!.where}] ${message}`;
    },
  };
}

export const OUTSIDER_KINDS: (() => KindSpec)[] = [
  rasCluster, blueGeneRas, windowsCbs, healthApp, proxyConnections, openstackNova, macSystemLog, zookeeperLog4j, sparkLog4j,
  clusterSyslog, nginxError, postgres, kubernetesKlog,
];

/** Draws an event by weight. */
function drawEvent(r: Rng, events: EventSpec[], total: number): EventSpec {
  let x = r.next() * total;
  for (const event of events) if ((x -= event.weight) < 0) return event;
  return events[events.length - 1];
}

/** One file of a kind, seeded: `lines` lines, each with the event it was made from. */
export function generateKind(make: () => KindSpec, seed = 13): OutsiderLog {
  const spec = make();
  const r = new Rng(seed ^ spec.name.length * 2654435761);
  const total = spec.events.reduce((sum, e) => sum + e.weight, 0);
  const lines: string[] = [];
  const events: string[] = [];
  for (let i = 0; i < spec.lines; i++) {
    const event = drawEvent(r, spec.events, total);
    lines.push(spec.line(r, i, event, event.message(r)));
    events.push(event.id);
  }
  return { kind: spec.name, lines, events };
}

export function generateAll(seed = 13): OutsiderLog[] {
  return OUTSIDER_KINDS.map((make) => generateKind(make, seed));
}

/** Writes each file as `<dir>/<Kind>/<Kind>.log` with `<Kind>.log_structured.csv` (LineId,EventId), eval-loghub's layout. */
export function writeOutsiderLogs(dir: string, logs: OutsiderLog[]): void {
  for (const log of logs) {
    const folder = join(dir, log.kind);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `${log.kind}.log`), `${log.lines.join('\n')}\n`);
    writeFileSync(join(folder, `${log.kind}.log_structured.csv`), `LineId,EventId\n${log.events.map((e, i) => `${i + 1},${e}`).join('\n')}\n`);
  }
}

/** GA of one kind through the built server's log_patterns, with the events it got wrong and the templates they got. */
export interface OutsiderScore {
  kind: string;
  lines: number;
  groupingAccuracy: number;
  templates: number;
  truthEvents: number;
  format: string;
  /** Per wrongly grouped event: its id and the templates its lines fell into (or shared with other events). */
  wrong: { event: string; templates: string[] }[];
}

/** Measures every kind written in `dir` by writeOutsiderLogs through log_patterns (lineNumbers on), one server for all. */
export async function scoreThroughTool(dir: string, logs: OutsiderLog[]): Promise<OutsiderScore[]> {
  const scores: OutsiderScore[] = [];
  for (const log of logs) {
    const client = await startLogsServer(join(dir, log.kind), 'outsider-eval');
    try {
      const answer = await callJson<{ templates: { id: number; template: string; lineNumbers?: number[] }[]; templateCount: number; format: { id: string } }>(client, 'log_patterns', { file: `${log.kind}.log`, lineNumbers: true, limit: 500 });
      const predicted: (number | undefined)[] = new Array(log.lines.length).fill(undefined);
      const text = new Map<number, string>();
      for (const t of answer.templates) {
        text.set(t.id, t.template);
        for (const n of t.lineNumbers ?? []) predicted[n - 1] = t.id;
      }
      scores.push({
        kind: log.kind, lines: log.lines.length, groupingAccuracy: groupingAccuracy(predicted, log.events), templates: answer.templateCount,
        truthEvents: new Set(log.events).size, format: answer.format.id, wrong: wrongEvents(predicted, log.events, text),
      });
    } finally {
      await client.close();
    }
  }
  return scores;
}

/** Events whose lines are not exactly one predicted group, with (up to 4 of) the templates those lines got. */
function wrongEvents(predicted: (number | undefined)[], truth: string[], text: Map<number, string>): OutsiderScore['wrong'] {
  const byEvent = new Map<string, Set<number | undefined>>();
  const byGroup = new Map<number | undefined, Set<string>>();
  truth.forEach((event, i) => {
    (byEvent.get(event) ?? byEvent.set(event, new Set()).get(event)!).add(predicted[i]);
    (byGroup.get(predicted[i]) ?? byGroup.set(predicted[i], new Set()).get(predicted[i])!).add(event);
  });
  const wrong: OutsiderScore['wrong'] = [];
  for (const [event, groups] of byEvent) {
    const ok = groups.size === 1 && ![...groups].some((g) => g === undefined || byGroup.get(g)!.size > 1);
    if (!ok) wrong.push({ event, templates: [...groups].slice(0, 4).map((g) => (g === undefined ? '(no template)' : `${text.get(g)}${byGroup.get(g)!.size > 1 ? ` [shared with ${[...byGroup.get(g)!].filter((e) => e !== event).join(',')}]` : ''}`)) });
  }
  return wrong;
}

export function formatScores(scores: OutsiderScore[], verbose = false): string {
  const rows = scores.map((s) => `| ${s.kind.padEnd(16)} | ${String(s.lines).padStart(5)} | ${s.format.padEnd(14)} | ${s.groupingAccuracy.toFixed(3)} | ${String(s.templates).padStart(4)} (${s.truthEvents}) |`);
  const mean = scores.reduce((sum, s) => sum + s.groupingAccuracy, 0) / Math.max(1, scores.length);
  const table = ['| kind             | lines | format         | GA    | templates (truth) |', '|---|---|---|---|---|', ...rows, `| mean             |       |                | ${mean.toFixed(3)} |      |`].join('\n');
  if (!verbose) return table;
  const details = scores.flatMap((s) => s.wrong.map((w) => `${s.kind} ${w.event}:\n${w.templates.map((t) => `    ${t}`).join('\n')}`));
  return `${table}\n\n${details.join('\n')}`;
}

async function main(): Promise<void> {
  const dir = resolve(process.argv[2] ?? '/tmp/outsider-logs');
  const logs = generateAll(Number(process.env.SEED ?? 13));
  writeOutsiderLogs(dir, logs);
  process.stdout.write(`${formatScores(await scoreThroughTool(dir, logs), true)}\n`);
}

if (require.main === module) runMain(main);
