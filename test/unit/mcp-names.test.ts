// Names the model sees: git repository names (the `repository` enum) and MCP tool names (issue 12, item 2).
import assert from 'node:assert/strict';
import { gitRepositoryNames } from '../../src/mcp/git-repositories';
import { repositoryNames } from '../../src/mcp/server-specs';
import { MODEL_TOOL_NAME, prefixedToolName, qualifyToolNames, sanitizeToolName } from '../../src/mcp/tool-names';
import type { ToolInfo } from '../../src/mcp/types';

const withoutUnderscores = (name: string) => name.replace(/_/g, '');

/** Valid, unique, and no two differ only in underscores. */
function assertSane(names: readonly string[]): void {
  assert.ok(names.every((n) => MODEL_TOOL_NAME.test(n)), names.join(' '));
  assert.equal(new Set(names).size, names.length, names.join(' '));
  assert.equal(new Set(names.map(withoutUnderscores)).size, names.length, `names differing only in underscores: ${names.join(' ')}`);
}

describe('model-visible names', () => {
  describe('repositoryNames (the git tools\' repository enum)', () => {
    it('keeps folder names in any script and disambiguates duplicates in folder order', () => {
      const long = `${'a'.repeat(53)}-backend-1`;
      const names = repositoryNames([
        { name: '前端', path: '/w/前端' },
        { name: '后端', path: '/w/后端' },
        { name: '프론트엔드', path: '/w/프론트엔드' },
        { name: '백엔드', path: '/w/백엔드' },
        { name: long, path: `/w/${long}` },
        { name: 'api', path: '/w/api' },
        { name: 'api', path: '/srv/api' },
        { name: 'api (2)', path: '/x/api (2)' },
        { name: '  ', path: '/w/blank' },
      ]);
      assert.deepEqual(names, ['前端', '后端', '프론트엔드', '백엔드', long, 'api', 'api (2)', 'api (2) (2)', 'blank']);
      assert.deepEqual(repositoryNames([{ name: 'api', path: '/a' }, { name: 'api', path: '/b' }]), ['api', 'api (2)'], 'stable');
    });

    it('reads the names the running git server announces from its tool schema', () => {
      const tool = (server: string, name: string, enumValues?: string[]): ToolInfo => ({
        server,
        name,
        qualifiedName: name,
        inputSchema: { type: 'object', properties: enumValues ? { repository: { type: 'string', enum: enumValues } } : {} },
      });
      assert.deepEqual(gitRepositoryNames([tool('logs', 'search_logs'), tool('git', 'git_branches', ['前端', '后端'])]), ['前端', '后端']);
      assert.deepEqual(gitRepositoryNames([tool('mine', 'git_branches', ['x']), tool('git', 'git_log', ['y'])]), []);
      assert.deepEqual(gitRepositoryNames([]), []);
    });
  });

  describe('tool names of user MCP servers', () => {
    it('Chinese and Korean server names give distinct names that keep the tool name', () => {
      const names = qualifyToolNames([
        { server: '前端', name: 'git_log' },
        { server: '后端', name: 'git_log' },
        { server: '프론트엔드', name: 'git_log' },
        { server: '백엔드', name: 'git_log' },
      ]);
      assertSane(names);
      for (const name of names) assert.match(name, /^[0-9a-f]{8}__git_log$/, name);
    });

    it('two 62-character server names keep the whole tool part and stay distinct', () => {
      const a = `${'service-'.repeat(6)}platform-backend-1`.slice(0, 62);
      const b = `${a.slice(0, 61)}2`;
      assert.equal(a.length, 62);
      const names = qualifyToolNames([
        { server: a, name: 'git_log' },
        { server: b, name: 'git_log' },
        { server: a, name: 'git_blame' },
        { server: b, name: 'git_blame' },
      ]);
      assertSane(names);
      assert.ok(names.every((n) => n.length <= 64));
      assert.ok(names[0].endsWith('__git_log') && names[1].endsWith('__git_log'), names.join(' '));
      assert.ok(names[2].endsWith('__git_blame') && names[3].endsWith('__git_blame'), names.join(' '));
      assert.ok(names[0].startsWith('service-service-'), 'the readable start of the server name stays');
    });

    it('a long tool name is cut with a hash and still distinct; the server part keeps room', () => {
      const tool1 = `query_${'x'.repeat(60)}_one`;
      const tool2 = `query_${'x'.repeat(60)}_two`;
      const names = qualifyToolNames([
        { server: 'alpha', name: tool1 },
        { server: 'beta', name: tool1 },
        { server: 'alpha', name: tool2 },
      ]);
      assertSane(names);
      assert.ok(names[0].startsWith('alpha__query_x') && names[1].startsWith('beta__query_x'), names.join(' '));
      assert.equal(names[2].length, 64);
    });

    it('duplicate and look-alike names: unique, not only-underscore variants, independent of order', () => {
      const tools = [
        { server: 'db', name: 'query' },
        { server: 'db.prod', name: 'query' },
        { server: 'db prod', name: 'query' },
        { server: 'x', name: '도구' },
        { server: 'y', name: '도구!' },
        { server: 'z', name: 'a.b' },
        { server: 'w', name: 'a_b' },
      ];
      const names = qualifyToolNames(tools);
      assertSane(names);
      const reversed = qualifyToolNames([...tools].reverse()).reverse();
      // Only the pure punctuation look-alikes (a.b / a_b, db.prod / db prod) depend on order, through the counter.
      assert.deepEqual([reversed[0], reversed[3], reversed[4]], [names[0], names[3], names[4]]);
      assert.equal(names[0], 'db__query');
    });

    it('sanitizeToolName: readable ASCII kept, other scripts replaced by a hash, empty gives "tool"', () => {
      assert.equal(sanitizeToolName('git:web app'), 'git_web_app');
      assert.equal(sanitizeToolName(''), 'tool');
      assert.match(sanitizeToolName('api-서버'), /^api_[0-9a-f]{8}$/);
      assert.equal(sanitizeToolName('前端'), sanitizeToolName('前端'), 'stable');
      assert.notEqual(sanitizeToolName('前端'), sanitizeToolName('后端'));
      assert.match(prefixedToolName('前端', 'git_log'), /^[0-9a-f]{8}__git_log$/);
    });
  });
});
