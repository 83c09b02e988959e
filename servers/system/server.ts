// The system server: its tools and its resource on one McpServer.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { SERVER_VERSION } from '../shared/version';
import type { SystemConfig } from './config';
import { registerInfoResource } from './resources/info';
import { registerDiskUsage } from './tools/disk-usage';
import { registerNetworkUsage } from './tools/network-usage';
import { registerResourceUsage } from './tools/resource-usage';
import { registerTopProcesses } from './tools/top-processes';

export const SERVER_NAME = 'devops-assistant-system';

/** Registers the system tools and the system://info resource on any McpServer. */
export function registerTools(server: McpServer, config: SystemConfig): void {
  registerInfoResource(server, config);
  registerResourceUsage(server, config);
  registerDiskUsage(server, config);
  registerTopProcesses(server, config);
  registerNetworkUsage(server, config);
}

export function createServer(config: SystemConfig): McpServer {
  const server = new McpServer(
    { name: SERVER_NAME, title: 'DevOps Assistant: system', version: SERVER_VERSION },
    {
      instructions:
        'Live readings of this machine: CPU, memory, disks, processes, network. Readings carry "warnings" when a threshold is crossed; mention them to the user.',
    },
  );
  registerTools(server, config);
  return server;
}
