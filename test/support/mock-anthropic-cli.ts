// Runs the mock Anthropic API on its own: `node --import tsx test/support/mock-anthropic-cli.ts --script turns.json [--port N]`.
// Prints the base URL as the first line of stdout; POST /__mock/enqueue adds turns, GET /__mock/requests lists what arrived.
import { readFileSync } from 'node:fs';
import { startMockAnthropic, type MockTurn } from './mock-anthropic';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const script = arg('--script');
  let turns: MockTurn[] = [];
  if (script) {
    const parsed: unknown = JSON.parse(readFileSync(script, 'utf8'));
    if (!Array.isArray(parsed)) throw new Error(`${script}: expected a JSON array of turns`);
    turns = parsed as MockTurn[];
  }
  const port = arg('--port');
  const mock = await startMockAnthropic({ turns, port: port ? Number(port) : undefined });
  process.stdout.write(`${mock.url}\n`);
  const stop = () => void mock.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error) => {
  process.stderr.write(`mock-anthropic: ${(error as Error).message}\n`);
  process.exit(1);
});
