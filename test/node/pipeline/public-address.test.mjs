// publicAddress (src/pipeline/media.ts): what --mirror-media and publish's recheck may connect to. An IPv6 address
// that carries an IPv4 one reaches that IPv4 address (through a NAT64 gateway, a 6to4 relay, or a stack that still
// reads IPv4-compatible addresses), so it is as public as the address it carries.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lib } from './helpers.mjs';

const { publicAddress } = lib;

test('an IPv6 address carrying a private IPv4 one is not public; one carrying a public address is', () => {
  for (const ip of [
    '64:ff9b::7f00:1', // NAT64 well-known prefix, 127.0.0.1
    '64:ff9b::10.0.0.1', // the same, written with its IPv4 part
    '64:ff9b::a9fe:a9fe', // 169.254.169.254, cloud metadata
    '64:ff9b:1::a00:1', // NAT64 local-use prefix (RFC 8215): inside by definition
    '::7f00:1', // IPv4-compatible, 127.0.0.1
    '::192.168.1.1',
    '2002:c0a8:101::1', // 6to4 of 192.168.1.1
    '2002:7f00:1::1', // 6to4 of 127.0.0.1
    'fec0::1', // site-local (deprecated, still routed inside some networks)
    'feff::1',
  ])
    assert.equal(publicAddress(ip), false, ip);
  for (const ip of ['64:ff9b::808:808', '64:ff9b::8.8.8.8', '2002:808:808::1', '2606:4700::1111', '2a00:1450:4009:81f::200e'])
    assert.equal(publicAddress(ip), true, ip);
});

// Teredo (2001:0::/32, RFC 4380): 2001:0:<server IPv4>:<flags>:<port ^ 0xffff>:<client IPv4 ^ 0xffffffff>. The packet
// goes to the client's IPv4 address through whichever Teredo relay is nearest, possibly one inside this network,
// so a Teredo address is refused whatever it carries (see publicAddress).
const teredo = (server, client, port = 40000) => {
  const hex = (a, b) => ((a << 8) | b).toString(16);
  const [s1, s2, s3, s4] = server.split('.').map(Number);
  const [c1, c2, c3, c4] = client.split('.').map((n) => Number(n) ^ 0xff);
  return `2001:0:${hex(s1, s2)}:${hex(s3, s4)}:8000:${(port ^ 0xffff).toString(16)}:${hex(c1, c2)}:${hex(c3, c4)}`;
};

test('a Teredo address is not public, whatever client and server IPv4 addresses it carries', () => {
  // The encoder against RFC 4380's own example (server 65.54.227.120, client 192.0.2.45, port 40000).
  assert.equal(teredo('65.54.227.120', '192.0.2.45'), '2001:0:4136:e378:8000:63bf:3fff:fdd2');
  for (const client of ['192.168.1.1', '127.0.0.1', '10.0.0.1', '169.254.169.254', '8.8.8.8', '93.184.216.34'])
    for (const server of ['65.54.227.120', '10.0.0.53'])
      for (const ip of [teredo(server, client), teredo(server, client).replace('2001:0:', '2001:0000:').toUpperCase()])
        assert.equal(publicAddress(ip), false, `${ip} (client ${client}, server ${server})`);
  // Written with `::` (a zero server and client ^ 0xffffffff = 0): still Teredo; an address just outside it is not.
  assert.equal(publicAddress('2001::ffff:ffff'), false);
  assert.equal(publicAddress('2001::1'), false);
  assert.equal(publicAddress('2001:4860:4860::8888'), true);
});

// IANA's IPv6 special-purpose registry: what it lists as not globally reachable is refused, what it marks reachable
// inside those blocks is not.
test('IPv6 special-purpose blocks that are not globally reachable are not public; the reachable ones inside them are', () => {
  for (const ip of [
    '2001:2::1', // benchmarking (2001:2::/48)
    '2001:2:0:ffff::1',
    '2001:10::1', // ORCHID, deprecated (2001:10::/28)
    '2001:1f:ffff::1',
    '2001:1::4', // IETF protocol assignments (2001::/23) outside the listed anycast addresses
    '2001:5::1',
    '2001:1ff:ffff::1',
    '2001:4:113::1', // beside AS112's /48, not in it
    '100::1', // discard-only (100::/64)
    '100::1:0:0:1', // dummy prefix (100:0:0:1::/64)
    '2001:db8::1', // documentation
    '2001:0DB8:85a3::8a2e:370:7334',
    '3fff::1', // documentation (3fff::/20)
    '3fff:fff::1',
    '5f00::1', // SRv6 segment identifiers (5f00::/16)
  ])
    assert.equal(publicAddress(ip), false, ip);
  for (const ip of [
    '2001:1::1', // Port Control Protocol anycast
    '2001:1::3', // DNS-SD service registration anycast
    '2001:3::1', // AMT
    '2001:4:112::1', // AS112-v6
    '2001:20::1', // ORCHIDv2
    '2001:3f:ffff::1', // drone remote identification (2001:30::/28)
    '2001:200::1', // just past 2001::/23: an ordinary allocation
    '100:1::1', // past 100::/64 and the dummy /64
    '3fff:1000::1', // past 3fff::/20
    '2001:db9::1',
  ])
    assert.equal(publicAddress(ip), true, ip);
});
