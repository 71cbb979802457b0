import { createHash } from 'node:crypto';
import { Agent } from 'undici';
import { createConnector, type ConnectorConfig } from './connect/create-connector';

/**
 * One undici Agent per distinct way of connecting (route, proxy credentials, trusted CAs, pin,
 * connect timeout), so keep-alive connections are shared between calls but never between
 * settings: a socket verified under one profile's CA file or pin never serves another.
 */
export class AgentPool {
  private readonly agents = new Map<string, Agent>();

  get(config: ConnectorConfig): Agent {
    const key = keyOf(config);
    let agent = this.agents.get(key);
    if (!agent) {
      agent = new Agent({ connect: createConnector(config), allowH2: false });
      this.agents.set(key, agent);
    }
    return agent;
  }

  async close(): Promise<void> {
    const agents = [...this.agents.values()];
    this.agents.clear();
    await Promise.all(agents.map((agent) => agent.destroy()));
  }
}

function keyOf(config: ConnectorConfig): string {
  const { route } = config;
  const proxy =
    route.kind === 'proxy'
      ? `${route.origin}|${route.authorization ? createHash('sha256').update(route.authorization).digest('hex') : ''}`
      : 'direct';
  return [
    proxy,
    config.proxyMode,
    config.trust.key,
    config.pin ?? '',
    config.connectTimeoutMs,
  ].join('|');
}
