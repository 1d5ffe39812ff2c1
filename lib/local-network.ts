/**
 * Whether a host is on this computer or the seller's own network: the only places a plain
 * `http:` model endpoint is allowed, since anything sent there (listing text, an API key)
 * travels unencrypted. Hostnames are as `URL.hostname` gives them (IPv6 in brackets).
 */
export function isLocalNetworkHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host.startsWith('[')) return isLocalIpv6(host.slice(1, -1));
  const ipv4 = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(host);
  if (ipv4) return isLocalIpv4(ipv4.slice(1).map(Number));
  // A single-label name (http://gpu-box:1234) only resolves on a local network, as do the
  // names reserved for one.
  return (
    !host.includes('.') ||
    /\.(localhost|local|lan|internal|home\.arpa)$/.test(host) ||
    host === 'localhost'
  );
}

function isLocalIpv4([a, b]: number[]): boolean {
  return (
    a === 127 || // loopback
    a === 10 ||
    (a === 172 && b! >= 16 && b! <= 31) ||
    (a === 192 && b === 168) ||
    (a === 169 && b === 254) || // link-local
    (a === 100 && b! >= 64 && b! <= 127) // carrier-grade NAT range, used by VPN meshes (Tailscale)
  );
}

function isLocalIpv6(address: string): boolean {
  if (address === '::1') return true;
  // An IPv4-mapped address, as URL writes it (::ffff:a00:1 for 10.0.0.1).
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(address);
  if (mapped) {
    const [high, low] = [parseInt(mapped[1]!, 16), parseInt(mapped[2]!, 16)];
    return isLocalIpv4([high >> 8, high & 255, low >> 8, low & 255]);
  }
  // fc00::/7 unique local, fe80::/10 link-local.
  return /^f[cd][0-9a-f]{0,2}:/.test(address) || /^fe[89ab][0-9a-f]?:/.test(address);
}

/** Whether requests to `address` would travel unencrypted. */
export function isPlainHttp(address: string): boolean {
  try {
    return new URL(address).protocol === 'http:';
  } catch {
    return false;
  }
}
