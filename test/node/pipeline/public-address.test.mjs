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
