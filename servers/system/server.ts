// The system server: its tools and its resource on one McpServer; the fleet tools when Prometheus is configured.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { SERVER_VERSION } from '../shared/version';
import type { SystemConfig } from './config';
import { createFleet, type Fleet } from './fleet/fleet';
import { registerCheckHostPrompt } from './prompts/check-host';
import { registerFleetHostResource } from './resources/fleet-host';
import { registerInfoResource } from './resources/info';
import { registerDiskUsage } from './tools/disk-usage';
import { registerFleetOverview } from './tools/fleet-overview';
import { registerHostUsage } from './tools/host-usage';
import { registerNetworkUsage } from './tools/network-usage';
import { registerQueryMetrics } from './tools/query-metrics';
import { registerResourceUsage } from './tools/resource-usage';
import { registerTopProcesses } from './tools/top-processes';

export const SERVER_NAME = 'devops-assistant-system';

/** Registers the system tools and the system://info resource on any McpServer; `fleet` overrides the one built from config.fleet (tests). */
export function registerTools(server: McpServer, config: SystemConfig, fleet?: Fleet): void {
  registerInfoResource(server, config);
  registerResourceUsage(server, config);
  registerDiskUsage(server, config);
  registerTopProcesses(server, config);
  registerNetworkUsage(server, config);
  const prometheus = fleet ?? (config.fleet ? createFleet(config.fleet) : undefined);
  if (prometheus) registerFleet(server, config, prometheus);
}

/** The fleet tools, the fleet://host/{host} resource and the check_host prompt. */
function registerFleet(server: McpServer, config: SystemConfig, fleet: Fleet): void {
  registerFleetOverview(server, config.thresholds, fleet);
  registerHostUsage(server, config.thresholds, fleet);
  registerQueryMetrics(server, fleet);
  registerFleetHostResource(server, fleet);
  registerCheckHostPrompt(server, fleet);
}

export function createServer(config: SystemConfig): McpServer {
  const server = new McpServer(
    { name: SERVER_NAME, title: 'DevOps Assistant: system', version: SERVER_VERSION },
    {
      instructions:
        'Live readings of this machine: CPU, memory, disks, processes, network. Readings carry "warnings" when a threshold is crossed; mention them to the user.' +
        (config.fleet
          ? ' Also the fleet: fleet_overview, host_usage and query_metrics read every host Prometheus scrapes with node_exporter; the local tools answer only for this machine.'
          : ''),
    },
  );
  registerTools(server, config);
  return server;
}
