// The agent's small pure parts: history repair and trimming, result budget, call keys, pricing,
// prompt date/time zone, error mapping and the API key lookup.
import { APIConnectionError, APIError, InternalServerError, NotFoundError, PermissionDeniedError } from '@anthropic-ai/sdk';
import assert from 'node:assert/strict';
import { API_KEY_SECRET, readApiKey, strayKeyCharacter, validateApiKeyInput } from '../../src/agent/api-key';
import { effectiveBaseUrl } from '../../src/agent/client';
import { mapWithLimit } from '../../src/agent/concurrency';
import { isRateLimit, mapApiError, shownBaseUrl, windowOverflow, withoutSecrets } from '../../src/agent/errors';
import { appendUserText, fitMessages, repairMessages, trimMessages, type MessageParam } from '../../src/agent/history';
import { estimateCostUsd, priceFor } from '../../src/agent/pricing';
import { buildSystemPrompt, offersFleet, utcOffset } from '../../src/agent/prompt';
import { toAnthropicTools, withAnthropicToolIds } from '../../src/agent/anthropic-model';
import { maskSecrets } from '../../src/agent/secrets';
import { applyResultBudget, callKey, invalidInputMessage, maskToolResult, toModelTools, toolInput } from '../../src/agent/tool-bridge';

const toolUse = (id: string): MessageParam => ({ role: 'assistant', content: [{ type: 'tool_use', id, name: 'git_log', input: {} }] });

describe('agent parts', () => {
  it('repairMessages answers dangling tool_use blocks and drops a leading assistant turn', () => {
    const repaired = repairMessages([{ role: 'assistant', content: 'stray' }, { role: 'user', content: 'q' }, toolUse('a'), { role: 'user', content: 'next question' }, toolUse('b')]);
    assert.equal(repaired[0].role, 'user');
    assert.deepEqual(
      repaired.map((m) => m.role),
      ['user', 'assistant', 'user', 'assistant', 'user'],
    );
    const firstAnswer = repaired[2].content as Array<{ type: string; tool_use_id?: string; text?: string }>;
    assert.deepEqual(firstAnswer.map((b) => b.type), ['tool_result', 'text'], 'tool_result first, then the question');
    assert.equal(firstAnswer[0].tool_use_id, 'a');
    assert.equal((repaired[4].content as Array<{ tool_use_id: string }>)[0].tool_use_id, 'b');
    // Already consistent histories are left alone.
    const fine: MessageParam[] = [{ role: 'user', content: 'q' }, toolUse('c'), { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'c', content: 'ok' }] }];
    assert.deepEqual(repairMessages(fine), fine);
  });

  // break17 #8: an earlier version kept {"role":"user","content":[]} after a tool_use stop without tool calls; the API
  // refuses every request holding it, so a stored conversation with one drops it and joins the answers around it.
  it('repairMessages drops an empty message kept by an earlier version and joins the answers around it', () => {
    const stored: MessageParam[] = [
      { role: 'user', content: 'q' },
      { role: 'assistant', content: [{ type: 'text', text: 'Let me check.' }] },
      { role: 'user', content: [] },
      { role: 'assistant', content: [{ type: 'text', text: 'done' }] },
      { role: 'user', content: 'next' },
    ];
    assert.deepEqual(repairMessages(stored), [
      { role: 'user', content: 'q' },
      { role: 'assistant', content: [{ type: 'text', text: 'Let me check.' }, { type: 'text', text: 'done' }] },
      { role: 'user', content: 'next' },
    ]);
  });

  // break17 #7: one answer of many tool rounds could not be cut by trimMessages and outgrew the budget.
  it('fitMessages shortens the older tool results of one answer, oldest first, and leaves a fitted history as it is', () => {
    const round = (id: string, chars: number): MessageParam[] => [toolUse(id), { role: 'user', content: [{ type: 'tool_result', tool_use_id: id, content: 'y'.repeat(chars) }] }];
    const answer: MessageParam[] = [{ role: 'user', content: 'q' }, ...round('a', 10_000), ...round('b', 10_000), ...round('c', 10_000)];
    const fitted = fitMessages(answer, 25_000);
    assert.ok(JSON.stringify(fitted).length <= 25_000);
    const bodies = fitted.filter((m) => m.role === 'user' && Array.isArray(m.content)).map((m) => (m.content as Array<{ content: string }>)[0].content);
    assert.match(bodies[0], /^y{2000}\n\[shortened by DevOps Assistant .*2000 of 10000 characters kept/);
    assert.equal(bodies[2], 'y'.repeat(10_000), 'the newest round is whole');
    assert.deepEqual(fitMessages(fitted, 25_000), fitted, 'a fitted history is not shortened again');
    assert.equal(fitMessages(answer, 1_000_000), answer);
  });

  it('appendUserText merges into a trailing user turn', () => {
    assert.deepEqual(appendUserText([], 'a'), [{ role: 'user', content: 'a' }]);
    const merged = appendUserText([{ role: 'user', content: 'a' }], 'b');
    assert.equal(merged.length, 1);
    assert.deepEqual(merged[0].content, [{ type: 'text', text: 'a' }, { type: 'text', text: 'b' }]);
  });

  it('trimMessages drops the oldest exchanges, cutting only before a plain question', () => {
    const big = 'x'.repeat(1000);
    const messages: MessageParam[] = [
      { role: 'user', content: `old ${big}` },
      toolUse('t1'),
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't1', content: big }] },
      { role: 'assistant', content: big },
      { role: 'user', content: 'new question' },
      { role: 'assistant', content: 'answer' },
    ];
    const trimmed = trimMessages(messages, 500);
    assert.equal(trimmed[0].content, 'new question');
    assert.deepEqual(trimMessages(messages, 1_000_000), messages);
  });

  it('applyResultBudget keeps small results whole and shares the round budget', () => {
    const [a, b, c] = applyResultBudget(['s'.repeat(100), 'm'.repeat(5000), 'l'.repeat(9000)], { perResult: 6000, perRound: 6000 });
    assert.equal(a, 's'.repeat(100));
    assert.ok(b.startsWith('m'.repeat(2950)) && b.includes('truncated'));
    assert.match(c, /showing 2950 of 9000 characters/);
  });

  // break15: a cut inside an emoji left half a surrogate pair; the API refuses such a request (400 "no low surrogate
  // in string"), and every later one, since the result stays in the conversation.
  it('applyResultBudget cuts only between whole characters', () => {
    const loneHalf = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
    for (let offset = 0; offset < 14; offset++) {
      const text = `${'x'.repeat(offset)}${'🚀 deployed ✅ '.repeat(800)}`;
      const [cut] = applyResultBudget([text], { perResult: 1001, perRound: 1001 });
      assert.ok(cut.length < text.length && cut.includes('truncated'));
      assert.ok(!loneHalf.test(cut), `offset ${offset}: ${JSON.stringify(cut.slice(990, 1010))}`);
    }
    assert.ok(!loneHalf.test(invalidInputMessage('t', `${'a'.repeat(199)}🚀`)));
  });

  // break39: a JSON result cut as text lost every field after its main list (returned, truncated, nextCursor, since,
  // note): the model saw part of today's commits and not how many there were, nor which window was read.
  it('applyResultBudget cuts a JSON result inside: whole JSON, the fields after the list kept, the cut said first', () => {
    const whole = {
      ref: 'HEAD',
      commits: Array.from({ length: 60 }, (_, i) => ({ hash: `${i}`.padStart(40, 'a'), subject: `배포 ${i} 🚀` })),
      returned: 60,
      truncated: true,
      nextCursor: 'cursor-after-60',
      since: '2026-12-04T00:00:00.000+09:00',
      note: 'since/until select by committer date',
    };
    const [cut] = applyResultBudget([JSON.stringify(whole)], { perResult: 2000, perRound: 2000 });
    assert.ok(cut.length <= 2000, `${cut.length}`);
    const data = JSON.parse(cut);
    assert.deepEqual(Object.keys(data), ['truncatedByAssistant', ...Object.keys(whole)]);
    assert.ok(data.commits.length > 5 && data.commits.length < 60);
    assert.deepEqual(data.commits, whole.commits.slice(0, data.commits.length));
    for (const key of ['returned', 'truncated', 'nextCursor', 'since', 'note'] as const) assert.deepEqual(data[key], whole[key], key);
    assert.match(data.truncatedByAssistant, new RegExp(`^\\[truncated by DevOps Assistant: showing ${cut.length} of ${JSON.stringify(whole).length} characters\\]`));
    assert.match(data.truncatedByAssistant, new RegExp(`first ${data.commits.length} of the 60 items of "commits".*skip them`));
  });

  it('applyResultBudget: a long string field is cut on whole characters; text, arrays and JSON that cannot fit are cut as text', () => {
    const show = { hash: 'a'.repeat(40), patch: `${'+배포 🚀\n'.repeat(3000)}`, patchTruncated: false, note: 'after the patch' };
    const [cut] = applyResultBudget([JSON.stringify(show)], { perResult: 3000, perRound: 3000 });
    const data = JSON.parse(cut);
    assert.ok(show.patch.startsWith(data.patch) && data.patch.length > 2000, `${data.patch.length}`);
    assert.equal(data.note, 'after the patch');
    assert.match(data.truncatedByAssistant, /characters of "patch"/);
    for (const text of ['x'.repeat(5000), JSON.stringify(Array(800).fill('item')), JSON.stringify({ a: 'x'.repeat(5000), b: 'y'.repeat(5000) }).slice(0, -1)]) {
      const [asText] = applyResultBudget([text], { perResult: 1000, perRound: 1000 });
      assert.match(asText, /\n\[truncated by DevOps Assistant: showing 1000 of \d+ characters/);
    }
    const [tooSmall] = applyResultBudget([JSON.stringify({ list: Array(500).fill('x'), other: 'o'.repeat(900) })], { perResult: 300, perRound: 300 });
    assert.match(tooSmall, /\n\[truncated by DevOps Assistant: showing 300 of \d+ characters/);
  });

  it('callKey ignores object key order', () => {
    assert.equal(callKey('t', { a: 1, b: { c: 2, d: [1, 2] } }), callKey('t', { b: { d: [1, 2], c: 2 }, a: 1 }));
    assert.notEqual(callKey('t', { a: 1 }), callKey('t', { a: 2 }));
  });

  it('tool arguments: only a JSON object is run; anything else is named in the answer to the model', () => {
    assert.deepEqual(toolInput({ count: 5 }), { count: 5 });
    assert.deepEqual(toolInput({}), {});
    for (const bad of ['{"count": 5', [1], null, undefined, 3]) assert.equal(toolInput(bad), undefined, JSON.stringify(bad));
    assert.match(invalidInputMessage('git_log', 'count=5'), /^Not run: the arguments of git_log are not a JSON object \(got text "count=5"\)/);
    // break17 #10: an object whose JSON was cut off is named as cut, not run with the fields that survived
    assert.match(invalidInputMessage('git_log', '{"count": 5, "path": "src/a'), /^Not run: the arguments of git_log arrived cut off \(their JSON ends before it is complete: "\{\\"count\\": 5, \\"path\\": \\"src\/a"\)/);
    assert.match(invalidInputMessage('git_log', [1]), /got an array/);
  });

  it('tool schemas: object input, cache breakpoint on the last tool only', () => {
    const tools = toAnthropicTools(
      toModelTools([
        { server: 's', name: 'a', qualifiedName: 'a', inputSchema: { properties: {} } },
        { server: 's', name: 'b', qualifiedName: 'b', description: 'B', inputSchema: { type: 'object' } },
      ]),
    );
    assert.equal(tools[0].input_schema.type, 'object');
    assert.equal(tools[0].cache_control, undefined);
    assert.deepEqual(tools[1].cache_control, { type: 'ephemeral' });
    assert.deepEqual(toAnthropicTools([]), []);
  });

  it('tool ids from another provider are made acceptable to the Messages API, still pairing up', () => {
    const messages: MessageParam[] = [
      { role: 'user', content: 'q' },
      { role: 'assistant', content: [{ type: 'tool_use', id: 'call.1/a', name: 'git_log', input: {} }] },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'call.1/a', content: 'r' }] },
    ];
    const fixed = withAnthropicToolIds(messages);
    assert.deepEqual(fixed[1].content, [{ type: 'tool_use', id: 'call_1_a', name: 'git_log', input: {} }]);
    assert.deepEqual(fixed[2].content, [{ type: 'tool_result', tool_use_id: 'call_1_a', content: 'r' }]);
    assert.equal(withAnthropicToolIds([messages[0]])[0], messages[0], 'valid messages are passed as they are');
  });

  it('prices known model families and leaves others unknown', () => {
    assert.deepEqual(priceFor('claude-sonnet-4-5-20250929'), { input: 3, output: 15 });
    assert.deepEqual(priceFor('claude-sonnet-4-6'), { input: 3, output: 15 });
    assert.deepEqual(priceFor('claude-opus-4-1'), { input: 15, output: 75 });
    assert.deepEqual(priceFor('claude-haiku-4-5'), { input: 1, output: 5 });
    assert.equal(priceFor('claude-sonnet-9'), undefined);
    assert.equal(estimateCostUsd('claude-sonnet-4-5', { inputTokens: 1_000_000, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 1_000_000 }), 3 + 3.75);
  });

  it('the prompt carries the local date and UTC offset', () => {
    const now = new Date('2026-11-24T20:30:00Z'); // already the 25th in Seoul
    assert.equal(utcOffset(now, 'Asia/Seoul'), '+09:00');
    assert.equal(utcOffset(now, 'UTC'), '+00:00');
    const prompt = buildSystemPrompt({ now, timeZone: 'Asia/Seoul', thresholds: { cpu: 75, memory: 90, disk: 90 }, workspaceFolders: ['/w/app'] });
    assert.match(prompt, /Today is 2026-11-25 \(Wednesday\)/);
    assert.match(prompt, /since 2026-11-25T00:00:00\+09:00/);
    // leftovers28: "last week" / 지난주 is the calendar week before this one (Monday 16 to Sunday 22), as the tools read it.
    assert.match(prompt, /this week \(이번 주\) began 2026-11-23; "last week" \(지난주\) is the calendar week before it, 2026-11-16 to 2026-11-22 \(since 2026-11-16, until 2026-11-22\), not the last 7 days/);
    const sunday = buildSystemPrompt({ now: new Date('2026-11-29T14:00:00Z'), timeZone: 'Asia/Seoul', thresholds: { cpu: 75, memory: 90, disk: 90 }, workspaceFolders: [] });
    assert.match(sunday, /Today is 2026-11-29 \(Sunday\).*\n.*this week \(이번 주\) began 2026-11-23/);
    const monday = buildSystemPrompt({ now: new Date('2026-11-29T16:00:00Z'), timeZone: 'Asia/Seoul', thresholds: { cpu: 75, memory: 90, disk: 90 }, workspaceFolders: [] });
    assert.match(monday, /Today is 2026-11-30 \(Monday\).*\n.*this week \(이번 주\) began 2026-11-30; "last week" \(지난주\) is the calendar week before it, 2026-11-23 to 2026-11-29/);
    assert.match(prompt, /above 75 %/);
    assert.match(prompt, /Korean/);
    assert.doesNotMatch(prompt, /Unavailable/);
    const restricted = buildSystemPrompt({ now, timeZone: 'UTC', thresholds: { cpu: 80, memory: 90, disk: 90 }, workspaceFolders: [], unavailableServers: [{ name: 'git', reason: 'Not started in Restricted Mode: trust this workspace to enable it.' }] });
    assert.match(restricted, /Unavailable tool servers right now: git \(Not started in Restricted Mode/);
  });

  it('the prompt sends resource questions to the fleet only when the fleet tools are offered', () => {
    const base = { now: new Date('2026-11-24T20:30:00Z'), timeZone: 'UTC', thresholds: { cpu: 80, memory: 90, disk: 90 }, workspaceFolders: [] };
    assert.doesNotMatch(buildSystemPrompt(base), /Prometheus/);
    assert.match(buildSystemPrompt({ ...base, fleet: true }), /Fleet tools read every host Prometheus scrapes.*say which host/);
    assert.equal(offersFleet([{ server: 'system', name: 'get_disk_usage' }, { server: 'logs', name: 'fleet_overview' }]), false);
    assert.equal(offersFleet([{ server: 'system', name: 'get_disk_usage' }, { server: 'system', name: 'fleet_overview' }]), true);
  });

  it('maps API errors to actionable messages', () => {
    const ctx = { baseURL: 'https://gw.example', model: 'claude-x' };
    const headers = new Headers();
    assert.match(mapApiError(new NotFoundError(404, { error: { message: 'model: claude-x' } }, 'nf', headers), ctx).message, /"claude-x" was not found/);
    assert.equal(mapApiError(new PermissionDeniedError(403, undefined, 'no', headers), ctx).action?.command, 'devopsAssistant.setApiKey');
    assert.match(mapApiError(new InternalServerError(500, undefined, 'boom', headers), ctx).message, /internal error \(500\)/);
    assert.match(mapApiError(APIError.generate(529, { error: { type: 'overloaded_error' } }, 'Overloaded', headers), ctx).message, /overloaded/);
    assert.match(mapApiError(new APIConnectionError({ message: 'Connection error.' }), ctx).message, /Cannot reach the Anthropic API at https:\/\/gw\.example/);
    assert.match(mapApiError(new Error('boom'), ctx).message, /Something went wrong/);
  });

  // Each provider words "over the model's window" its own way; read as a quota or a generic failure, the answer
  // ended with every round's work lost instead of being sent again smaller.
  it('reads a request over the model window in each provider\'s wording, with the share that fits', () => {
    assert.deepEqual(windowOverflow('prompt is too long: 250000 tokens > 200000 maximum'), { fitRatio: 0.8 });
    assert.deepEqual(windowOverflow('Request Failed: 400 {"error":{"message":"prompt token count of 160000 exceeds the limit of 128000","code":"model_max_prompt_tokens_exceeded"}}'), { fitRatio: 0.8 });
    assert.deepEqual(windowOverflow('Message exceeds token limit.'), {});
    assert.deepEqual(
      windowOverflow("This model's maximum context length is 128000 tokens. However, your messages resulted in 160000 tokens. Please reduce the length of the messages."),
      { fitRatio: 0.8 },
    );
    // Neighbours that are not the window: a rate limit in tokens per minute, an output cap, another 400.
    assert.equal(windowOverflow('Rate limit reached for requests: tokens per min (TPM): Limit 30000, Used 29000'), undefined);
    assert.equal(windowOverflow('max_tokens: 100000 > 64000, which is the maximum allowed number of output tokens'), undefined);
    assert.deepEqual(windowOverflow('The input token count (1250000) exceeds the maximum number of tokens allowed (1000000).'), { fitRatio: 0.8 });
    // break19: limits on tokens over time are waited out, not shortened away.
    assert.equal(windowOverflow('Too many tokens per minute, please wait'), undefined);
    assert.equal(windowOverflow('Request exceeds the token limit for this minute'), undefined);
    assert.equal(windowOverflow('messages: roles must alternate between "user" and "assistant"'), undefined);
  });

  // One reader for "wait, then ask again" serves both the Anthropic path and a VS Code model's refusal: a VS Code model
  // saying "tokens per minute" was shown as a generic failure while the same words from Anthropic were a rate limit.
  it('reads a limit over time in each provider\'s wording, and nothing else, as a rate limit', () => {
    for (const text of [
      'Too many tokens per minute, please wait',
      'Rate limit reached for requests: tokens per min (TPM): Limit 30000, Used 29000',
      '429 Too Many Requests',
      'Request failed: Too Many Requests (retry later)',
      'You exceeded your current quota, please check your plan and billing details.',
      'Request exceeds the token limit for this minute',
      'rate_limit_error: Number of request tokens has exceeded your per-minute rate limit',
    ]) assert.equal(isRateLimit(text), true, text);
    for (const text of [
      'prompt is too long: 250000 tokens > 200000 maximum',
      'Message exceeds token limit.',
      'overloaded_error: Overloaded',
      'Request Failed: 400 {"error":{"message":"prompt token count of 160000 exceeds the limit of 128000"}}',
      'The request took 4290 ms',
    ]) assert.equal(isRateLimit(text), false, text);
  });

  it('the API key: SecretStorage first, then ANTHROPIC_API_KEY, and a broken keychain falls back', async () => {
    const secrets = (value: string | undefined) => ({ get: async (key: string) => (key === API_KEY_SECRET ? value : undefined) });
    assert.equal(await readApiKey(secrets('sk-stored'), { ANTHROPIC_API_KEY: 'sk-env' }), 'sk-stored');
    assert.equal(await readApiKey(secrets(undefined), { ANTHROPIC_API_KEY: ' sk-env ' }), 'sk-env');
    assert.equal(await readApiKey(secrets('  '), {}), undefined);
    assert.equal(await readApiKey({ get: async () => Promise.reject(new Error('keychain locked')) }, { ANTHROPIC_API_KEY: 'sk-env' }), 'sk-env');
    assert.equal(validateApiKeyInput(''), undefined);
    assert.ok(validateApiKeyInput('sk ant'));
    assert.ok(validateApiKeyInput('short'));
    assert.equal(validateApiKeyInput('sk-ant-api03-abcdefghijklmnopqrstuvwxyz'), undefined);
    // Copied along with a key from a chat or a web page (break37a): each named with where it is.
    assert.match(validateApiKeyInput('sk-ant-api03-abcdefghij\u200bklmnopqrstuvwxyz') ?? '', /U\+200B at position 24/);
    assert.match(validateApiKeyInput('\u2018sk-ant-api03-abcdefghijklmnopqrstuvwxyz\u2019') ?? '', /U\+2018 at position 1/);
    assert.match(validateApiKeyInput('sk-ant-api03-😀abcdefghijklmnopqrstuvwxyz') ?? '', /U\+1F600 at position 14/);
    assert.equal(strayKeyCharacter('sk-ant-api03-abc_DEF-123'), undefined);
  });

  it('base URL: the setting, else ANTHROPIC_BASE_URL, else the public endpoint', () => {
    assert.equal(effectiveBaseUrl('http://proxy:8080', { ANTHROPIC_BASE_URL: 'http://env' }), 'http://proxy:8080');
    assert.equal(effectiveBaseUrl('', { ANTHROPIC_BASE_URL: 'http://env' }), 'http://env');
    assert.equal(effectiveBaseUrl(undefined, {}), 'https://api.anthropic.com');
  });
  it('withoutSecrets masks the key sent and anything shaped like an Anthropic key, and nothing else', () => {
    assert.equal(withoutSecrets('bad key my-gateway-token-123 given', 'my-gateway-token-123'), 'bad key *** given');
    assert.equal(withoutSecrets('echo sk-ant-api03-Zz_9-aaaa and sk-ant-admin01-bbbbbbbb.', undefined), 'echo *** and ***.');
    // A short value (a typo for a key) is not masked inside other words; the message stays readable.
    assert.equal(withoutSecrets('invalid x-api-key', 'x'), 'invalid x-api-key');
    assert.equal(withoutSecrets('no key here', null), 'no key here');
  });

  it('maskSecrets masks the common shapes of keys, tokens and passwords, keeping names, user names and JSON whole', () => {
    const cases: Array<[string, string]> = [
      ['auth ok key=sk-ant-api03-AbCdEf123456_-xyz end', 'auth ok key=*** end'],
      ['OPENAI_API_KEY=sk-proj-abcdefghijklmnopqrstuvwxyz0123', 'OPENAI_API_KEY=***'],
      ['push with ghp_abcdefghijklmnopqrstuvwxyz0123456789 done', 'push with *** done'],
      ['id AKIAIOSFODNN7EXAMPLE aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'id *** aws_secret_access_key=***'],
      ['Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig1 sent', 'Authorization: Bearer *** sent'],
      ['connecting to postgres://app:s3cr3t@db:5432/orders', 'connecting to postgres://app:***@db:5432/orders'],
      ['mysql -u root --password=hunter2 -h db', 'mysql -u root --password=*** -h db'],
      ['node app.js --api-key abc123def', 'node app.js --api-key ***'],
      ['{"password":"hun\\"ter2","user":"x"}', '{"password":"***","user":"x"}'],
    ];
    for (const [text, want] of cases) assert.equal(maskSecrets(text).text, want, text);
    // A log line inside a tool's JSON: the quotes are escaped, the JSON stays whole.
    const json = JSON.stringify({ lines: ['db password="hunter2" set', 'token: abc123'] });
    const masked = maskSecrets(json);
    assert.deepEqual(JSON.parse(masked.text), { lines: ['db password="***" set', 'token: ***'] });
    assert.equal(masked.masked, 2);
    // Prose and figures that only look alike are left alone.
    for (const text of ['Bearer authentication failed', 'input_tokens: 1200, PWD=/home/me', 'sk-short', 'password: ***']) assert.deepEqual(maskSecrets(text), { text, masked: 0 }, text);
  });

  it('maskToolResult says what was masked: a first field of a JSON object, else a last line', () => {
    const json = maskToolResult(JSON.stringify({ lines: ['key sk-ant-api03-aaaaaaaaaa'], returned: 1 }));
    assert.deepEqual(JSON.parse(json), { maskedByAssistant: '1 value that looked like a secret (key, token, password) masked as *** by DevOps Assistant', lines: ['key ***'], returned: 1 });
    assert.equal(maskToolResult('user=a password=b password=c'), 'user=a password=*** password=***\n[2 values that looked like a secret (key, token, password) masked as *** by DevOps Assistant]');
    assert.equal(maskToolResult('{"ok":true}'), '{"ok":true}');
  });

  it('shownBaseUrl masks a user name and password and leaves other URLs as they are', () => {
    assert.equal(shownBaseUrl('https://user:tok@gw.example/anthropic'), 'https://***@gw.example/anthropic');
    assert.equal(shownBaseUrl('http://tok@127.0.0.1:8080'), 'http://***@127.0.0.1:8080');
    assert.equal(shownBaseUrl('http://proxy:8080'), 'http://proxy:8080');
    assert.equal(shownBaseUrl('not a url'), 'not a url');
    const mapped = mapApiError(new APIConnectionError({ message: 'Connection error.' }), { baseURL: 'https://u:p4ss@gw.example', model: 'm' });
    assert.ok(!mapped.message.includes('p4ss') && mapped.message.includes('https://***@gw.example'), mapped.message);
  });
  it('mapWithLimit keeps the order of its items and never runs more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const gates: Array<() => void> = [];
    const done = mapWithLimit([5, 4, 3, 2, 1, 0], 2, async (n, i) => {
      most = Math.max(most, ++running);
      await new Promise<void>((resolve) => gates.push(resolve));
      running--;
      return `${i}:${n}`;
    });
    // Opens the gates one at a time, latest first, so the calls end out of their order.
    for (let opened = 0; opened < 6; opened++) {
      while (gates.length === 0) await new Promise((resolve) => setImmediate(resolve));
      gates.pop()!();
      await new Promise((resolve) => setImmediate(resolve));
    }
    assert.deepEqual(await done, ['0:5', '1:4', '2:3', '3:2', '4:1', '5:0']);
    assert.equal(most, 2);
    assert.deepEqual(await mapWithLimit([], 4, async () => 1), []);
  });
});
