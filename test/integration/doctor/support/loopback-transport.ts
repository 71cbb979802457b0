import { createTransport, type TransportDeps } from '../../../../src/main/core/transport';
import { fakeLookup } from '../../../support/network/lookups';

/** A transport opener as the doctor tests use it: loopback-only names, no proxy from the environment. */
export function loopbackTransport(deps: TransportDeps = {}) {
  return () => createTransport({ lookup: fakeLookup(), env: {}, ...deps });
}
