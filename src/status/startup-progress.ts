// The progress shown while servers start (at activation, and on a restart): the status bar's "DevOps 0/3" alone left a
// person who opened the window seeing nothing happen for the seconds the servers take. Pure: the caller gives how to show it.
import type { ServerState } from '../mcp/types';
import type { Translate } from '../views/node';

/** A progress being shown: its message replaced by `report`, taken away by `done`. */
export interface ProgressSink {
  report(message: string): void;
  done(): void;
}

/** What followServerStarts reads of the hub. */
export interface ServerStates {
  states(): ServerState[];
  onDidChangeState(listener: (states: ServerState[]) => void): { dispose(): void };
}

/** The names of the servers starting or restarting in `states`. */
export function startingServers(states: readonly ServerState[]): string[] {
  return states.filter((s) => s.status === 'starting' || s.status === 'restarting').map((s) => s.name);
}

/**
 * Shows a progress (`begin`) from now (activation: the servers are set up on the next tick) until no server is starting
 * or restarting (each running, failed, stopped or disabled), and again whenever one starts later. Its message names the
 * servers still starting. Disposing takes it away.
 */
export function followServerStarts(hub: ServerStates, begin: () => ProgressSink, t: Translate): { dispose(): void } {
  let sink: ProgressSink | undefined = begin();
  sink.report(t('Starting the servers…'));
  const update = (states: readonly ServerState[]) => {
    const starting = startingServers(states);
    if (starting.length === 0) {
      sink?.done();
      sink = undefined;
      return;
    }
    sink ??= begin();
    sink.report(t('Starting the servers: {0}…', starting.join(', ')));
  };
  const subscription = hub.onDidChangeState(update);
  if (hub.states().length > 0) update(hub.states());
  return {
    dispose: () => {
      subscription.dispose();
      sink?.done();
      sink = undefined;
    },
  };
}
