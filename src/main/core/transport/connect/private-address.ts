import net from 'node:net';

// Addresses that exist only inside an organisation's own network: RFC 1918, the shared
// space carrier-grade NAT and VPNs such as Tailscale use (RFC 6598), and IPv6 unique local
// addresses (RFC 4193). A name that leads to one is reachable only from that network.
const privateRanges = new net.BlockList();
privateRanges.addSubnet('10.0.0.0', 8, 'ipv4');
privateRanges.addSubnet('172.16.0.0', 12, 'ipv4');
privateRanges.addSubnet('192.168.0.0', 16, 'ipv4');
privateRanges.addSubnet('100.64.0.0', 10, 'ipv4');
privateRanges.addSubnet('fc00::', 7, 'ipv6');

/** Whether an IP address belongs to a private (company or home) network. */
export function isPrivateAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 0) return false;
  return privateRanges.check(address, family === 6 ? 'ipv6' : 'ipv4');
}
