// A small stdio MCP server for supervisor tests: configurable tool names (for collisions),
// many tools with paged listing, list_changed, slow calls with progress, crashes and hangs.
// Env: TOOL_NAMES (comma list), EXTRA_TOOLS (count), PAGE_SIZE, FAIL_AT_START=1.
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { CallToolRequestSchema, ListToolsRequestSchema, type Tool } from '@modelcontextprotocol/sdk/types.js';

if (process.env.FAIL_AT_START === '1') {
  process.stderr.write('tiny: refusing to start (FAIL_AT_START)\n');
  process.exit(3);
}

const names = (process.env.TOOL_NAMES ?? 'echo,slow,sleep,crash,block,add_tool,env,fail,big,late_progress').split(',').filter(Boolean);
for (let i = 0; i < Number(process.env.EXTRA_TOOLS ?? 0); i++) names.push(`tool_${i}`);
const pageSize = Number(process.env.PAGE_SIZE ?? 0) || Number.MAX_SAFE_INTEGER;

const tool = (name: string): Tool => ({
  name,
  description: `tiny ${name}`,
  inputSchema: { type: 'object', properties: { ms: { type: 'number' }, name: { type: 'string' }, text: { type: 'string' } } },
});
let tools = names.map(tool);

const server = new Server({ name: 'tiny', version: '0.0.0' }, { capabilities: { tools: { listChanged: true } } });

server.setRequestHandler(ListToolsRequestSchema, async (request) => {
  const start = Number(request.params?.cursor ?? 0);
  const page = tools.slice(start, start + pageSize);
  const next = start + pageSize < tools.length ? String(start + pageSize) : undefined;
  return { tools: page, ...(next ? { nextCursor: next } : {}) };
});

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new Error('aborted'));
    });
  });

server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
  const args = (request.params.arguments ?? {}) as { ms?: number; name?: string; text?: string };
  const base = request.params.name.replace(/^.*__/, '');
  switch (base) {
    case 'slow': {
      const total = args.ms ?? 1000;
      const token = request.params._meta?.progressToken;
      const step = 100;
      for (let done = 0; done < total; done += step) {
        await sleep(Math.min(step, total - done), extra.signal);
        if (token !== undefined) await extra.sendNotification({ method: 'notifications/progress', params: { progressToken: token, progress: done + step, total } });
      }
      process.stderr.write(`tiny: slow finished after ${total} ms\n`);
      return { content: [{ type: 'text', text: `slept ${total}` }] };
    }
    case 'late_progress': {
      // Progress just before the answer and just after it: a real server's last progress and its result leave together.
      const token = request.params._meta?.progressToken;
      if (token !== undefined) {
        void extra.sendNotification({ method: 'notifications/progress', params: { progressToken: token, progress: 1, total: 2 } });
        setTimeout(() => void extra.sendNotification({ method: 'notifications/progress', params: { progressToken: token, progress: 2, total: 2 } }), 20);
      }
      return { content: [{ type: 'text', text: 'answered' }] };
    }
    case 'sleep':
      await sleep(args.ms ?? 1000, extra.signal);
      return { content: [{ type: 'text', text: `slept quietly ${args.ms ?? 1000}` }] };
    case 'crash':
      process.stderr.write('tiny: crashing on purpose\n');
      process.exit(7);
      break;
    case 'block': {
      const until = Date.now() + (args.ms ?? 5000);
      while (Date.now() < until) {
        // busy: the event loop cannot answer pings
      }
      return { content: [{ type: 'text', text: 'unblocked' }] };
    }
    case 'add_tool':
      tools = [...tools, tool(args.name ?? 'added')];
      await server.sendToolListChanged();
      return { content: [{ type: 'text', text: `added ${args.name ?? 'added'}` }] };
    case 'env':
      return { content: [{ type: 'text', text: JSON.stringify(Object.keys(process.env).sort()) }] };
    case 'fail':
      return { isError: true, content: [{ type: 'text', text: 'tiny: failed on purpose' }] };
    case 'big':
      return { content: [{ type: 'text', text: 'x'.repeat(args.ms ?? 50_000) }] };
    default:
      return { content: [{ type: 'text', text: JSON.stringify({ tool: request.params.name, args, pid: process.pid }) }] };
  }
});

// No top-level await: this file also runs as CommonJS under tsx (extension-host test of the servers setting).
server
  .connect(new StdioServerTransport())
  .then(() => process.stderr.write(`tiny: ready with ${tools.length} tools\n`))
  .catch((error: Error) => {
    process.stderr.write(`tiny: ${error.message}\n`);
    process.exit(1);
  });
